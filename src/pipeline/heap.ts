/**
 * V8's heap growth while a large draft is linted: in a large draft's worker (`pool.ts`), and
 * in this thread for a draft whose tree is as large as a windowed draft's but cannot be read in
 * windows (one line of 1 MiB is one chunk: `lint.ts`).
 */
import v8 from 'node:v8'

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent, while a
 * large draft is linted. V8's own factor is up to 4×: the live heap of 4 MiB of prose is about
 * 100 to 250 MB, its peak 0.7 to 1.3 GB. At 20 % the peak stays near the live size (4 MiB of
 * prose 1.09 GB -> 0.52 GB), for 20 to 40 % more CPU time (bench:limits, README). The flag
 * is the process's; it is set once the first large draft comes, and kept (drafts after it are
 * linted as before, only collected sooner).
 */
export const largeDraftHeapGrowingPercent = 20

let isPaced = false

/** Pace V8's heap growth for large drafts (see {@link largeDraftHeapGrowingPercent}), once per process. */
export function paceLargeDraftHeap(): void {
  if (isPaced) return
  v8.setFlagsFromString(`--heap-growing-percent=${largeDraftHeapGrowingPercent}`)
  isPaced = true
}

/** Whether {@link paceLargeDraftHeap} has paced this process's heap. */
export function isHeapPaced(): boolean {
  return isPaced
}

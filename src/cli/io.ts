/** The process's streams and settings, passed in so that the commands can be tested. */

/**
 * Where a command writes: `process.stdout` and `process.stderr`, or a test's buffer. A sink
 * that says it is full (`write` returns `false`) and has `once` is waited on until it drains.
 */
export interface Sink {
  write(text: string): unknown
  once?(event: 'drain', listener: () => void): unknown
}

/** Write `pieces` to `sink` in order, waiting whenever it is full, so that a long report is never all queued in memory. */
export async function writePieces(sink: Sink, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (sink.write(piece) === false && sink.once) await new Promise<void>((resolve) => sink.once!('drain', resolve))
  }
}

/** What a command may use of the process. */
export interface Io {
  readonly cwd: string
  readonly stdin: AsyncIterable<Uint8Array | string>
  readonly stdout: Sink
  readonly stderr: Sink
  /** Whether standard output is a terminal (colours). */
  readonly isTTY: boolean
  /**
   * Standard error, when it is a terminal a person watches (not `TERM=dumb`, not under `CI`):
   * its width, for the progress line of long runs (progress.ts). `undefined`: no progress.
   */
  readonly stderrTerminal?: {readonly columns?: number}
  /**
   * A plain-text draft of 1 MiB or more is linted alone in a worker whose heap may hold this
   * many MB (`lintAll`'s `isolate`; the executable sets it, from `COPYDESK_MAX_HEAP_MB` or
   * `defaultMaxHeapMb`). `undefined`: every draft is linted as the others (tests in process).
   */
  readonly maxHeapMb?: number
  /**
   * Workers that share such a draft's windows, the heap split between them (`lintAll`'s
   * `isolate.threads`; the executable sets it from `COPYDESK_LARGE_DRAFT_THREADS`). Default 1.
   */
  readonly largeDraftThreads?: number
}

/**
 * Many drafts at once: spread them over this thread and worker threads, one per core in all,
 * each with its own processors (loaded once per worker), and give back the same messages
 * `lint()` would.
 *
 * Small runs stay in this thread: a worker costs a module load and a dictionary load, which
 * only pays off when there is enough text to share.
 */
import os from 'node:os'
import v8 from 'node:v8'
import {threadId, Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/types.js'
import type {MessageFields} from '../rule.js'
import {draftKind, lint, type StoppedAt} from './lint.js'
import type {DraftKind} from './processor.js'
import {windowThreshold} from './windowed.js'

/** One draft to lint. */
export interface PoolTask {
  readonly value: string
  readonly path?: string
  readonly cwd?: string
  readonly config: ResolvedConfig
  readonly kind?: DraftKind
}

declare module 'vfile' {
  interface DataMap {
    /** The id of the thread that linted the draft (`worker_threads.threadId`; 0 is the main thread). */
    copydeskThread: number
    /** Why the draft could not be linted (it has no messages then): see {@link LintAllOptions.isolate}. */
    copydeskFailure: string
  }
}

/** A message as it crosses a thread boundary (structured-clone safe). */
export interface PlainMessage {
  reason: string
  place?: VFileMessage['place']
  ruleId?: string
  source?: string
  url?: string
  note?: string
  fatal?: boolean | null
  actual?: string
  expected?: string[]
  fix?: boolean
}

/**
 * Below this much text in all, threads cost more than they save, and the drafts are linted in
 * this thread. Chosen by measurement (`npm run bench`: 1 against 2 threads on the 30 prose
 * drafts and on 1 MB): on this project's 2-core machine, shared with other work, two threads
 * were slower than one at 140 kB (0.6×) and still at 1 MB (0.85×), a worker's start (modules
 * and data) outweighing the share it takes; so the pool starts only above 2 MiB. Re-measure
 * when loading gets cheaper.
 */
export const minimumPoolBytes = 2 * 1024 * 1024

/** A worker's reply (`pool-worker.ts`): ready for work, or a draft's messages or error. */
interface Reply {
  readonly ready?: boolean
  readonly index: number
  readonly thread: number
  readonly messages?: PlainMessage[]
  readonly stopped?: StoppedAt
  readonly error?: string
}

/** Turn a message into plain data. */
export function toPlain(message: VFileMessage): PlainMessage {
  const fields = message as VFileMessage & MessageFields
  return {
    reason: message.reason,
    place: message.place,
    ruleId: message.ruleId,
    source: message.source,
    url: message.url,
    note: message.note,
    fatal: message.fatal,
    actual: fields.actual,
    expected: fields.expected,
    fix: fields.fix,
  }
}

/** Rebuild a VFileMessage on `file` from plain data. */
export function fromPlain(file: VFile, plain: PlainMessage): VFileMessage {
  const message = new VFileMessage(plain.reason, {place: plain.place ?? undefined, ruleId: plain.ruleId, source: plain.source})
  message.file = file.path
  if (plain.url) message.url = plain.url
  if (plain.note) message.note = plain.note
  message.fatal = plain.fatal ?? undefined
  const fields = message as VFileMessage & MessageFields
  if (plain.actual !== undefined) fields.actual = plain.actual
  if (plain.expected !== undefined) fields.expected = plain.expected
  if (plain.fix !== undefined) fields.fix = plain.fix
  file.messages.push(message)
  return message
}

/** Options of {@link lintAll}. */
export interface LintAllOptions {
  /** Threads to spread the drafts over (default: the number of cores). */
  readonly threads?: number
  /** Below this many characters in all, lint in this thread (default {@link minimumPoolBytes}). */
  readonly minimumBytes?: number
  /** Called when the draft of `tasks[index]` starts (in this thread, or sent to a worker). */
  readonly onStart?: (index: number) => void
  /** Called when the draft of `tasks[index]` is linted. */
  readonly onDone?: (index: number) => void
  /**
   * Lint each plain-text draft of at least `minimumBytes` characters (default {@link isolateBytes}) alone
   * in a worker of its own whose heap may hold at most `maxHeapMb` MB (V8's old generation),
   * one such draft at a time and before the others. A draft that needs more fails alone: its
   * file gets no messages and `data.copydeskFailure` says why. Without it every draft is
   * linted as the rest are.
   */
  readonly isolate?: {readonly maxHeapMb: number; readonly minimumBytes?: number}
}

/** Default {@link LintAllOptions.isolate} `minimumBytes`: the drafts that are linted a window at a time (`windowed.ts`). */
export const isolateBytes = windowThreshold

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent, while a
 * large draft is linted. V8's own factor is up to 4×: the live heap of 4 MiB of prose is about
 * 100 to 250 MB, its peak 0.7 to 1.3 GB. At 20 % the peak stays near the live size (4 MiB of
 * prose 1.09 GB -> 0.52 GB), for 20 to 40 % more CPU time (bench:limits, README). The flag
 * is the process's; it is set once the first large draft comes, and kept (drafts after it are
 * linted as before, only collected sooner).
 */
export const largeDraftHeapGrowingPercent = 20

/** The one-line reason a draft's worker ran out of its heap. */
export function outOfMemoryReason(maxHeapMb: number): string {
  return `out of memory: checking this draft needed more than ${maxHeapMb} MB, the limit for one draft (split it into smaller files)`
}

let isPaced = false

/** Pace V8's heap growth for large drafts (see {@link largeDraftHeapGrowingPercent}), once per process. */
export function paceLargeDraftHeap(): void {
  if (isPaced) return
  v8.setFlagsFromString(`--heap-growing-percent=${largeDraftHeapGrowingPercent}`)
  isPaced = true
}

/**
 * Lint one draft alone in a new worker whose heap may hold `maxHeapMb` MB; resolves to its
 * plain messages, or to the reason it failed (out of memory, or the worker's error). With a
 * `signal`, aborting it ends the worker at once and resolves to `{aborted: true}` (the language
 * server's document changed meanwhile).
 */
export async function lintIsolated(
  task: PoolTask,
  maxHeapMb: number,
  options: {readonly signal?: AbortSignal} = {},
): Promise<{messages: PlainMessage[]; thread: number; stopped?: StoppedAt} | {failure: string} | {aborted: true}> {
  if (options.signal?.aborted) return {aborted: true}
  paceLargeDraftHeap()
  const worker = new Worker(new URL('./pool-worker.js', import.meta.url), {resourceLimits: {maxOldGenerationSizeMb: maxHeapMb}})
  try {
    return await new Promise((resolve) => {
      options.signal?.addEventListener('abort', () => resolve({aborted: true}), {once: true})
      worker.on('message', (reply: Reply) => {
        if (reply.ready) worker.postMessage({index: 0, value: task.value, path: task.path, cwd: task.cwd, config: task.config, kind: task.kind})
        else if (reply.error !== undefined) resolve({failure: `internal error: ${reply.error}`})
        else resolve({messages: reply.messages ?? [], thread: reply.thread, stopped: reply.stopped})
      })
      worker.on('error', (error: Error & {code?: string}) => {
        resolve({failure: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemoryReason(maxHeapMb) : `internal error: ${error.stack ?? error.message}`})
      })
      worker.on('exit', (code) => resolve({failure: `internal error: the worker stopped (exit status ${code})`}))
    })
  } finally {
    await worker.terminate()
  }
}

/** How many threads (this one included) {@link lintAll} uses for `tasks`: 1 below the threshold. */
export function poolThreads(tasks: readonly PoolTask[], options: LintAllOptions = {}): number {
  const bytes = tasks.reduce((sum, task) => sum + task.value.length, 0)
  if (bytes < (options.minimumBytes ?? minimumPoolBytes)) return 1
  return Math.max(1, Math.min(options.threads ?? os.availableParallelism(), tasks.length))
}

/**
 * Lint every task; resolves to one VFile per task, in order, exactly as `lint()` would.
 * `threads` (this one included) defaults to the number of cores; 1 (or a small run) lints in
 * this thread only.
 */
export async function lintAll(tasks: readonly PoolTask[], options: LintAllOptions = {}): Promise<VFile[]> {
  const files = tasks.map((task) => new VFile({value: task.value, path: task.path, cwd: task.cwd}))
  if (options.isolate) {
    // The large drafts first, one at a time, each in a worker of its own; then the others.
    const {maxHeapMb, minimumBytes = isolateBytes} = options.isolate
    // Plain text only: a Markdown draft is linted whole (see `windowed.ts`), in the pool.
    const isLarge = (task: PoolTask) => task.value.length >= minimumBytes && draftKind(task.path, task.kind) === 'text'
    for (const [index, task] of tasks.entries()) {
      if (!isLarge(task)) continue
      options.onStart?.(index)
      const result = await lintIsolated(task, maxHeapMb)
      if ('aborted' in result) throw new Error('a lint without a signal was aborted')
      if ('failure' in result) files[index].data.copydeskFailure = result.failure
      else {
        for (const plain of result.messages) fromPlain(files[index], plain)
        files[index].data.copydeskThread = result.thread
        if (result.stopped) files[index].data.copydeskStopped = result.stopped
      }
      options.onDone?.(index)
    }
    const rest = tasks.map((task, index) => ({task, index})).filter(({task}) => !isLarge(task))
    const linted = await lintAll(
      rest.map(({task}) => task),
      {...options, isolate: undefined, onStart: (at) => options.onStart?.(rest[at].index), onDone: (at) => options.onDone?.(rest[at].index)},
    )
    for (const [at, {index}] of rest.entries()) files[index] = linted[at]
    return files
  }
  const threads = poolThreads(tasks, options)
  if (threads <= 1) {
    for (const [index, task] of tasks.entries()) {
      options.onStart?.(index)
      await lint(files[index], {config: task.config, kind: task.kind, path: task.path})
      files[index].data.copydeskThread = threadId
      options.onDone?.(index)
    }
    return files
  }

  // Longest first, pulled from one queue by this thread (already loaded: it starts at once)
  // and by `threads - 1` workers, each once it has loaded the modules and the data (it says
  // `ready`); so a slow start costs nothing but the core it uses. A worker holds two tasks at
  // a time, so that it never waits while this thread is busy with a draft.
  const order = tasks.map((_, index) => index).sort((a, b) => tasks[b].value.length - tasks[a].value.length)
  let next = 0
  const workers = Array.from({length: threads - 1}, () => new Worker(new URL('./pool-worker.js', import.meta.url)))
  // A worker that is not ready when this thread has taken the last task gets nothing.
  const idle: Array<() => void> = []
  const inWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0
      idle.push(() => inFlight === 0 && resolve())
      const send = () => {
        if (next >= order.length) return
        const index = order[next++]
        const task = tasks[index]
        inFlight++
        options.onStart?.(index)
        worker.postMessage({index, value: task.value, path: task.path, cwd: task.cwd, config: task.config, kind: task.kind})
      }
      worker.on('message', (reply: Reply) => {
        if (reply.ready) {
          send()
          send()
          if (inFlight === 0) resolve() // this thread took every task
          return
        }
        inFlight--
        if (reply.error) return reject(new Error(reply.error))
        for (const plain of reply.messages ?? []) fromPlain(files[reply.index], plain)
        files[reply.index].data.copydeskThread = reply.thread
        if (reply.stopped) files[reply.index].data.copydeskStopped = reply.stopped
        options.onDone?.(reply.index)
        send()
        if (inFlight === 0) resolve()
      })
      worker.on('error', reject)
    })
  const inThisThread = async () => {
    while (next < order.length) {
      const index = order[next++]
      const task = tasks[index]
      options.onStart?.(index)
      await lint(files[index], {config: task.config, kind: task.kind, path: task.path})
      files[index].data.copydeskThread = threadId
      options.onDone?.(index)
      // Let the workers' replies in, so that they get their next task.
      await new Promise((resolve) => setImmediate(resolve))
    }
    for (const done of idle) done()
  }
  try {
    await Promise.all([inThisThread(), ...workers.map(inWorker)])
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return files
}

/**
 * Many drafts at once: spread them over this thread and worker threads, one per core in all,
 * each with its own processors (loaded once per worker), and give back the same messages
 * `lint()` would.
 *
 * Small runs stay in this thread: a worker costs a module load and a dictionary load, which
 * only pays off when there is enough text to share.
 */
import os from 'node:os'
import {threadId, Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/types.js'
import type {MessageFields} from '../rule.js'
import {draftKind, guardRanges, lint, maxMessagesOf, type StoppedAt} from './lint.js'
import {enabledRules, type DraftKind} from './processor.js'
import {paceLargeDraftHeap} from './heap.js'
import {settle} from './settle.js'
import {lintInWindows, windowThreshold, type WindowOptions, type WindowPart} from './windowed.js'

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
  /** A share of a large draft's windows (`lintShare`). */
  readonly share?: Share
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
  readonly isolate?: {
    readonly maxHeapMb: number
    readonly minimumBytes?: number
    /** Workers sharing one draft's windows (default {@link shareThreads}; tests force more). */
    readonly threads?: number
    /** The windows of the shared lint (tests force tiny ones; default: `windowed.ts`'s). */
    readonly window?: WindowOptions
  }
}

/** Default {@link LintAllOptions.isolate} `minimumBytes`: the drafts that are linted a window at a time (`windowed.ts`). */
export const isolateBytes = windowThreshold

/** The one-line reason a draft's worker ran out of its heap. */
export function outOfMemoryReason(maxHeapMb: number): string {
  return `out of memory: checking this draft needed more than ${maxHeapMb} MB, the limit for one draft (split it into smaller files)`
}

/**
 * Call `fail` with the one-line reason when a large draft's `worker` (heap bound `maxHeapMb`)
 * fails: out of its heap, an error, or an exit before it answered.
 */
export function onWorkerFailure(worker: Worker, maxHeapMb: number, fail: (reason: string) => void): void {
  worker.on('error', (error: Error & {code?: string}) => {
    fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemoryReason(maxHeapMb) : `internal error: ${error.stack ?? error.message}`)
  })
  worker.on('exit', (code) => fail(`internal error: the worker stopped (exit status ${code})`))
}

/** What a worker gives back of its share of a large draft (see {@link lintShare}). */
export type Share =
  /** Its windows' messages, unsettled, and the rules' order (`copydeskRuleOrder`). */
  | {readonly kind: 'windows'; readonly messages: PlainMessage[]; readonly ruleOrder: readonly string[]}
  /** The draft is not for windows: the first share is the whole draft's messages, settled; the others are empty. */
  | {readonly kind: 'whole'; readonly messages: PlainMessage[]}

/**
 * The `part.index`th of `part.of` shares of a large plain-text draft: every window surveyed,
 * the share's run of windows reported on (`WindowPart` in `windowed.ts`), the messages left
 * unsettled for {@link mergeShares}. A draft that is not for windows (a rule that cannot read
 * one in windows is on, or it is one window) is linted whole by the first share alone.
 */
export async function lintShare(task: PoolTask, part: WindowPart, window: WindowOptions = {}): Promise<Share> {
  // Without a message limit only (see `lintIsolated`): the shares' windows are reported whole.
  const file = new VFile({value: task.value, path: task.path, cwd: task.cwd})
  if (await lintInWindows(file, task.config, window.size, part)) {
    return {kind: 'windows', messages: file.messages.map(toPlain), ruleOrder: file.data.copydeskRuleOrder ?? []}
  }
  if (part.index > 0) return {kind: 'whole', messages: []}
  await lint(file, {config: task.config, kind: task.kind, path: task.path, window: {...window, threshold: Infinity}})
  return {kind: 'whole', messages: file.messages.map(toPlain)}
}

/**
 * Put the shares of a draft (in order) on `file` as one lint of it gives them: each rule's
 * messages in the draft's order (the shares' runs of windows are), then settled (one rule per
 * problem, across the shares' edges too) as `lint()` settles them.
 */
export function mergeShares(file: VFile, shares: readonly Share[]): void {
  for (const share of shares) for (const plain of share.messages) fromPlain(file, plain)
  const windows = shares.find((share) => share.kind === 'windows')
  if (!windows) return
  file.data.copydeskRuleOrder = [...windows.ruleOrder]
  settle(file)
  guardRanges(file)
}

/**
 * How many workers share a large plain-text draft's windows: `threads` (default
 * {@link largeDraftThreads}), or 1 when a rule of the whole document that cannot read a draft
 * in windows is on (the draft is then linted whole, by one worker).
 */
export function shareThreads(config: ResolvedConfig, threads = largeDraftThreads): number {
  const isWindowed = enabledRules(config).every((rule) => rule.meta.scope === 'paragraph' || rule.meta.windowed === true)
  return isWindowed ? Math.max(1, Math.floor(threads)) : 1
}

/**
 * Workers per large draft by default: one. Two (each surveys every window and reports on
 * half of them) were measured on this project's 2-core machine (4 MiB, `node dist/src/cli.js
 * lint FILE --format json` one after the other, load 4 to 12; wall s / CPU s / peak MB, one
 * worker -> two): prose 21.8 / 24.9 / 458 -> 35.1 / 37.7 / 639, names one a line 22.3 / 19.7 /
 * 461 -> 51.5 / 33.3 / 807, one line repeated 59 / 33 / 1,083 -> 139 / 52 / 1,367. Each worker
 * repeats the survey (a quarter of the work) and collects a heap of its own: half as much CPU
 * again, so no faster on two cores, and a higher peak. Ask for 2 (`COPYDESK_LARGE_DRAFT_THREADS`)
 * on a machine with cores and memory to spare; re-measure once the survey is split between the
 * workers (each rule's survey state merged).
 */
export const largeDraftThreads = 1

/**
 * The young generation of a large draft's worker, in MB (`resourceLimits`): V8's default let
 * it take some 50 MB of the peak. 4 MiB of prose, at 16 against the default, two pairs of runs:
 * 389 / 447 MB and 419 / 458 MB, CPU within the noise (25.9 / 25.2 s, 30.2 / 31.1 s); names
 * 490 / 505 MB. At 8: 382 MB, but 16 % more CPU.
 */
export const largeDraftYoungGenerationMb = 16

/**
 * Lint one large draft alone, in workers whose heaps may hold `maxHeapMb` MB in all; resolves
 * to its plain messages, or to the reason it failed (out of memory, or a worker's error).
 *
 * With `threads` of 2 or more ({@link shareThreads}; default {@link largeDraftThreads}: 1), a
 * plain-text draft read in windows (`windowed.ts`) is shared by that many workers, started at
 * once, each with `maxHeapMb / threads`: each surveys every window and reports on its run of
 * them ({@link lintShare}); the shares are merged here ({@link mergeShares}), the same
 * messages as one worker's (`tests/pipeline/shared-windows.test.ts`). Otherwise one worker
 * lints the draft with `lint()`, as it does a draft with a message limit (`maxMessages`: the
 * report of a share cannot know what the shares before it spent). Every worker's young
 * generation is {@link largeDraftYoungGenerationMb}. With a `signal`, aborting it ends the
 * workers at once and resolves to `{aborted: true}` (the language server's document changed
 * meanwhile).
 */
export async function lintIsolated(
  task: PoolTask,
  maxHeapMb: number,
  options: {readonly threads?: number; readonly window?: WindowOptions; readonly signal?: AbortSignal} = {},
): Promise<{messages: PlainMessage[]; thread: number; stopped?: StoppedAt} | {failure: string} | {aborted: true}> {
  if (options.signal?.aborted) return {aborted: true}
  paceLargeDraftHeap()
  const shares = shareThreads(task.config, options.threads)
  const isShared =
    shares > 1 && maxMessagesOf(task.config) === undefined && draftKind(task.path, task.kind) === 'text' && task.value.length >= (options.window?.threshold ?? windowThreshold)
  const threads = isShared ? shares : 1
  // Every worker at once (each loads the modules and the data, some 0.7 s), each with its part of the heap.
  const resourceLimits = {maxOldGenerationSizeMb: Math.max(1, Math.floor(maxHeapMb / threads)), maxYoungGenerationSizeMb: largeDraftYoungGenerationMb}
  const workers = Array.from({length: threads}, () => new Worker(new URL('./pool-worker.js', import.meta.url), {resourceLimits}))
  const inWorker = (worker: Worker, index: number) =>
    new Promise<Reply>((resolve, reject) => {
      const fail = (reason: string) => reject(new Failure(reason))
      worker.on('message', (reply: Reply) => {
        if (reply.ready) {
          const part = isShared ? {index, of: threads} : undefined
          worker.postMessage({index: 0, value: task.value, path: task.path, cwd: task.cwd, config: task.config, kind: task.kind, part, window: options.window})
        } else if (reply.error !== undefined) fail(`internal error: ${reply.error}`)
        else resolve(reply)
      })
      onWorkerFailure(worker, maxHeapMb, fail)
    })
  let abort: (() => void) | undefined
  const aborted = new Promise<{aborted: true}>((resolve) => (abort = () => resolve({aborted: true})))
  options.signal?.addEventListener('abort', () => abort?.(), {once: true})
  try {
    // The first failure ends every worker (`finally`); so does an abort.
    const replies = await Promise.race([Promise.all(workers.map(inWorker)), aborted])
    if ('aborted' in replies) return replies
    if (!isShared) return {messages: replies[0].messages ?? [], thread: replies[0].thread, stopped: replies[0].stopped}
    const file = new VFile({value: task.value, path: task.path, cwd: task.cwd})
    mergeShares(
      file,
      replies.map((reply) => reply.share!),
    )
    return {messages: file.messages.map(toPlain), thread: replies[0].thread}
  } catch (error) {
    if (error instanceof Failure) return {failure: error.message}
    throw error
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/** Why a worker of {@link lintIsolated} failed (its one-line reason). */
class Failure extends Error {}

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
    const {maxHeapMb, minimumBytes = isolateBytes, threads, window} = options.isolate
    // Plain text only: a Markdown draft is linted whole (see `windowed.ts`), in the pool.
    const isLarge = (task: PoolTask) => task.value.length >= minimumBytes && draftKind(task.path, task.kind) === 'text'
    for (const [index, task] of tasks.entries()) {
      if (!isLarge(task)) continue
      options.onStart?.(index)
      const result = await lintIsolated(task, maxHeapMb, {threads, window})
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

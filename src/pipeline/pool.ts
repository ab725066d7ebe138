/**
 * Many drafts at once: spread them over worker threads, one per core, each with its own
 * processors (loaded once per worker), and give back the same messages `lint()` would.
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
import {lint} from './lint.js'
import type {DraftKind} from './processor.js'

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

/** Below this much text in all, threads cost more than they save. */
export const minimumPoolBytes = 256 * 1024

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
}

/**
 * Lint every task; resolves to one VFile per task, in order, exactly as `lint()` would.
 * `threads` defaults to the number of cores; 1 (or a small run) lints in this thread.
 */
export async function lintAll(tasks: readonly PoolTask[], options: LintAllOptions = {}): Promise<VFile[]> {
  const bytes = tasks.reduce((sum, task) => sum + task.value.length, 0)
  const threads = Math.min(options.threads ?? os.availableParallelism(), tasks.length)
  const files = tasks.map((task) => new VFile({value: task.value, path: task.path, cwd: task.cwd}))
  if (threads <= 1 || bytes < (options.minimumBytes ?? minimumPoolBytes)) {
    for (const [index, task] of tasks.entries()) {
      await lint(files[index], {config: task.config, kind: task.kind, path: task.path})
      files[index].data.copydeskThread = threadId
    }
    return files
  }

  // Longest first, to the least loaded worker: the run ends when the slowest worker does.
  const order = tasks.map((_, index) => index).sort((a, b) => tasks[b].value.length - tasks[a].value.length)
  const workers = Array.from({length: threads}, () => new Worker(new URL('./pool-worker.js', import.meta.url)))
  try {
    let next = 0
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= order.length) return resolve()
              const index = order[next++]
              const task = tasks[index]
              worker.postMessage({index, value: task.value, path: task.path, cwd: task.cwd, config: task.config, kind: task.kind})
            }
            worker.on('message', (reply: {index: number; thread: number; messages?: PlainMessage[]; error?: string}) => {
              if (reply.error) return reject(new Error(reply.error))
              for (const plain of reply.messages ?? []) fromPlain(files[reply.index], plain)
              files[reply.index].data.copydeskThread = reply.thread
              send()
            })
            worker.on('error', reject)
            send()
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return files
}

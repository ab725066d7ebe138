/**
 * `--fix` of a large draft in a worker thread of its own, as `copydesk lint` lints one
 * (`lintIsolated` in `src/pipeline/pool.ts`): a heap of at most `maxHeapMb` MB whose growth is
 * paced, so that fixing 4 MiB (a lint, the edits, a lint again) takes the memory one lint
 * takes, and a draft that needs more fails alone with one line instead of taking gigabytes.
 */
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import type {StoppedAt} from '../pipeline/lint.js'
import {paceLargeDraftHeap} from '../pipeline/heap.js'
import {fromPlain, largeDraftYoungGenerationMb, onWorkerFailure, type PlainMessage} from '../pipeline/pool.js'
import type {DraftKind} from '../pipeline/processor.js'
import type {FixResult} from './apply.js'

/** What the worker is given. */
export interface IsolatedFixTask {
  readonly value: string
  readonly path?: string
  readonly cwd?: string
  readonly config: ResolvedConfig
  readonly kind?: DraftKind
}

/** What the worker answers: {@link FixResult} as plain data. */
export interface IsolatedFix {
  readonly output: string
  readonly applied: number
  readonly initial: {readonly messages: readonly PlainMessage[]; readonly stopped?: StoppedAt}
  readonly final: {readonly messages: readonly PlainMessage[]; readonly stopped?: StoppedAt}
}

/** Fix `task`'s draft in a worker whose heap may hold `maxHeapMb` MB: what `fix()` gives, or why it failed. */
export async function fixIsolated(task: IsolatedFixTask, maxHeapMb: number): Promise<FixResult | {failure: string}> {
  paceLargeDraftHeap()
  const resourceLimits = {maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: largeDraftYoungGenerationMb}
  const worker = new Worker(new URL('./fix-worker.js', import.meta.url), {workerData: task, resourceLimits})
  try {
    const reply = await new Promise<IsolatedFix | {failure: string}>((resolve) => {
      worker.on('message', (message: IsolatedFix | {error: string}) => resolve('error' in message ? {failure: `internal error: ${message.error}`} : message))
      onWorkerFailure(worker, maxHeapMb, (failure) => resolve({failure}))
    })
    if ('failure' in reply) return reply
    const file = (value: string, part: IsolatedFix['final']) => {
      const made = new VFile({value, path: task.path, cwd: task.cwd})
      for (const plain of part.messages) fromPlain(made, plain)
      if (part.stopped) made.data.copydeskStopped = part.stopped
      return made
    }
    return {output: reply.output, applied: reply.applied, initial: file(task.value, reply.initial), file: file(reply.output, reply.final)}
  } finally {
    await worker.terminate()
  }
}

/** A worker thread of the pool: lints the drafts it is sent, one at a time. */
import {parentPort, threadId} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import {lint} from './lint.js'
import {lintShare, toPlain} from './pool.js'
import type {DraftKind} from './processor.js'
import type {WindowOptions, WindowPart} from './windowed.js'

// A configuration arrives as a copy with every task: keep one object per distinct
// configuration so that the processor (and its dictionary) is built once per worker.
const configs = new Map<string, ResolvedConfig>()

// Load the rules and their data before asking for work (a short draft with the default
// configuration): until then the main thread goes on linting, so a slow start costs nothing.
await lint('Warm up.')
parentPort?.postMessage({ready: true, thread: threadId})

/** A draft to lint, as the pool sends it. */
interface Task {
  readonly index: number
  readonly value: string
  readonly path?: string
  readonly cwd?: string
  readonly config: ResolvedConfig
  readonly kind?: DraftKind
  /** A share of a large draft's windows to lint (`lintShare`), not the whole draft. */
  readonly part?: WindowPart
  readonly window?: WindowOptions
}

// Each task answers with its messages or its error (`run` never rejects).
parentPort?.on('message', (task: Task) => void run(task))

async function run(task: Task): Promise<void> {
  try {
    const key = JSON.stringify(task.config)
    let config = configs.get(key)
    if (!config) configs.set(key, (config = task.config))
    if (task.part) {
      const share = await lintShare({...task, config}, task.part, task.window)
      parentPort?.postMessage({index: task.index, thread: threadId, share})
      return
    }
    const file = new VFile({value: task.value, path: task.path, cwd: task.cwd})
    await lint(file, {config, kind: task.kind, path: task.path})
    parentPort?.postMessage({index: task.index, thread: threadId, messages: file.messages.map(toPlain), stopped: file.data.copydeskStopped})
  } catch (error) {
    parentPort?.postMessage({index: task.index, thread: threadId, error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  }
}

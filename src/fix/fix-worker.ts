/** A worker thread that fixes one large draft (see `fixIsolated` in `./isolated.ts`) and ends. */
import {parentPort, workerData} from 'node:worker_threads'
import {toPlain} from '../pipeline/pool.js'
import {fix} from './apply.js'
import type {IsolatedFix, IsolatedFixTask} from './isolated.js'

const task = workerData as IsolatedFixTask
try {
  const result = await fix(task.value, {config: task.config, path: task.path, kind: task.kind})
  const reply: IsolatedFix = {
    output: result.output,
    applied: result.applied,
    initial: {messages: result.initial.messages.map(toPlain), stopped: result.initial.data.copydeskStopped},
    final: {messages: result.file.messages.map(toPlain), stopped: result.file.data.copydeskStopped},
  }
  parentPort?.postMessage(reply)
} catch (error) {
  parentPort?.postMessage({error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
}

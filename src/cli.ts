#!/usr/bin/env node
/** The `copydesk` executable: the only module that touches `process`. */
import os from 'node:os'
import {main} from './cli/main.js'
import {maxHeapMbFrom} from './pipeline/limits.js'

const env = process.env
// A terminal a person watches, as `is-interactive` (ora) decides: not a dumb one (Emacs's
// compilation buffer), not a CI job (some give their jobs a pseudo-terminal; `CI=false` is no CI).
const isInteractive = Boolean(process.stderr.isTTY) && env.TERM !== 'dumb' && (env.CI === undefined || env.CI === '' || env.CI === 'false')

// A reader that stops early (`copydesk lint | head`) closes the pipe: the rest of the report
// has nowhere to go, which is no failure of the run (its exit status stays what it decides).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
  stderrTerminal: isInteractive ? process.stderr : undefined,
  // The heap one large draft may use: a positive whole number of MB, or the default.
  maxHeapMb: maxHeapMbFrom(env.COPYDESK_MAX_HEAP_MB),
  // Workers sharing one large draft: a positive whole number, at most one per core, or the default (1).
  largeDraftThreads: /^[1-9]\d*$/.test(env.COPYDESK_LARGE_DRAFT_THREADS ?? '') ? Math.min(Number(env.COPYDESK_LARGE_DRAFT_THREADS), os.availableParallelism()) : undefined,
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: internal error: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 2
  },
)

#!/usr/bin/env node
/** The `copydesk` executable: the only module that touches `process`. */
import {main} from './cli/main.js'

main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: internal error: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 2
  },
)

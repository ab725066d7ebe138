#!/usr/bin/env node
/** The `copydesk-lsp` executable: `copydesk lsp --stdio` (an entry point, like `src/cli.ts`, so it may touch `process`). */
import {maxHeapMbFrom} from '../pipeline/limits.js'
import {serveStdio} from './stdio.js'

serveStdio({cwd: process.cwd(), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, maxHeapMb: maxHeapMbFrom(process.env.COPYDESK_MAX_HEAP_MB)}).then(
  (code) => {
    // The protocol library's watch of the client's process and an open pipe would keep the process alive.
    process.exit(code)
  },
  (error: unknown) => {
    process.stderr.write(`copydesk-lsp: internal error: ${error instanceof Error ? error.stack : String(error)}\n`)
    process.exitCode = 2
  },
)

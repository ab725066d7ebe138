/** `copydesk lsp --stdio`: the language server over standard input and output. */
import {serveStdio} from '../lsp/stdio.js'
import {RunError} from './errors.js'
import type {Io} from './io.js'

/** Run the server until the client sends `exit`, closes the stream, or sends a bad frame. */
export function lspCommand(args: readonly string[], io: Io): Promise<number> {
  if (!args.includes('--stdio') || args.some((arg) => arg !== '--stdio')) {
    const given = args.length === 0 ? 'no transport' : `\`${args.join(' ')}\``
    throw new RunError(`Unexpected ${given} for \`copydesk lsp\`, expected \`--stdio\``)
  }
  return serveStdio({
    cwd: io.cwd,
    stdin: io.stdin as unknown as NodeJS.ReadableStream,
    stdout: io.stdout as unknown as NodeJS.WritableStream,
    stderr: io.stderr,
    maxHeapMb: io.maxHeapMb,
  }).then((code) => {
    // The protocol library watches the client's process on a timer and the client may keep
    // its end of the pipe open: end the process, as the library itself does on `exit`.
    process.exit(code)
  })
}

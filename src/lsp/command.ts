/** `copydesk lsp --stdio`: the language server over standard input and output. */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node.js'
import {RunError} from '../cli/errors.js'
import type {Io} from '../cli/io.js'
import {startServer} from './server.js'

/** Run the server until the client sends `exit` (which ends the process) or closes the stream. */
export function lspCommand(args: readonly string[], io: Io): Promise<number> {
  if (!args.includes('--stdio') || args.some((arg) => arg !== '--stdio')) {
    const given = args.length === 0 ? 'no transport' : `\`${args.join(' ')}\``
    throw new RunError(`Unexpected ${given} for \`copydesk lsp\`, expected \`--stdio\``)
  }
  // Standard output carries the protocol only: anything a module logs goes to standard error.
  const toStderr = (...values: unknown[]) => void io.stderr.write(values.map(String).join(' ') + '\n')
  console.log = toStderr
  console.info = toStderr
  console.debug = toStderr
  console.warn = toStderr
  const input = io.stdin as unknown as NodeJS.ReadableStream
  const output = io.stdout as unknown as NodeJS.WritableStream
  // Streams (not readers): the connection then also ends the process when the client closes stdin.
  const connection = createConnection(ProposedFeatures.all, input, output)
  return new Promise((resolve) => {
    connection.onExit(() => resolve(0))
    startServer(connection, {cwd: io.cwd})
  })
}

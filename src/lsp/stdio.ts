/**
 * The language server over standard input and output (`copydesk lsp --stdio`, `copydesk-lsp`).
 *
 * One bad frame from the client (a `Content-Length` that does not match its body, a body that
 * is not JSON, a header without a length) leaves the stream out of step for good: the server
 * says so on standard error and closes with status 1, so that the client sees it stop, instead
 * of staying up and never answering again.
 */
import {createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver/node.js'
import {startServer} from './server.js'

/** The streams and folder the server runs with. */
export interface StdioOptions {
  readonly cwd: string
  readonly stdin: NodeJS.ReadableStream
  readonly stdout: NodeJS.WritableStream
  readonly stderr: {write(text: string): unknown}
  /** See `ServerOptions.maxHeapMb`. */
  readonly maxHeapMb?: number
  /** How long a message may stay incomplete before the frame is taken as bad (ms; default 5000). */
  readonly frameTimeoutMs?: number
}

/** Serve until the client sends `exit` or closes the stream, or a frame is bad; resolves to the exit status. */
export function serveStdio(options: StdioOptions): Promise<number> {
  // Standard output carries the protocol only: anything a module logs goes to standard error.
  const toStderr = (...values: unknown[]) => void options.stderr.write(values.map(String).join(' ') + '\n')
  console.log = toStderr
  console.info = toStderr
  console.debug = toStderr
  console.warn = toStderr
  const reader = new StreamMessageReader(options.stdin)
  const writer = new StreamMessageWriter(options.stdout)
  const frameTimeoutMs = options.frameTimeoutMs ?? 5000
  reader.partialMessageTimeout = frameTimeoutMs
  const connection = createConnection(ProposedFeatures.all, reader, writer)
  return new Promise((resolve) => {
    let isDone = false
    const finish = (code: number) => {
      if (isDone) return
      isDone = true
      resolve(code)
      try {
        connection.dispose()
      } catch (error) {
        options.stderr.write(`copydesk: ${String(error)}\n`)
      }
    }
    reader.onError((error) => {
      options.stderr.write(`copydesk: bad message from the client (${error.message.split('\n')[0]}); closing the connection\n`)
      finish(1)
    })
    reader.onPartialMessage(({waitingTime}) => {
      options.stderr.write(
        `copydesk: bad message from the client (an incomplete message, waited ${Math.round(waitingTime / 1000)} s: its \`Content-Length\` may be wrong); closing the connection\n`,
      )
      finish(1)
    })
    reader.onClose(() => finish(server.hasShutdown ? 0 : 1))
    const server = startServer(connection, {cwd: options.cwd, maxHeapMb: options.maxHeapMb})
    connection.onExit(() => finish(server.hasShutdown ? 0 : 1))
  })
}

/**
 * The language server as editors other than VS Code meet it, over real stdio (the built CLI as
 * a child process): bad frames, oversized documents, clients that watch no files (Neovim 0.7),
 * clients that answer requests with errors, invalid and changing configuration, `ignore`
 * globs, and documents that are not prose.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {
  createProtocolConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = path.join(root, 'dist/src/cli.js')

interface Client {
  readonly server: ChildProcess
  readonly connection: ProtocolConnection
  readonly folder: string
  readonly published: PublishDiagnosticsParams[]
  readonly messages: Array<{type: number; message: string}>
  readonly exit: Promise<number | null>
  stderr(): string
  uri(name: string): string
  open(name: string, text: string, languageId?: string): string
  /** The next (or a received) publish for `uri` that passes `test`. */
  diagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>
}

const clients: Client[] = []

afterEach(() => {
  for (const client of clients.splice(0)) {
    client.connection.dispose()
    if (client.server.exitCode === null) client.server.kill()
    rmSync(client.folder, {recursive: true, force: true})
  }
})

/** Start a server in a fresh workspace folder; `canWatch`: whether the client offers to watch files. */
async function start(options: {canWatch?: boolean; files?: Record<string, string>} = {}): Promise<Client> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-'))
  for (const [name, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), text)
  }
  const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], {cwd: folder, stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)))
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
  const published: PublishDiagnosticsParams[] = []
  const waiters: Array<() => void> = []
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params)
    for (const waiter of [...waiters]) waiter()
  })
  const messages: Array<{type: number; message: string}> = []
  connection.onNotification('window/showMessage', (params: {type: number; message: string}) => messages.push(params))
  // A client that fails every request it does not know, as some editors do.
  connection.onRequest('window/showMessageRequest', () => new ResponseError(-32601, 'not supported'))
  connection.onRequest('workspace/configuration', (params: {items: unknown[]}) => params.items.map(() => null))
  connection.onRequest('client/registerCapability', () => new ResponseError(-32601, 'not supported'))
  connection.listen()
  const client: Client = {
    server,
    connection,
    folder,
    published,
    messages,
    exit,
    stderr: () => stderr,
    uri: (name) => pathToFileURL(path.join(folder, name)).href,
    open(name, text, languageId = 'plaintext') {
      const uri = client.uri(name)
      void connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
      return uri
    },
    diagnostics(uri, test, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = published.find((params) => params.uri === uri && test(params))
          if (!found) return false
          clearTimeout(timer)
          waiters.splice(waiters.indexOf(check), 1)
          resolve(found)
          return true
        }
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
        waiters.push(check)
        check()
      })
    },
  }
  clients.push(client)
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{uri: pathToFileURL(folder).href, name: 'drafts'}],
    capabilities: {
      workspace: {configuration: true, didChangeWatchedFiles: {dynamicRegistration: options.canWatch ?? false}},
      textDocument: {publishDiagnostics: {versionSupport: true}},
    },
  })
  await connection.sendNotification('initialized', {})
  return client
}

/** Write raw bytes to the server's standard input. */
function writeRaw(client: Client, text: string): void {
  client.server.stdin!.write(text)
}

const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code)

describe('bad frames', () => {
  it('closes with status 1 and a message after a Content-Length shorter than the body', async () => {
    const client = await start()
    const body = JSON.stringify({jsonrpc: '2.0', id: 99, method: 'shutdown'})
    writeRaw(client, `Content-Length: ${body.length - 5}\r\n\r\n${body}`)
    expect(await client.exit).toBe(1)
    expect(client.stderr()).toMatch(/bad message from the client .*closing the connection/)
  }, 20_000)

  it('closes with status 1 after a body that is not JSON', async () => {
    const client = await start()
    writeRaw(client, 'Content-Length: 9\r\n\r\nnot json!')
    expect(await client.exit).toBe(1)
    expect(client.stderr()).toMatch(/bad message from the client/)
  }, 20_000)

  it('closes with status 1 when a Content-Length longer than the body leaves a message incomplete', async () => {
    const client = await start()
    const body = JSON.stringify({jsonrpc: '2.0', id: 99, method: 'shutdown'})
    writeRaw(client, `Content-Length: ${body.length + 50}\r\n\r\n${body}`)
    expect(await client.exit).toBe(1)
    expect(client.stderr()).toMatch(/incomplete message/)
  }, 30_000)
})

describe('documents', () => {
  it('reports a document over 1 MiB (the default maxDraftSize) as too large, with one diagnostic, and keeps serving others', async () => {
    const client = await start()
    const huge = client.open('huge.txt', 'Talks resumed on Monday. '.repeat(45_000))
    const large = await client.diagnostics(huge, (params) => params.version === 1)
    expect(large.diagnostics).toHaveLength(1)
    expect(large.diagnostics[0].message).toBe(
      'Document too large to proofread (1,125,000 bytes), expected a draft of at most 1,048,576 bytes (1 MiB); raise it with `maxDraftSize` in the configuration (at most 4 MiB)',
    )
    const small = client.open('small.txt', 'Talks resumed on the the same day.\n')
    expect(codes(await client.diagnostics(small, (params) => params.version === 1))).toContain('repeated-word')
  }, 30_000)

  it('lints no documents of other languages (.ts, .json, .py) as prose, by extension or language id', async () => {
    const client = await start()
    const text = 'const x = "the the ther"\n'
    for (const [name, languageId] of [
      ['code.ts', 'typescript'],
      ['data.json', 'json'],
      ['script.py', 'python'],
      ['script.py.txt.py', 'plaintext'],
    ]) {
      const uri = client.open(name, text, languageId)
      expect((await client.diagnostics(uri, (params) => params.version === 1)).diagnostics).toEqual([])
    }
    // Untitled buffers go by their language id.
    const untitled = 'untitled:Untitled-1'
    void client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: untitled, languageId: 'plaintext', version: 1, text: 'It is is late.\n'}})
    expect(codes(await client.diagnostics(untitled, (params) => params.version === 1))).toContain('repeated-word')
  }, 30_000)

  it("applies the configuration's ignore globs to open documents", async () => {
    const client = await start({files: {'.copydeskrc.json': JSON.stringify({ignore: ['archive/**']})}})
    const text = 'It is is late.\n'
    const ignored = client.open('archive/old.txt', text)
    const linted = client.open('new.txt', text)
    expect((await client.diagnostics(ignored, (params) => params.version === 1)).diagnostics).toEqual([])
    expect(codes(await client.diagnostics(linted, (params) => params.version === 1))).toContain('repeated-word')
  }, 30_000)
})

describe('configuration', () => {
  it('notices a changed .copydeskrc.json without the client watching files (Neovim 0.7)', async () => {
    const client = await start({canWatch: false})
    const uri = client.open('draft.txt', 'It is is late.\n')
    expect(codes(await client.diagnostics(uri, (params) => params.version === 1))).toContain('repeated-word')
    writeFileSync(path.join(client.folder, '.copydeskrc.json'), JSON.stringify({rules: {'repeated-word': 'off'}}))
    await client.diagnostics(uri, (params) => params.version === 1 && !codes(params).includes('repeated-word'))
  }, 30_000)

  it('notices an edited dictionary file', async () => {
    const client = await start({canWatch: true, files: {'.copydeskrc.json': JSON.stringify({dictionaryFiles: ['words.txt']}), 'words.txt': '# desk words\n'}})
    const uri = client.open('draft.txt', 'The ministry said ther was no deal.\n')
    expect(codes(await client.diagnostics(uri, (params) => params.version === 1))).toContain('spelling')
    // The server polls the file; on a busy machine its first look may come after this write,
    // so the edit is repeated (a new line each time) until an edit is noticed.
    let edits = 0
    const edit = () => writeFileSync(path.join(client.folder, 'words.txt'), `# desk words\nther\n${'#\n'.repeat(edits++)}`)
    edit()
    const again = setInterval(edit, 3000)
    try {
      await client.diagnostics(uri, (params) => params.version === 1 && !codes(params).includes('spelling'))
    } finally {
      clearInterval(again)
    }
  }, 30_000)

  it('applies an edited style pack without a restart', async () => {
    const pack = (entries: string) => `entries:\n${entries}`
    const cooperate = '  - id: cooperate\n    avoid: [co-operate]\n    use: cooperate\n'
    const together = '  - id: together\n    avoid: [collaborate]\n    use: work together\n'
    const client = await start({canWatch: true, files: {'.copydeskrc.json': JSON.stringify({styles: ['./house.yaml']}), 'house.yaml': pack(cooperate)}})
    const uri = client.open('draft.txt', 'The ministries co-operate and collaborate on tariffs.\n')
    const flagged = (params: PublishDiagnosticsParams) =>
      params.diagnostics.filter((diagnostic) => diagnostic.source === 'copydesk').map((diagnostic) => (diagnostic.data as {actual: string}).actual)
    expect(flagged(await client.diagnostics(uri, (params) => params.version === 1))).toEqual(['co-operate'])
    writeFileSync(path.join(client.folder, 'house.yaml'), pack(cooperate + together))
    await client.diagnostics(uri, (params) => flagged(params).join() === 'co-operate,collaborate')
  }, 30_000)

  it('shows an invalid configuration once with window/showMessage and keeps the last valid one', async () => {
    const file = '.copydeskrc.json'
    const client = await start({files: {[file]: JSON.stringify({rules: {'repeated-word': 'off'}})}})
    const first = client.open('one.txt', 'It is is late. The media,stating that.\n')
    const second = client.open('two.txt', 'We we left.\n')
    expect(codes(await client.diagnostics(first, (params) => params.version === 1))).toContain('punctuation-spacing')
    expect(codes(await client.diagnostics(second, (params) => params.version === 1))).not.toContain('repeated-word')
    const before = client.published.length
    writeFileSync(path.join(client.folder, file), '{"rules": {"repeated-word": "sometimes"}}')
    // Both documents are linted again; the last valid configuration (repeated-word off) holds.
    await client.diagnostics(first, (params) => client.published.indexOf(params) >= before)
    await client.diagnostics(second, (params) => client.published.indexOf(params) >= before)
    expect(client.published.slice(before).flatMap(codes)).not.toContain('repeated-word')
    const errors = client.messages.filter((message) => message.type === 1)
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toMatch(/^copydesk: .*\.copydeskrc\.json.*; keeping the last valid configuration$/)
  }, 30_000)
})

describe('a client that answers requests with errors', () => {
  it('keeps the server up (window/showMessageRequest, client/registerCapability)', async () => {
    const client = await start({canWatch: true})
    // A bad command makes the server tell the user; this client fails any request for that.
    await client.connection.sendRequest('workspace/executeCommand', {command: 'copydesk.addToDictionary', arguments: [{}]})
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(client.messages.some((message) => /expects \[\{uri, word\}\]/.test(message.message))).toBe(true)
    const uri = client.open('draft.txt', 'It is is late.\n')
    expect(codes(await client.diagnostics(uri, (params) => params.version === 1))).toContain('repeated-word')
    expect(client.server.exitCode).toBeNull()
  }, 30_000)
})

/**
 * The language server end to end: the built CLI (`node dist/src/cli.js lsp --stdio`) as a child
 * process, spoken to over stdio by a real protocol client (vscode-languageserver-protocol).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js'
import {getRule} from '../../rules/index.js'
import {serverIsolateChars} from '../../src/lsp/diagnostics.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = path.join(root, 'dist/src/cli.js')
/** The rules these tests flag with: a renamed rule fails here instead of skipping checks. */
const usedRules = ['punctuation-spacing', 'repeated-word', 'spelling']

let server: ChildProcess
let connection: ProtocolConnection
let folder: string
let stderr = ''
let exitCode: Promise<number | null>
const published: PublishDiagnosticsParams[] = []
const waiters: Array<{test: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void}> = []
let settings: unknown = null

/** The next (or an already received) publish for `uri` that passes `test`. */
function diagnosticsFor(uri: string, test: (params: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
  const known = published.find((params) => params.uri === uri && test(params))
  if (known) return Promise.resolve(known)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs)
    waiters.push({
      test: (params) => params.uri === uri && test(params),
      resolve: (params) => {
        clearTimeout(timer)
        resolve(params)
      },
    })
  })
}

function uriOf(name: string): string {
  return pathToFileURL(path.join(folder, name)).href
}

function open(name: string, text: string, languageId = 'plaintext'): string {
  const uri = uriOf(name)
  void connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
  return uri
}

/** The text a diagnostic covers in `text`. */
function textAt(text: string, diagnostic: Diagnostic): string {
  const lines = text.split('\n')
  const {start, end} = diagnostic.range
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character)
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n')
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-'))
  server = spawn(process.execPath, [cli, 'lsp', '--stdio'], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  exitCode = new Promise((resolve) => server.on('exit', (code) => resolve(code)))
  connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!))
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params)
    for (const waiter of [...waiters]) {
      if (waiter.test(params)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(params)
      }
    }
  })
  connection.onRequest('workspace/configuration', (params: {items: unknown[]}) => params.items.map(() => settings))
  connection.onRequest('client/registerCapability', () => null)
  connection.listen()
  const result = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{uri: pathToFileURL(folder).href, name: 'drafts'}],
    capabilities: {
      workspace: {configuration: true, didChangeConfiguration: {dynamicRegistration: true}, didChangeWatchedFiles: {dynamicRegistration: true}},
      textDocument: {publishDiagnostics: {versionSupport: true}, codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source']}}}},
    },
  })
  expect(result).toMatchObject({capabilities: {textDocumentSync: {change: 2}, codeActionProvider: expect.anything()}})
  await connection.sendNotification('initialized', {})
})

afterAll(() => {
  connection?.dispose()
  if (server && server.exitCode === null) server.kill()
  if (folder) rmSync(folder, {recursive: true, force: true})
})

describe('copydesk lsp --stdio', () => {
  it('tests rules that exist', () => {
    expect(usedRules.filter((id) => getRule(id) === undefined)).toEqual([])
  })

  const draft = 'Talks resumed on the the same day.\nThe media,stating that talks went well, agreed.\n'
  let uri: string
  let first: PublishDiagnosticsParams

  it('publishes diagnostics on open, with code, docs link, source and version', async () => {
    uri = open('draft.txt', draft)
    first = await diagnosticsFor(uri, (params) => params.version === 1)
    const repeated = first.diagnostics.find((diagnostic) => diagnostic.code === 'repeated-word')
    expect(repeated).toBeDefined()
    expect(repeated).toMatchObject({source: 'copydesk', severity: expect.any(Number), range: {start: {line: 0}, end: {line: 0}}})
    expect(repeated!.codeDescription?.href).toMatch(/repeated-word/)
    expect(textAt(draft, repeated!)).toBe((repeated!.data as {actual: string}).actual)
    expect(textAt(draft, repeated!)).toMatch(/the/)
    const comma = first.diagnostics.find((diagnostic) => diagnostic.code === 'punctuation-spacing' && diagnostic.range.start.line === 1)
    expect(comma?.range.start.character).toBe('The media'.length)
    expect(comma?.data).toMatchObject({actual: ',', expected: [', ']})
  })

  it('offers quick fixes whose edits replace the flagged text, the first preferred', async () => {
    const repeated = first.diagnostics.find((diagnostic) => diagnostic.code === 'repeated-word')!
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: repeated.range,
      context: {diagnostics: [repeated]},
    })
    const fixes = actions.filter((action) => action.kind === 'quickfix' && action.edit)
    expect(fixes.length).toBeGreaterThan(0)
    expect(fixes[0].isPreferred).toBe(true)
    const edit = fixes[0].edit!.changes![uri][0]
    expect(edit.range).toEqual(repeated.range)
    expect(edit.newText).toBe((repeated.data as {expected: string[]}).expected[0])
    // Applying it leaves one `the`.
    const lines = draft.split('\n')
    const line = lines[0].slice(0, edit.range.start.character) + edit.newText + lines[0].slice(edit.range.end.character)
    expect(line).toBe('Talks resumed on the same day.')
    expect(fixes[0].title).toBe('Remove the second `the`')
  })

  it('titles quick fixes in words, never with an invisible space in backticks', async () => {
    const comma = first.diagnostics.find((diagnostic) => diagnostic.code === 'punctuation-spacing' && diagnostic.range.start.line === 1)!
    expect(comma.message).toBe('Missing space after `,`')
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri},
      range: comma.range,
      context: {diagnostics: [comma]},
    })
    expect(actions.filter((action) => action.kind === 'quickfix' && action.edit).map((action) => action.title)).toEqual(['Insert a space after `,`'])
  })

  it('offers "fix all certain problems" as source.fixAll.copydesk, and as source.fixAll to a client that asks for that kind (eglot)', async () => {
    const ask = async (only: string[]) =>
      await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: {uri},
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        context: {diagnostics: [], only},
      })
    for (const [only, kind] of [
      [['source.fixAll.copydesk'], 'source.fixAll.copydesk'],
      [['source'], 'source.fixAll.copydesk'],
      [['source.fixAll'], 'source.fixAll'],
    ] as const) {
      const actions = await ask([...only])
      expect(actions).toHaveLength(1)
      expect(actions[0]).toMatchObject({kind, title: 'Fix all certain problems'})
      expect(actions[0].edit!.changes![uri].length).toBeGreaterThan(0)
    }
    expect(await ask(['refactor'])).toEqual([])
  })

  it("shows the rule's explanation on hover over a diagnostic, as `copydesk explain` prints it", async () => {
    const repeated = first.diagnostics.find((diagnostic) => diagnostic.code === 'repeated-word')!
    const hover = await connection.sendRequest<{contents: {kind: string; value: string}} | null>('textDocument/hover', {textDocument: {uri}, position: repeated.range.start})
    expect(hover?.contents.kind).toBe('markdown')
    const rule = getRule('repeated-word')!
    expect(hover!.contents.value).toContain(rule.meta.why)
    expect(hover!.contents.value).toContain(`Flagged:      ${rule.meta.examples.bad}`)
    // Nothing flagged there: no hover.
    expect(await connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 1}})).toBeNull()
  })

  it('answers textDocument/diagnostic (pull) for the version the client holds', async () => {
    const report = await connection.sendRequest<{kind: string; items: Diagnostic[]}>('textDocument/diagnostic', {textDocument: {uri}})
    expect(report.kind).toBe('full')
    expect(report.items.map((diagnostic) => diagnostic.code).sort()).toEqual(first.diagnostics.map((diagnostic) => diagnostic.code).sort())
  })

  it('re-lints after an incremental change and publishes for the new version', async () => {
    // `the the` → `the`
    await connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 2},
      contentChanges: [{range: {start: {line: 0, character: 17}, end: {line: 0, character: 21}}, text: ''}],
    })
    const second = await diagnosticsFor(uri, (params) => params.version === 2)
    expect(second.diagnostics.some((diagnostic) => diagnostic.code === 'repeated-word')).toBe(false)
    expect(second.diagnostics.some((diagnostic) => diagnostic.code === 'punctuation-spacing')).toBe(true)
  })

  it('never publishes a stale version after a newer edit', async () => {
    const before = published.length
    void connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 3},
      contentChanges: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'It is is late. '}],
    })
    void connection.sendNotification('textDocument/didChange', {
      textDocument: {uri, version: 4},
      contentChanges: [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'We we '}],
    })
    const fourth = await diagnosticsFor(uri, (params) => params.version === 4)
    await new Promise((resolve) => setTimeout(resolve, 200))
    const after = published.slice(before).filter((params) => params.uri === uri)
    expect(after.indexOf(fourth)).toBe(after.length - 1)
    expect(after.every((params) => (params.version ?? 0) <= 4)).toBe(true)
    const repeated = fourth.diagnostics.filter((diagnostic) => diagnostic.code === 'repeated-word')
    expect(repeated.map((diagnostic) => diagnostic.range.start.line)).toEqual([0, 0])
  })

  it('lays severities from workspace/configuration over the defaults', async () => {
    settings = {rules: {'repeated-word': 'error'}}
    await connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    const relinted = await diagnosticsFor(
      uri,
      (params) => params.version === 4 && params.diagnostics.some((diagnostic) => diagnostic.code === 'repeated-word' && diagnostic.severity === 1),
    )
    expect(relinted.diagnostics.filter((diagnostic) => diagnostic.code === 'repeated-word').every((diagnostic) => diagnostic.severity === 1)).toBe(true)
    settings = {rules: {'repeated-word': 'off'}}
    await connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    await diagnosticsFor(uri, (params) => params.version === 4 && !params.diagnostics.some((diagnostic) => diagnostic.code === 'repeated-word'))
    settings = null
    await connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    await diagnosticsFor(uri, (params) => params.version === 4 && params.diagnostics.some((diagnostic) => diagnostic.code === 'repeated-word' && diagnostic.severity !== 1))
  })

  it('clears diagnostics on close', async () => {
    const before = published.length
    await connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    const cleared = await diagnosticsFor(uri, (params) => published.indexOf(params) >= before && params.diagnostics.length === 0)
    expect(cleared.diagnostics).toEqual([])
  })

  it('adds a word to the project dictionary, creating .copydeskrc.json in the workspace root', async () => {
    const text = 'The ministry said ther was no deal.\n'
    const draftUri = open('spell.txt', text)
    const params = await diagnosticsFor(draftUri, (p) => p.version === 1)
    const misspelled = params.diagnostics.find((diagnostic) => diagnostic.code === 'spelling')!
    expect(textAt(text, misspelled)).toBe('ther')
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri: draftUri},
      range: misspelled.range,
      context: {diagnostics: [misspelled]},
    })
    const add = actions.find((action) => action.title === 'Add `ther` to the project dictionary')
    expect(add?.command).toBeDefined()
    await connection.sendRequest('workspace/executeCommand', {command: add!.command!.command, arguments: add!.command!.arguments})
    const file = path.join(folder, '.copydeskrc.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({dictionary: ['ther']})
    // The server reads the new config and lints again: the word is accepted now.
    const after = await diagnosticsFor(draftUri, (p) => p.diagnostics.every((diagnostic) => diagnostic.code !== 'spelling'))
    expect(after.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('spelling')
    // Adding again changes nothing; a second word keeps the first.
    await connection.sendRequest('workspace/executeCommand', {command: add!.command!.command, arguments: add!.command!.arguments})
    await connection.sendRequest('workspace/executeCommand', {command: add!.command!.command, arguments: [{uri: draftUri, word: 'Zelenskyy'}]})
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({dictionary: ['ther', 'Zelenskyy']})
    await connection.sendNotification('textDocument/didClose', {textDocument: {uri: draftUri}})
  })

  it('adds a word to the nearest YAML config, keeping its comments', async () => {
    const desk = path.join(folder, 'desk')
    mkdirSync(desk)
    const yamlFile = path.join(desk, '.copydeskrc.yaml')
    writeFileSync(yamlFile, '# words the desk accepts\ndictionary:\n  - Kyiv # the capital\n')
    const draftUri = pathToFileURL(path.join(desk, 'story.txt')).href
    await connection.sendRequest('workspace/executeCommand', {command: 'copydesk.addToDictionary', arguments: [{uri: draftUri, word: 'Peskov'}]})
    expect(readFileSync(yamlFile, 'utf8')).toBe('# words the desk accepts\ndictionary:\n  - Kyiv # the capital\n  - Peskov\n')
    expect(existsSync(path.join(desk, '.copydeskrc.json'))).toBe(false)
  })

  it('offers "disable on this line" in Markdown', async () => {
    const text = '# Talks\n\nTalks resumed on the the same day.\n'
    const draftUri = open('story.md', text, 'markdown')
    const params = await diagnosticsFor(draftUri, (p) => p.version === 1)
    const repeated = params.diagnostics.find((diagnostic) => diagnostic.code === 'repeated-word')!
    expect(repeated.range.start.line).toBe(2)
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: {uri: draftUri},
      range: repeated.range,
      context: {diagnostics: [repeated]},
    })
    const disable = actions.find((action) => action.title === 'Disable `repeated-word` on this line')
    expect(disable?.edit?.changes?.[draftUri]).toEqual([
      {range: {start: {line: 2, character: 0}, end: {line: 2, character: 0}}, newText: '<!-- copydesk-disable-next-line repeated-word -->\n'},
    ])
    await connection.sendNotification('textDocument/didClose', {textDocument: {uri: draftUri}})
  })

  it('lints a document of 128 Ki characters or more in a worker, whole, as `copydesk lint` does, and answers a small one meanwhile', async () => {
    const paragraph = 'The delegations met in istanbul on monday, and the the talks went on until late.\n'
    const big = paragraph.repeat(Math.ceil(serverIsolateChars / paragraph.length))
    expect(big.length).toBeGreaterThanOrEqual(serverIsolateChars)
    const bigUri = open('big.txt', big)
    const smallUri = open('small.txt', 'They met on on Monday.\n')
    const small = await diagnosticsFor(smallUri, (params) => params.version === 1, 60_000)
    expect(small.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
    const large = await diagnosticsFor(bigUri, (params) => params.version === 1, 120_000)
    // The small document's answer did not wait for the large one's lint.
    expect(published.indexOf(small)).toBeLessThan(published.indexOf(large))
    // As the command line reports the same text.
    const file = path.join(folder, 'big.txt')
    writeFileSync(file, big)
    const cliResult = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [cli, 'lint', '--format', 'lsp', file], {cwd: folder})
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
      child.on('close', () => resolve(out))
    })
    const [entry] = JSON.parse(cliResult) as Array<{diagnostics: Diagnostic[]}>
    expect(large.diagnostics).toHaveLength(entry.diagnostics.length)
    expect(large.diagnostics).toEqual(entry.diagnostics)
    expect(large.diagnostics.length).toBeGreaterThan(4 * 1000)
    await connection.sendNotification('textDocument/didClose', {textDocument: {uri: bigUri}})
    await connection.sendNotification('textDocument/didClose', {textDocument: {uri: smallUri}})
  }, 180_000)

  it('shuts down and exits cleanly', async () => {
    await connection.sendRequest('shutdown')
    await connection.sendNotification('exit')
    expect(await exitCode).toBe(0)
  })
})

/**
 * Installing copydesk outside the clone, as the README says: `npm pack`, then
 * `npm install -g ./copydesk-*.tgz` (here into a temporary prefix), then `copydesk lint` and
 * `copydesk lsp --stdio` from an unrelated folder. Dependencies come from npm's cache (filled
 * by `npm ci`), so the test needs no network when the cache is warm.
 */
import {execFile, spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams} from 'vscode-languageserver-protocol/node.js'
import {root} from '../helpers/cli.js'

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
let temp: string
let bin: string

// Asynchronous: a long synchronous child would block the test worker's event loop.
const run = promisify(execFile)

beforeAll(async () => {
  temp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-pack-'))
  // `dist/` is built by `npm test` before vitest runs: pack it as it is.
  const pack = spawnSync(npm, ['pack', '--ignore-scripts', '--pack-destination', temp], {cwd: root, encoding: 'utf8'})
  expect(pack.status, pack.stderr).toBe(0)
  const tarball = readdirSync(temp).find((name) => /^copydesk-.*\.tgz$/.test(name))
  expect(tarball).toBeDefined()
  const prefix = path.join(temp, 'global')
  // A failing install rejects with npm's output, which vitest shows.
  await run(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(temp, tarball!)], {cwd: temp})
  bin = path.join(prefix, 'bin')
}, 240_000)

afterAll(() => {
  if (temp) rmSync(temp, {recursive: true, force: true})
}, 180_000)

describe('the packed tarball, installed globally into a temporary prefix', () => {
  it('ships the built code, the data, the schema, the docs and the licence, and no tests', () => {
    const list = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8'})
    const files = (JSON.parse(list.stdout) as Array<{files: Array<{path: string}>}>)[0].files.map((file) => file.path)
    for (const needed of ['bin/copydesk.js', 'bin/copydesk-lsp.js', 'dist/src/cli.js', 'dist/src/lsp/bin.js', 'schema/copydeskrc.schema.json', 'LICENSE', 'README.md']) {
      expect(files).toContain(needed)
    }
    expect(files.some((file) => file.startsWith('rules/lib/data/'))).toBe(true)
    expect(files.some((file) => file.startsWith('docs/'))).toBe(true)
    expect(files.filter((file) => file.startsWith('tests/') || file.startsWith('node_modules/'))).toEqual([])
  })

  it('`copydesk lint` proofreads a draft in an unrelated folder', () => {
    const folder = mkdtempSync(path.join(temp, 'drafts-'))
    writeFileSync(path.join(folder, 'ny.txt'), 'He flew to istanbul on monday.\n')
    const result = spawnSync(path.join(bin, 'copydesk'), ['lint', 'ny.txt', '--format', 'json'], {cwd: folder, encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const [entry] = JSON.parse(result.stdout) as Array<{file: string; messages: Array<{rule: string; actual: string; suggestions: string[]}>}>
    expect(entry.file).toBe('ny.txt')
    expect(entry.messages.map((message) => [message.rule, message.actual, message.suggestions])).toEqual([
      ['proper-noun-case', 'istanbul', ['Istanbul']],
      ['proper-noun-case', 'monday', ['Monday']],
    ])
  })

  it('`copydesk init` then `copydesk lint` with that configuration', () => {
    const folder = mkdtempSync(path.join(temp, 'init-'))
    expect(spawnSync(path.join(bin, 'copydesk'), ['init'], {cwd: folder, encoding: 'utf8'}).status).toBe(0)
    writeFileSync(path.join(folder, 'a.txt'), 'Clean copy.\n')
    const result = spawnSync(path.join(bin, 'copydesk'), ['lint'], {cwd: folder, encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })

  for (const [command, args] of [
    ['copydesk', ['lsp', '--stdio']],
    ['copydesk-lsp', []],
  ] as const) {
    it(`\`${[command, ...args].join(' ')}\` answers initialize and publishes diagnostics`, async () => {
      const folder = mkdtempSync(path.join(temp, 'lsp-'))
      const server = spawn(path.join(bin, command), [...args], {cwd: folder, stdio: ['pipe', 'pipe', 'pipe']})
      const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
      const published = new Promise<PublishDiagnosticsParams>((resolve) => {
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => resolve(params))
      })
      // Requests a server may send: answered as a client without those features would.
      connection.onRequest('workspace/configuration', (params: {items: unknown[]}) => params.items.map(() => null))
      for (const method of ['client/registerCapability', 'window/workDoneProgress/create', 'window/showMessageRequest']) connection.onRequest(method, () => null)
      connection.listen()
      try {
        const init = await connection.sendRequest<{capabilities: {textDocumentSync?: unknown}}>('initialize', {
          processId: process.pid,
          rootUri: pathToFileURL(folder).href,
          capabilities: {},
        })
        expect(init.capabilities.textDocumentSync).toBeDefined()
        await connection.sendNotification('initialized', {})
        const uri = pathToFileURL(path.join(folder, 'draft.txt')).href
        await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: 'Talks resumed on the the same day.\n'}})
        const params = await published
        expect(params.uri).toBe(uri)
        expect(params.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['repeated-word'])
        await connection.sendRequest('shutdown', null)
        await connection.sendNotification('exit')
      } finally {
        connection.dispose()
        server.kill()
      }
    }, 60_000)
  }
})

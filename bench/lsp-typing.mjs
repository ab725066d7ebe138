// The language server as a person typing feels it, after the `lsp-typing` harness the project
// is checked with (same semantics, so that the figures compare):
//   - `initialize` with an editor's capabilities, `didOpen` (version 1), wait for the first publish;
//   - 0.5 s later, EDITS single-character `didChange` notifications on a fixed clock (one
//     every INTERVAL ms: a slow answer never delays the next keystroke), each the next version,
//     as incremental range edits in UTF-16 positions from this client's copy of the text;
//   - burst typing: jump to the start of a random word below the first line, type `news `
//     there one character per edit, jump again (places from a seeded generator);
//   - a keystroke's latency is the time from its `didChange` to the first publish for the
//     document whose `version` is at least the keystroke's (a publish without a version
//     covers every edit sent before it);
//   - beside the typing, every 5th keystroke a code action request, as an editor sends for
//     the lightbulb: alternately the quick fixes of the latest published diagnostic, and
//     `source.fixAll`; its latency is request → response.
// Prints one JSON line.
//   node bench/lsp-typing.mjs --file DRAFT [--edits 200] [--interval 30] [--seed 1] [-- CMD ARGS...]
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {parseArgs} from 'node:util'
import {random} from './stats.mjs'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    file: {type: 'string'},
    edits: {type: 'string', default: '200'},
    interval: {type: 'string', default: '30'},
    seed: {type: 'string', default: '1'},
    timeout: {type: 'string', default: '120'},
  },
})
if (!values.file) throw new Error('lsp-typing: --file DRAFT is required')
const edits = Number(values.edits)
const interval = Number(values.interval)
const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url))
const command = positionals.length > 0 ? positionals : [process.execPath, cli, 'lsp', '--stdio']

// The draft is copied into a fresh folder: the workspace root and the server's working folder.
const workspace = mkdtempSync(path.join(os.tmpdir(), 'copydesk-lsp-typing-'))
const draftPath = path.join(workspace, path.basename(values.file))
let text = readFileSync(values.file, 'utf8')
writeFileSync(draftPath, text)
const uri = pathToFileURL(draftPath).href

const next = random(Number(values.seed))

/** Offset → LSP position (UTF-16 code units, like JavaScript strings). */
function position(offset) {
  let line = 0
  let start = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    start = index + 1
  }
  return {line, character: offset - start}
}

// --- JSON-RPC over stdio, Content-Length framing ---
const server = spawn(command[0], command.slice(1), {cwd: workspace, stdio: ['pipe', 'pipe', 'pipe']})
let stderr = ''
server.stderr.on('data', (chunk) => (stderr += chunk))
let buffer = Buffer.alloc(0)
let nextId = 1
const pending = new Map()
const listeners = []
function send(message) {
  const body = Buffer.from(JSON.stringify({jsonrpc: '2.0', ...message}))
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`)
  server.stdin.write(body)
}
const request = (method, params) =>
  new Promise((resolve, reject) => {
    const id = nextId++
    pending.set(id, {resolve, reject})
    send({id, method, params})
  })
const notify = (method, params) => send({method, params})
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk])
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n')
    if (headerEnd === -1) return
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1])
    if (buffer.length < headerEnd + 4 + length) return
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString())
    buffer = buffer.subarray(headerEnd + 4 + length)
    if (message.id !== undefined && message.method === undefined) {
      const waiter = pending.get(message.id)
      pending.delete(message.id)
      if (message.error) waiter?.reject(new Error(message.error.message))
      else waiter?.resolve(message.result)
    } else if (message.id !== undefined) {
      // A request from the server: answer as an editor would.
      const result =
        message.method === 'workspace/configuration'
          ? message.params.items.map(() => null)
          : message.method === 'workspace/workspaceFolders'
            ? [{uri: pathToFileURL(workspace).href, name: path.basename(workspace)}]
            : null
      send({id: message.id, result})
    } else for (const listener of listeners) listener(message)
  }
})

const timeout = setTimeout(
  () => {
    process.stderr.write(`lsp-typing: timed out after ${values.timeout} s\n${stderr}`)
    server.kill('SIGKILL')
    process.exit(2)
  },
  Number(values.timeout) * 1000,
)

// Publishes for the document: latency of each keystroke, and the latest diagnostics.
const sentAt = new Map() // version → time the didChange was sent
let latestSent = 1
let latestDiagnostics = []
const latencies = []
let covered = 0 // every version ≤ this has been measured
let publishes = 0
let versionMissing = 0
const publishWaiters = []
listeners.push((message) => {
  if (message.method !== 'textDocument/publishDiagnostics' || message.params.uri !== uri) return
  const now = performance.now()
  publishes++
  const version = message.params.version ?? (versionMissing++, latestSent)
  latestDiagnostics = message.params.diagnostics
  for (let v = covered + 1; v <= version; v++) {
    if (sentAt.has(v)) latencies.push(now - sentAt.get(v))
  }
  covered = Math.max(covered, version)
  for (const waiter of publishWaiters.splice(0)) waiter(version)
})
const publishedAtLeast = (version) =>
  new Promise((resolve) => {
    if (covered >= version) return resolve()
    const check = (published) => (published >= version ? resolve() : publishWaiters.push(check))
    publishWaiters.push(check)
  })

const started = performance.now()
await request('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(workspace).href,
  workspaceFolders: [{uri: pathToFileURL(workspace).href, name: path.basename(workspace)}],
  capabilities: {
    general: {positionEncodings: ['utf-16']},
    workspace: {configuration: true, workspaceFolders: true, didChangeConfiguration: {dynamicRegistration: true}, didChangeWatchedFiles: {dynamicRegistration: true}},
    textDocument: {
      synchronization: {dynamicRegistration: false, didSave: true},
      publishDiagnostics: {versionSupport: true, relatedInformation: true},
      codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix', 'source.fixAll']}}},
      // No `diagnostic` (pull) capability: this client measures pushed results, and a client
      // that can pull gets none pushed (it would wait here forever).
    },
  },
})
notify('initialized', {})
const openedAt = performance.now()
notify('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
await publishedAtLeast(1)
const cold = {fromSpawnMs: performance.now() - started, fromOpenMs: performance.now() - openedAt}
await new Promise((resolve) => setTimeout(resolve, 500))

// Burst typing on a fixed clock.
const word = 'news '
const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')
function jump() {
  const starts = []
  const pattern = /(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu
  pattern.lastIndex = firstLineEnd
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) starts.push(match.index)
  return starts[Math.floor(next() * starts.length)] ?? text.length
}
let cursor = jump()
let typed = 0
const actionTimes = []
const actionRequests = []
const clock = performance.now()
for (let index = 0; index < edits; index++) {
  const due = clock + index * interval
  const wait = due - performance.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  if (typed === word.length) {
    cursor = jump()
    typed = 0
  }
  const character = word[typed++]
  const at = position(cursor)
  text = text.slice(0, cursor) + character + text.slice(cursor)
  cursor++
  const version = ++latestSent
  sentAt.set(version, performance.now())
  notify('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [{range: {start: at, end: at}, text: character}]})
  if (index % 5 === 4) {
    const diagnostic = latestDiagnostics[0]
    const params =
      (index / 5) % 2 < 1 && diagnostic
        ? {textDocument: {uri}, range: diagnostic.range, context: {diagnostics: [diagnostic], triggerKind: 1}}
        : {textDocument: {uri}, range: {start: at, end: at}, context: {diagnostics: [], only: ['source.fixAll'], triggerKind: 1}}
    const sent = performance.now()
    actionRequests.push(request('textDocument/codeAction', params).then(() => actionTimes.push(performance.now() - sent)))
  }
}
const lastSent = performance.now()
await publishedAtLeast(latestSent)
await Promise.all(actionRequests)
const settleMs = performance.now() - lastSent

await request('shutdown')
notify('exit')
const exited = await Promise.race([new Promise((resolve) => server.once('exit', () => resolve(true))), new Promise((resolve) => setTimeout(() => resolve(false), 2000))])
if (!exited) server.kill('SIGTERM')
clearTimeout(timeout)
rmSync(workspace, {recursive: true, force: true})

const quantile = (list, q) => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
}
const summary = (list) => ({p50: quantile(list, 0.5), p95: quantile(list, 0.95), max: quantile(list, 1), count: list.length})
const words = readFileSync(values.file, 'utf8').match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0
process.stdout.write(
  JSON.stringify({
    draft: path.basename(values.file),
    words,
    mode: 'burst',
    edits,
    interval,
    cold,
    perKeystroke: summary(latencies),
    codeActions: summary(actionTimes),
    publishes,
    versionMissing,
    settleMs,
    shutdown: exited ? 'clean' : 'killed',
  }) + '\n',
)

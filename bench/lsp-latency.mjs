// LSP re-lint latency: from a one-character edit (didChange) to the diagnostics published
// for that version, on a 2,000-word article, over many edits. Prints JSON figures.
//   node bench/lsp-latency.mjs [EDITS]
import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node.js'
import {corpus, countWords} from './peers/common.mjs'

const edits = Number(process.argv[2] ?? 60)
const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url))

/** A 2,000-word article: sentences of real prose, a paragraph every ~120 words. */
function article(words = 2000) {
  const sentences = corpus(200_000).join(' ').match(/[^.!?]+[.!?]+\s*/g) ?? []
  const paragraphs = []
  let paragraph = []
  let count = 0
  let inParagraph = 0
  for (const sentence of sentences) {
    if (count >= words) break
    paragraph.push(sentence.trim())
    const n = countWords(sentence)
    count += n
    inParagraph += n
    if (inParagraph >= 120) {
      paragraphs.push(paragraph.join(' '))
      paragraph = []
      inParagraph = 0
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '))
  return paragraphs.join('\n\n') + '\n'
}

const text = article()
const server = spawn(process.execPath, [cli, 'lsp', '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
const waiting = new Map()
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  const resolve = waiting.get(params.version)
  if (resolve) {
    waiting.delete(params.version)
    resolve(params)
  }
})
connection.onRequest('workspace/configuration', (params) => params.items.map(() => null))
connection.onRequest('client/registerCapability', () => null)
connection.onRequest('window/workDoneProgress/create', () => null)
connection.listen()

const uri = 'file:///tmp/copydesk-bench/article.txt'
const published = (version) => new Promise((resolve) => waiting.set(version, resolve))

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: 'file:///tmp/copydesk-bench',
  capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}, synchronization: {dynamicRegistration: false}}},
  workspaceFolders: null,
})
await connection.sendNotification('initialized', {})
const opened = published(1)
const openStarted = performance.now()
await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
await opened
const openMs = performance.now() - openStarted

// One-character edits spread over the article: type a letter, then the next edit deletes it.
const lines = text.split('\n')
const times = []
let version = 1
let previous = {line: 0, character: 0}
for (let index = 0; index < edits; index++) {
  const line = (index * 7) % lines.length
  const character = Math.min(lines[line].length, 10 + ((index * 13) % 40))
  const insert = index % 2 === 0
  version++
  const change = insert
    ? {range: {start: {line, character}, end: {line, character}}, text: 'x'}
    : {range: {start: {line: previous.line, character: previous.character}, end: {line: previous.line, character: previous.character + 1}}, text: ''}
  if (insert) previous = {line, character}
  const done = published(version)
  const started = performance.now()
  await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
  await done
  times.push(performance.now() - started)
}

await connection.sendRequest('shutdown')
await connection.sendNotification('exit')
server.kill()

times.sort((a, b) => a - b)
const quantile = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))]
process.stdout.write(
  JSON.stringify({words: countWords(text), edits, openMs, medianMs: quantile(0.5), p95Ms: quantile(0.95), maxMs: times.at(-1)}) + '\n',
)
process.exit(0)

/**
 * The server's large documents: from `serverIsolateChars` on, a document is linted whole in a
 * worker thread (its memory given back when the lint ends), below it incrementally in the
 * server's thread; both give the messages `lint()` gives. Uses the built modules (`dist/`,
 * built by `npm test`), as the worker runs the built `pool-worker.js`.
 */
import {threadId} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {VFile} from 'vfile'

const dist = new URL('../../dist/src/', import.meta.url)
const {Diagnostics, serverIsolateChars} = (await import(new URL('lsp/diagnostics.js', dist).href)) as typeof import('../../src/lsp/diagnostics.js')
const {lint} = (await import(new URL('pipeline/lint.js', dist).href)) as typeof import('../../src/pipeline/lint.js')
const {defaultConfig} = (await import(new URL('config/defaults.js', dist).href)) as typeof import('../../src/config/defaults.js')

const config = defaultConfig('/')
const paragraph = 'The delegations met in istanbul on monday, and the the talks went on until late.\n'

async function pulled(text: string) {
  const document = TextDocument.create('untitled:draft', 'plaintext', 1, text)
  const diagnostics = new Diagnostics({
    document: () => document,
    setup: () => Promise.resolve({config, kind: 'text', path: undefined, root: '/'}),
    error: (message) => {
      throw new Error(message)
    },
    maxHeapMb: 1536,
  })
  diagnostics.changed('untitled:draft')
  return (await diagnostics.pull('untitled:draft'))!
}

describe('large documents in the server', () => {
  it('from serverIsolateChars on: linted in a worker thread, with the messages lint() gives; below: in this thread', async () => {
    expect(serverIsolateChars).toBe(128 * 1024)
    const large = paragraph.repeat(Math.ceil(serverIsolateChars / paragraph.length))
    const below = large.slice(0, serverIsolateChars - paragraph.length)
    for (const [text, inWorker] of [
      [large, true],
      [below, false],
    ] as const) {
      const results = await pulled(text)
      expect(results.thread !== undefined && results.thread !== threadId, String(text.length)).toBe(inWorker)
      const expected = await lint(new VFile({value: text}), {config})
      expect(results.messages.map((message) => `${message.place && 'start' in message.place ? message.place.start.offset : ''} ${message.ruleId}`)).toEqual(
        expected.messages.map((message) => `${message.place && 'start' in message.place ? message.place.start.offset : ''} ${message.ruleId}`),
      )
      expect(results.messages.length).toBeGreaterThan(1000)
    }
  }, 240_000)
})

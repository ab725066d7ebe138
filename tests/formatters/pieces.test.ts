/**
 * Reports in pieces (src/formatters/pieces.ts): the JSON and SARIF reports are written a
 * piece at a time, and the pieces joined are exactly `JSON.stringify(report, null, 2)`.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {isCertain} from '../../src/fix/certain.js'
import {json} from '../../src/formatters/json.js'
import {fileName, toJsonMessage} from '../../src/formatters/message.js'
import {arrayOfPieces, batched, stringifyWithLastArray} from '../../src/formatters/pieces.js'
import {sarif} from '../../src/formatters/sarif.js'
import {lint} from '../../src/pipeline/lint.js'
import {writePieces} from '../../src/cli/io.js'
import {context} from './files.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
console.log(`pieces.test.ts: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed})`)

describe('stringifyWithLastArray', () => {
  it('is JSON.stringify(skeleton with the items, null, 2), at any depth in an array of pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.dictionary(fc.string(), fc.jsonValue(), {maxKeys: 3}), fc.array(fc.jsonValue(), {maxLength: 4})), {maxLength: 3}), (entries) => {
        const whole = entries.map(([head, items]) => ({...head, items: [], tail: {list: [...items]}}))
        const pieces = arrayOfPieces(entries.map(([head, items]) => stringifyWithLastArray({...head, items: [], tail: {list: []}}, items, '  ')))
        expect([...pieces].join('')).toBe(JSON.stringify(whole, null, 2))
      }),
      {seed, numRuns: 300},
    )
  })

  it('refuses a skeleton whose last value is not an empty array', () => {
    expect(() => [...stringifyWithLastArray({list: [], last: 1}, [1])]).toThrow(/last value must be an empty array/)
  })

  it('keeps the skeleton as it is when there are no items', () => {
    expect([...stringifyWithLastArray({a: [1], b: {c: []}}, [])].join('')).toBe(JSON.stringify({a: [1], b: {c: []}}, null, 2))
  })
})

describe('batched', () => {
  it('joins pieces into writes of at least the size, losing nothing', () => {
    const pieces = Array.from({length: 100}, (_, index) => 'x'.repeat(index % 7))
    const batches = [...batched(pieces, 10)]
    expect(batches.join('')).toBe(pieces.join(''))
    expect(batches.slice(0, -1).every((batch) => batch.length >= 10)).toBe(true)
  })
})

describe('the JSON and SARIF reports in pieces', () => {
  const drafts = ['samples/ukraine-talks.txt', 'tests/fixtures/eval/01-eu-summit.txt'].map((path) => ({path, value: readFileSync(path, 'utf8')}))

  it('JSON: the pieces are the contract’s array, byte for byte', async () => {
    const files = [new VFile({value: '', path: 'empty.txt'}), ...(await Promise.all(drafts.map((draft) => lint(draft.value, {path: draft.path}))))]
    expect(files.some((file) => file.messages.length > 10)).toBe(true)
    const expected =
      JSON.stringify(
        files.map((file) => ({file: fileName(file), messages: file.messages.map((message) => toJsonMessage(message, isCertain))})),
        null,
        2,
      ) + '\n'
    expect([...json.pieces(files, context)].join('')).toBe(expected)
    expect(json(files, context)).toBe(expected)
    expect(json([], context)).toBe('[]\n')
  })

  it('SARIF: the pieces are the log, formatted as JSON.stringify formats it', async () => {
    const files = await Promise.all(drafts.map((draft) => lint(draft.value, {path: draft.path})))
    const text = [...sarif.pieces(files, context)].join('')
    const log = JSON.parse(text) as {runs: Array<{results: unknown[]}>}
    expect(log.runs[0].results).toHaveLength(files.reduce((sum, file) => sum + file.messages.length, 0))
    expect(text).toBe(JSON.stringify(log, null, 2) + '\n')
    expect(sarif(files, context)).toBe(text)
    const empty = sarif([], context)
    expect(JSON.parse(empty).runs[0].results).toEqual([])
    expect(empty).toBe(JSON.stringify(JSON.parse(empty), null, 2) + '\n')
  })
})

describe('writePieces', () => {
  it('waits for a full sink to drain before writing the next piece', async () => {
    const written: string[] = []
    let waiting: (() => void) | undefined
    const sink = {
      write(text: string) {
        written.push(text)
        return false // always full
      },
      once(_event: 'drain', listener: () => void) {
        waiting = listener
      },
    }
    const done = writePieces(sink, ['a', 'b', 'c'])
    await new Promise((resolve) => setImmediate(resolve))
    expect(written).toEqual(['a'])
    for (const expected of [
      ['a', 'b'],
      ['a', 'b', 'c'],
    ]) {
      const drain = waiting!
      waiting = undefined
      drain()
      await new Promise((resolve) => setImmediate(resolve))
      expect(written).toEqual(expected)
    }
    waiting?.()
    await done
  })

  it('writes straight on to a sink without `once` (a test buffer)', async () => {
    const written: string[] = []
    await writePieces({write: (text: string) => written.push(text) && false}, ['a', 'b'])
    expect(written).toEqual(['a', 'b'])
  })
})

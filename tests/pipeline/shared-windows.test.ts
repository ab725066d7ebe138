/**
 * A large draft's windows shared by worker threads (`lintShare` and `mergeShares` in
 * `src/pipeline/pool.ts`, run here in this thread) give exactly the messages of the one-thread
 * windowed lint and of the whole-draft lint: on every sample and evaluation draft and on seeded
 * generated drafts (`SHARED_SEED=N` replays one), with windows as small as one chunk, in 2, 3
 * and 7 shares.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {defaultConfig} from '../../src/config/defaults.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import {lint} from '../../src/pipeline/lint.js'
import {lintShare, mergeShares, shareThreads, toPlain} from '../../src/pipeline/pool.js'
import {random} from '../helpers/equivalence.js'

// Without a message limit: two workers share a draft only then (see `lintIsolated`).
const config = {...defaultConfig('/'), maxMessages: -1}
const seed = Number(process.env.SHARED_SEED ?? Date.now() % 2 ** 31)
console.log(`shared windows: seed ${seed} (SHARED_SEED=${seed} to replay)`)

const read = (folder: URL) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(name, folder), 'utf8'))
const drafts = [...read(new URL('../../samples/', import.meta.url)), ...read(new URL('../fixtures/eval/', import.meta.url))]

/** The three lints of `text`: whole, windowed in this thread, and in `of` shares merged. */
async function lints(text: string, size: number, of: number, settings: ResolvedConfig = config) {
  const whole = await lint(text, {config: settings, path: 'draft.txt', window: {threshold: Infinity}})
  const windowed = await lint(text, {config: settings, path: 'draft.txt', window: {threshold: 0, size}})
  const task = {value: text, path: 'draft.txt', config: settings}
  const shares = await Promise.all(Array.from({length: of}, (_, index) => lintShare(task, {index, of}, {size})))
  const shared = new VFile({value: text, path: 'draft.txt'})
  mergeShares(shared, shares)
  return {whole: whole.messages.map(toPlain), windowed: windowed.messages.map(toPlain), shared: shared.messages.map(toPlain), shares}
}

/** A generated draft: sentences (some repeated, some nearly), names, quotes and headlines, in lines and paragraphs. */
function generate(next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  const sentences = [
    'Talks resumed in Istanbul on Monday after a long pause.',
    'Talks resumed in Istanbul on Monday after a very long pause.',
    'Officials said the vote would take place on Monday in the capital.',
    'Dmitry Peskov said the talks went well.',
    'Dmitri Peskov said the talks went well.',
    'Zelenksy met Volodymyr Zelensky’s aides in Kyiv.',
    'Recep Tayyip Erdogan spoke, and Erdoğan left.',
    '"Yes," she said. “No,” he said.',
    'He said, The war goes on.',
    'the the delegations talked for hours in istanbul.',
    'Shares rose 3 percent in early trading on Monday.',
    'Mako Rubio called Sergei Lavrov.',
    'ther was no deal.',
  ]
  const headlines = ['Talks Resume in Istanbul', 'Talks resume in Istanbul', 'Russia Confirms Planning for Talks']
  const lines: string[] = []
  for (let count = 0; count < 20 + Math.floor(next() * 60); count++) {
    const choice = next()
    if (choice < 0.1) lines.push(pick(headlines))
    else if (choice < 0.2) lines.push('')
    else lines.push(Array.from({length: 1 + Math.floor(next() * 3)}, () => pick(sentences)).join(' '))
  }
  return lines.join(next() < 0.8 ? '\n' : '\r\n')
}

describe('shared windows', () => {
  it('give the one-thread windowed and the whole-draft messages on every sample and evaluation draft', async () => {
    for (const [index, text] of drafts.entries()) {
      for (const size of [1, 500]) {
        for (const of of [2, 3]) {
          const {whole, windowed, shared} = await lints(text, size, of)
          expect(windowed, `draft ${index}, windows of ${size}`).toEqual(whole)
          expect(shared, `draft ${index}, windows of ${size}, ${of} shares`).toEqual(whole)
        }
      }
    }
  }, 240_000)

  it('give the same messages on generated drafts (seeded)', async () => {
    const next = random(seed)
    for (let round = 0; round < 12; round++) {
      const text = generate(next)
      const size = next() < 0.5 ? 1 : 1 + Math.floor(next() * 600)
      const of = [2, 3, 7][Math.floor(next() * 3)]
      const {whole, windowed, shared, shares} = await lints(text, size, of)
      expect(whole.length, `round ${round}, seed ${seed}`).toBeGreaterThan(0)
      expect(shares[0].kind, `round ${round}, seed ${seed}`).toBe('windows')
      expect(windowed, `round ${round}, windows of ${size}, seed ${seed}`).toEqual(whole)
      expect(shared, `round ${round}, windows of ${size}, ${of} shares, seed ${seed}`).toEqual(whole)
    }
  }, 240_000)

  it('lint a draft that is not for windows whole, in the first share alone', async () => {
    const text = 'One paragraph with istanbul and the the.'
    const {whole, shared, shares} = await lints(text, 1, 2)
    expect(shares.map((share) => share.kind)).toEqual(['whole', 'whole'])
    expect(shares[1].messages).toEqual([])
    expect(shared).toEqual(whole)
    expect(whole.length).toBeGreaterThan(0)
  })

  it('are one by default, or as many as asked', () => {
    expect(shareThreads(config)).toBe(1)
    expect(shareThreads(config, 1)).toBe(1)
    expect(shareThreads(config, 2)).toBe(2)
    expect(shareThreads(config, 0)).toBe(1)
  })
})

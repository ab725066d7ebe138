/**
 * The windowed lint of a large plain-text draft (`src/pipeline/windowed.ts`) gives exactly the
 * messages of linting the draft as one tree: on every sample and evaluation draft, on seeded
 * random edits of them (`WINDOWED_SEED=N` replays one), on generated drafts, and on drafts
 * whose draft-wide facts sit in another window than the words they decide — with windows as
 * small as one chunk, so that every cut the drafts allow is a window's edge.
 */
import {readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {defaultConfig} from '../../src/config/defaults.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import {lint} from '../../src/pipeline/lint.js'
import {lintInWindows} from '../../src/pipeline/windowed.js'
import {random, randomEdit, shown} from '../helpers/equivalence.js'

const config = defaultConfig('/')
const seed = Number(process.env.WINDOWED_SEED ?? Date.now() % 2 ** 31)
console.log(`windowed: seed ${seed} (WINDOWED_SEED=${seed} to replay)`)

const folder = new URL('../fixtures/eval/', import.meta.url)
const samples = new URL('../../samples/', import.meta.url)
const drafts = [
  ...readdirSync(samples)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(name, samples), 'utf8')),
  ...readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(name, folder), 'utf8')),
]

/** The whole-draft lint and the windowed one (every draft, windows of at least `size` characters). */
async function both(text: string, size: number, settings: ResolvedConfig = config) {
  const whole = await lint(text, {config: settings, path: 'draft.txt', window: {threshold: Infinity}})
  const windowed = await lint(text, {config: settings, path: 'draft.txt', window: {threshold: 0, size}})
  return {whole: shown(whole), windowed: shown(windowed)}
}

/** Whether the draft is linted in windows at all (more than one window). */
async function isWindowed(text: string, size: number, settings: ResolvedConfig = config): Promise<boolean> {
  return lintInWindows(new VFile({value: text, path: 'draft.txt'}), settings, size)
}

const insertions = [
  'n',
  ' ',
  ',',
  '.',
  '. ',
  '\n',
  '\n\n',
  '"',
  '“',
  '”',
  'The ',
  'the the ',
  'istanbul ',
  'Peskov ',
  'peskov ',
  'Mako Rubio ',
  'ther ',
  'Trump Seeks to mediate\n',
  'Trump seeks to mediate\n',
  'He said, The war goes on.\n',
  'U.S.',
  'Zelenksy ',
  'Volodymyr Zelenskiy ',
  'Erdoğan ',
  'Erdogan ',
  'Dmitri Peskov ',
  '`s',
]

function edit(text: string, next: () => number): string {
  return randomEdit(text, next, insertions, {deletion: 0.15, line: 0.15})
}

describe('windowed lint', () => {
  it('equals the whole-draft lint on every sample and evaluation draft, windows of one chunk and of a few', async () => {
    for (const [index, text] of drafts.entries()) {
      expect(await isWindowed(text, 1), `draft ${index} has one chunk`).toBe(true)
      for (const size of [1, 300, 2000]) {
        const {whole, windowed} = await both(text, size)
        expect(windowed, `draft ${index}, windows of ${size}`).toEqual(whole)
      }
    }
  }, 240_000)

  it('equals the whole-draft lint after random edits (seeded)', async () => {
    const next = random(seed)
    for (const [index, draft] of drafts.entries()) {
      let text = draft
      for (let step = 0; step < 6; step++) {
        text = edit(text, next)
        const size = next() < 0.5 ? 1 : 1 + Math.floor(next() * 800)
        const {whole, windowed} = await both(text, size)
        expect(windowed, `draft ${index}, step ${step}, windows of ${size}, seed ${seed}`).toEqual(whole)
      }
    }
  }, 240_000)

  it('equals the whole-draft lint on generated drafts', async () => {
    const piece = fc.constantFrom(
      'the ',
      'The ',
      'istanbul',
      'Istanbul ',
      'Peskov ',
      'peskov ',
      'monday ',
      'U.S. ',
      'ther ',
      'said, ',
      'talks',
      'Talks resumed in Istanbul on Monday after a long pause.',
      ' ',
      ',',
      '.',
      '. ',
      '\n',
      '\n\n',
      '\r\n',
      '"',
      '“',
      '”',
      ':',
      'Mako Rubio',
      'Talks Resume in Istanbul\n',
      'Talks resume in Istanbul\n',
      '  ',
      '—',
      'a\n',
      'vs.\n',
      'iPhone\n',
    )
    await fc.assert(
      fc.asyncProperty(fc.array(piece, {maxLength: 120}), fc.integer({min: 1, max: 200}), async (pieces, size) => {
        const text = pieces.join('')
        const {whole, windowed} = await both(text, size)
        expect(windowed).toEqual(whole)
      }),
      {seed, numRuns: 80},
    )
  }, 240_000)

  // Each draft has a fact of the whole draft in one part (`near` or `far`, many chunks apart)
  // that decides a message in the other: without that part (`control`), the other part's
  // messages differ, so the windowed lint, with windows of one chunk, must carry the fact over.
  const lines = 'The delegations talked for hours.\n'.repeat(12)
  const crossWindow: Array<{name: string; near: string; far: string; drop: 'near' | 'far'; settings?: ResolvedConfig; filler?: string}> = [
    {
      name: 'a name capitalized only in a far window',
      near: 'Officials met varchenko in the capital.\n',
      far: 'Later, Andriy Varchenko said the talks went well.\n',
      drop: 'far',
    },
    {name: 'a spelling of a name the draft mostly writes elsewhere', near: 'Recep Tayyip Erdogan spoke.\n', far: 'Erdoğan left.\nErdoğan returned.\n', drop: 'far'},
    {
      name: 'a line repeated across windows',
      near: 'Talks resumed in Istanbul on Monday after a long pause.\n',
      far: 'Talks resumed in Istanbul on Monday after a long pause.\n',
      drop: 'near',
    },
    {
      name: 'a headline style set by the first line',
      near: 'Talks resume in Istanbul\nThe war goes on.\n',
      far: 'Talks Resume in Istanbul\nThe talks resume today.\n',
      drop: 'near',
    },
    {name: 'quotes of the minority style', near: 'The “talks” went on.\n', far: '"Yes," she said.\n"No," he said.\n', drop: 'far'},
    // (Next to each other: a window of one chunk ends before the closing half.)
    {name: 'a quotation that runs on into the next window', near: 'He said:\n“It was a long night.\n', far: 'Yes,” she said.\n', drop: 'near', filler: ''},
    {
      name: 'a house-list name written in another window',
      near: 'Olaf Scholz arrived.\n',
      far: 'Scholtz said the talks went well.\nMartin Schulz stayed.\n',
      drop: 'near',
      settings: {...config, names: ['Olaf Scholz', 'Reuters']},
    },
  ]
  for (const {name, near, far, drop, settings, filler = lines} of crossWindow) {
    it(`equals the whole-draft lint: ${name}`, async () => {
      const text = near + filler + far
      expect(await isWindowed(text, 1, settings)).toBe(true)
      for (const size of [1, 40, 400]) {
        const {whole, windowed} = await both(text, size, settings)
        expect(windowed, `windows of ${size}`).toEqual(whole)
      }
      // The fact matters: the kept part's messages change without the other part.
      const kept = drop === 'far' ? [0, near.length + filler.length] : [near.length, text.length]
      const said = (file: VFile, from = 0, to = Infinity) =>
        file.messages
          .filter((message) => {
            const offset = message.place && 'start' in message.place ? message.place.start.offset! : -1
            return offset >= from && offset < to
          })
          .map((message) => `${message.ruleId}: ${message.reason}`)
      const withFact = said(await lint(text, {config: settings ?? config, path: 'draft.txt'}), kept[0], kept[1])
      const control = drop === 'far' ? near + filler : filler + far
      expect(withFact).not.toEqual(said(await lint(control, {config: settings ?? config, path: 'draft.txt'})))
    })
  }

  it('equals the whole-draft lint on short lowercase lines, many chunks to a parse', async () => {
    // One chunk a line; a window's chunks are parsed together in runs of up to 2 KB.
    const text = Array.from({length: 3000}, (_, index) => `${'abcdefghij'[index % 10]}${index % 7 === 0 ? ' the the' : ''}\n`).join('')
    expect(await isWindowed(text, 4096)).toBe(true)
    for (const size of [1, 4096]) {
      const {whole, windowed} = await both(text, size)
      expect(windowed, `windows of ${size}`).toEqual(whole)
      expect(whole.length).toBeGreaterThan(100)
    }
  }, 60_000)

  it('lints a draft of one chunk, and a draft under the threshold, whole', async () => {
    expect(await isWindowed('one paragraph with istanbul and the the', 1)).toBe(false)
    expect(await isWindowed('One line.\nAnother line.', 10_000)).toBe(false)
  })
})

/**
 * The language server's incremental engine gives exactly the messages of a fresh `lint()`:
 * after random edit sequences (seeded; `INCREMENTAL_SEED=N` replays one), on every sample
 * draft and on generated prose, the messages of the engine, which keeps what it can from the
 * lints before, equal those of `lint()` of the final text, field by field.
 */
import {readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {VFile} from 'vfile'
import {defaultConfig} from '../../src/config/defaults.js'
import {IncrementalLinter, splitChunks} from '../../src/pipeline/incremental.js'
import {lint} from '../../src/pipeline/lint.js'
import {random, randomEdit, shown} from '../helpers/equivalence.js'

const config = defaultConfig('/')
const seed = Number(process.env.INCREMENTAL_SEED ?? Date.now() % 2 ** 31)
console.log(`incremental: seed ${seed} (INCREMENTAL_SEED=${seed} to replay)`)

const folder = new URL('../fixtures/eval/', import.meta.url)
const drafts = [
  ...['ukraine-talks.txt', 'city-council-dirty.txt', 'eu-summit-clean.txt'].map((name) => readFileSync(new URL(`../../samples/${name}`, import.meta.url), 'utf8')),
  ...readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(name, folder), 'utf8')),
]

const insertions = [
  'n',
  'e',
  'news ',
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
  'He said, The war goes on.\n',
  '  ',
  'U.S.',
  ':',
  'Zelenksy ',
  'Volodymyr Zelenskiy ',
  'Erdoğan ',
  'Dmitri Peskov ',
  '`s',
]

function edit(text: string, next: () => number): string {
  return randomEdit(text, next, insertions, {deletion: 0.2, line: 0.05})
}

describe('splitChunks', () => {
  it('cuts before the line break after a paragraph when the next line starts with a capital', () => {
    const text =
      'Talks Resume in Istanbul\nThe talks resumed.\nA long line of hard-wrapped prose that goes on and on without\nending here. Then more.\n\n  Indented.\nend of it.\n5 more.\nEnd'
    const chunks = splitChunks(text)
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text)
    expect(chunks.map((chunk) => [chunk.text, chunk.line, chunk.column])).toEqual([
      ['Talks Resume in Istanbul', 1, 1],
      ['\nThe talks resumed.', 1, 25],
      // Hard-wrapped: one paragraph over two lines.
      ['\nA long line of hard-wrapped prose that goes on and on without\nending here. Then more.', 2, 19],
      // `end` and `5` would join the sentence before: no cut before them.
      ['\n\n  Indented.\nend of it.\n5 more.', 4, 24],
      ['\nEnd', 8, 8],
    ])
  })
})

describe('IncrementalLinter', () => {
  it('equals lint() on every draft, cold', async () => {
    for (const text of drafts) {
      const engine = new IncrementalLinter(config)
      const incremental = await engine.lint(text, {path: 'draft.txt'})
      expect(shown(incremental!)).toEqual(shown(await lint(text, {config, path: 'draft.txt'})))
    }
  })

  it('equals lint() after random edit sequences', async () => {
    const next = random(seed)
    for (const [index, draft] of drafts.entries()) {
      const engine = new IncrementalLinter(config)
      let text = draft
      await engine.lint(text, {path: 'draft.txt'})
      for (let step = 0; step < 12; step++) {
        text = edit(text, next)
        const incremental = await engine.lint(text, {path: 'draft.txt'})
        // Compared at every step: a difference names the draft, the step and the seed.
        const expected = shown(await lint(text, {config, path: 'draft.txt'}))
        expect(shown(incremental!), `draft ${index}, step ${step}, seed ${seed}`).toEqual(expected)
      }
    }
  }, 240_000)

  it('equals lint() on generated prose edited at random', async () => {
    const piece = fc.constantFrom(
      'the ',
      'The ',
      'istanbul',
      'Peskov ',
      'monday ',
      'U.S. ',
      'ther ',
      'said, ',
      'talks',
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
      '  ',
      '\t',
      '—',
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, {maxLength: 80}),
        fc.array(fc.tuple(fc.nat(400), fc.nat(3), fc.constantFrom('', 'x', '\n', '. The ', ' ', '"')), {maxLength: 6}),
        async (pieces, edits) => {
          const engine = new IncrementalLinter(config)
          let text = pieces.join('')
          await engine.lint(text)
          for (const [at, remove, insert] of edits) {
            const start = Math.min(at, text.length)
            text = text.slice(0, start) + insert + text.slice(start + remove)
            const incremental = await engine.lint(text)
            expect(shown(incremental!)).toEqual(shown(await lint(text, {config})))
          }
        },
      ),
      {seed, numRuns: 60},
    )
  }, 240_000)

  // Edits that change a draft-wide fact a kept chunk's messages read (`spelling` keeps its
  // messages per chunk while its text and those facts are unchanged): the chunk's own text
  // stays the same while its messages must change.
  it('equals lint() when an edit elsewhere changes what a kept chunk depends on', async () => {
    const draft = [
      'Talks Resume in Istanbul',
      '',
      'Dmitry Peskov said the talks would resume on Tuesday. The Parliment met in the capital.',
      '',
      'The spokesman, peskov, said ther were no plans. Officials spoke to vasylenko about it.',
      '',
      'Later, Vasylenko spoke. The talks ended on Tusday.',
      '',
      'Analysts said Oleksandr was expected.',
      '',
    ].join('\n')
    /** `[find, replace]`: the first occurrence of `find` (from the end when `last`). */
    const edits: Array<[string, string, 'last'?]> = [
      // A name the draft writes elsewhere: `peskov` loses its capitalized twin, then gets it back.
      ['Dmitry Peskov', 'Dmitry Paskov'],
      ['Dmitry Paskov', 'Dmitry Peskov'],
      // Typing inside the capitalized twin, one letter at a time.
      ['Dmitry Peskov', 'Dmitry Peskovx'],
      ['Dmitry Peskovx', 'Dmitry Peskov'],
      // Deleting the only capitalized `Vasylenko`: `vasylenko` two chunks before changes.
      ['Later, Vasylenko spoke.', 'Later, he spoke.'],
      // Capitalizing a word: `Vasylenko` comes back in the chunk that has the lowercase one.
      ['to vasylenko', 'to Vasylenko'],
      // A second capitalized `Parliment` elsewhere makes it a name in the first chunk too.
      ['Analysts said', 'Analysts in Parliment said'],
      ['Analysts in Parliment said', 'Analysts said'],
      // A second `Oleksandr`, and a name beside it (`Oleksandr Tusday`).
      ['Analysts said', 'Oleksandr Tusday said'],
      ['Oleksandr Tusday said', 'Analysts said'],
      // A duplicated sentence, an opening quote.
      ['Later, he spoke.', 'Later, he spoke. The talks ended on Tusday.'],
      ['The spokesman', '"The spokesman'],
      ['on Tusday.', 'on Tusday." Peskov said.', 'last'],
      ['"The spokesman', 'The spokesman'],
    ]
    const engine = new IncrementalLinter(config)
    let text = draft
    expect(shown((await engine.lint(text, {path: 'draft.txt'}))!)).toEqual(shown(await lint(text, {config, path: 'draft.txt'})))
    for (const [step, [find, replace, from]] of edits.entries()) {
      const at = from === 'last' ? text.lastIndexOf(find) : text.indexOf(find)
      expect(at, `step ${step}: \`${find}\``).toBeGreaterThanOrEqual(0)
      text = text.slice(0, at) + replace + text.slice(at + find.length)
      const expected = shown(await lint(text, {config, path: 'draft.txt'}))
      expect(shown((await engine.lint(text, {path: 'draft.txt'}))!), `step ${step}`).toEqual(expected)
    }
  })

  // The document-wide passes (names learned from the whole draft, duplicated lines, quotation
  // balance, headline style) read per-paragraph summaries kept by text, and the name rules keep
  // their messages per chunk: edits that change a draft-wide fact in one paragraph while
  // another paragraph's text (and summary) stays the same.
  it('equals lint() when a name, a duplicated line or a quote changes in another paragraph', async () => {
    const draft = [
      'Talks Resume in Istanbul as Envoys Meet',
      '',
      'Volodymyr Zelensky met Recep Tayyip Erdogan in Ankara on Monday, officials said.',
      '',
      'The Ukrainian president thanked Erdogan for hosting the talks in the capital city.',
      '',
      'Later, Zelenksy said the next round would start in june. The envoys left the city.',
      '',
      'Analysts in Kyiv expected a deal before the end of the year, the report said.',
      '',
      'A spokesman said the talks were constructive and would continue next week.',
      '',
    ].join('\n')
    const edits: Array<[string, string, 'last'?]> = [
      // A name introduced in one paragraph and misspelled in another: the misspelling's
      // message depends on how often each spelling is written (`Zelensky` once, `Zelenksy` once).
      ['Analysts in Kyiv', 'Analysts and Zelensky in Kyiv'],
      ['Analysts and Zelensky in Kyiv', 'Analysts and Zelenksy in Kyiv'],
      ['Analysts and Zelenksy in Kyiv', 'Analysts in Kyiv'],
      // An accented spelling elsewhere outnumbers the plain one, then no longer does.
      ['thanked Erdogan', 'thanked Erdoğan'],
      ['A spokesman said', 'Erdoğan said'],
      ['Erdoğan said', 'A spokesman said'],
      // Transliterations of one given name with one surname, in two paragraphs.
      ['A spokesman said the talks', 'Volodymyr Zelenskiy said the talks'],
      ['Volodymyr Zelenskiy said the talks', 'A spokesman said the talks'],
      // `june` is a month; `peskov` takes the capital the draft gives it elsewhere.
      ['The envoys left the city.', 'The envoys and peskov left the city.'],
      ['Analysts in Kyiv', 'Analysts and Peskov in Kyiv'],
      ['Analysts and Peskov in Kyiv', 'Analysts and Peskovs in Kyiv'],
      ['Analysts and Peskovs in Kyiv', 'Analysts in Kyiv'],
      // A duplicated line appears in another paragraph, then disappears.
      [
        'A spokesman said the talks were constructive and would continue next week.',
        'A spokesman said the talks were constructive and would continue next week.\n\nAnalysts in Kyiv expected a deal before the end of the year, the report said.',
      ],
      ['\n\nAnalysts in Kyiv expected a deal before the end of the year, the report said.', '', 'last'],
      // A near duplicate (a clause added) in a later paragraph.
      ['would continue next week.', 'would continue next week.\n\nAnalysts in Kyiv expected a deal before the end of the year, the report said on Monday.'],
      ['the report said on Monday.', 'the report said.', 'last'],
      // A quote opened in one paragraph and closed in the next; straight quotes outnumbering curly ones.
      ['Analysts in Kyiv', '“Analysts in Kyiv'],
      ['A spokesman said the talks', 'A spokesman said” the talks'],
      ['“Analysts in Kyiv', '"Analysts in Kyiv'],
      ['Later, Zelenksy said', 'Later, "Zelenksy said" and "they said"'],
      ['Later, "Zelenksy said" and "they said"', 'Later, Zelenksy said'],
      ['"Analysts in Kyiv', 'Analysts in Kyiv'],
      // A headline's style set by another headline.
      ['Analysts in Kyiv expected', 'Trump Seeks to mediate as Russia Confirms Planning for Talks\n\nAnalysts in Kyiv expected'],
      ['Talks Resume in Istanbul as Envoys Meet', 'Talks resume in Istanbul as envoys meet'],
      ['Talks resume in Istanbul as envoys meet', 'Talks Resume in Istanbul as Envoys Meet'],
      ['Trump Seeks to mediate as Russia Confirms Planning for Talks\n\n', ''],
    ]
    const engine = new IncrementalLinter(config)
    let text = draft
    expect(shown((await engine.lint(text, {path: 'draft.txt'}))!)).toEqual(shown(await lint(text, {config, path: 'draft.txt'})))
    const rules = new Set<string>()
    for (const [step, [find, replace, from]] of edits.entries()) {
      const at = from === 'last' ? text.lastIndexOf(find) : text.indexOf(find)
      expect(at, `step ${step}: \`${find}\``).toBeGreaterThanOrEqual(0)
      text = text.slice(0, at) + replace + text.slice(at + find.length)
      const file = await lint(text, {config, path: 'draft.txt'})
      for (const message of file.messages) rules.add(message.ruleId ?? '')
      expect(shown((await engine.lint(text, {path: 'draft.txt'}))!), `step ${step}`).toEqual(shown(file))
    }
    // The edits did make each document-wide rule report something along the way.
    expect([...rules].sort()).toEqual(expect.arrayContaining(['duplicate-line', 'headline-case', 'name-spelling', 'proper-noun-case', 'quotation']))
  })

  it('equals lint() with a house list of names (name-spelling reads every name of the draft)', async () => {
    const houseConfig = {...defaultConfig('/'), names: ['Olaf Scholz', 'Reuters']}
    const engine = new IncrementalLinter(houseConfig)
    let text = 'Olaf Scholz met the press.\n\nLater, the chancellor spoke to Reuters.\n\nMartin Schulz said nothing.\n'
    const edits: Array<[string, string]> = [
      ['spoke to Reuters', 'spoke to Reuter'],
      ['Olaf Scholz met', 'Olaf Scholtz met'],
      ['Martin Schulz said', 'Scholtz said'],
      ['Olaf Scholtz met', 'The chancellor met'],
    ]
    expect(shown((await engine.lint(text))!)).toEqual(shown(await lint(text, {config: houseConfig})))
    for (const [step, [find, replace]] of edits.entries()) {
      text = text.replace(find, replace)
      expect(shown((await engine.lint(text))!), `step ${step}`).toEqual(shown(await lint(text, {config: houseConfig})))
    }
  })

  it('runs spelling again on the changed chunk only after a letter typed inside a word', async () => {
    const spelling = (await import('../../rules/spelling/index.js')).default as {plugin: (...args: never[]) => unknown}
    const plugin = spelling.plugin
    // How many chunks each run of the rule was asked for (-1: the whole tree).
    const asked: number[] = []
    spelling.plugin = function (this: unknown, ...args: never[]) {
      const transformer = (plugin as (...args: never[]) => (tree: unknown, file: VFile) => unknown).apply(this, args)
      return (tree: unknown, file: VFile) => {
        asked.push(file.data.copydeskPartial?.parts.length ?? -1)
        return transformer(tree, file)
      }
    }
    try {
      // A configuration object of its own: the engine builds its processors per configuration.
      const engine = new IncrementalLinter(defaultConfig('/'))
      let text = drafts[0]
      const chunks = splitChunks(text).length
      await engine.lint(text)
      const at = text.indexOf(' the ', Math.floor(text.length / 2)) + 3
      text = text.slice(0, at) + 'x' + text.slice(at)
      const file = await engine.lint(text)
      expect(asked).toEqual([chunks, 1])
      expect(shown(file!)).toEqual(shown(await lint(text, {config})))
    } finally {
      spelling.plugin = plugin
    }
  })

  it('gives up when a newer version arrived, and resumes from what it kept', async () => {
    const engine = new IncrementalLinter(config)
    const text = drafts[0]
    expect(await engine.lint(text, {isStale: () => true})).toBeUndefined()
    const file = await engine.lint(text)
    expect(shown(file!)).toEqual(shown(await lint(text, {config})))
  })
})

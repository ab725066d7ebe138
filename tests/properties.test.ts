/**
 * Properties of lint and fix on arbitrary text, and on the sample with random edits:
 * lint never throws; every message lies inside the document with start ≤ end; every `actual`
 * is the text at its place; after applying the certain fixes those problems are gone; fixing
 * is idempotent; in Markdown too, a message's range covers exactly its `actual` or it carries no
 * suggestion (issue 17).
 *
 * The seed is printed at the start; replay a run with `COPYDESK_SEED=<seed> npm test` (or
 * `npx vitest run tests/properties.test.ts`). `COPYDESK_RUNS` sets the number of runs.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {location} from 'vfile-location'
import {defaultConfig} from '../src/config/defaults.js'
import {certainEdits, fix} from '../src/fix/apply.js'
import {lint} from '../src/pipeline/lint.js'
import type {MessageFields} from '../src/rule.js'

const sample = readFileSync(new URL('../samples/ukraine-talks.txt', import.meta.url), 'utf8')
const config = defaultConfig('/')
const seed = Number(process.env.COPYDESK_SEED ?? process.env.FC_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? process.env.FC_RUNS ?? 100)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(numRuns)) throw new Error('COPYDESK_SEED and COPYDESK_RUNS must be integers')
// Printed on every run (not only on failure), so a failure in CI can be replayed.
console.log(`properties: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npm test), ${numRuns} runs`)

/** Words, punctuation, spaces and line breaks that trip the rules, plus any character at all. */
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'the',
      'The',
      'istanbul',
      'Peskov',
      'monday',
      'U.S.',
      'e.g.',
      'ther',
      'said',
      'talks',
      '5,000',
      '10 am',
      'Mako Rubio',
      '“Yes,” he said',
      '"',
      '😀',
      'Cafe\u0301',
    ),
  },
  {weight: 4, arbitrary: fc.constantFrom(' ', ' ', ', ', ',', '.', '. ', ' .', '\n', '\r\n', '\n\n', '\t', '!', '?', ';', ':', '—', '...')},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 6})},
)
const prose = fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join(''))

/** The sample with a few random edits: deletions, insertions and swaps of characters. */
const editedSample = fc
  .array(fc.tuple(fc.nat(sample.length), fc.nat(6), fc.oneof(fc.constantFrom('', ' ', ',', '.', '\n', 'the ', 'x'), fc.string({maxLength: 3}))), {minLength: 1, maxLength: 8})
  .map((edits) => {
    let text = sample
    for (const [at, remove, insert] of edits) {
      const start = Math.min(at, text.length)
      text = text.slice(0, start) + insert + text.slice(start + remove)
    }
    return text
  })

/** A slip a writer makes: the rules' favourite mistakes, each a few characters long. */
const slip = fc.constantFrom('the the', 'ther', 'istanbul', 'monday', 'media,stating', 'talks .', 'Mako Rubio', '10 am', 'e-mail', '"quoted', 'a  b', 'caf\u00e9 caf\u00e9')
/** A word or a slip, alone or inside inline markup: links, emphasis, entities, code, breaks. */
const inline = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom('Talks', 'resumed', 'on', 'the', 'same', 'day', 'officials', 'said', 'in', 'Istanbul', 'Peskov', 'U.S.', 'café', '5,000')},
  {weight: 3, arbitrary: slip},
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('the', 'ther', 'Istanbul', 'the the', 'a link'),
        fc.constantFrom('[%](https://example.com/the)', '*%*', '**%**', '_%_', '`%`', '![%](x.png)', '[%][ref]', '<%>', '%\\\n', '%  \n'),
      )
      .map(([word, shape]) => shape.replace('%', word)),
  },
  {weight: 2, arbitrary: fc.constantFrom('caf&eacute;', 'AT&amp;T', '&copy;', '&#39;s', '&nosuch;', '\\*', '\\_')},
)
const sentence = fc.array(inline, {minLength: 1, maxLength: 10}).map((words) => words.join(' ') + '.')
/** A block: a paragraph, heading, list, quote, code, table or HTML, with slips inside. */
const block = fc.oneof(
  {weight: 4, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 3}).map((s) => s.join(' '))},
  {weight: 1, arbitrary: sentence.map((s) => `# ${s}`)},
  {weight: 2, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 3}).map((items) => items.map((item, i) => `${i % 2 ? '  ' : ''}- ${item}`).join('\n'))},
  {weight: 1, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 3}).map((items) => items.map((item, i) => `${i + 1}. ${item}`).join('\n'))},
  {weight: 2, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 3}).map((lines) => lines.map((line, i) => `${i % 2 ? '>' : '> >'} ${line}`).join('\n'))},
  {weight: 1, arbitrary: sentence.map((s) => `\`\`\`\n${s}\n\`\`\``)},
  {weight: 1, arbitrary: sentence.map((s) => `| a | b |\n| - | - |\n| ${s} | the the |`)},
  {weight: 1, arbitrary: sentence.map((s) => `<div>${s}</div>`)},
  {weight: 1, arbitrary: fc.constant('[ref]: https://example.com/ref')},
)
/** A Markdown draft: blocks with slips, LF or CRLF line endings. */
const markdownDraft = fc.tuple(fc.array(block, {minLength: 1, maxLength: 6}), fc.boolean()).map(([blocks, crlf]) => {
  const text = blocks.join('\n\n') + '\n'
  return crlf ? text.replace(/\n/g, '\r\n') : text
})

async function checkLint(text: string, path?: string): Promise<void> {
  const file = await lint(text, {config, path})
  const points = location(text)
  for (const message of file.messages) {
    const place = message.place
    expect(place && 'start' in place).toBe(true)
    if (!place || !('start' in place)) continue
    const start = points.toOffset(place.start)
    const end = points.toOffset(place.end)
    expect(start).toBeTypeOf('number')
    expect(end).toBeTypeOf('number')
    expect(start!).toBeLessThanOrEqual(end!)
    expect(end!).toBeLessThanOrEqual(text.length)
    const actual = (message as typeof message & MessageFields).actual
    if (!message.ruleId || actual === undefined) continue
    // Markdown: a message across markup (`the](https://…) the`, `caf&eacute;`) has the prose
    // as `actual`; it must then carry no suggestion at all, so nothing can replace the markup.
    if (path?.endsWith('.md') && text.slice(start, end) !== actual) {
      expect(text.slice(start, end)).toMatch(/[[\]()*_`<>&\\!#\n]/)
      expect({rule: message.ruleId, expected: (message as typeof message & MessageFields).expected, fix: (message as typeof message & MessageFields).fix}).toEqual({
        rule: message.ruleId,
        expected: [],
        fix: false,
      })
      expect(certainEdits(text, [message])).toEqual([])
      continue
    }
    expect(text.slice(start, end)).toBe(actual)
  }
}

async function checkFix(text: string): Promise<void> {
  const first = await lint(text, {config})
  const edits = certainEdits(text, first.messages)
  const fixed = await fix(text, {config})
  // The problems fixed are not reported again at the same text.
  const again = await lint(fixed.output, {config})
  const remaining = new Set(
    again.messages.map((message) => `${message.ruleId} ${(message as typeof message & MessageFields).actual} ${(message as typeof message & MessageFields).expected?.[0]}`),
  )
  if (fixed.output !== text) expect(fixed.applied).toBeGreaterThan(0)
  for (const edit of edits) {
    const fields = edit.message as typeof edit.message & MessageFields
    const key = `${edit.message.ruleId} ${fields.actual} ${fields.expected?.[0]}`
    // Same problem, same text: it may occur elsewhere only if it occurred more than once.
    if (remaining.has(key)) expect(text.split(fields.actual!).length - 1).toBeGreaterThan(1)
  }
  // Idempotent: fixing the fixed text changes nothing.
  expect((await fix(fixed.output, {config})).output).toBe(fixed.output)
}

describe('properties', () => {
  it('lint never throws and messages lie inside the text, on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(prose, (text) => checkLint(text)),
      {seed, numRuns},
    )
  })

  it('the same for Markdown', async () => {
    const markdown = fc
      .array(fc.oneof(prose, fc.constantFrom('# ', '> ', '- ', '`', '```\n', '*', '_', '[a](b)', '<x>', '&amp;', '\\*', '---\n', '<!-- copydesk-disable -->')), {
        maxLength: 20,
      })
      .map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(markdown, (text) => checkLint(text, 'draft.md')),
      {seed, numRuns},
    )
  })

  it('Markdown drafts with slips: every range is its `actual`, or the message offers no fix', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDraft, (text) => checkLint(text, 'draft.md')),
      {seed, numRuns},
    )
  }, 60_000)

  it('lint holds on the sample with random edits', async () => {
    await fc.assert(
      fc.asyncProperty(editedSample, (text) => checkLint(text)),
      {seed, numRuns: Math.ceil(numRuns / 4)},
    )
  })

  it('certain fixes remove their problems, and fixing is idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(prose, (text) => checkFix(text)),
      {seed, numRuns},
    )
  })

  it('the same on the sample with random edits', async () => {
    await fc.assert(
      fc.asyncProperty(editedSample, (text) => checkFix(text)),
      {seed, numRuns: Math.ceil(numRuns / 10)},
    )
  }, 120_000)
})

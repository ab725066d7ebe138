/**
 * The fix property (issue 17): on generated drafts with slips, in plain text and in Markdown,
 * fixing changes only the slips. Every character that `fix()` changes lies in a slip the
 * generator put there; no line break is added or removed; in Markdown no markup changes (the
 * source outside text nodes, and every URL, code span and code block, stays byte for byte);
 * fixing again changes nothing. A few drafts also go through `copydesk lint --fix` on real
 * files, which must write exactly what `fix()` gives.
 *
 * The seed is printed; replay a run with `COPYDESK_SEED=<seed>` (and `COPYDESK_RUNS=<n>`).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {diffChars} from 'diff'
import fc from 'fast-check'
import type {Root as MdastRoot, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {afterAll, describe, expect, it} from 'vitest'
import {defaultConfig} from '../src/config/defaults.js'
import {fix} from '../src/fix/apply.js'
import {cliPath} from './helpers/cli.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? 40)
console.log(`fix properties: seed ${seed} (replay with COPYDESK_SEED=${seed}), ${numRuns} runs per format`)
const config = defaultConfig('/')

/** A piece of a draft: text, and whether it is (part of) a slip that a fix may change. */
type Part = readonly [text: string, isSlip: boolean]
const clean = (text: string): Part => [text, false]
const slip = (text: string): Part => [text, true]

/** Sentences copydesk leaves alone. */
const sentences = [
  'Talks resumed on the same day.',
  'The minister spoke to reporters in Paris on Monday.',
  'Officials said the agreement would be signed next week.',
  'Prices rose by 3.5 percent in March, the agency said.',
  'The delegation left for Geneva after the meeting.',
  'Both sides described the talks as constructive.',
  'Markets in London and Tokyo closed higher on Friday.',
  'A spokesman declined to comment on the report.',
]

/** Sentences with one slip each, and where it is. */
const slipped: ReadonlyArray<readonly Part[]> = [
  [clean('Talks resumed on '), slip('the the '), clean('same day.')],
  [clean('The minister spoke to'), slip(' reporters,stating '), clean('that talks would continue.')],
  [clean('Officials met in'), slip(' paris '), clean('on Monday.')],
  [clean('The statement came'), slip(' late , '), clean('officials said.')],
  [clean('The delegation left for Geneva after the'), slip(' meeting .')],
  [slip('the '), clean('talks went on for hours.')],
  [clean('Prices rose in'), slip(' march,'), clean(' the agency said.')],
  [clean('Both sides said that they were'), slip(' ready ready '), clean('to sign.')],
]

/** A repeat across a line break (issue 17 #3): the break must stay. */
const acrossBreak = (eol: string): readonly Part[] => [
  clean('Negotiators from both sides met again on Tuesday and then they flew to'),
  slip(` the${eol}the `),
  clean('capital on Monday.'),
]

const eol = fc.constantFrom('\n', '\r\n')
const sentence = fc.oneof(
  {weight: 2, arbitrary: fc.constantFrom(...sentences).map((text) => [clean(text)] as readonly Part[])},
  {weight: 2, arbitrary: fc.constantFrom(...slipped)},
)

/** A plain-text draft: lines of sentences, some blank lines, LF or CRLF throughout. */
const plainDraft = eol.chain((lineEnd) =>
  fc
    .array(
      fc.oneof(
        {weight: 5, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 3}).map((line) => joinSentences(line))},
        {weight: 1, arbitrary: fc.constant(acrossBreak(lineEnd))},
      ),
      {minLength: 1, maxLength: 6},
    )
    .chain((lines) =>
      fc
        .array(fc.boolean(), {minLength: lines.length, maxLength: lines.length})
        .map((blank) => lines.flatMap((line, index) => [...line, clean(lineEnd + (blank[index] ? lineEnd : ''))])),
    ),
)

/** Markdown blocks around the same sentences: headings, lists, quotes, emphasis, links, code. */
const markdownBlock = fc.oneof(
  {weight: 4, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 3}).map((line) => joinSentences(line))},
  {weight: 1, arbitrary: fc.constant(acrossBreak('\n'))},
  {weight: 1, arbitrary: fc.constantFrom('# Talks resume in Geneva', '## What comes next', '### Reaction').map((text) => [clean(text)] as readonly Part[])},
  {weight: 1, arbitrary: fc.array(sentence, {minLength: 1, maxLength: 3}).map((items) => items.flatMap((item, index) => [clean(index ? '\n- ' : '- '), ...item]))},
  {weight: 1, arbitrary: sentence.map((parts) => [clean('> '), ...parts])},
  {weight: 1, arbitrary: sentence.map((parts) => [clean('*'), ...parts, clean('*')])},
  {weight: 1, arbitrary: sentence.map((parts) => [clean('Read [the report](https://example.com/the-the,x "the the") first. '), ...parts])},
  {weight: 1, arbitrary: sentence.map((parts) => [...parts, clean(' Run `the the ,x` to see it.')])},
  {weight: 1, arbitrary: fc.constant([clean('```\nthe the paris ,x\n```')] as readonly Part[])},
  {weight: 1, arbitrary: sentence.map((parts) => [clean('**Update:** '), ...parts])},
)
const markdownDraft = fc.array(markdownBlock, {minLength: 1, maxLength: 6}).map((blocks) => blocks.flatMap((block) => [...block, clean('\n\n')]))

function joinSentences(line: ReadonlyArray<readonly Part[]>): readonly Part[] {
  return line.flatMap((parts, index) => (index ? [clean(' '), ...parts] : parts))
}

/** The draft's text and its slips as `[start, end)` offsets (a character of slack each side). */
function assemble(parts: readonly Part[]): {text: string; slips: Array<[number, number]>} {
  let text = ''
  const slips: Array<[number, number]> = []
  for (const [value, isSlip] of parts) {
    if (isSlip) slips.push([Math.max(0, text.length - 1), text.length + value.length + 1])
    text += value
  }
  return {text, slips}
}

const lineBreaks = (text: string) => text.match(/\r\n|[\n\r\u2028\u2029]/g) ?? []

/** Where the fix changed the text: `[start, end)` in the input, for each removed or replaced run. */
function changedRanges(before: string, after: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let offset = 0
  for (const change of diffChars(before, after)) {
    if (change.removed) {
      ranges.push([offset, offset + change.value.length])
      offset += change.value.length
    } else if (change.added) {
      ranges.push([offset, offset]) // an insertion at this point of the input
    } else {
      offset += change.value.length
    }
  }
  return ranges
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter)

/**
 * The markup of a Markdown draft: the source outside text nodes, in order, and every value
 * that is not prose (URLs, titles, code, HTML). A fix may change text nodes only.
 */
function markupOf(source: string): string[] {
  const tree = markdown.parse(source)
  const out: string[] = []
  let last = 0
  const visit = (node: MdastRoot | RootContent) => {
    if (node.type === 'text') {
      out.push(source.slice(last, node.position!.start.offset))
      last = node.position!.end.offset!
      return
    }
    const fields = node as {url?: string; title?: string | null; value?: string; lang?: string | null; depth?: number; ordered?: boolean | null}
    out.push(`${node.type}${fields.depth ?? ''}${fields.ordered ? 'ordered' : ''}`)
    if (fields.url !== undefined) out.push(`url:${fields.url}`, `title:${fields.title ?? ''}`)
    if (fields.value !== undefined) out.push(`value:${fields.value}`, `lang:${fields.lang ?? ''}`)
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  out.push(source.slice(last))
  return out
}

/** Check the fix of one generated draft; returns the fixed text. */
async function checkFix(parts: readonly Part[], file: string): Promise<string> {
  const {text, slips} = assemble(parts)
  const {output} = await fix(text, {config, path: file})
  // Only slips changed.
  for (const [start, end] of changedRanges(text, output)) {
    const inSlip = slips.some(([from, to]) => from <= start && end <= to)
    if (!inSlip) throw new Error(`changed outside a slip at ${start}-${end}: ${JSON.stringify(text.slice(Math.max(0, start - 20), end + 20))} → ${JSON.stringify(output)}`)
  }
  // No line break added or removed, none moved to another line.
  expect(lineBreaks(output)).toEqual(lineBreaks(text))
  expect(output.split(/\r\n|\n|\r/).length).toBe(text.split(/\r\n|\n|\r/).length)
  // No markup changed.
  if (file.endsWith('.md')) expect(markupOf(output)).toEqual(markupOf(text))
  // Stable: fixing again changes nothing.
  expect((await fix(output, {config, path: file})).output).toBe(output)
  return output
}

describe('fix properties (issue 17)', () => {
  it('plain text: only the slips change, every line break stays', async () => {
    await fc.assert(
      fc.asyncProperty(plainDraft, async (parts) => void (await checkFix(parts, 'draft.txt'))),
      {seed, numRuns},
    )
  }, 60_000)

  it('Markdown: only the slips change, no markup, every line break stays', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDraft, async (parts) => void (await checkFix(parts, 'draft.md'))),
      {seed, numRuns},
    )
  }, 60_000)

  it('the generator does put slips in, and fix() fixes them (this test could not pass vacuously)', async () => {
    const drafts = fc.sample(plainDraft, {seed, numRuns: 20})
    let changed = 0
    for (const parts of drafts) {
      const {text} = assemble(parts)
      if ((await fix(text, {config, path: 'draft.txt'})).output !== text) changed++
    }
    expect(changed).toBeGreaterThan(5)
  }, 60_000)

  describe('through the CLI on real files', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-fix-properties-'))
    afterAll(() => rmSync(folder, {recursive: true, force: true}))

    it('`copydesk lint --fix` writes exactly what fix() gives, with the same checks', async () => {
      const plain = fc.sample(plainDraft, {seed, numRuns: 4}).map((parts, index) => ({parts, name: `draft-${index}.txt`}))
      const md = fc.sample(markdownDraft, {seed, numRuns: 4}).map((parts, index) => ({parts, name: `draft-${index}.md`}))
      const expected = new Map<string, string>()
      for (const {parts, name} of [...plain, ...md]) {
        writeFileSync(path.join(folder, name), assemble(parts).text)
        expected.set(name, await checkFix(parts, name))
      }
      const result = spawnSync(process.execPath, [cliPath, 'lint', '--fix', '--format', 'json', '.'], {
        cwd: folder,
        encoding: 'utf8',
        env: {...process.env, NO_COLOR: '1'},
        timeout: 60_000,
      })
      expect(result.stderr).not.toMatch(/internal error|not fixed|changed on disk/)
      for (const [name, output] of expected) expect(readFileSync(path.join(folder, name), 'utf8'), name).toBe(output)
    }, 90_000)
  })
})

/**
 * src/pipeline/to-nlcst.ts converts each stretch between blocks on its own: the tree must be
 * the one `mdast-util-to-nlcst` makes of the whole document, node for node and position for
 * position, on real documents and on generated ones (seed printed; replay with
 * `COPYDESK_SEED=<seed>`, `COPYDESK_RUNS=<n>`), and the work per stretch must not grow with
 * the document (issue 17: 4 MB of Markdown took minutes).
 */
import {readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import {toNlcst as packageToNlcst} from 'mdast-util-to-nlcst'
import type {Paragraph, Sentence, SentenceContent, WhiteSpace} from 'nlcst'
import {ParseEnglish} from 'parse-english'
// parse-latin's own plugin, by its file: the package exports only its parser.
import {breakImplicitSentences as packagedBreak} from '../../node_modules/parse-latin/lib/plugin/break-implicit-sentences.js'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {breakImplicitSentences, linearParagraphPlugins, toNlcst} from '../../src/pipeline/to-nlcst.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? 300)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(numRuns)) throw new Error('COPYDESK_SEED and COPYDESK_RUNS must be integers')
console.log(`to-nlcst: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/pipeline/to-nlcst.test.ts), ${numRuns} runs`)

const ignore = ['yaml', 'toml', 'html', 'code']
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])

function both(text: string) {
  const file = new VFile({value: text})
  const tree = remark.parse(file)
  // Each conversion gets its own copy: the package patches positions onto the tokens it makes only.
  const ours = toNlcst(structuredClone(tree), file, new ParseEnglish(), {ignore})
  const theirs = packageToNlcst(structuredClone(tree), file, new ParseEnglish(), {ignore})
  return {ours, theirs}
}

/** Every Markdown document of the project: samples, corpus, docs, README. */
function documents(): Array<[string, string]> {
  const found: Array<[string, string]> = []
  for (const folder of ['samples', 'bench/corpus/prose', 'tests/fixtures/eval', 'docs', 'docs/rules']) {
    const url = new URL(`../../${folder}/`, import.meta.url)
    for (const name of readdirSync(url)) if (name.endsWith('.md')) found.push([`${folder}/${name}`, readFileSync(new URL(name, url), 'utf8')])
  }
  found.push(['README.md', readFileSync(new URL('../../README.md', import.meta.url), 'utf8')])
  return found
}

describe('toNlcst by stretches', () => {
  it.each(documents())('gives the package’s tree on %s', (_name, text) => {
    const {ours, theirs} = both(text)
    expect(ours).toEqual(theirs)
  })

  /** Lines of Markdown: containers, blocks, inline markup and prose that parse-latin merges. */
  const line = fc
    .tuple(
      fc.constantFrom('', '', '', '- ', '  - ', '    - ', '1. ', '> ', '> > ', '# ', '## ', '    ', '   ', '* ', '+ ', '\t'),
      fc.array(
        fc.constantFrom(
          'The talks',
          'don’t',
          "don't",
          'U.S.',
          'well-known',
          'e.g.',
          'said.',
          'Peskov',
          'istanbul',
          '*stress*',
          '**strong**',
          '_under_',
          '[link](https://example.com)',
          '[ref]',
          '![alt text](x.png)',
          '`code`',
          '<!-- copydesk-disable -->',
          '<b>bold</b>',
          '\\*',
          '&amp;',
          'caf&eacute;',
          '...',
          '!',
          '?',
          '—',
          '5,000',
          '"Yes,"',
          '|',
          'a',
          '  ',
          '  \\',
          '***',
          '```',
          '---',
          '===',
        ),
        {maxLength: 8},
      ),
      fc.constantFrom('\n', '\n', '\n', '\n\n', '  \n', '\r\n', '\n\n\n'),
    )
    .map(([prefix, words, end]) => prefix + words.join(' ') + end)
  const document = fc.array(line, {maxLength: 30}).map((lines) => lines.join(''))

  it('gives the package’s tree on generated documents', () => {
    fc.assert(
      fc.property(document, (text) => {
        const {ours, theirs} = both(text)
        expect(ours).toEqual(theirs)
      }),
      {seed, numRuns},
    )
  })

  it('gives the package’s tree on front matter, tables and reference definitions', () => {
    const text = '---\ntitle: A\n---\n\n# Talks in istanbul\n\n| a | b |\n| - | - |\n| x | y |\n\n[ref]: https://example.com\n\nSee [ref] and [the talks][ref].\n'
    const {ours, theirs} = both(text)
    expect(ours).toEqual(theirs)
  })

  it('converts a paragraph of 210,000 tokens (the package overflows the stack)', () => {
    const text = 'a b c d e f g\n'.repeat(15_000)
    const file = new VFile({value: text})
    const tree = remark.parse(file)
    expect(() => packageToNlcst(structuredClone(tree), file, new ParseEnglish(), {ignore})).toThrow(RangeError)
    const root = toNlcst(tree, file, new ParseEnglish(), {ignore})
    expect(root.position?.end.line).toBe(15_000)
  })

  it('makes one point a token: a token starts where the one before ends, a word’s text where the word does', () => {
    // The package makes two points a node, five objects a word with its text (issue 17: about 270 bytes a byte of prose).
    const text = 'The *envoy* said [so](https://example.com), twice: `code` and _more_.\n\nA second paragraph follows here.\n'
    const {ours, theirs} = both(text)
    expect(ours).toEqual(theirs)
    const points = new Set<unknown>()
    let leaves = 0
    const visit = (node: {position?: {start: unknown; end: unknown}; children?: unknown[]}) => {
      if (node.children) for (const child of node.children) visit(child as typeof node)
      else leaves++
      if (node.position) points.add(node.position.start).add(node.position.end)
    }
    visit(ours)
    // About one point per leaf, plus the first of each run of text and the copies the root, paragraphs and sentences get.
    // 29 leaves: 42 points here, 84 when each node had its own two.
    expect(leaves).toBeGreaterThan(25)
    expect(points.size).toBeLessThanOrEqual(leaves * 1.5)
  })

  it('hands the sentence plugins one block at a time, however long the document', () => {
    // The plugins splice the sentence they get: their work grows with its length times the merges in it.
    const paragraph = 'The U.S. envoy didn’t say which well-known talks were next, and Peskov said so.\n\n'
    const longest = (copies: number) => {
      const parser = new ParseEnglish()
      let most = 0
      parser.tokenizeSentencePlugins = [(sentence: Sentence) => void (most = Math.max(most, sentence.children.length)), ...parser.tokenizeSentencePlugins]
      const text = paragraph.repeat(copies)
      const file = new VFile({value: text})
      toNlcst(remark.parse(file), file, parser, {ignore})
      return most
    }
    // From the second paragraph on, a stretch is the break before it and the paragraph.
    expect(longest(1)).toBeGreaterThan(20)
    expect(longest(2)).toBe(longest(1) + 1)
    expect(longest(200)).toBe(longest(2))
    expect(longest(400)).toBe(longest(2))
  })
})

describe('breakImplicitSentences in linear time', () => {
  it('takes the place of parse-latin’s in the paragraph plugins (found and checked)', () => {
    const plugins = new ParseEnglish().tokenizeParagraphPlugins
    expect(plugins).toContain(packagedBreak)
    const linear = linearParagraphPlugins(plugins)
    expect(linear).toHaveLength(plugins.length)
    expect(linear).not.toContain(packagedBreak)
    expect(linear[plugins.indexOf(packagedBreak)]).toBe(breakImplicitSentences)
    expect(linear.filter((plugin, index) => plugin !== plugins[index])).toEqual([breakImplicitSentences])
  })

  /** A paragraph of sentences of words and white space (some of two or more line ends), placed or not. */
  const paragraph = fc
    .array(fc.array(fc.constantFrom('word', 'other', ' ', '\n', '\n\n', '\r\n\r\n', '\n \n\n', '\r\r'), {maxLength: 12}), {minLength: 1, maxLength: 5})
    .chain((sentences) => fc.tuple(fc.constant(sentences), fc.boolean(), fc.boolean()))
    .map(([sentences, placed, gap]): Paragraph => {
      let offset = 0
      const at = () => ({line: 1, column: offset + 1, offset})
      const token = (value: string): SentenceContent => {
        const start = at()
        offset += value.length
        const position = placed ? {start, end: at()} : undefined
        return /\s/.test(value)
          ? {type: 'WhiteSpaceNode' as const, value, position}
          : {type: 'WordNode' as const, children: [{type: 'TextNode' as const, value, position}], position}
      }
      const children: Paragraph['children'] = []
      sentences.forEach((values, index) => {
        const tokens = values.map(token)
        const sentence: Sentence = {type: 'SentenceNode', children: tokens}
        if (placed && tokens.length > 0) sentence.position = {start: tokens[0].position!.start, end: tokens.at(-1)!.position!.end}
        children.push(sentence)
        // White space between sentences (not a sentence: left alone).
        if (gap && index < sentences.length - 1) children.push(token(' ') as WhiteSpace)
      })
      return {type: 'ParagraphNode', children}
    })

  it('splits as parse-latin’s does, positions included, on generated paragraphs', () => {
    fc.assert(
      fc.property(paragraph, (input) => {
        const theirs = structuredClone(input)
        const ours = structuredClone(input)
        packagedBreak(theirs)
        breakImplicitSentences(ours)
        expect(ours).toEqual(theirs)
      }),
      {seed, numRuns},
    )
  })

  it('splits a sentence of 200,000 breaks at each of them', () => {
    // The package copies the rest of the sentence at each break: this took minutes there.
    const children: Sentence['children'] = []
    for (let index = 0; index < 200_000; index++) {
      children.push({type: 'WordNode', children: [{type: 'TextNode', value: 'x'}]}, {type: 'WhiteSpaceNode', value: '\n\n'})
    }
    children.push({type: 'WordNode', children: [{type: 'TextNode', value: 'x'}]})
    const input: Paragraph = {type: 'ParagraphNode', children: [{type: 'SentenceNode', children}]}
    breakImplicitSentences(input)
    expect(input.children).toHaveLength(400_001)
    expect(input.children.every((child, index) => child.type === (index % 2 === 0 ? 'SentenceNode' : 'WhiteSpaceNode'))).toBe(true)
  })

  it('gives the package’s tree on nested list markers', () => {
    const {ours, theirs} = both('- - - - x\n'.repeat(50) + '> > x\n> y\n'.repeat(20))
    expect(ours).toEqual(theirs)
  })
})

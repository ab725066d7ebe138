/**
 * src/pipeline/markdown.ts parses a long draft in pieces and joins plain lines before micromark
 * sees them (issue 17: 1 MB of one-letter lines in one paragraph took 22 s and 2.4 GB to parse,
 * 1 MB of `*a _b ` 0.9 GB). The tree must be the one a parse of the whole draft gives, node for
 * node and position for position, on real documents and on generated ones (seed printed;
 * replay with `COPYDESK_SEED=<seed>`, `COPYDESK_RUNS=<n>`), except across a cut inside a
 * paragraph longer than half a piece, where emphasis, links and code spans stop.
 */
import {readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {describe, expect, it} from 'vitest'
import {boundedParse, joinPlainLines, pieceLength, type PieceOptions} from '../../src/pipeline/markdown.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? 200)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(numRuns)) throw new Error('COPYDESK_SEED and COPYDESK_RUNS must be integers')
console.log(`markdown-pieces: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/pipeline/markdown-pieces.test.ts), ${numRuns} runs`)

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])

/** Our parser, with what it hands micromark recorded. */
function bounded(options: PieceOptions = {}) {
  const given: string[] = []
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(function spy(this: Processor) {
      const parse = this.parser!
      this.parser = (text, file) => {
        given.push(text)
        return parse(text, file)
      }
    })
    .use(boundedParse, options)
  return {parse: (text: string) => processor.parse(text), given}
}

/** A tree as plain data (positions included). */
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree)) as unknown

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

/** Lines of Markdown: containers, blocks, and inline markup that a line opens and closes. */
function lines(words: string[]) {
  return fc
    .tuple(
      fc.constantFrom(
        '',
        '',
        '',
        '',
        '',
        '- ',
        '  - ',
        '    - ',
        '1. ',
        '2) ',
        '> ',
        '> > ',
        '# ',
        '## ',
        '    ',
        '   ',
        '* ',
        '+ ',
        '\t',
        '```',
        '~~~ ',
        '---',
        '===',
        '<div>',
        '<!-- ',
        '[ref]: /url ',
        '[other]:\n',
        '+++',
      ),
      fc.array(fc.constantFrom(...words), {maxLength: 8}),
      fc.constantFrom('\n', '\n', '\n', '\n', '\n\n', '  \n', '\r\n', '\n\n\n', '\\\n'),
    )
    .map(([prefix, line, end]) => prefix + line.join(' ') + end)
}
/** Words whose markup closes within them (no space inside, nothing that pairs with another word). */
const closed = [
  'The talks',
  'said',
  'Peskov',
  'a',
  'b',
  'Ünal',
  '*stress*',
  '**strong**',
  '_under_',
  '[link](https://example.com)',
  '[ref]',
  '[other][]',
  '![alt](x.png)',
  '`code`',
  '<b>bold</b>',
  '\\*',
  '&amp;',
  'caf&eacute;',
  '...',
  '!',
  '|',
  '-->',
  '5,000',
  '"Yes,"',
  'a_b',
]
const open = [...closed, '![alt text](x.png)', 'x*y', '*', '_', '**', '[', ']', '(', ')', '`', '<', '>', '&', 'https://a.b', '***', '---']

describe('joining plain lines (micromark’s cost is per line)', () => {
  it.each(documents())('gives the tree of a whole parse on %s', (_name, text) => {
    expect(plain(bounded().parse(text))).toEqual(plain(whole.parse(text)))
  })

  it('gives the tree of a whole parse on generated documents', () => {
    const document = fc.array(lines(open), {maxLength: 30}).map((list) => list.join(''))
    fc.assert(
      fc.property(document, (text) => {
        expect(plain(bounded().parse(text))).toEqual(plain(whole.parse(text)))
      }),
      {seed, numRuns},
    )
  })

  it('hands micromark a paragraph of one-letter lines as one line, with the same tree', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz'.split('').join('\n').repeat(200) + '\n'
    const {parse, given} = bounded()
    const tree = parse(text)
    expect(given).toHaveLength(1)
    expect(given[0].split('\n')).toHaveLength(2)
    expect(plain(tree)).toEqual(plain(whole.parse(text)))
  })

  it('leaves lines that markup could run across as they are', () => {
    for (const text of ['a `b\nc` d\n', 'a [b\nc](d)\n', 'a <b\nc> d\n', 'a  \nb\n', 'a\\\nb\n', '# a\nb\n', '- a\nb\n']) {
      expect(joinPlainLines(text).text).toBe(text)
    }
    expect(joinPlainLines('a *b\nc* d\n').text).not.toContain('\n' + 'c')
  })
})

describe('parsing a long draft in pieces', () => {
  it.each(documents())('gives the tree of a whole parse on %s with small pieces, but for cut paragraphs', (_name, text) => {
    for (const length of [64, 300, 2000]) {
      const ours = bounded({length, lineBeforeCut: 100}).parse(text)
      const theirs = whole.parse(text)
      // Blocks and their places are the same; inline markup may stop at a cut in a long paragraph.
      const blocks = (tree: Root) => tree.children.map((node) => [node.type, node.position?.start.offset, node.position?.end.offset])
      expect(blocks(ours)).toEqual(blocks(theirs))
    }
  })

  it('gives the tree of a whole parse on generated documents with small pieces', () => {
    // Markup that a word opens and closes: nothing runs across a line end, so a cut changes nothing.
    const document = fc.array(lines(closed), {maxLength: 40}).map((list) => list.join(''))
    fc.assert(
      fc.property(document, fc.constantFrom(40, 100, 400), (text, length) => {
        expect(plain(bounded({length, lineBeforeCut: 30}).parse(text))).toEqual(plain(whole.parse(text)))
      }),
      {seed, numRuns},
    )
  })

  it('hands micromark pieces of at most a piece, with the tree of a whole parse', () => {
    const drafts = {
      // One line each: unclosed emphasis, unclosed brackets, prose; a paragraph of short lines; paragraphs.
      emphasis: '*a _b '.repeat(40_000),
      brackets: '[a '.repeat(80_000),
      prose: 'The council met on Monday and voted. '.repeat(6_000),
      lines: 'Short line\n'.repeat(20_000),
      paragraphs: '## Part\n\nThe *council* met on [Monday](https://example.com) and `voted`.\n\n'.repeat(3_000),
    }
    for (const [name, text] of Object.entries(drafts)) {
      const {parse, given} = bounded()
      const tree = parse(text)
      expect([name, Math.max(...given.map((piece) => piece.length))]).toEqual([name, expect.any(Number)])
      expect(Math.max(...given.map((piece) => piece.length)), name).toBeLessThanOrEqual(pieceLength)
      expect(given.length, name).toBeGreaterThan(text.length / pieceLength)
      expect(plain(tree), name).toEqual(plain(whole.parse(text)))
    }
    // Five whole parses of 240 KB: about 10 s on a quiet machine, over 30 s on a loaded one.
  }, 120_000)

  it('gives the tree of a whole parse on generated lists with small pieces (cut before an item)', () => {
    // Lines of list items, nested, with other blocks between: cuts before an item that goes on
    // with the list, and before items that do not (another marker, a break, code, a quote).
    const item = fc
      .tuple(
        fc.constantFrom(
          '- ',
          '- ',
          '- ',
          '- - ',
          '- - - ',
          '  - ',
          '  - ',
          '    - ',
          '* ',
          '+ ',
          '1. ',
          '2. ',
          '3) ',
          '- 1. ',
          '> - ',
          '- ',
          '  ',
          '    ',
          '```',
          '* * *',
          '- - -',
          '-',
          '<!-- ',
        ),
        fc.array(fc.constantFrom(...closed, '- a', '1.'), {minLength: 1, maxLength: 4}),
        fc.constantFrom('\n', '\n', '\n', '\n', '\n\n', '  \n', '\r\n', '\\\n'),
      )
      .map(([prefix, words, end]) => prefix + words.join(' ') + end)
    const document = fc.array(item, {minLength: 1, maxLength: 60}).map((list) => list.join(''))
    fc.assert(
      fc.property(document, fc.constantFrom(30, 60, 120), (text, length) => {
        expect(plain(bounded({length, lineBeforeCut: 30}).parse(text))).toEqual(plain(whole.parse(text)))
      }),
      {seed, numRuns},
    )
  })

  it('joins the parts of a list cut before an item: loose when either part is', () => {
    const cases = ['- a\n'.repeat(12) + '- b\n\n- c\n', '- a\n\n- a\n' + '- a\n'.repeat(12), '1. a\n'.repeat(12) + '7) b\n', '- a\n'.repeat(12) + '* b\n- c\n']
    for (const text of cases) {
      const {parse, given} = bounded({length: 30, lineBeforeCut: 30})
      expect(plain(parse(text)), text).toEqual(plain(whole.parse(text)))
      expect(given.length, text).toBeGreaterThan(1)
    }
  })

  it('hands micromark a list longer than a piece in pieces, cut before an item, with the tree of a whole parse', async () => {
    // micromark kept every event of a list parsed in one go: 1 MB of `- - … x` lines, 1.1 GB.
    const drafts = {
      markers: ('- '.repeat(15) + 'x\n').repeat(1_500), // 30 columns: under the nesting cap (maxPrefixColumns)
      nested: Array.from({length: 1_500}, (_, index) => `${'  '.repeat([0, 1, 2, 3, 2, 1][index % 6])}- The council met on day ${index}.\n`).join(''),
      ordered: Array.from({length: 2_000}, (_, index) => `${index + 1}. *Item* ${index}\n   with a second line\n`).join(''),
    }
    for (const [name, text] of Object.entries(drafts)) {
      const {parse, given} = bounded()
      const tree = parse(text)
      expect(tree.children, name).toHaveLength(1)
      expect(Math.max(...given.map((piece) => piece.length)), name).toBeLessThanOrEqual(pieceLength)
      expect(given.length, name).toBeGreaterThan(text.length / pieceLength)
      expect(plain(tree), name).toEqual(plain(whole.parse(text)))
      // Let the test runner's worker answer between the drafts (a long synchronous test starves it).
      await new Promise((resolve) => setImmediate(resolve))
    }
  }, 120_000)

  it('resolves a reference to a definition pieces later', () => {
    const filler = 'The council met on Monday and voted.\n\n'.repeat(2_000)
    const text = `See [the report] and ![chart][].\n\n${filler}[the report]: https://example.com/report\n\n[chart]: chart.png\n`
    const tree = bounded().parse(text)
    expect(plain(tree)).toEqual(plain(whole.parse(text)))
    expect(JSON.stringify(tree.children[0])).toContain('linkReference')
    expect(JSON.stringify(tree.children[0])).toContain('imageReference')
  })

  it('parses again only the piece that refers to a definition in a later piece (a draft of definitions was parsed twice)', () => {
    // Each reference and its definition in the same piece, and one reference to a definition at the end.
    const pairs = Array.from({length: 3_000}, (_, index) => `Use [ref${index}] here.\n\n[ref${index}]: https://example.com/${index}\n`).join('')
    const text = `See [the end] first.\n\n${pairs}\n[the end]: https://example.com/end\n`
    const {parse, given} = bounded()
    const tree = parse(text)
    expect(plain(tree)).toEqual(plain(whole.parse(text)))
    expect(JSON.stringify(tree.children[0])).toContain('linkReference')
    expect(given.length).toBeGreaterThan(text.length / pieceLength)
    // Only the first piece is given twice.
    expect(given.filter((piece, index) => given.indexOf(piece) !== index)).toEqual([given[0]])
  })

  it('looks labels up in a set, not by searching the list of definitions (300,000 of each searched it 300,000 times)', () => {
    const text = Array.from({length: 600}, (_, index) => `[ref${index}]: https://example.com/${index}\n\nUse [ref${index}] here.\n\n`).join('')
    // Count the searches of a long array (micromark's `parser.defined` is the only one here).
    const includes = Array.prototype.includes
    let searched = 0
    Array.prototype.includes = function (this: unknown[], ...parameters: Parameters<typeof includes>) {
      if (this.length > 500) searched++
      return includes.apply(this, parameters)
    }
    let tree: Root
    try {
      tree = bounded().parse(text)
    } finally {
      Array.prototype.includes = includes
    }
    expect(searched).toBe(0)
    expect(JSON.stringify(tree.children.at(-1))).toContain('linkReference')
    expect(plain(tree)).toEqual(plain(whole.parse(text)))
  })

  it('keeps front matter whole, however long', () => {
    const text = `---\n${'title: The council met on Monday\n'.repeat(3_000)}---\n\n${'The council met.\n\n'.repeat(2_000)}`
    const tree = bounded().parse(text)
    expect(tree.children[0].type).toBe('yaml')
    expect(plain(tree)).toEqual(plain(whole.parse(text)))
  })

  it('stops emphasis at a cut inside a paragraph longer than half a piece (the documented bound)', () => {
    // A paragraph of 40,000 characters whose emphasis runs across the cut near 32 KB.
    const text = 'word '.repeat(6_500) + '*across ' + 'word '.repeat(100) + 'the cut* ' + 'word '.repeat(1_400) + '\n'
    const ours = bounded().parse(text)
    const theirs = whole.parse(text)
    expect(JSON.stringify(theirs)).toContain('"emphasis"')
    expect(JSON.stringify(ours)).not.toContain('"emphasis"')
    // The paragraph is still one, with the draft's text.
    expect(ours.children).toHaveLength(1)
    expect(ours.children[0].position).toEqual(theirs.children[0].position)
  })
})

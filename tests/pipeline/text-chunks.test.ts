/**
 * Plain text is parsed chunk by chunk (`parseInChunks`): after the split into line paragraphs,
 * the tree must be the one the whole text parses into, node for node and position for position,
 * on real drafts and on generated ones (seed printed; replay with `COPYDESK_SEED=<seed>`,
 * `COPYDESK_RUNS=<n>`), and the work per chunk must not grow with the draft (issue 17).
 */
import {readdirSync, readFileSync} from 'node:fs'
import fc from 'fast-check'
import type {Paragraph, Root, Sentence} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {parseInChunks, splitChunks, splitLineParagraphs} from '../../src/pipeline/line-paragraphs.js'
import {getProcessor} from '../../src/pipeline/processor.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? 300)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(numRuns)) throw new Error('COPYDESK_SEED and COPYDESK_RUNS must be integers')
console.log(`text-chunks: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/pipeline/text-chunks.test.ts), ${numRuns} runs`)

const parse = (text: string) => new ParseEnglish().parse(text)

// The processor's parser makes each chunk's tokens at their place (`placeTokens`); a plain
// parser's chunks are moved there afterwards.
const processor = getProcessor(defaultConfig('/'), 'text')

function both(text: string): {chunked: Root; placed: Root; whole: Root} {
  const chunked = parseInChunks(text, parse)
  splitLineParagraphs(chunked, text)
  const placed = processor.parse(new VFile({value: text, path: 'draft.txt'}))
  splitLineParagraphs(placed, text)
  const whole = parse(text)
  splitLineParagraphs(whole, text)
  return {chunked, placed, whole}
}

function drafts(): Array<[string, string]> {
  const found: Array<[string, string]> = []
  for (const folder of ['samples', 'bench/corpus/prose', 'bench/corpus/names', 'tests/fixtures/eval']) {
    const url = new URL(`../../${folder}/`, import.meta.url)
    for (const name of readdirSync(url)) if (name.endsWith('.txt')) found.push([`${folder}/${name}`, readFileSync(new URL(name, url), 'utf8')])
  }
  return found
}

/** The most children a sentence (or paragraph) that parse-latin's plugins get has, when `text` is parsed in chunks. */
function longestGiven(kind: 'sentence' | 'paragraph', text: string): number {
  let most = 0
  const measure = (node: Sentence | Paragraph) => void (most = Math.max(most, node.children.length))
  parseInChunks(text, (chunk) => {
    const parser = new ParseEnglish()
    if (kind === 'sentence') parser.tokenizeSentencePlugins = [measure, ...parser.tokenizeSentencePlugins]
    else parser.tokenizeParagraphPlugins = [measure, ...parser.tokenizeParagraphPlugins]
    return parser.parse(chunk)
  })
  return most
}

describe('parseInChunks', () => {
  it.each(drafts())('gives the whole text’s tree on %s', (_name, text) => {
    const {chunked, placed, whole} = both(text)
    expect(chunked.children.length).toBeGreaterThan(0)
    expect(chunked).toEqual(whole)
    expect(placed).toEqual(whole)
  })

  const piece = fc.constantFrom(
    'the ',
    'The ',
    'istanbul',
    'Peskov ',
    'U.S. ',
    'et al. ',
    'Mr. ',
    'don’t ',
    'said, ',
    'talks',
    ' ',
    ',',
    '.',
    '. ',
    '\n',
    '\n\n',
    '\r\n',
    '\r',
    '"',
    '“',
    '”',
    ':',
    'Talks Resume in Istanbul\n',
    '  ',
    '\t',
    '—',
    '5 ',
    'etc.',
    '!',
    '?',
    '…',
    'a\n',
    'b.\n',
    'talks.\n',
    'went.\nfollowing ',
    '!\nthe ',
    'U.S.\nofficials ',
    'Mr.\nsmith ',
    '..\n',
    ').\nand ',
    'vs.\n',
    'e.g. ',
    'iPhone\n',
    '5\n',
    '(',
    ')',
    '’',
    '-',
    ';\n',
  )
  it('gives the whole text’s tree on generated prose', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 80}), (pieces) => {
        const {chunked, placed, whole} = both(pieces.join(''))
        expect(chunked).toEqual(whole)
        expect(placed).toEqual(whole)
      }),
      {seed, numRuns},
    )
  })

  it('cuts before a line of any letter after a line that ends in a word, before a capital only after a mark', () => {
    const starts = (text: string) => splitChunks(text).map((chunk) => chunk.start)
    // One letter a line: every line is a chunk (a draft of them is not one parse of a million lines).
    expect(starts('a\nb\nc\n')).toEqual([0, 1, 3])
    expect(starts('Talks went on\nthe delegations\n')).toEqual([0, 13])
    // After a sentence mark a lowercase word may be joined to it (`vs.` `the`): no cut there.
    expect(starts('Talks went on vs.\nthe delegations\n')).toEqual([0])
    expect(starts('Talks went on.\nThe delegations\n')).toEqual([0, 14])
    expect(starts('Talks went on\n5 delegations\n')).toEqual([0])
    // With a minimum, only once a chunk holds that much: runs of the chunks without one.
    const lines = 'a\nb\nc\nd\ne\n'
    expect(splitChunks(lines, 4).map((chunk) => [chunk.start, chunk.text])).toEqual([
      [0, 'a\nb\nc'],
      [5, '\nd\ne\n'],
    ])
    expect(splitChunks(lines, 4).every((chunk) => starts(lines).includes(chunk.start))).toBe(true)
  })

  it('with `afterSentenceMark`, cuts where a sentence goes on in lowercase on the next line too, and says so', () => {
    const cut = (text: string) => splitChunks(text, 0, {afterSentenceMark: true}).map((chunk) => [chunk.start, chunk.joinsNext ?? false])
    expect(cut('Talks went on.\nfollowing this, they met.\nthe end.\n')).toEqual([
      [0, true],
      [14, true],
      [40, false],
    ])
    expect(cut('Talks went on vs.\nthe delegations\n')).toEqual([
      [0, true],
      [17, false],
    ])
    expect(cut('Talks went on!\nthe delegations\nThey met.\n')).toEqual([
      [0, true],
      [14, false],
      [30, false],
    ])
    // Not after a closing quote (a sentence of no words would be joined to the next line's).
    expect(cut('He said “no.”\nthe delegations\n')).toEqual([[0, false]])
  })

  it('gives a chunk cut before a lowercase line the full stop the whole parse joins to its last word', () => {
    const text = 'They met for a week.\nfollowing this, Trump spoke.\n'
    const {chunked, whole} = both(text)
    expect(chunked).toEqual(whole)
    const first = whole.children[0]
    const sentence = first.type === 'ParagraphNode' ? first.children[0] : undefined
    const week = sentence?.type === 'SentenceNode' ? sentence.children.at(-1) : undefined
    expect(week?.type).toBe('WordNode')
    expect(week && 'children' in week ? week.children.map((child) => child.type) : []).toEqual(['TextNode', 'PunctuationNode'])
  })

  it('gives a word of one text and its text one position after the split (40 bytes a word)', () => {
    const text = 'The U.S. envoy didn’t say it.\nSo (a (a.'
    const {placed} = both(text)
    let words = 0
    const visit = (node: Root | Root['children'][number] | Sentence['children'][number]) => {
      if (node.type === 'WordNode') {
        words++
        if (node.children.length === 1) expect(node.children[0].position).toBe(node.position)
        else for (const child of node.children) expect(child.position).not.toBe(node.position)
      } else if ('children' in node) for (const child of node.children) visit(child)
    }
    visit(placed)
    expect(words).toBe(9)
  })

  it('hands the sentence plugins one chunk at a time, however long the draft', () => {
    // The plugins splice the sentence they get: their work grows with its length times the merges in it.
    const line = 'The U.S. envoy didn’t say which well-known talks were next, and Peskov said so.\n'
    const longest = (copies: number) => longestGiven('sentence', line.repeat(copies))
    // Chunks of at least 2 KB (`parseChunkSize`): the longest is some 2 KB of lines, however many there are.
    expect(longest(1)).toBeGreaterThan(20)
    expect(longest(2)).toBeGreaterThan(longest(1))
    expect(longest(500)).toBeLessThan(40 * longest(1))
    expect(longest(1000)).toBe(longest(500))
    expect(longest(5000)).toBe(longest(500))
  })

  it('keeps lines that go on in lowercase after a full stop from making one sentence of the draft', () => {
    const line = 'the envoy did not say which talks were next, and peskov said so.\n'
    const longest = (copies: number) => longestGiven('paragraph', `The start.\n${line.repeat(copies)}`)
    expect(longest(2)).toBeGreaterThan(0)
    expect(longest(500)).toBeLessThan(100)
    expect(longest(1000)).toBe(longest(500))
    expect(longest(5000)).toBe(longest(500))
  })
})

/**
 * `tokenizeAt` makes parse-latin's tokens at their place in the draft, with one point per
 * boundary (issue 17: a parse of a token per byte threw away a third of what it allocated);
 * `parseAt` gives the tree retext-english gives, moved to that place.
 */
import fc from 'fast-check'
import type {Nodes, Root, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import type {Point} from 'unist'
import {describe, expect, it} from 'vitest'
import {parseAt, tokenizeAt, type Place} from '../../src/pipeline/placed-parser.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
console.log(`placed-parser: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/pipeline/placed-parser.test.ts)`)

/** A point of a text parsed at its start, at `place` instead (columns move on the first line only). */
const moved = (point: Point, place: Place): Point => ({
  line: point.line + place.line - 1,
  column: point.line === 1 ? point.column + place.column - 1 : point.column,
  offset: (point.offset ?? 0) + place.start,
})

/** A copy of `node` with every point moved to `place`. */
function move<T extends Nodes>(node: T, place: Place): T {
  const copy = {...node} as T & {children?: Nodes[]}
  if (node.position) copy.position = {start: moved(node.position.start, place), end: moved(node.position.end, place)}
  if ('children' in node) copy.children = (node.children as Nodes[]).map((child) => move(child, place))
  return copy
}

const texts = [
  'Talks resumed on the the same day.',
  '(a (a (a ',
  'a\nb\r\nc\rd\n\n\ne',
  'U.S. officials — “quoted” — met at 9:30 a.m.; don’t…',
  '!!?? ... -- ** ## $$ 😀😀 𝐀𝐁 a😀b \u00a0\u2003 tab\there',
  '',
  ' ',
  'e\u0301te\u0301 Ærø ǅ ﬁ',
]
const places: Place[] = [
  {start: 0, line: 1, column: 1},
  {start: 120, line: 7, column: 1},
  {start: 57, line: 3, column: 12},
]

describe('tokenizeAt', () => {
  it.each(texts)('gives parse-latin’s tokens of %j, at their place', (text) => {
    for (const place of places) {
      const theirs = ParseEnglish.prototype.tokenize.call(new ParseEnglish(), text).map((token) => move(token, place))
      expect(tokenizeAt(text, place)).toEqual(theirs)
    }
  })

  it('gives parse-latin’s tokens of any text', () => {
    const characters = fc.constantFrom(...'aZé1 \t\n\r.,;!?-–—’\'"“”()[]$%&*/😀\u00a0\u0301_#@'.split(''), ...['\ud835', '\udc00'])
    fc.assert(
      fc.property(fc.array(characters, {maxLength: 40}), fc.constantFrom(...places), (list, place) => {
        const text = list.join('')
        const theirs = ParseEnglish.prototype.tokenize.call(new ParseEnglish(), text).map((token) => move(token, place))
        expect(tokenizeAt(text, place)).toEqual(theirs)
      }),
      {seed, numRuns: 300},
    )
  })

  it('makes one point per boundary: a token starts at the end of the one before, a word’s text shares the word’s points', () => {
    const tokens = tokenizeAt('(a (ab. c\nd', {start: 0, line: 1, column: 1})
    const points = new Set<Point>()
    tokens.forEach((token: SentenceContent, index) => {
      points.add(token.position!.start).add(token.position!.end)
      if (index > 0) expect(token.position!.start).toBe(tokens[index - 1].position!.end)
      if (token.type === 'WordNode') {
        expect(token.children[0].position!.start).toBe(token.position!.start)
        expect(token.children[0].position!.end).toBe(token.position!.end)
        expect(token.children[0].position).not.toBe(token.position)
      }
    })
    expect(points.size).toBe(tokens.length + 1)
  })
})

describe('parseAt', () => {
  const processor = unified().use(retextEnglish).freeze() as unknown as Processor
  it.each(texts)('gives retext-english’s tree of %j, moved to its place', (text) => {
    for (const place of places) {
      const theirs = move(processor.parse(text) as Root, place)
      expect(parseAt(processor, text, place)).toEqual(theirs)
    }
  })

  it('runs the parser extensions retext plugins register', () => {
    const seen: string[] = []
    const extended = unified()
      .use(retextEnglish)
      .use(function (this: Processor) {
        this.data('nlcstSentenceExtensions', [(sentence: {children: unknown[]}) => void seen.push(`sentence ${sentence.children.length}`)])
        this.data('nlcstParagraphExtensions', [() => void seen.push('paragraph')])
        this.data('nlcstRootExtensions', [() => void seen.push('root')])
      })
      .freeze() as unknown as Processor
    parseAt(extended, 'One two.', places[0])
    expect(seen).toEqual(['sentence 4', 'paragraph', 'root'])
  })
})

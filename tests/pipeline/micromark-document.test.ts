/**
 * src/pipeline/micromark-document.ts: micromark's document tokenizer with lazy lines in linear
 * time. The trees must be micromark's, node for node and position for position, on generated
 * documents of containers and lazy lines (seed printed; replay with `COPYDESK_SEED=<seed>`,
 * `COPYDESK_RUNS=<n>`), micromark must use it, and a long quote of lazy lines must not cost
 * the square of its length (issue 17: 4 MB of `> > … quoted text` lines took over a minute).
 */
import fc from 'fast-check'
import type {InitialConstruct} from 'micromark-util-types'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
// Installs the tokenizer, as the Markdown processor does.
import '../../src/pipeline/markdown.js'
import {initializeDocument, installDocument, originalDocument} from '../../src/pipeline/micromark-document.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? 300)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(numRuns)) throw new Error('COPYDESK_SEED and COPYDESK_RUNS must be integers')
console.log(`micromark-document: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/pipeline/micromark-document.test.ts), ${numRuns} runs`)

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])
const document = await installDocument()

/** The tree of `text` with `tokenize` as micromark's document tokenizer. */
function parseWith(tokenize: InitialConstruct['tokenize'], text: string) {
  const installed = document.tokenize
  document.tokenize = tokenize
  try {
    return remark.parse(text)
  } finally {
    document.tokenize = installed
  }
}

describe('micromark’s document tokenizer, lazy lines in linear time', () => {
  it('is the one micromark uses', () => {
    expect(document.tokenize).toBe(initializeDocument)
    expect(originalDocument).toBeTypeOf('function')
    let calls = 0
    parseWith(function (this: ThisParameterType<typeof initializeDocument>, effects) {
      calls++
      return initializeDocument.call(this, effects)
    }, '> a\nb\n')
    expect(calls).toBe(1)
  })

  /** Lines of containers (quotes, lists, indentation) and what may go on lazily or start a block. */
  const line = fc
    .tuple(
      fc.constantFrom('', '', '> ', '> > ', '> > > ', '>', '- ', '  - ', '1. ', '> - ', '- > ', '    ', '  ', '\t', '>     '),
      fc.constantFrom('a', 'b c', '', '', '# h', '***', '---', '===', '```', '~~~', '<div>', '| a | b |', '| - | - |', '[x]: y', '- c', '> d', '    e', '*f*', 'g  '),
      fc.constantFrom('\n', '\n', '\n\n', '\r\n'),
    )
    .map(([prefix, content, end]) => prefix + content + end)
  const documents = fc.array(line, {maxLength: 40}).map((lines) => lines.join(''))

  it('gives micromark’s tree on generated documents', () => {
    fc.assert(
      fc.property(documents, (text) => {
        expect(parseWith(initializeDocument, text)).toEqual(parseWith(originalDocument!, text))
      }),
      {seed, numRuns},
    )
  })

  it('gives micromark’s tree on a quote of shrinking depth', () => {
    const text = Array.from({length: 300}, (_, index) => '> '.repeat(1 + (index % 20)) + 'quoted text\n').join('')
    expect(parseWith(initializeDocument, text)).toEqual(parseWith(originalDocument!, text))
  })

  /** How many times the flow's events are read by index while parsing `text` with `tokenize`. */
  function looks(tokenize: InitialConstruct['tokenize'], text: string): number {
    let count = 0
    parseWith(function (this: ThisParameterType<typeof initializeDocument>, effects) {
      const flow = this.parser.flow
      this.parser.flow = (from) => {
        const child = flow(from)
        child.events = new Proxy(child.events, {
          get(target, key, receiver) {
            if (typeof key === 'string' && /^\d+$/.test(key)) count++
            return Reflect.get(target, key, receiver) as unknown
          },
        })
        return child
      }
      return tokenize.call(this, effects)
    }, text)
    return count
  }

  it('reads a long lazy paragraph’s events in linear time', () => {
    // One paragraph, all but every 20th line lazy: micromark walks back to its start at each.
    const quote = (lines: number) => Array.from({length: lines}, (_, index) => '> '.repeat(20 - (index % 20)) + 'quoted text\n').join('')
    const ours = [looks(initializeDocument, quote(1000)), looks(initializeDocument, quote(2000))]
    const theirs = [looks(originalDocument!, quote(1000)), looks(originalDocument!, quote(2000))]
    expect(theirs[1] / theirs[0]).toBeGreaterThan(3)
    expect(ours[1] / ours[0]).toBeLessThan(2.2)
    expect(ours[1] * 5).toBeLessThan(theirs[1])
  })
})

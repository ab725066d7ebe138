/**
 * src/pipeline/micromark-inline.ts: micromark's inline resolvers with adjacent `data` events
 * merged after emphasis and links. The trees must be micromark's, node for node and position
 * for position, on generated documents of inline markup (seed printed; replay with
 * `COPYDESK_SEED=<seed>`, `COPYDESK_RUNS=<n>`), and a paragraph of unclosed marks must reach
 * mdast as a few events, not two per mark (issue 17: `*a _b ` or `[a ` repeated, about 1.4
 * million events a megabyte).
 */
import fc from 'fast-check'
import {parse, postprocess, preprocess} from 'micromark'
import type {Event, TokenizeContext} from 'micromark-util-types'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {afterAll, describe, expect, it} from 'vitest'
// Installs the resolvers, as the Markdown processor does.
import '../../src/pipeline/markdown.js'
import {mergeData, resolveAllAttention, shippedInlineResolvers, useInlineResolvers} from '../../src/pipeline/micromark-inline.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? 300)
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(numRuns)) throw new Error('COPYDESK_SEED and COPYDESK_RUNS must be integers')
console.log(`micromark-inline: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/pipeline/micromark-inline.test.ts), ${numRuns} runs`)

const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml'])

/** The tree of `text` with our resolvers or micromark's. */
async function treeWith(which: 'ours' | 'shipped', text: string) {
  await useInlineResolvers(which)
  try {
    return remark.parse(text)
  } finally {
    await useInlineResolvers('ours')
  }
}

/** micromark's events for `text`, as mdast-util-from-markdown gets them. */
function events(text: string): Event[] {
  return postprocess(
    parse()
      .document()
      .write(preprocess()(text, undefined, true)),
  )
}

const dataEvents = (list: Event[]) => list.filter((event) => event[1].type === 'data').length

afterAll(async () => {
  await useInlineResolvers('ours')
})

describe('micromark’s inline resolvers, adjacent data merged', () => {
  // First, before any test swaps resolvers: the import of the Markdown processor installed ours.
  it('are the ones micromark uses once the Markdown processor is loaded', () => {
    expect(dataEvents(events('*a _b [c '.repeat(100)))).toBe(2)
  })

  /** Words and marks of inline markup, opened and closed or not, with what may end a line. */
  const piece = fc.constantFrom(
    'a',
    'word',
    ' ',
    ' ',
    '  ',
    '\t',
    '*',
    '**',
    '***',
    '_',
    '__',
    '*a*',
    '**b**',
    '_c_',
    'x*y',
    'a_b',
    '[',
    ']',
    '![',
    '(',
    ')',
    '[a](b)',
    '[a][b]',
    '[b]',
    '[b][]',
    '![i](j "t")',
    '`',
    '`code`',
    '<',
    '>',
    '<b>',
    '<https://a.b>',
    '\\*',
    '\\',
    '&amp;',
    '&',
    '\n',
    '  \n',
    '\\\n',
    '\n\n',
    '> ',
    '- ',
    '# ',
    '[b]: /url\n',
  )
  const documents = fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join(''))

  it('gives micromark’s tree on generated documents', async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (text) => {
        expect(await treeWith('ours', text)).toEqual(await treeWith('shipped', text))
      }),
      {seed, numRuns},
    )
  })

  it('gives micromark’s tree on unclosed and closed marks', async () => {
    for (const text of [
      '*a _b '.repeat(200),
      'a* b_ '.repeat(200),
      'a* *b **c* d** '.repeat(50),
      '[a '.repeat(300),
      '*aword* **bold 1** _under_ '.repeat(50),
      'x [a [b](c) *d* [e ![f\n',
      'a *b\nc* d  \ne\\\nf *g*\n',
    ]) {
      expect(await treeWith('ours', text)).toEqual(await treeWith('shipped', text))
    }
  })

  it('gives micromark’s tree on generated emphasis (marks that close, nest, are left over or fail the rule of three)', async () => {
    const marks = fc
      .array(fc.constantFrom('*', '**', '***', '****', '_', '__', '___', 'a', 'b', ' ', ' ', '\n', '[', '](x)', '`'), {maxLength: 40})
      .map((pieces) => pieces.join(''))
    await fc.assert(
      fc.asyncProperty(marks, async (text) => {
        expect(await treeWith('ours', text)).toEqual(await treeWith('shipped', text))
      }),
      {seed, numRuns},
    )
  })

  it('resolves emphasis without moving the rest of the paragraph’s events at each span', async () => {
    // micromark splices each span into the paragraph's events: one move of the events after it per span.
    const text = '*a* **b** _c_ '.repeat(1_500)
    const splice = Array.prototype.splice
    const count = async (which: 'ours' | 'shipped') => {
      let moves = 0
      Array.prototype.splice = function (this: unknown[], ...parameters: Parameters<typeof splice>) {
        if (this.length > 1_000) moves++
        return splice.apply(this, parameters) as unknown[]
      }
      try {
        return {tree: await treeWith(which, text), moves}
      } finally {
        Array.prototype.splice = splice
      }
    }
    const ours = await count('ours')
    const theirs = await count('shipped')
    expect(ours.tree).toEqual(theirs.tree)
    expect(theirs.moves).toBeGreaterThan(4_000)
    expect(ours.moves).toBeLessThan(20)
  })

  it('walks back from a closing mark over the marks that can open it only (`a* ` repeated: every closing mark walked back to the start)', async () => {
    // 1,500 closing marks with nothing to close.
    const count = 1_500
    const make = (): Event[] => {
      const list: unknown[] = []
      for (let index = 0; index < count; index++) {
        const data = {type: 'data', start: {line: 1, column: 1, offset: index * 3}, end: {line: 1, column: 2, offset: index * 3 + 1}}
        const mark = {
          type: 'attentionSequence',
          _close: true,
          _open: false,
          start: {line: 1, column: 2, offset: index * 3 + 1},
          end: {line: 1, column: 3, offset: index * 3 + 2},
        }
        list.push(['enter', data, undefined], ['exit', data, undefined], ['enter', mark, undefined], ['exit', mark, undefined])
      }
      return list as Event[]
    }
    /** How many events `resolve` reads by index, with what it returns. */
    const reads = (resolve: (events: Event[], context: TokenizeContext) => Event[]) => {
      let read = 0
      const counted = new Proxy(make(), {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) read++
          return Reflect.get(target, key, receiver) as unknown
        },
      })
      const result = resolve(counted, {sliceSerialize: () => '*'} as unknown as TokenizeContext)
      return {read, types: result.map((event) => event[1].type)}
    }
    const ours = reads(resolveAllAttention)
    const theirs = reads((await shippedInlineResolvers()).attention)
    expect(ours.types).toEqual(theirs.types)
    expect(ours.types.every((type) => type === 'data')).toBe(true)
    // micromark’s walk reads every event before each closing mark: 4.5 million here.
    expect(theirs.read).toBeGreaterThan(count * count)
    // Ours reads each event once as it goes, and once to copy it back.
    expect(ours.read).toBeLessThan(3 * 4 * count)
  })

  it('hands mdast one data event pair for a paragraph of unclosed marks, not one per mark and run', async () => {
    for (const text of ['*a _b '.repeat(1_000), '[a '.repeat(2_000), '[a *b '.repeat(1_000)]) {
      expect(dataEvents(events(text)), text.slice(0, 6)).toBe(2)
      await useInlineResolvers('shipped')
      try {
        expect(dataEvents(events(text))).toBeGreaterThan(2_000)
      } finally {
        await useInlineResolvers('ours')
      }
    }
  })

  it('merges runs as micromark’s text resolver does', () => {
    const token = (type: string, start: number, end: number) => ({type, start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}})
    const a = token('data', 0, 1)
    const b = token('data', 1, 2)
    const c = token('data', 2, 3)
    const other = token('emphasis', 3, 4)
    const d = token('data', 4, 5)
    const list = [a, b, c]
      .flatMap((item) => [
        ['enter', item],
        ['exit', item],
      ])
      .concat([
        ['enter', other],
        ['exit', other],
        ['enter', d],
        ['exit', d],
      ]) as unknown as Event[]
    const merged = mergeData(list)
    expect(merged.map((event) => [event[0], event[1].type, event[1].start.offset, event[1].end.offset])).toEqual([
      ['enter', 'data', 0, 3],
      ['exit', 'data', 0, 3],
      ['enter', 'emphasis', 3, 4],
      ['exit', 'emphasis', 3, 4],
      ['enter', 'data', 4, 5],
      ['exit', 'data', 4, 5],
    ])
  })
})

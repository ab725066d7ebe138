/** One problem, one rule: the pipeline settles overlaps between rules. */
import fc from 'fast-check'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {lint, settle} from '../../src/pipeline/lint.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
const numRuns = Number(process.env.COPYDESK_RUNS ?? 300)
console.log(`settle: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/pipeline/settle.test.ts), ${numRuns} runs`)

/** The rule settle keeps, as written before it was indexed (issue 17): every pair compared. */
function settledPairwise(text: string, messages: Array<{ruleId: string; start: number; end: number; expected?: readonly string[]}>, order: string[]): string[] {
  const kept: Array<{ruleId: string; start: number; end: number; isWord: boolean}> = []
  const nests = (outer: {start: number; end: number}, inner: {start: number; end: number}) => outer.start <= inner.start && inner.end <= outer.end
  const ranked = messages.map((message, index) => ({message, index})).sort((a, b) => order.indexOf(a.message.ruleId) - order.indexOf(b.message.ruleId) || a.index - b.index)
  for (const {message: range} of ranked) {
    const actual = text.slice(range.start, range.end)
    const words = actual.split(/[ \u00a0]+/)
    const isPhrase =
      !/[\r\n]/.test(actual) &&
      words.length <= 4 &&
      range.expected !== undefined &&
      range.expected.length > 0 &&
      range.expected.every((item) => item.split(/[ \u00a0]+/).length === words.length)
    const isWord = !/\s/.test(actual) || isPhrase
    const taken = kept.some(
      (other) =>
        other.ruleId !== range.ruleId &&
        ((other.start === range.start && other.end === range.end) ||
          (isWord && other.isWord && other.start < range.end && range.start < other.end && (other.start === range.start || nests(other, range) || nests(range, other)))),
    )
    if (!taken) kept.push({...range, isWord})
  }
  return kept.map((entry) => `${entry.start}-${entry.end} ${entry.ruleId}`).sort()
}

const summary = async (text: string) =>
  (await lint(text)).messages.map(
    (message) => `${message.line}:${message.column}-${message.place && 'end' in message.place ? message.place.end.column : ''} ${message.ruleId}`,
  )

describe('settle', () => {
  it('keeps the more specific rule when one flags a word and another a part of it', async () => {
    // Regression: “norway’s Karsten Warholm won…” came from both proper-noun-case and sentence-case.
    expect(await summary('The race ended.\nnorway’s Karsten Warholm won the race on Monday.\n')).toEqual(['2:1-7 proper-noun-case'])
  })

  it('keeps the words flagged inside a repeated sentence', async () => {
    const text = 'The council approved the budget after a long debate on Monday.\nThe council approved the budget after a long debate on monday.\n'
    expect(await summary(text)).toEqual(['2:1-63 duplicate-line', '2:56-62 proper-noun-case'])
  })

  it('keeps distinct problems side by side', async () => {
    expect(await summary('He said,ther are no plans.\n')).toEqual(['1:8-9 punctuation-spacing', '1:9-13 spelling'])
  })

  it('tells ranges apart that end past the text', () => {
    const text = 'Talks resumed on Monday.\n'
    const file = new VFile({value: text})
    file.data.copydeskRuleOrder = ['a', 'b']
    const at = (offset: number) => ({line: 1, column: offset + 1, offset})
    for (const [ruleId, end] of [
      ['a', text.length + 2],
      ['b', text.length + 3],
      ['b', text.length + 2],
    ] as const)
      file.messages.push(new VFileMessage('m', {place: {start: at(17), end: at(end)}, ruleId}))
    settle(file)
    expect(file.messages.map((message) => `${message.ruleId} ${(message.place as {end: {offset: number}}).end.offset}`).sort()).toEqual(['a 27', 'b 28'])
  })

  it('keeps what comparing every pair of messages keeps', () => {
    const order = ['a', 'b', 'c']
    // Words, phrases and spaces, long enough for messages to fall in several blocks of the index;
    // a few ranges end past the text (a message at the end of a truncated draft).
    const text = ('The new york talks resumed on monday, and ' + 'x'.repeat(300) + ' then ended.\n').repeat(4)
    const message = fc.record({
      ruleId: fc.constantFrom(...order),
      start: fc.nat(text.length),
      length: fc.nat(400),
      expected: fc.option(fc.constantFrom(['New York'], ['x'], []), {nil: undefined}),
    })
    fc.assert(
      fc.property(fc.array(message, {maxLength: 40}), (drawn) => {
        const messages = drawn.map(({ruleId, start, length, expected}) => ({ruleId, start, end: Math.min(text.length + 3, start + length), expected}))
        const file = new VFile({value: text})
        file.data.copydeskRuleOrder = order
        for (const {ruleId, start, end, expected} of messages) {
          const at = (offset: number) => ({line: text.slice(0, offset).split('\n').length, column: offset - text.lastIndexOf('\n', offset - 1), offset})
          const vfileMessage = new VFileMessage('m', {place: {start: at(start), end: at(end)}, ruleId})
          Object.assign(vfileMessage, {expected})
          file.messages.push(vfileMessage)
        }
        settle(file)
        const settled = file.messages.map((entry) => {
          const place = entry.place as {start: {offset: number}; end: {offset: number}}
          return `${place.start.offset}-${place.end.offset} ${entry.ruleId}`
        })
        expect(settled.sort()).toEqual(settledPairwise(text, messages, order))
      }),
      {seed, numRuns},
    )
  })
})

/** One problem, one rule: the pipeline settles overlaps between rules. */
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/pipeline/lint.js'

const summary = async (text: string) =>
  (await lint(text)).messages.map((message) => `${message.line}:${message.column}-${message.place && 'end' in message.place ? message.place.end.column : ''} ${message.ruleId}`)

describe('settle', () => {
  it('keeps the more specific rule when one flags a word and another a part of it', async () => {
    // Regression: “norway’s Karsten Warholm won…” came from both proper-noun-case and sentence-case.
    expect(await summary('The race ended.\nnorway’s Karsten Warholm won the race on Monday.\n')).toEqual(['2:1-7 proper-noun-case'])
  })

  it('keeps the words flagged inside a repeated sentence', async () => {
    const text =
      'The council approved the budget after a long debate on Monday.\nThe council approved the budget after a long debate on monday.\n'
    expect(await summary(text)).toEqual(['2:1-63 duplicate-line', '2:56-62 proper-noun-case'])
  })

  it('keeps distinct problems side by side', async () => {
    expect(await summary('He said,ther are no plans.\n')).toEqual(['1:8-9 punctuation-spacing', '1:9-13 spelling'])
  })
})

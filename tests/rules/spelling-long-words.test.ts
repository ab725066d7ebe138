/**
 * Issue 17, finding 10: “A long run of letters (a 4,000-letter "word") takes 20 s and
 * 1.2–1.6 GB”. The work per word must be linear in its length: a run longer than any English
 * word is reported as unknown, without suggestions, and no slip or name model sees it.
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/index.js'
import {getLookup} from '../../rules/lib/dictionary-lookup.js'
import {maxWordLength, nearestSlip, suggest} from '../../rules/spelling/suggest.js'

/** CPU time of `run`, in milliseconds (the machine may be shared: wall time is noisier). */
async function cpuTime(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage()
  await run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

describe('spelling on very long words', () => {
  it('reports a 4,000-letter run once, without suggestions, in linear time', async () => {
    const draft = (letters: number) => `The talks ended. Then ${'a'.repeat(letters)} was typed. Then Z${'e'.repeat(letters)} came.`
    const file = await lint(draft(4000), {path: 'long.txt'})
    const spelling = file.messages.filter((message) => message.ruleId === 'spelling')
    expect(spelling.map((message) => [message.place && 'start' in message.place ? message.place.start.column : 0, (message as {expected?: string[]}).expected])).toEqual([
      [23, []],
      [4040, []],
    ])
    // Before: 20 s for 4,000 letters, 67 s for 8,000 (quadratic). Now a few hundred ms at
    // most; doubling the run may not quadruple the time (with room for a noisy machine).
    // (Lowercase runs: a capitalized one also meets `name-spelling`, whose variant keys are
    // still quadratic in a form's length.)
    const lowercase = (letters: number) => `The talks ended. Then ${'a'.repeat(letters)} was typed. Then ${'e'.repeat(letters)} came.`
    const short = await cpuTime(() => lint(lowercase(4000), {path: 'long.txt'}))
    const long = await cpuTime(() => lint(lowercase(16_000), {path: 'long.txt'}))
    expect(long).toBeLessThan(2000)
    expect(long).toBeLessThan(Math.max(8 * short, 200))
  })

  it('keeps suggestions and slips for words up to the limit', () => {
    const lookup = getLookup('dictionary-en')
    expect(maxWordLength).toBe(40)
    expect(suggest('a'.repeat(maxWordLength + 1), lookup)).toEqual([])
    expect(nearestSlip('a'.repeat(maxWordLength + 1), lookup)).toBe(Number.POSITIVE_INFINITY)
    expect(suggest('misunderstandng', lookup)).toEqual(['misunderstanding', 'misunderstandings'])
  })
})

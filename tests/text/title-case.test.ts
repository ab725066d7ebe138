/**
 * `isTitleCase` (src/text/title-case.ts), counted word by word without lists (issue 17: every
 * paragraph of a draft is asked), answers as the count over the list of words does.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {isTitleCase, minorWords} from '../../src/text/title-case.js'

const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)
console.log(`title-case: fast-check seed ${seed} (replay: COPYDESK_SEED=${seed} npx vitest run tests/text/title-case.test.ts)`)

/** The rule over the list of words: at least three in four significant words (not minor, or first) capitalized. */
function byList(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? []
  const significant = words.filter((word, index) => index === 0 || !minorWords.has(word.toLowerCase()))
  if (significant.length === 0) return false
  return significant.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length / significant.length >= 0.75
}

describe('isTitleCase', () => {
  it.each([
    ['Ukraine War: Trump Seeks to mediate as Russia Confirms Planning for Talks', true],
    ['Talks Resume in Geneva', true],
    ['the talks resumed in geneva', false],
    ['A', true],
    ['a', false],
    ['', false],
    ['— … !', false],
    ['Of Mice and men', false],
    ['2024 Budget Passes', true],
    ['Zelensky’s Visit to Kyiv’s Mayor', true],
  ])('%j: %s', (text, expected) => {
    expect(isTitleCase(text)).toBe(expected)
    expect(byList(text)).toBe(expected)
  })

  it('answers as the count over the list of words on any line', () => {
    const words = fc.constantFrom('Talks', 'talks', 'of', 'Of', 'the', 'The', 'a', 'A', '2024', 'Kyiv’s', 'well-known', 'É', 'é', '—', ':', '…', 'x')
    fc.assert(
      fc.property(fc.array(words, {maxLength: 12}), fc.constantFrom(' ', '  ', ', ', '-'), (list, gap) => {
        const text = list.join(gap)
        expect(isTitleCase(text)).toBe(byList(text))
      }),
      {seed, numRuns: 500},
    )
  })
})

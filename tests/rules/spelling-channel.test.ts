/**
 * The spelling model's pieces: the noisy-channel cost with substring slips (`channel.ts`) and
 * the bounded trie walk of the candidates (`candidates.ts`), each against a plain computation.
 */
import {describe, expect, it} from 'vitest'
import {getLookup} from '../../rules/lib/dictionary-lookup.js'
import {getWordTrie, nearWords, type TrieHeader} from '../../rules/spelling/candidates.js'
import {channelCost, encodeTrigrams, unseenBigrams, unseenTrigrams, type ChannelModel} from '../../rules/spelling/channel.js'
import {model} from '../../rules/spelling/model.js'

/** Every slip costs one: the plain optimal-string-alignment distance. */
const unit: ChannelModel = {...model, rules: undefined, sub: {}, del: {}, ins: {}, trans: {}, subDefault: 1, delDouble: 1, insDouble: 1, transDefault: 1, otherCost: 1}

describe('spelling channel', () => {
  it('measures single-letter slips as the plain distance under unit costs', () => {
    expect(channelCost(unit, 'teh', 'the')).toBe(1)
    expect(channelCost(unit, 'goverment', 'government')).toBe(1)
    expect(channelCost(unit, 'tounge', 'tongue')).toBe(2)
    expect(channelCost(unit, 'xyz', 'abc')).toBe(3)
    expect(channelCost(unit, '', 'abc')).toBe(3)
    // Two characters outside the alphabet are not the same slip-free letter.
    expect(channelCost(unit, 'caf\u00e8', 'caf\u00e9')).toBe(1)
    expect(channelCost(unit, 'caf\u00e9', 'caf\u00e9')).toBe(0)
  })

  it('gives up past the limit with a value past it', () => {
    expect(channelCost(unit, 'abcdefgh', 'stuvwxyz', 2)).toBeGreaterThan(2)
  })

  it('takes a substring slip where it is cheaper than its letters, and only where its marks allow', () => {
    const withRules: ChannelModel = {...unit, rules: {'ph>f': 0.5, '^kn>^n': 0.25, 'ce$>se$': 0.5}}
    expect(channelCost(withRules, 'fone', 'phone')).toBe(0.5)
    expect(channelCost(withRules, 'alfabet', 'alphabet')).toBe(0.5)
    // `^kn`: only at the start of the word.
    expect(channelCost(withRules, 'nife', 'knife')).toBe(0.25)
    expect(channelCost(withRules, 'unnown', 'unknown')).toBe(1)
    // `ce$`: only at its end.
    expect(channelCost(withRules, 'practise', 'practice')).toBe(0.5)
    expect(channelCost(withRules, 'licenser', 'licencer')).toBe(1)
    // Several in one word, and the letters left alone.
    expect(channelCost(withRules, 'nofise', 'knophice')).toBe(1.25)
    expect(channelCost(withRules, 'fone', 'phone', Infinity, false)).toBe(2)
  })

  it('ships fitted substring slips that make the typical misspelling cheap', () => {
    const letters: ChannelModel = {...model, rules: undefined}
    expect(Object.keys(model.rules ?? {}).length).toBeGreaterThan(100)
    for (const [typed, intended] of [
      ['tounge', 'tongue'],
      ['independant', 'independent'],
      ['seperate', 'separate'],
    ]) {
      expect(channelCost(model, typed, intended), typed).toBeLessThan(channelCost(letters, typed, intended))
    }
  })
})

describe('spelling trigrams', () => {
  it('counts the letter trigrams no word of the table has', () => {
    const small: ChannelModel = {...unit, trigrams: encodeTrigrams(['there', 'other'])}
    expect(unseenTrigrams(small, 'ther')).toBe(0)
    expect(unseenTrigrams(small, 'othere')).toBe(0)
    expect(unseenTrigrams(small, 'thx')).toBe(1)
    expect(unseenTrigrams(small, 'zzzz')).toBe(2)
    // Letters outside a–z are not counted; no table, no verdict.
    expect(unseenTrigrams(small, "th'r")).toBe(0)
    expect(unseenTrigrams(unit, 'zzzz')).toBe(0)
    // A pair is seen inside any seen trigram.
    expect(unseenBigrams(small, 'hereth')).toBe(1)
    expect(unseenBigrams(small, 'here')).toBe(0)
    expect(unseenBigrams(small, 'thq')).toBe(1)
    expect(unseenBigrams(unit, 'thq')).toBe(0)
  })

  it('tells English-like misspellings from made-up words with the shipped table', () => {
    for (const word of ['goverment', 'tounge', 'beaurocracy', 'esspeshally', 'acomodasion']) expect(unseenTrigrams(model, word), word).toBe(0)
    for (const word of ['goverment', 'tounge', 'beaurocracy']) expect(unseenBigrams(model, word), word).toBe(0)
    for (const word of ['uhgfqthm', 'xqzvbnm', 'kxihoidpuj', 'lqpbf']) expect(unseenTrigrams(model, word), word).toBeGreaterThanOrEqual(3)
    expect(unseenBigrams(model, 'xqzvbnm')).toBeGreaterThan(0)
  })
})

describe('spelling candidates', () => {
  for (const language of ['dictionary-en', 'dictionary-en-gb'] as const) {
    it(`walks to exactly the words within the plain distance (${language})`, () => {
      const lookup = getLookup(language)
      const trie = getWordTrie()
      const bit = 1 << (trie.header as TrieHeader).packages.indexOf(language)
      const words = [...trie.words()].filter(([, flags]) => flags & bit).map(([word]) => word)
      for (const typed of ['goverment', 'tounge', 'xqzvbnm', 'acrewd', 'teh', "dont'"]) {
        for (const limit of [1, 2, 3]) {
          const walked = nearWords(typed, lookup, limit, 1)
          const scanned = words.filter((word) => channelCost(unit, typed, word, limit) <= (word[0] === typed[0] ? limit : 1)).sort()
          expect(walked.map((near) => near.word).sort(), `${typed} within ${limit}`).toEqual(scanned)
          for (const near of walked) expect(near.edits, near.word).toBe(channelCost(unit, typed, near.word))
        }
      }
    })
  }
})

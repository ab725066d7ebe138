/**
 * The spelling model's pieces: the noisy-channel cost with substring slips (`channel.ts`) and
 * the bounded trie walk of the candidates (`candidates.ts`), each against a plain computation.
 */
import {describe, expect, it} from 'vitest'
import {getLookup} from '../../rules/lib/dictionary-lookup.js'
import {getWordTrie, maxBitLength, nearWords, wordsUnder, type TrieHeader} from '../../rules/spelling/candidates.js'
import {channelCost, encodeTrigrams, letterBound, unseenBigrams, unseenTrigrams, type ChannelModel} from '../../rules/spelling/channel.js'
import {model} from '../../rules/spelling/model.js'
import {random} from '../helpers/equivalence.js'

/** A seed printed with every failure, to replay a run: `COPYDESK_SEED=<seed> npx vitest run tests/rules/spelling-channel.test.ts`. */
const seed = Number(process.env.COPYDESK_SEED ?? Date.now() % 2 ** 31)

/**
 * The best partition into letters typed as meant, single-letter slips and substring slips
 * (`channel.ts`), as plainly as it can be written: every cell from every slip and every rule,
 * no bounds, no look-up tables.
 */
function plainCost(costs: ChannelModel, typedWord: string, intendedWord: string): number {
  const typed = `^${typedWord}$`
  const intended = `^${intendedWord}$`
  const isMark = (letter: string) => letter === '^' || letter === '$'
  const table = Array.from({length: typed.length + 1}, () => new Array<number>(intended.length + 1).fill(Infinity))
  table[0][0] = 0
  for (let i = 0; i <= typed.length; i++) {
    for (let j = 0; j <= intended.length; j++) {
      if (i === 0 && j === 0) continue
      const b = typed[i - 1]
      const a = intended[j - 1]
      let value = Infinity
      if (i > 0 && j > 0) value = a === b ? table[i - 1][j - 1] : isMark(a) || isMark(b) ? Infinity : table[i - 1][j - 1] + (costs.sub[a + b] ?? costs.subDefault)
      if (i > 0 && !isMark(b)) value = Math.min(value, table[i - 1][j] + (b === typed[i - 2] || b === typed[i] ? costs.insDouble : (costs.ins[b] ?? costs.otherCost)))
      if (j > 0 && !isMark(a)) value = Math.min(value, table[i][j - 1] + (a === intended[j - 2] || a === intended[j] ? costs.delDouble : (costs.del[a] ?? costs.otherCost)))
      if (i > 1 && j > 1 && a !== b && b === intended[j - 2] && typed[i - 2] === a)
        value = Math.min(value, table[i - 2][j - 2] + (costs.trans[intended[j - 2] + a] ?? costs.transDefault))
      for (let from = 1; from <= 3 && from <= j; from++) {
        for (let to = 0; to <= 3 && to <= i; to++) {
          const cost = costs.rules?.[`${intended.slice(j - from, j)}>${typed.slice(i - to, i)}`]
          if (cost !== undefined) value = Math.min(value, table[i - to][j - from] + cost)
        }
      }
      table[i][j] = value
    }
  }
  return table[typed.length][intended.length]
}

/** A misspelling of `word` by `next`: one to three of the fitted substring slips or single letters changed. */
function misspell(word: string, next: () => number): string {
  const rules = Object.keys(model.rules ?? {}).map((rule) => rule.split('>').map((side) => side.replace(/[$^]/g, '')))
  let typed = word
  for (let slips = 1 + Math.floor(next() * 3); slips > 0; slips--) {
    const [from, to] = rules[Math.floor(next() * rules.length)]
    const at = from === '' ? -1 : typed.indexOf(from)
    if (at !== -1) typed = typed.slice(0, at) + to + typed.slice(at + from.length)
    else {
      const index = Math.floor(next() * (typed.length + 1))
      typed = typed.slice(0, index) + 'etaoinshrdlu'[Math.floor(next() * 12)] + typed.slice(index + 1)
    }
  }
  return typed
}

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

  it('finds the cost of the plain best partition, with the fitted model, for random misspellings of dictionary words', () => {
    const next = random(seed)
    const words = [...getWordTrie().words()].map(([word]) => word).filter((word) => /^[a-z]{3,14}$/.test(word))
    for (let run = 0; run < 300; run++) {
      const intended = words[Math.floor(next() * words.length)]
      const typed = misspell(intended, next)
      const expected = plainCost(model, typed, intended)
      expect(channelCost(model, typed, intended), `${typed} for ${intended} (seed ${seed})`).toBeCloseTo(expected, 9)
      // With a limit: the same cost when within it, else a value past it.
      const limit = expected + (next() - 0.5) * 4
      const bounded = channelCost(model, typed, intended, limit)
      if (expected <= limit) expect(bounded, `${typed} for ${intended} within ${limit} (seed ${seed})`).toBeCloseTo(expected, 9)
      else expect(bounded, `${typed} for ${intended} past ${limit} (seed ${seed})`).toBeGreaterThan(limit)
    }
  })

  it('bounds the single-letter cost from below by the letters alone', () => {
    const next = random(seed)
    const letters: ChannelModel = {...model, rules: undefined}
    const words = [...getWordTrie().words()].map(([word]) => word).filter((word) => /^[a-z]{2,14}$/.test(word))
    for (let run = 0; run < 500; run++) {
      const intended = words[Math.floor(next() * words.length)]
      // A misspelling, or another word altogether.
      const typed = next() < 0.5 ? misspell(intended, next) : words[Math.floor(next() * words.length)]
      const bound = letterBound(model, typed, intended)
      expect(bound, `${typed} for ${intended} (seed ${seed})`).toBeLessThanOrEqual(channelCost(letters, typed, intended) + 1e-9)
      expect(bound, `${typed} for ${intended} (seed ${seed})`).toBeLessThanOrEqual(plainCost(letters, typed, intended) + 1e-9)
    }
    // It is not trivial: an extra letter costs at least the cheapest extra letter.
    expect(letterBound(model, 'governmentt', 'government')).toBeGreaterThan(1)
    expect(letterBound(model, 'abc', 'cab')).toBe(0)
    expect(letterBound(model, 'caf\u00e9', 'cafe')).toBe(0)
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

  it(`walks to exactly the words within the plain distance, for random misspellings and words longer than ${maxBitLength} letters`, () => {
    const lookup = getLookup('dictionary-en')
    const trie = getWordTrie()
    const bit = 1 << (trie.header as TrieHeader).packages.indexOf('dictionary-en')
    const next = random(seed)
    const all = [...trie.words()].filter(([, flags]) => flags & bit).map(([word]) => word)
    const long = 'antidisestablishmentarianisms'
    const typos = [
      long + 'x',
      long + 'ism',
      'pneumonoultramicroscopicsilicovolcanoconiosis'.slice(0, maxBitLength),
      'pneumonoultramicroscopicsilicovolcanoconiosis'.slice(0, maxBitLength + 1),
    ]
    for (let run = 0; run < 12; run++) typos.push(misspell(all[Math.floor(next() * all.length)], next))
    for (const typed of typos) {
      const words = all.filter((word) => Math.abs(word.length - typed.length) <= 3)
      for (const limit of [1, 2, 3]) {
        const walked = nearWords(typed, lookup, limit, 0)
        const scanned = words.filter((word) => word[0] === typed[0] && channelCost(unit, typed, word, limit) <= limit).sort()
        expect(walked.map((near) => near.word).sort(), `${typed} within ${limit} (seed ${seed})`).toEqual(scanned)
        for (const near of walked) expect(near.edits, near.word).toBe(channelCost(unit, typed, near.word))
      }
    }
  })

  it('reads the words under a first letter as the prefix walk of the trie does', () => {
    for (const letter of ['a', 'q', 'x', 'z', 'é', '1']) expect(wordsUnder(letter), letter).toEqual([...getWordTrie().wordsWithPrefix(letter)])
  })

  it('answers a repeated search from the last one, as a fresh list', () => {
    const lookup = getLookup('dictionary-en')
    const first = nearWords('goverment', lookup, 1, 1)
    first.length = 0
    expect(nearWords('goverment', lookup, 1, 1).map((near) => near.word)).toContain('government')
    // Another limit, first-letter reach or dictionary is another search.
    expect(nearWords('goverment', lookup, 2, 1).length).toBeGreaterThan(nearWords('goverment', lookup, 1, 1).length)
    expect(nearWords('ehre', lookup, 1, 0).map((near) => near.word)).not.toContain('here')
    expect(nearWords('ehre', lookup, 1, 1).map((near) => near.word)).toContain('here')
    expect(nearWords('colur', getLookup('dictionary-en-gb'), 1, 1).map((near) => near.word)).toEqual(['colour'])
    expect(nearWords('colur', lookup, 1, 1).map((near) => near.word)).toEqual(['color'])
  })
})

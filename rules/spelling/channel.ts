/**
 * A noisy-channel spelling model: how likely a writer who meant `intended` was to type
 * `typed`, as a cost (minus the natural log of that likelihood), and the ranking of candidate
 * words by that cost plus how rare each candidate is.
 *
 * The costs of the single slips (a letter for another, a letter left out or doubled, an extra
 * letter, two letters swapped) are not chosen by hand: `scripts/fit-spelling-model.ts` fits them
 * on a corpus of real misspellings (the Birkbeck spelling error corpus) by aligning each
 * misspelling with its word and counting the slips, and stores them in `model.ts` beside this
 * file. Beside them, the script fits substring slips after Brill and Moore (2000), "An improved
 * error model for noisy channel spelling correction": `ant` typed `ent`, `ph` typed `f`, `ie`
 * typed `ei`, with the start and end of the word as context (`^kn` typed `^n`). A word's cost is
 * then the cheapest partition of it into letters typed as meant, single-letter slips and
 * substring slips (with single-letter slips only: a weighted optimal-string-alignment
 * distance), and a candidate's score adds `frequencyWeight × −ln P(word)`: the classic
 * P(typed | intended) · P(intended) of Kernighan, Church and Gale, in logs.
 */

/** The fitted costs, as stored in `model.ts`. */
export interface ChannelModel {
  /** Where the weights come from. */
  readonly source: string
  /** The letters the model knows; any other character costs `otherCost` to change. */
  readonly alphabet: string
  /** `sub[a + b]`: the writer meant `a` and typed `b`. */
  readonly sub: Readonly<Record<string, number>>
  /** The cost of a substitution the corpus never showed. */
  readonly subDefault: number
  /** `del[a]`: the writer left out `a` (not doubled). */
  readonly del: Readonly<Record<string, number>>
  /** Leaving out one letter of a double (`occured`). */
  readonly delDouble: number
  /** `ins[b]`: the writer typed an extra `b` (not next to another `b`). */
  readonly ins: Readonly<Record<string, number>>
  /** Doubling a letter (`untill`). */
  readonly insDouble: number
  /** `trans[a + b]`: the writer meant `ab` and typed `ba`. */
  readonly trans: Readonly<Record<string, number>>
  readonly transDefault: number
  /** The cost of changing a character outside the alphabet (a digit, an accent). */
  readonly otherCost: number
  /** Weight of `−ln P(word)` against the channel cost. */
  readonly frequencyWeight: number
  /** Total of the frequency counts, to turn a count into a probability. */
  readonly frequencyTotal: number
  /**
   * Substring slips (Brill and Moore 2000): `rules['ant>ent']` is the cost of typing `ent`
   * where `ant` was meant, `−ln P(ent | ant)`. `^` and `$` mark the start and end of the word
   * (`^ph>^f`: a word's first `ph` typed `f`). Only the rules cheaper than their letter-by-letter
   * slips are kept.
   */
  readonly rules?: Readonly<Record<string, number>>
  /**
   * The three-letter sequences (`a`–`z`) that some word of the dictionaries contains, as a
   * bit set in base64 (bit `(a × 26 + b) × 26 + c`): a word with several that none contains is
   * not English-like (pasted junk, a code), and gets no deep search.
   */
  readonly trigrams?: string
}

/** The number of the letter trigram of `word` ending at `index` (0 to 26³ − 1), or −1 when one of its characters is not `a`–`z`. */
function trigramAt(word: string, index: number): number {
  const a = word.charCodeAt(index - 2) - 97
  const b = word.charCodeAt(index - 1) - 97
  const c = word.charCodeAt(index) - 97
  if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25) return -1
  return (a * 26 + b) * 26 + c
}

/** The letter trigrams no dictionary word contains, in `word` (lowercase); 0 without the model's table. */
export function unseenTrigrams(model: ChannelModel, word: string): number {
  const bits = trigramBits(model)
  if (!bits) return 0
  let unseen = 0
  for (let index = 2; index < word.length; index++) {
    const bit = trigramAt(word, index)
    if (bit < 0) continue
    if ((bits[bit >> 3] & (1 << (bit & 7))) === 0) unseen++
  }
  return unseen
}

/**
 * The letter pairs no dictionary word has in `word` (lowercase; `qz`, `vk`): a pair is seen
 * when some trigram of {@link ChannelModel.trigrams} holds it. 0 without the model's table.
 */
export function unseenBigrams(model: ChannelModel, word: string): number {
  const bits = trigramBits(model)
  if (!bits) return 0
  let pairs = bigramTables.get(model)
  if (!pairs) {
    pairs = new Uint8Array(26 * 26)
    for (let bit = 0; bit < 26 ** 3; bit++) {
      if ((bits[bit >> 3] & (1 << (bit & 7))) === 0) continue
      pairs[Math.floor(bit / 26)] = 1
      pairs[bit % (26 * 26)] = 1
    }
    bigramTables.set(model, pairs)
  }
  let unseen = 0
  for (let index = 1; index < word.length; index++) {
    const a = word.charCodeAt(index - 1) - 97
    const b = word.charCodeAt(index) - 97
    if (a >= 0 && a <= 25 && b >= 0 && b <= 25 && pairs[a * 26 + b] === 0) unseen++
  }
  return unseen
}

const bigramTables = new WeakMap<ChannelModel, Uint8Array>()
const trigramTables = new WeakMap<ChannelModel, Uint8Array>()

function trigramBits(model: ChannelModel): Uint8Array | undefined {
  if (!model.trigrams) return undefined
  let bits = trigramTables.get(model)
  if (!bits) trigramTables.set(model, (bits = new Uint8Array(Buffer.from(model.trigrams, 'base64'))))
  return bits
}

/** The bit set of {@link ChannelModel.trigrams} for `words` (the fitting script). */
export function encodeTrigrams(words: Iterable<string>): string {
  const bits = new Uint8Array(Math.ceil(26 ** 3 / 8))
  for (const word of words) {
    for (let index = 2; index < word.length; index++) {
      const bit = trigramAt(word, index)
      if (bit < 0) continue
      bits[bit >> 3] |= 1 << (bit & 7)
    }
  }
  return Buffer.from(bits).toString('base64')
}

/**
 * The channel cost of `typed` given `intended` (both lowercase): the cheapest sequence of
 * slips that turns the intended word into what was typed, or more than `limit` as soon as no
 * alignment can stay within it. With substring rules in the model (and `rules` not false), a
 * slip may also be one of them (`ant` typed `ent`), and the cost is that of the best partition
 * of the word into single-letter slips, substring slips and letters typed as meant (Brill and
 * Moore 2000).
 */
export function channelCost(model: ChannelModel, typed: string, intended: string, limit = Infinity, rules = true): number {
  return partitionCost(compile(model), typed, intended, limit, rules)
}

/** Letter counts of {@link letterBound}, left all zero between calls. */
const letterCounts = new Int32Array(128)

/**
 * A lower bound of `channelCost(model, typed, intended, limit, false)` (single-letter slips)
 * from the letters alone, in time linear in the lengths: each letter `intended` has more of
 * than `typed` was left out or typed as another, each letter `typed` has more of was typed
 * extra or for another, at the cheapest cost of each kind (a swap changes no count). 0 for
 * characters beyond ASCII. It lets the ranking skip the table of a candidate that cannot be
 * within its limit.
 */
export function letterBound(model: ChannelModel, typed: string, intended: string): number {
  for (let index = 0; index < intended.length; index++) if (intended.charCodeAt(index) >= 128) return 0
  for (let index = 0; index < typed.length; index++) if (typed.charCodeAt(index) >= 128) return 0
  const counts = letterCounts
  for (let index = 0; index < intended.length; index++) counts[intended.charCodeAt(index)]++
  let extra = 0
  for (let index = 0; index < typed.length; index++) {
    const code = typed.charCodeAt(index)
    if (counts[code] > 0) counts[code]--
    else extra++
  }
  let missing = 0
  for (let index = 0; index < intended.length; index++) {
    const code = intended.charCodeAt(index)
    missing += counts[code]
    counts[code] = 0
  }
  // `both` letters typed as others: the rest left out or extra; the cheapest mix.
  const {sub, del, ins} = compile(model).cheapest
  const cost = (both: number) => both * sub + Math.max(0, missing - both) * del + Math.max(0, extra - both) * ins
  return Math.min(cost(0), cost(Math.min(missing, extra)), cost(Math.max(missing, extra)))
}

/** The longest side of a substring rule. */
export const maxRuleLength = 3
/** Symbols per position of a rule side's code: 0 for none, the letters, `'`, `^`, `$`, other. */
const symbolBase = 32
const sideCodes = symbolBase ** maxRuleLength
const startMark = 28
const endMark = 29
const otherSymbol = 30

/** The code of a character (1 to 31). */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 96
  if (code === 39) return 27
  if (code === 94) return startMark
  if (code === 36) return endMark
  return otherSymbol
}

/** The code of a rule side: its symbols in base 32 (`''` is 0). */
export function sideCode(text: string): number {
  let code = 0
  for (let index = 0; index < text.length; index++) code = code * symbolBase + symbolOf(text.charCodeAt(index))
  return code
}

/** A model in the form the search reads: costs by symbol code. */
interface Compiled {
  /** `sub[a * 32 + b]`: `a` meant, `b` typed. */
  readonly sub: Float64Array
  readonly del: Float64Array
  readonly ins: Float64Array
  readonly trans: Float64Array
  readonly delDouble: number
  readonly insDouble: number
  /**
   * `sides[α]`: which lengths of `β` the rules `α>β` have, as bits (bit `k` for `k` symbols:
   * bit 0 for `α>`); 0 when no rule starts from α.
   */
  readonly sides: Uint8Array
  /** `typedSides[β]` is 1 when some rule ends in β (a typed substring that is no rule's `β` needs no look-up). */
  readonly typedSides: Uint8Array
  /** The cost of `α>β` under the key `α × 32³ + β`: open addressing, `ruleKeys` −1 where empty. */
  readonly ruleKeys: Int32Array
  readonly ruleCosts: Float64Array
  readonly hasRules: boolean
  /** The cheapest single-letter slips of each kind: a letter for another, one left out, one extra. */
  readonly cheapest: {readonly sub: number; readonly del: number; readonly ins: number}
}

const compiledModels = new WeakMap<ChannelModel, Compiled>()

function compile(model: ChannelModel): Compiled {
  let compiled = compiledModels.get(model)
  if (compiled) return compiled
  const known = (symbol: number) => symbol !== otherSymbol && symbol !== startMark && symbol !== endMark
  const letter = (symbol: number) => (symbol === 27 ? "'" : String.fromCharCode(symbol + 96))
  const inAlphabet = (symbol: number) => known(symbol) && model.alphabet.includes(letter(symbol))
  const sub = new Float64Array(symbolBase * symbolBase).fill(Infinity)
  const trans = new Float64Array(symbolBase * symbolBase).fill(Infinity)
  const del = new Float64Array(symbolBase).fill(Infinity)
  const ins = new Float64Array(symbolBase).fill(Infinity)
  for (let a = 1; a < symbolBase; a++) {
    if (a === startMark || a === endMark) continue
    del[a] = inAlphabet(a) ? (model.del[letter(a)] ?? model.otherCost) : model.otherCost
    ins[a] = inAlphabet(a) ? (model.ins[letter(a)] ?? model.otherCost) : model.otherCost
    for (let b = 1; b < symbolBase; b++) {
      if (b === startMark || b === endMark) continue
      if (!inAlphabet(a) || !inAlphabet(b)) sub[a * symbolBase + b] = model.otherCost
      else sub[a * symbolBase + b] = model.sub[letter(a) + letter(b)] ?? model.subDefault
      if (a !== b && inAlphabet(a) && inAlphabet(b)) trans[a * symbolBase + b] = model.trans[letter(a) + letter(b)] ?? model.transDefault
    }
  }
  const sides = new Uint8Array(sideCodes)
  const typedSides = new Uint8Array(sideCodes)
  const rules = Object.entries(model.rules ?? {})
  // A table at most a quarter full: a look-up that misses mostly reads one slot.
  let size = 1 << 10
  while (size < rules.length * 4) size *= 2
  const ruleKeys = new Int32Array(size).fill(-1)
  const ruleCosts = new Float64Array(size)
  for (const [rule, cost] of rules) {
    const [from, to] = rule.split('>')
    const alpha = sideCode(from)
    const beta = sideCode(to)
    sides[alpha] |= 1 << to.length
    typedSides[beta] = 1
    const key = alpha * sideCodes + beta
    let slot = ruleSlot(key, size)
    while (ruleKeys[slot] !== -1 && ruleKeys[slot] !== key) slot = (slot + 1) & (size - 1)
    ruleKeys[slot] = key
    ruleCosts[slot] = cost
  }
  let cheapestSub = Infinity
  for (let a = 1; a < symbolBase; a++) for (let b = 1; b < symbolBase; b++) if (a !== b) cheapestSub = Math.min(cheapestSub, sub[a * symbolBase + b])
  const cheapest = {sub: cheapestSub, del: Math.min(model.delDouble, ...del), ins: Math.min(model.insDouble, ...ins)}
  compiled = {sub, del, ins, trans, delDouble: model.delDouble, insDouble: model.insDouble, sides, typedSides, ruleKeys, ruleCosts, hasRules: rules.length > 0, cheapest}
  compiledModels.set(model, compiled)
  return compiled
}

/** The first slot of a rule's key in a table of `size` slots (a power of two). */
function ruleSlot(key: number, size: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 0) % size
}

/** The cost of the rule with `key` (`α × 32³ + β`), or `Infinity`. */
function ruleCost(model: Compiled, key: number): number {
  const keys = model.ruleKeys
  const last = keys.length - 1
  for (let slot = ruleSlot(key, keys.length); ; slot = (slot + 1) & last) {
    const found = keys[slot]
    if (found === key) return model.ruleCosts[slot]
    if (found === -1) return Infinity
  }
}

/** Scratch space of the search, grown as needed (one search runs at a time). */
let table = new Float64Array(1024)
let typedSymbols = new Int32Array(64)
let intendedSymbols = new Int32Array(64)

/**
 * The best partition's cost (see {@link channelCost}) over the words with their marks
 * (`^word$`, the marks typed as meant): a full table, since a rule reaches three rows back.
 */
function partitionCost(model: Compiled, typedWord: string, intendedWord: string, limit: number, useRules: boolean): number {
  const rows = typedWord.length + 3
  const width = intendedWord.length + 3
  if (table.length < rows * width) table = new Float64Array(rows * width * 2)
  if (typedSymbols.length < rows) typedSymbols = new Int32Array(rows * 2)
  if (intendedSymbols.length < width) intendedSymbols = new Int32Array(width * 2)
  const typed = typedSymbols
  const intended = intendedSymbols
  typed[0] = startMark
  for (let index = 0; index < typedWord.length; index++) typed[index + 1] = symbolOf(typedWord.charCodeAt(index))
  typed[rows - 2] = endMark
  intended[0] = startMark
  for (let index = 0; index < intendedWord.length; index++) intended[index + 1] = symbolOf(intendedWord.charCodeAt(index))
  intended[width - 2] = endMark
  const {sub, del, ins, trans, delDouble, insDouble, sides, typedSides} = model
  const rules = useRules && model.hasRules
  // Row 0 and column 0: nothing before the start marks.
  for (let j = 0; j < width; j++) table[j] = Infinity
  table[0] = 0
  // The rows past `limit` in a row: once a rule's reach of them is, no cell can come back.
  let over = 0
  for (let i = 1; i < rows; i++) {
    const at = i * width
    const b = typed[i - 1]
    const bIsMark = b === startMark || b === endMark
    const insertion = bIsMark ? Infinity : b === typed[i - 2] || b === typed[i] ? insDouble : ins[b]
    // The codes of the typed substrings ending at `i` (1 to 3 symbols; none is 0).
    const beta1 = b
    const beta2 = i >= 2 ? typed[i - 2] * symbolBase + beta1 : -1
    const beta3 = i >= 3 ? typed[i - 3] * symbolBase * symbolBase + beta2 : -1
    // The lengths of `β` some rule may have at this row (bit 0: typed as nothing).
    const lengths = 1 | (typedSides[beta1] << 1) | (beta2 >= 0 ? typedSides[beta2] << 2 : 0) | (beta3 >= 0 ? typedSides[beta3] << 3 : 0)
    table[at] = Infinity
    let best = Infinity
    for (let j = 1; j < width; j++) {
      const a = intended[j - 1]
      const aIsMark = a === startMark || a === endMark
      const diagonal = table[at - width + j - 1]
      // Symbols are equal for two different characters outside the alphabet: compare the characters.
      let value =
        a === b && (a !== otherSymbol || typedWord.charCodeAt(i - 2) === intendedWord.charCodeAt(j - 2))
          ? diagonal
          : aIsMark || bIsMark
            ? Infinity
            : diagonal + sub[a * symbolBase + b]
      const inserted = table[at - width + j] + insertion
      if (inserted < value) value = inserted
      if (!aIsMark) {
        const omitted = table[at + j - 1] + (a === intended[j - 2] || a === intended[j] ? delDouble : del[a])
        if (omitted < value) value = omitted
      }
      if (i > 1 && j > 1 && a !== b && b === intended[j - 2] && typed[i - 2] === a) {
        const swapped = table[at - 2 * width + j - 2] + trans[intended[j - 2] * symbolBase + a]
        if (swapped < value) value = swapped
      }
      if (rules) {
        // The intended `alpha` (1 to 3 symbols ending at `j`) typed as nothing or as `beta`.
        let alpha = 0
        let scale = 1
        for (let length = 1; length <= maxRuleLength && length <= j; length++, scale *= symbolBase) {
          alpha += intended[j - length] * scale
          const kinds = sides[alpha] & lengths
          if (kinds === 0) continue
          const key = alpha * sideCodes
          const from = at + j - length
          // A rule's cost is never negative (−ln of a probability): looked up only from a cell below the value.
          let source: number
          let cost: number
          if (kinds & 1 && (source = table[from]) < value && source + (cost = ruleCost(model, key)) < value) value = source + cost
          if (kinds & 2 && (source = table[from - width]) < value && source + (cost = ruleCost(model, key + beta1)) < value) value = source + cost
          if (kinds & 4 && (source = table[from - 2 * width]) < value && source + (cost = ruleCost(model, key + beta2)) < value) value = source + cost
          if (kinds & 8 && (source = table[from - 3 * width]) < value && source + (cost = ruleCost(model, key + beta3)) < value) value = source + cost
        }
      }
      table[at + j] = value
      if (value < best) best = value
    }
    over = best > limit ? over + 1 : 0
    if (over > (rules ? maxRuleLength : 2)) return best
  }
  return table[rows * width - 1]
}

/** `−ln P(word)` from a frequency count (add-one smoothed). */
export function rarity(model: ChannelModel, count: number): number {
  return -Math.log((count + 1) / model.frequencyTotal)
}

/** A candidate with its score (lower is better). */
export interface Ranked {
  readonly word: string
  readonly score: number
}

/**
 * Rank `candidates` (lowercase dictionary words) for the lowercase `typed`: channel cost plus
 * `frequencyWeight × rarity`, best first; ties broken alphabetically so the order is stable.
 */
export function rankCandidates(model: ChannelModel, typed: string, candidates: Iterable<string>, frequency: (word: string) => number, limit = Infinity): Ranked[] {
  const ranked: Ranked[] = []
  for (const word of new Set(candidates)) {
    if (word === typed) continue
    const cost = channelCost(model, typed, word, limit)
    if (cost > limit) continue
    ranked.push({word, score: cost + model.frequencyWeight * rarity(model, frequency(word))})
  }
  return ranked.sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
}

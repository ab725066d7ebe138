/**
 * Suggestions for a misspelled word, ranked so that the intended word comes first.
 *
 * Candidates are the dictionary words one or two plain edits away (a letter left out, added,
 * changed, two swapped; three when nothing nearer is likely), the dictionary's own `REP`
 * table, a split into two words, and words that sound alike. They are ranked together by a
 * noisy-channel model fitted on real misspellings, single-letter and substring slips
 * (`channel.ts`, `model.ts`). The hand-set slip costs below remain for the acceptance of
 * words, not for ranking: `nearestSlip` (an easy slip from a common word is a misspelling) and
 * `likelierWord` (a word of the larger list or a compound that is a likely slip).
 */
import {doubleMetaphone} from 'double-metaphone'
import {dictionaryPackages, getLookup, type Lookup} from '../lib/dictionary-lookup.js'
import {candidatesWithin, getWordTrie, nearWords, wordsUnder, type EditBounds, type TrieHeader} from './candidates.js'
import {channelCost, letterBound, rarity, unseenBigrams, unseenTrigrams, type ChannelModel} from './channel.js'
import {model as fittedModel} from './model.js'

/**
 * The fitted model without its substring rules: the letter-by-letter slips that decide whether
 * a word that is otherwise accepted is suspect (`likelierWord`), whose limits are set on this scale.
 */
const letterModel: ChannelModel = {...fittedModel, rules: undefined}

/** At most this many suggestions per word. */
export const maxSuggestions = 5

/**
 * No suggestions for a longer word: generating its slips costs time quadratic in its length,
 * and no English word that long is misspelled in copy (a run of letters is pasted junk).
 */
export const maxWordLength = 40

const vowels = new Set('aeiouy')

/** Neighbouring keys on a QWERTY keyboard. */
const keyboardRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const neighbours = new Map<string, Set<string>>()
for (let row = 0; row < keyboardRows.length; row++) {
  for (let column = 0; column < keyboardRows[row].length; column++) {
    const keys = new Set<string>()
    for (const [r, c] of [
      [row, column - 1],
      [row, column + 1],
      [row - 1, column],
      [row - 1, column + 1],
      [row + 1, column],
      [row + 1, column - 1],
    ]) {
      const key = keyboardRows[r]?.[c]
      if (key) keys.add(key)
    }
    neighbours.set(keyboardRows[row][column], keys)
  }
}

/** Costs of the slips, on the scale of one plain edit. */
const cost = {
  omitted: 0.7, // `goverment` → `government`
  omittedDouble: 0.5, // `occured` → `occurred`
  extra: 1.2, // `ther` → `the` is less likely than `ther` → `there`
  extraDouble: 0.6, // `untill` → `until`
  swapped: 0.7, // `teh` → `the`, `recieve` → `receive`
  vowel: 0.7, // `definately` → `definitely`, `seperate` → `separate`
  neighbour: 0.8, // a key next to the intended one
  substituted: 1.2,
  replacement: 0.6, // the dictionary's REP table: `alot` → `a lot`
  split: 1.5, // `inthe` → `in the`
  properNoun: 0.5, // added when a lowercase slip would become a name
}
/** The cost of the likeliest slips: a letter doubled or undoubled, swapped, a vowel, left out. */
export const easySlip = 0.7

/** The largest cost of the two-slip search. */
const deepLimit = 2.4

/** What the costs below can least be, for the candidate search: it must never overestimate. */
export const editBounds: EditBounds = {
  substitute: (a, b) => (a === b ? 0 : substitution(a, b)),
  extra: (typed, index) => (typed[index] === typed[index - 1] || typed[index] === typed[index + 1] ? cost.extraDouble : cost.extra),
  omitted: Math.min(cost.omitted, cost.omittedDouble),
  swapped: cost.swapped,
  omittedAtStart: cost.omitted,
  extraAtStart: cost.extra,
}

/** The cost of typing `typed` for a different `intended` letter. */
function substitution(typed: string, intended: string): number {
  return vowels.has(typed) && vowels.has(intended) ? cost.vowel : neighbours.get(typed)?.has(intended) ? cost.neighbour : cost.substituted
}

/** The cost of a split (`inthe` → `in the`), on the channel model's scale, besides the rarity of both words. */
const splitCost = 8
/** The cost of a replacement from the dictionary's own `REP` table (`alot` → `a lot`): a known slip. */
const replacementCost = 3
/** Added when a lowercase slip would become a name (`paris` for `pariss`). */
const properNounCost = 2.5
/** Candidates whose channel cost is above this are too far to suggest. */
const channelLimit = 24
/**
 * Added when the candidate has an apostrophe the writer did not type (`churchs`: `churches`
 * before `church's`): the fitted corpus has no apostrophes to learn from, and in copy a
 * missing `e` of a plural is the likelier slip than a missing apostrophe.
 */
const apostropheCost = 3
/** How much worse than the best a candidate may score and still be suggested (about e⁵ less likely). */
const suggestionMargin = 5
/** A word with this many letter trigrams that no dictionary word has is not English-like. */
const junkTrigrams = 3
/** Above this best score (one edit from a common word is about 10), the search goes to three edits ... */
const farThreshold = 16
/** ... if the word has at most this many letter trigrams that no dictionary word has. */
const farTrigrams = 1
/**
 * How many of the best candidates by single-letter slips are measured again with the substring
 * slips (which can only make a candidate cheaper): the rest keep their letter-by-letter cost.
 */
const rescored = 16
/** How much the substring slips may take off a candidate's cost: farther than this past the margin, it is not measured. */
const rescueMargin = 3

/** A candidate being ranked: its channel cost so far and the rest of its score. */
interface Entry {
  /** The lowercase letters the channel cost is measured against (a split without its space). */
  readonly letters: string
  /** The channel cost (single-letter slips, or a fixed cost of the dictionary's `REP` table). */
  slip: number
  /** The rest of the score: rarity, a capital or apostrophe the writer did not type, a split. */
  readonly rest: number
  /** Whether `slip` is final (a `REP` entry's fixed cost, or measured with the substring slips). */
  final: boolean
}

/**
 * Suggestions for `word` (as written: `Goverment`), best first, in the writer's case.
 *
 * Candidates: the dictionary words within two plain edits (one when the first letter differs;
 * a bounded walk of the compiled trie), the dictionary's `REP` table, a split into two common
 * words, and words that sound alike (Double Metaphone) or have the same consonants. All are
 * ranked together by the fitted noisy-channel model (`channel.ts`): how likely the writer was to
 * type `word` for each, times how common it is; the best few are measured again with the
 * model's substring slips. `deep: false` keeps to one edit and skips the phonetic search.
 */
export function suggest(word: string, lookup: Lookup, options: {deep?: boolean; model?: ChannelModel} = {}): string[] {
  if (word.length > maxWordLength) return []
  const model = options.model ?? fittedModel
  const lower = word.toLowerCase()
  const isCapitalized = word !== lower
  const entries = new Map<string, Entry>()
  const seen = new Set<string>()

  // A candidate as the dictionary spells it: `paris` → `Paris`; `undefined` if unknown.
  const spell = (candidate: string): [string, number] | undefined => {
    if (candidate === '' || candidate === lower) return undefined
    if (lookup.suggestable(candidate)) return [candidate, 0]
    const capital = candidate.charAt(0).toUpperCase() + candidate.slice(1)
    if (lookup.suggestable(capital)) return [capital, isCapitalized ? 0 : properNounCost]
    return undefined
  }
  // The best score so far: a candidate's channel cost is measured only as far as it could
  // still come near it (the substring slips may take off a few nats more).
  let bestScore = Infinity
  const keep = (spelled: string, entry: Entry) => {
    const held = entries.get(spelled)
    if (!held || entry.slip + entry.rest < held.slip + held.rest) entries.set(spelled, entry)
    if (entry.slip + entry.rest < bestScore) bestScore = entry.slip + entry.rest
  }
  const consider = (candidate: string, fixedCost?: number) => {
    if (seen.has(candidate) && fixedCost === undefined) return
    seen.add(candidate)
    if (candidate.includes(' ')) {
      const parts = candidate.split(' ')
      if (!parts.every((part) => part.length > 1 || part === 'a' || part === 'i')) return
      // `in the`, not `occur ed`: both parts must be common words.
      if (!parts.every((part) => spell(part)?.[1] === 0 && frequencyOf(lookup, spell(part)![0]) >= 1000)) return
      // A guessed split needs both words written: their rarities add up (`in the` is likely,
      // `public ally` is not). A split the dictionary's REP table knows (`alot` → `a lot`) is
      // as likely as its rarer word.
      const each = parts.map((part) => rarity(model, frequencyOf(lookup, spell(part)![0])))
      const rarities = fixedCost === undefined ? each.reduce((sum, value) => sum + value, 0) : Math.max(...each)
      const letters = candidate.replaceAll(' ', '')
      const slip = fixedCost ?? splitCost + channelCost(model, lower, letters, channelLimit, false)
      keep(candidate, {letters, slip, rest: model.frequencyWeight * rarities, final: fixedCost !== undefined})
      return
    }
    const known = spell(candidate)
    if (!known) return
    const [spelled, capitalCost] = known
    const extra = capitalCost + (spelled.includes("'") && !lower.includes("'") ? apostropheCost : 0)
    const rest = extra + model.frequencyWeight * rarity(model, frequencyOf(lookup, spelled))
    const limit = Math.min(channelLimit, bestScore + suggestionMargin + rescueMargin - rest)
    // Its letters alone put it past the limit: not measured (most phonetic and three-edit candidates).
    if ((fixedCost === undefined || fixedCost > limit) && letterBound(model, lower, candidate) > limit) return
    const measured = channelCost(model, lower, candidate, limit, false)
    const slip = Math.min(fixedCost ?? Infinity, measured)
    if (slip > limit) return
    keep(spelled, {letters: candidate, slip, rest, final: slip < measured})
  }

  // Not English-like (a letter pair or three letter trigrams no dictionary word has: `uhgfqthm`, `xqzvbnm`): one
  // edit only, for pasted junk costs the deep search its most and gains nothing from it.
  const deep = lower.length >= 3 && options.deep !== false && unseenTrigrams(model, lower) < junkTrigrams && unseenBigrams(model, lower) === 0
  // One edit, the first letter included; two edits under the first letter (a likelier word two
  // edits away beats a rare one at one: `govement` → `government`, not `movement`).
  // The nearest first, so that the best score is known early.
  const near = nearWords(lower, lookup, deep ? 2 : 1, 1).sort((a, b) => a.edits - b.edits)
  for (const {word: candidate} of near) consider(candidate)
  for (const [from, to] of lookup.replacements) {
    let at = lower.indexOf(from)
    while (at !== -1) {
      consider(lower.slice(0, at) + to + lower.slice(at + from.length), replacementCost)
      at = lower.indexOf(from, at + 1)
    }
  }
  for (let index = 1; index < lower.length; index++) consider(`${lower.slice(0, index)} ${lower.slice(index)}`)
  // Misspelled by ear or with letters out of order (`beaurocracy`, `nessecary`): words of the
  // same first letter that sound alike or have the same consonants, ranked with the rest.
  if (deep) for (const candidate of soundsLike(lower, lookup)) consider(candidate)
  // Three edits under the first letter, when nothing so far is likely (`acomodasion` →
  // `accommodation`) and the word is English-like throughout: schoolchildren's spelling more
  // than a typist's slip, but a word is better than none.
  if (deep && lower.length >= 5 && unseenTrigrams(model, lower) <= farTrigrams && bestScore > farThreshold) {
    for (const {word: candidate} of nearWords(lower, lookup, 3, 0).sort((a, b) => a.edits - b.edits)) consider(candidate)
  }

  // The best by single-letter slips, measured again with the substring slips.
  const ranked = [...entries].sort((a, b) => a[1].slip + a[1].rest - (b[1].slip + b[1].rest))
  for (const [spelled, entry] of ranked.slice(0, rescored)) {
    if (entry.final) continue
    const split = spelled.includes(' ')
    const slip = (split ? splitCost : 0) + channelCost(model, lower, entry.letters, entry.slip - (split ? splitCost : 0))
    if (slip < entry.slip) entry.slip = slip
    entry.final = true
  }

  // Only candidates near the best: a far second guess (`thinner` for `thier`) is noise.
  const scores = ranked.map(([spelled, entry]) => [spelled, entry.slip + entry.rest] as const)
  const best = Math.min(Infinity, ...scores.map(([, score]) => score))
  return scores
    .filter(([, score]) => score <= best + suggestionMargin)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxSuggestions)
    .map(([candidate]) => (isCapitalized ? matchCapital(candidate) : candidate))
}

/** Words by Double Metaphone key, per dictionary package and first letter, built on first need. */
const phoneticKeys = new Map<string, Map<string, string[]>>()

/** Lowercase dictionary words with `lower`'s first letter that share a Double Metaphone key with it. */
function soundsLike(lower: string, lookup: Lookup): string[] {
  const first = lower.charAt(0)
  const id = `${lookup.package}:${first}`
  let index = phoneticKeys.get(id)
  if (!index) {
    index = new Map()
    const trie = getWordTrie()
    const bit = 1 << (trie.header as TrieHeader).packages.indexOf(lookup.package)
    // The words under the first letter only: walking the whole trie for each letter was a
    // tenth of a warm run on a draft dense with unknown names.
    for (const [candidate, flags] of wordsUnder(first)) {
      // Words in use only (a SUBTLEX count): a phonetic guess at a word nobody uses is noise, and
      // the index is built in a quarter of the time.
      if (!(flags & bit) || lookup.frequency(candidate) === 0 || !/^[a-z']+$/.test(candidate) || !lookup.suggestable(candidate)) continue
      for (const key of keysOf(candidate)) {
        let list = index.get(key)
        if (!list) index.set(key, (list = []))
        list.push(candidate)
      }
    }
    phoneticKeys.set(id, index)
  }
  const found = new Set<string>()
  for (const key of keysOf(lower)) {
    for (const candidate of index.get(key) ?? []) if (Math.abs(candidate.length - lower.length) <= 3) found.add(candidate)
  }
  return [...found]
}

/**
 * The keys a word is found by: its Double Metaphone keys, and its consonants in sorted order
 * (`nessecary` and `necessary` both `#cnrssy`), for letters written out of order.
 */
function keysOf(word: string): Set<string> {
  const keys = new Set(doubleMetaphone(word))
  if (word.length >= 6) keys.add('#' + [...word.replace(/[aeiou']/g, '')].sort().join(''))
  return keys
}

/**
 * The smallest cost of one slip that turns the lowercase `word` into a lowercase dictionary
 * word with at least `minimum` uses in SUBTLEX (`untill` → `until`: 0.6), or `Infinity`.
 */
export function nearestSlip(word: string, lookup: Lookup, minimum = 10): number {
  let best = Infinity
  if (word.length > maxWordLength) return best
  // The words one plain edit away (a walk of the trie, which holds lowercase forms), as
  // stored: `Paris` for `Pariss`; each at the cost of its slip.
  const lower = word.toLowerCase()
  const capitalized = word.charAt(0) !== lower.charAt(0)
  for (const {word: found} of nearWords(lower, lookup, 1, 1)) {
    for (const candidate of capitalized ? [matchCapital(found), found] : [found]) {
      if (candidate === word || !lookup.suggestable(candidate) || frequencyOf(lookup, candidate) < minimum) continue
      const slip = distance(word, candidate, best)
      if (slip < best) best = slip
    }
  }
  return best
}

/** Whether `a` and `b` differ by one letter left out, added, changed, or two swapped. */
function isOneSlip(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let start = 0
  while (start < a.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const restA = a.slice(start, endA)
  const restB = b.slice(start, endB)
  return restA.length + restB.length === 1 || (restA.length === 1 && restB.length === 1) || (restA.length === 2 && restA === restB[1] + restB[0])
}

/** How far a common word may be, and how common, to make a word that is otherwise accepted suspect. */
export interface LikelierWordLimits {
  /** Its SUBTLEX-US count (per 51 million words) is at least this. */
  readonly minimum: number
  /** The channel cost of typing the word for it is at most this (the fitted model's scale). */
  readonly channel: number
}

/**
 * A common dictionary word that the lowercase `word` is a likely misspelling of, or
 * `undefined`: one within two slips that sounds the same (a shared Double Metaphone key) and
 * that the fitted channel model finds a likely source of `word` (`concensus` → `consensus`,
 * `deside` → `decide`, `alledged` → `alleged`, `publically` → `publicly`). Asked only of a
 * word that would otherwise be accepted for being in the larger word list or for splitting
 * into a prefix and a word or into two words, so that a misspelling that happens to split
 * (`value+able`) or that SCOWL lists is still flagged. The sound keeps real words apart
 * (`leaguers` is not `leagues`); how common and how near the word must be is the caller's
 * choice (`shapers` is a word, not a slip for `shoppers`).
 */
export function likelierWord(word: string, lookup: Lookup, limits: LikelierWordLimits): string | undefined {
  if (word.length > maxWordLength || word.length < 4) return undefined
  const keys = new Set(doubleMetaphone(word))
  let best: string | undefined
  let bestCost = limits.channel
  // The words within two slips (the trie walk of the suggestions; a slip in the first letter
  // is rare). Not the phonetic index: building it for a first letter reads the whole trie.
  for (const candidate of candidatesWithin(word, lookup, deepLimit, editBounds)) {
    if (!/^[a-z]+$/.test(candidate) || !lookup.suggestable(candidate) || frequencyOf(lookup, candidate) < limits.minimum) continue
    const shared = doubleMetaphone(candidate).filter((key) => keys.has(key))
    if (shared.length === 0 || distance(word, candidate, deepLimit) > deepLimit) continue
    // Two slips away, only a long sound key says much: `copays` and `copies` share `KPS` with
    // dozens of words, `publically` and `publicly` share `PPLKL`.
    if (!isOneSlip(word, candidate) && !shared.some((key) => key.length >= 4)) continue
    const slip = channelCost(letterModel, word, candidate, bestCost)
    if (slip <= bestCost) [best, bestCost] = [candidate, slip]
  }
  return best
}

/**
 * The weighted optimal-string-alignment distance from the draft's `typed` to `intended`
 * (the costs above: a swap is one slip), or more than `limit` once it cannot be within it.
 */
export function distance(typed: string, intended: string, limit: number): number {
  const columns = intended.length + 1
  // Three rows of the table suffice for a swap, which looks two rows back.
  let before = new Float64Array(columns)
  let previous = new Float64Array(columns)
  let current = new Float64Array(columns)
  for (let j = 1; j < columns; j++) previous[j] = previous[j - 1] + cost.omitted
  for (let i = 1; i <= typed.length; i++) {
    const a = typed[i - 1]
    current[0] = previous[0] + cost.extra
    let best = current[0]
    for (let j = 1; j < columns; j++) {
      const b = intended[j - 1]
      const substitution = a === b ? 0 : vowels.has(a) && vowels.has(b) ? cost.vowel : neighbours.get(a)?.has(b) ? cost.neighbour : cost.substituted
      const extra = a === typed[i - 2] || a === typed[i] ? cost.extraDouble : cost.extra
      const omitted = b === intended[j - 2] || b === intended[j] ? cost.omittedDouble : cost.omitted
      let value = Math.min(previous[j - 1] + substitution, previous[j] + extra, current[j - 1] + omitted)
      if (i > 1 && j > 1 && a === intended[j - 2] && typed[i - 2] === b) value = Math.min(value, before[j - 2] + cost.swapped)
      current[j] = value
      if (value < best) best = value
    }
    if (best > limit) return best
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[columns - 1]
}

/**
 * How common `word` is in `lookup`'s English. The counts are American (SUBTLEX-US), where a
 * British spelling is rare: under en-GB, a spelling only British English has (`colour`,
 * `organisation`, `centre`, `programme`) counts as often as its American one, so that
 * `colr` is `colour` in British copy as it is `color` in American.
 */
export function frequencyOf(lookup: Lookup, word: string): number {
  const count = lookup.frequency(word)
  if (lookup.package !== dictionaryPackages['en-GB']) return count
  const american = getLookup(dictionaryPackages['en-US'])
  if (american.has(word)) return count
  const spelling = americanSpelling(word, american)
  return spelling === undefined ? count : Math.max(count, american.frequency(spelling))
}

/** British endings and their American forms: `colour`, `realise`, `centre`, `travelled`, `defence`, `programme`, `analyse`, `catalogue`. */
const britishEndings: ReadonlyArray<readonly [RegExp, string]> = [
  [/our(?=s?$|ed$|ing$|ful|ite|able|less|ist|er)/u, 'or'],
  [/is(?=e$|es$|ed$|ing$|ation|ations|er$|ers$)/u, 'iz'],
  [/ys(?=e$|es$|ed$|ing$)/u, 'yz'],
  [/tre(?=s?$)/u, 'ter'],
  [/bre(?=s?$)/u, 'ber'],
  [/ogue(?=s?$)/u, 'og'],
  [/ll(?=ed$|ing$|er$|ers$)/u, 'l'],
  [/ence(?=s?$)/u, 'ense'],
  [/amme(?=s?$)/u, 'am'],
  [/ae/u, 'e'],
  [/oe/u, 'e'],
]

/** The American spelling of a British-only `word` that `american` knows, or `undefined`. */
function americanSpelling(word: string, american: Lookup): string | undefined {
  let all = word
  for (const [pattern, to] of britishEndings) {
    const one = word.replace(pattern, to)
    if (one !== word && american.has(one)) return one
    all = all.replace(pattern, to)
  }
  return all !== word && american.has(all) ? all : undefined
}

/** `government` → `Government` for a capitalized draft word. */
function matchCapital(candidate: string): string {
  return candidate.charAt(0).toUpperCase() + candidate.slice(1)
}

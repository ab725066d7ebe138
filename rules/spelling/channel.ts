/**
 * A noisy-channel spelling model: how likely a writer who meant `intended` was to type
 * `typed`, as a cost (minus the natural log of that likelihood), and the ranking of candidate
 * words by that cost plus how rare each candidate is.
 *
 * The costs of the single slips (a letter for another, a letter left out or doubled, an extra
 * letter, two letters swapped) are not chosen by hand: `scripts/fit-spelling-model.ts` fits them
 * on a corpus of real misspellings (the Birkbeck spelling error corpus) by aligning each
 * misspelling with its word and counting the slips, and stores them in `model.ts` beside this
 * file. A word's cost is then the cheapest alignment (a weighted optimal-string-alignment
 * distance), and a candidate's score adds `frequencyWeight × −ln P(word)`: the classic
 * P(typed | intended) · P(intended) of Kernighan, Church and Gale, in logs.
 */

/** The fitted costs, as stored in `model.json`. */
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
}

/** The cost of a slip: the writer meant `a` and typed `b`. */
function substitution(model: ChannelModel, a: string, b: string): number {
  if (!model.alphabet.includes(a) || !model.alphabet.includes(b)) return model.otherCost
  return model.sub[a + b] ?? model.subDefault
}

/**
 * The channel cost of `typed` given `intended` (both lowercase): the cheapest sequence of
 * slips that turns the intended word into what was typed, or more than `limit` as soon as no
 * alignment can stay within it.
 */
export function channelCost(model: ChannelModel, typed: string, intended: string, limit = Infinity): number {
  const columns = intended.length + 1
  let before = new Float64Array(columns)
  let previous = new Float64Array(columns)
  let current = new Float64Array(columns)
  // Row 0: the writer left out every letter of the intended prefix.
  for (let j = 1; j < columns; j++) previous[j] = previous[j - 1] + omission(model, intended, j - 1)
  for (let i = 1; i <= typed.length; i++) {
    const b = typed[i - 1]
    current[0] = previous[0] + insertion(model, typed, i - 1)
    let best = current[0]
    for (let j = 1; j < columns; j++) {
      const a = intended[j - 1]
      let value = previous[j - 1] + (a === b ? 0 : substitution(model, a, b))
      value = Math.min(value, previous[j] + insertion(model, typed, i - 1), current[j - 1] + omission(model, intended, j - 1))
      if (i > 1 && j > 1 && b === intended[j - 2] && typed[i - 2] === a && a !== b) {
        value = Math.min(value, before[j - 2] + (model.trans[intended[j - 2] + a] ?? model.transDefault))
      }
      current[j] = value
      if (value < best) best = value
    }
    if (best > limit) return best
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[columns - 1]
}

/** Leaving out the intended letter at `index` (cheaper when it is one of a double). */
function omission(model: ChannelModel, intended: string, index: number): number {
  const letter = intended[index]
  if (letter === intended[index - 1] || letter === intended[index + 1]) return model.delDouble
  return model.del[letter] ?? model.otherCost
}

/** Typing the extra letter at `index` of `typed` (cheaper when it doubles its neighbour). */
function insertion(model: ChannelModel, typed: string, index: number): number {
  const letter = typed[index]
  if (letter === typed[index - 1] || letter === typed[index + 1]) return model.insDouble
  return model.ins[letter] ?? model.otherCost
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

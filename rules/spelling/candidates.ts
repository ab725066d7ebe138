/**
 * Candidate generation for suggestions, apart from their ranking (`suggest.ts`): the
 * dictionary words whose distance from a misspelling may be within a limit, found by a
 * bounded walk of the compiled trie of lowercase words (`rules/lib/data/suggest-trie.bin`)
 * instead of a scan of the dictionary. The walk fills one column of the edit-distance table
 * per letter of the candidate and leaves a branch as soon as no word below it can be within
 * the limit, so a word costs tens of microseconds however large the dictionary is.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {getDataFolder} from '../lib/data-folder.js'
import type {Lookup} from '../lib/dictionary-lookup.js'
import {noNode, WordTrie} from '../lib/word-trie.js'

/** The trie file `npm run build:data` writes under `rules/lib/data/`. */
export const trieFile = 'suggest-trie.bin'

/** The header of the trie: which flag bit marks the words of which dictionary package. */
export interface TrieHeader {
  readonly format: 1
  readonly packages: readonly string[]
}

/**
 * Lower bounds of the costs of one edit, for pruning: the walk may only ever underestimate
 * a distance (the caller measures each candidate exactly afterwards).
 */
export interface EditBounds {
  /** Cost of typing `a` for the intended `b` (0 when equal). */
  substitute(a: string, b: string): number
  /** Cost of the extra letter at `index` of the typed word (it sees the whole word). */
  extra(typed: string, index: number): number
  /** At most the cost of a left-out letter. */
  readonly omitted: number
  /** The cost of two swapped letters. */
  readonly swapped: number
  /** The cost of each letter of the first row and column (leading insertions and deletions). */
  readonly omittedAtStart: number
  readonly extraAtStart: number
}

let trie: WordTrie | undefined

/** The compiled trie (read on the first suggestion search). */
export function getWordTrie(): WordTrie {
  return (trie ??= new WordTrie(readFileSync(path.join(getDataFolder(), trieFile))))
}

/**
 * The lowercase forms of `lookup`'s dictionary words that start with `typed`'s first letter
 * (as written or capitalized), differ in length by at most `lengthSlack`, and whose distance
 * under `bounds` may be at most `limit`: a superset of those within it, in trie order.
 */
export function candidatesWithin(typed: string, lookup: Lookup, limit: number, bounds: EditBounds, lengthSlack = 2): string[] {
  const words = getWordTrie()
  const bit = 1 << (words.header as TrieHeader).packages.indexOf(lookup.package)
  if (bit === 0 || typed.length === 0) return []
  const edges = words.edges
  const n = typed.length
  const rows = n + 1
  const maxDepth = n + lengthSlack
  // One column per depth: `columns[depth * rows + i]` is (a lower bound of) the distance
  // from `typed[0, i)` to the candidate's first `depth` letters.
  const columns = new Float64Array((maxDepth + 1) * rows)
  // `bests[depth]`: the column's smallest value plus what the rest must still cost.
  const bests = new Float64Array(maxDepth + 1)
  const extra = new Float64Array(rows)
  for (let i = 1; i < rows; i++) {
    extra[i] = bounds.extra(typed, i - 1)
    columns[i] = columns[i - 1] + bounds.extraAtStart
  }
  // The substitution costs of each typed letter against every ASCII letter, looked up by
  // code in the walk (other letters are asked of `bounds`).
  const substitutions = new Float64Array(rows * 128)
  for (let i = 1; i < rows; i++) for (let code = 0; code < 128; code++) substitutions[i * 128 + code] = bounds.substitute(typed[i - 1], String.fromCharCode(code))
  const typedCodes = Array.from(typed, (letter) => letter.charCodeAt(0))
  const minimumExtra = Math.min(...extra.subarray(1))
  // Length bounds: a candidate has between `n - lengthSlack` and `n + lengthSlack` letters,
  // so a cell far off the diagonal must still pay for the letters added or left out.
  const penalties = new Float64Array((maxDepth + 1) * rows)
  for (let depth = 0; depth <= maxDepth; depth++) {
    for (let i = 0; i < rows; i++) {
      const gap = depth - i - lengthSlack
      const short = i - depth - lengthSlack
      penalties[depth * rows + i] = gap > 0 ? gap * minimumExtra : short > 0 ? short * bounds.omitted : 0
    }
  }
  const {omitted, swapped, omittedAtStart} = bounds
  bests[0] = 0
  const letters = new Uint16Array(maxDepth + 1)
  const found: string[] = []

  const step = (value: number, depth: number): number => {
    const code = value & 0xffff
    const at = depth * rows
    const before = at - rows
    const twoBefore = before - rows
    const previousCode = depth > 1 ? letters[depth - 2] : -1
    let above = columns[before] + omittedAtStart
    columns[at] = above
    let best = above + penalties[at]
    for (let i = 1; i < rows; i++) {
      const substitute = code < 128 ? substitutions[i * 128 + code] : bounds.substitute(typed[i - 1], String.fromCharCode(code))
      let cell = columns[before + i - 1] + substitute
      const insert = above + extra[i]
      if (insert < cell) cell = insert
      const omit = columns[before + i] + omitted
      if (omit < cell) cell = omit
      if (i > 1 && typedCodes[i - 1] === previousCode && typedCodes[i - 2] === code) {
        const swap = columns[twoBefore + i - 2] + swapped
        if (swap < cell) cell = swap
      }
      columns[at + i] = cell
      above = cell
      const bound = cell + penalties[at + i]
      if (bound < best) best = bound
    }
    bests[depth] = best
    letters[depth - 1] = code
    if ((value >>> 16) & bit && depth >= n - lengthSlack && above <= limit) found.push(String.fromCharCode(...letters.subarray(0, depth)))
    return best
  }

  const visit = (first: number, depth: number): void => {
    for (let edge = first; ; edge++) {
      const value = edges[edge * 2]
      const best = step(value, depth)
      const target = edges[edge * 2 + 1]
      // A swap reaches two columns on, so a branch ends only when two columns in a row exceed the limit.
      if (target !== noNode && depth < maxDepth && (best <= limit || bests[depth - 1] <= limit)) visit(target, depth + 1)
      if (value & (1 << 24)) return
    }
  }

  // Only the root's edge for the first letter: a slip in the first letter is rare.
  const firstCode = typed.charCodeAt(0)
  for (let edge = 0; edges.length > 0; edge++) {
    const value = edges[edge * 2]
    if ((value & 0xffff) === firstCode) {
      const best = step(value, 1)
      const target = edges[edge * 2 + 1]
      if (target !== noNode && 1 < maxDepth && (best <= limit || bests[0] <= limit)) visit(target, 2)
      break
    }
    if (value & (1 << 24)) break
  }
  return found
}

/** A dictionary word near a misspelling and its distance in plain edits. */
export interface NearWord {
  readonly word: string
  readonly edits: number
}

/**
 * The lowercase forms of `lookup`'s dictionary words within `limit` plain edits (a letter
 * left out, added or changed, two neighbours swapped: optimal string alignment) of the
 * lowercase `typed`, and within `otherFirst` edits when their first letter is not `typed`'s
 * (a slip in the first letter is rare): a walk of the trie under `typed`'s first letter that
 * leaves a branch as soon as no word below it can be within the limit (`walkByBits`; for a
 * word too long for its bit vectors, `walkByTable`), and a look-up of the few strings one
 * edit of the first letter makes. Words are in trie order, each once.
 */
export function nearWords(typed: string, lookup: Lookup, limit: number, otherFirst = Math.min(limit, 1)): NearWord[] {
  // The spelling rule asks twice of most flagged words, for the same words: whether an easy
  // slip explains the word (`nearestSlip`), then, for a made-up word, the same one-edit search
  // for its suggestions.
  const key = `${lookup.package}\n${limit}\n${otherFirst}\n${typed}`
  if (lastSearch?.key !== key) lastSearch = {key, found: searchNear(typed, lookup, limit, otherFirst)}
  return [...lastSearch.found]
}

/** The arguments and result of the last {@link nearWords} search. */
let lastSearch: {readonly key: string; readonly found: readonly NearWord[]} | undefined

function searchNear(typed: string, lookup: Lookup, limit: number, otherFirst: number): NearWord[] {
  const words = getWordTrie()
  const bit = 1 << (words.header as TrieHeader).packages.indexOf(lookup.package)
  const found: NearWord[] = []
  if (bit === 0 || typed.length === 0) return found
  const edges = words.edges
  const n = typed.length
  const firstCode = typed.charCodeAt(0)
  if (n <= maxBitLength && limit <= maxBitEdits) walkByBits(edges, typed, limit, bit, found)
  else walkByTable(edges, typed, limit, bit, found)
  // One edit that changes the first letter: a letter before it, instead of it, the first left
  // out, the first two swapped. Few strings, each looked up in the trie, cost less than a walk.
  if (otherFirst >= 1) {
    const check = (first: number, from: number) => {
      if (first !== firstCode && (flagsAfter(edges, first, typed, from) & bit) !== 0) {
        const word = (first === -1 ? '' : String.fromCharCode(first)) + typed.slice(from)
        if (word !== '' && !found.some((near) => near.word === word)) found.push({word, edits: 1})
      }
    }
    for (let edge = 0; edges.length > 0; edge++) {
      const value = edges[edge * 2]
      check(value & 0xffff, 0)
      check(value & 0xffff, 1)
      if (value & (1 << 24)) break
    }
    check(-1, 1)
    if (n > 1 && typed.charCodeAt(1) !== firstCode) {
      const swapped = typed[1] + typed[0] + typed.slice(2)
      if ((flagsAfter(edges, -1, swapped, 0) & bit) !== 0 && !found.some((near) => near.word === swapped)) found.push({word: swapped, edits: 1})
    }
  }
  return found
}

/** The longest typed word the bit-parallel walk takes: one bit per prefix, 0 to `n`, in 32 bits. */
export const maxBitLength = 31
/** The most edits it takes (one state vector per number of edits). */
export const maxBitEdits = 3

/**
 * The words under `typed`'s first letter within `limit` edits, found by a walk of the trie
 * that keeps, per number of edits `k`, the set of typed prefixes within `k` edits of the
 * candidate's letters so far as a bit vector (bit `i`: `typed[0, i)`): the columns of the
 * distance table, a whole column in a few machine operations (the bit-parallel automaton of
 * Wu and Manber, with transpositions as in Hyyrö 2002, "A bit-vector algorithm for computing
 * Levenshtein and Damerau edit distances"). A branch ends when no typed prefix is within the
 * limit: then no longer candidate can be. Exactly the words and distances of `walkByTable`.
 */
function walkByBits(edges: Uint32Array, typed: string, limit: number, bit: number, found: NearWord[]): void {
  const n = typed.length
  const maxDepth = n + limit
  const states = limit + 1
  // Bits 0 to `n`; `whole`: the bit of the whole typed word.
  const full = n === 31 ? -1 : (1 << (n + 1)) - 1
  const whole = 1 << n
  // `masks[code]`: bit `i` set where `typed[i - 1]` is that letter.
  const masks = new Int32Array(128)
  const maskOf = (code: number): number => {
    if (code < 128) return masks[code]
    let mask = 0
    for (let i = 0; i < n; i++) if (typed.charCodeAt(i) === code) mask |= 1 << (i + 1)
    return mask
  }
  for (let i = 0; i < n; i++) {
    const code = typed.charCodeAt(i)
    if (code < 128) masks[code] |= 1 << (i + 1)
  }
  // `vectors[(depth + 1) * states + k]`: the typed prefixes within `k` edits of the
  // candidate's first `depth` letters (a row of zeros before depth 0, for the swap).
  const vectors = new Int32Array((maxDepth + 2) * states)
  for (let k = 0; k <= limit; k++) vectors[states + k] = ((1 << (k + 1)) - 1) & full
  // The mask of the candidate's letter at each depth, for the swap.
  const depthMasks = new Int32Array(maxDepth + 1)
  const letters = new Uint16Array(maxDepth + 1)

  /** Read the letter `code` at `depth`: the vector of `limit` edits (0 when the branch is dead). */
  const step = (code: number, depth: number): number => {
    const mask = code < 128 ? masks[code] : maskOf(code)
    const at = (depth + 1) * states
    const before = at - states
    const twoBefore = before - states
    // A swap: `typed[i - 2, i)` is the candidate's last two letters the other way round.
    const swap = depthMasks[depth - 1] & (mask << 1)
    let vector = (vectors[before] << 1) & mask
    vectors[at] = vector
    for (let k = 1; k <= limit; k++) {
      const fewer = vectors[before + k - 1]
      vector =
        (((vectors[before + k] << 1) & mask) | // the letter typed as meant
          fewer | // the letter left out
          (fewer << 1) | // a letter typed for it
          (vector << 1) | // an extra letter typed (the vector of one edit fewer, this depth)
          ((vectors[twoBefore + k - 1] << 2) & swap)) & // two letters swapped
        full
      vectors[at + k] = vector
    }
    depthMasks[depth] = mask
    letters[depth - 1] = code
    return vector
  }
  /** The word at `depth` if it is within the limit (`vector & whole`), with its fewest edits. */
  const add = (depth: number): void => {
    let k = 0
    while ((vectors[(depth + 1) * states + k] & whole) === 0) k++
    found.push({word: String.fromCharCode(...letters.subarray(0, depth)), edits: k})
  }

  // The root's edge of the first letter, then depth first below it, without recursion:
  // `parents[depth]` is the edge the walk came down at `depth`.
  const firstCode = typed.charCodeAt(0)
  let edge = 0
  while ((edges[edge * 2] & 0xffff) !== firstCode) if (edges.length === 0 || edges[edge++ * 2] & (1 << 24)) return
  const vector = step(firstCode, 1)
  if ((edges[edge * 2] >>> 16) & bit && (vector & whole) !== 0) add(1)
  edge = edges[edge * 2 + 1]
  if (edge === noNode || maxDepth < 2) return
  const parents = new Int32Array(maxDepth + 1)
  let depth = 2
  for (;;) {
    const value = edges[edge * 2]
    // No typed prefix within the limit: no longer candidate is (a swap needs one within it a letter before).
    if (step(value & 0xffff, depth) !== 0) {
      if ((value >>> 16) & bit && (vectors[(depth + 1) * states + limit] & whole) !== 0) add(depth)
      const target = edges[edge * 2 + 1]
      if (target !== noNode && depth < maxDepth) {
        parents[depth++] = edge
        edge = target
        continue
      }
    }
    // The next edge of this node, or of the nearest node above that has one.
    while (edges[edge * 2] & (1 << 24)) {
      if (--depth < 2) return
      edge = parents[depth]
    }
    edge++
  }
}

/**
 * The words under `typed`'s first letter within `limit` edits, by a walk of the trie that
 * fills one column of the distance table per letter and leaves a branch as soon as two
 * columns in a row exceed the limit, in small integers: for words longer than
 * `walkByBits` takes.
 */
function walkByTable(edges: Uint32Array, typed: string, limit: number, bit: number, found: NearWord[]): void {
  const n = typed.length
  const rows = n + 1
  const maxDepth = n + limit
  // One column per depth: `columns[depth * rows + i]` is the distance from `typed[0, i)` to
  // the candidate's first `depth` letters, filled only in the band `|i − depth| ≤ limit`
  // (the cells beside the band hold `far`, more than the limit).
  const far = limit + 2
  const columns = new Uint8Array((maxDepth + 1) * rows)
  for (let i = 0; i < rows; i++) columns[i] = Math.min(i, far)
  if (limit + 1 < rows) columns[limit + 1] = far
  const bests = new Uint8Array(maxDepth + 1)
  const typedCodes = new Uint16Array(n)
  for (let i = 0; i < n; i++) typedCodes[i] = typed.charCodeAt(i)
  const letters = new Uint16Array(maxDepth + 1)

  /** Fill the column of the letter `code` at `depth`; its smallest value. */
  const step = (code: number, depth: number): number => {
    const at = depth * rows
    const before = at - rows
    const twoBefore = before - rows
    const previousCode = depth > 1 ? letters[depth - 2] : -1
    const low = depth - limit > 1 ? depth - limit : 1
    const high = depth + limit < n ? depth + limit : n
    let above: number
    if (low === 1) above = columns[at] = depth < far ? depth : far
    else above = columns[at + low - 1] = far
    let best = above
    for (let i = low; i <= high; i++) {
      const typedCode = typedCodes[i - 1]
      let cell = columns[before + i - 1] + (typedCode === code ? 0 : 1)
      if (above + 1 < cell) cell = above + 1
      const omitted = columns[before + i] + 1
      if (omitted < cell) cell = omitted
      if (i > 1 && typedCode === previousCode && typedCodes[i - 2] === code && code !== previousCode) {
        const swapped = columns[twoBefore + i - 2] + 1
        if (swapped < cell) cell = swapped
      }
      if (cell > far) cell = far
      columns[at + i] = cell
      above = cell
      if (cell < best) best = cell
    }
    if (high < n) columns[at + high + 1] = far
    bests[depth] = best
    letters[depth - 1] = code
    return high === n ? above : far
  }

  const visit = (first: number, depth: number): void => {
    for (let edge = first; ; edge++) {
      const value = edges[edge * 2]
      const distance = step(value & 0xffff, depth)
      if ((value >>> 16) & bit && distance <= limit) found.push({word: String.fromCharCode(...letters.subarray(0, depth)), edits: distance})
      const target = edges[edge * 2 + 1]
      // A swap reaches two columns on, at one edit: a branch ends when this column exceeds the
      // limit and the one before it would exceed it with a swap.
      if (target !== noNode && depth < maxDepth && (bests[depth] <= limit || bests[depth - 1] < limit)) visit(target, depth + 1)
      if (value & (1 << 24)) return
    }
  }

  // The typed first letter's words within `limit`.
  const firstCode = typedCodes[0]
  bests[0] = 0
  for (let edge = 0; edges.length > 0; edge++) {
    const value = edges[edge * 2]
    if ((value & 0xffff) === firstCode) {
      const distance = step(firstCode, 1)
      if ((value >>> 16) & bit && distance <= limit) found.push({word: typed[0], edits: distance})
      const target = edges[edge * 2 + 1]
      if (target !== noNode && 1 < maxDepth) visit(target, 2)
      break
    }
    if (value & (1 << 24)) break
  }
}

/**
 * The flags in the trie's `edges` of the word `first` (a letter's code; -1 for none) followed
 * by `text` from `from` on (0 when it is not there), without building the string.
 */
function flagsAfter(edges: Uint32Array, first: number, text: string, from: number): number {
  const length = (first === -1 ? 0 : 1) + text.length - from
  if (length <= 0 || edges.length === 0) return 0
  let node = 0
  for (let index = 0; index < length; index++) {
    const code = first === -1 ? text.charCodeAt(from + index) : index === 0 ? first : text.charCodeAt(from + index - 1)
    let edge = node
    while ((edges[edge * 2] & 0xffff) !== code) if (edges[edge++ * 2] & (1 << 24)) return 0
    if (index === length - 1) return (edges[edge * 2] >>> 16) & 0xff
    node = edges[edge * 2 + 1]
    if (node === noNode) return 0
  }
  return 0
}

/**
 * The words of the trie that start with the letter `first`, with their flags, in trie order
 * (as `getWordTrie().wordsWithPrefix(first)`): a walk without nested generators, which cost
 * each word one step per letter of its depth (reading a first letter's words was most of the
 * cost of building its phonetic index).
 */
export function wordsUnder(first: string): Array<[string, number]> {
  const edges = getWordTrie().edges
  const found: Array<[string, number]> = []
  let edge = 0
  while ((edges[edge * 2] & 0xffff) !== first.charCodeAt(0)) if (edges.length === 0 || edges[edge++ * 2] & (1 << 24)) return found
  const letters = [edges[edge * 2] & 0xffff]
  if ((edges[edge * 2] >>> 16) & 0xff) found.push([first, (edges[edge * 2] >>> 16) & 0xff])
  if (edges[edge * 2 + 1] === noNode) return found
  // `path[depth]`: the edge taken at `depth` below the first letter.
  const path = [edges[edge * 2 + 1]]
  while (path.length > 0) {
    const depth = path.length
    const at = path[depth - 1]
    const value = edges[at * 2]
    letters[depth] = value & 0xffff
    const flags = (value >>> 16) & 0xff
    if (flags) found.push([String.fromCharCode(...letters.slice(0, depth + 1)), flags])
    const target = edges[at * 2 + 1]
    if (target !== noNode) {
      path.push(target)
      continue
    }
    // The next edge of this node, or of the nearest node above that has one.
    while (path.length > 0 && edges[path[path.length - 1] * 2] & (1 << 24)) path.pop()
    if (path.length > 0) path[path.length - 1]++
  }
  return found
}

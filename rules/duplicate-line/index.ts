/**
 * `duplicate-line`: a line or sentence that repeats an earlier one, exactly or nearly.
 *
 * Units are the sentences of prose paragraphs (headlines are left alone). Each unit becomes a
 * list of normalized word tokens; exact repeats are found by hashing the joined tokens, near
 * repeats by shared word trigrams (rare ones only: common trigrams such as `said in a` are
 * dropped from the index) and then verified by a token-level longest common subsequence.
 * This keeps long articles near linear instead of comparing every pair of sentences.
 *
 * A large draft linted a window at a time (`WindowRun`) is indexed in the survey, every
 * sentence that starts before the windows reported on end; the report compares each sentence
 * with the indexed ones before it only, so that any run of windows reported alone (a worker
 * thread's share) gives the messages the whole draft gives there.
 */
import {LRUCache} from 'lru-cache'
import {VFileMessage} from 'vfile-message'
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import type {MessageFields, WindowRun} from '../../src/rule.js'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {Position} from 'unist'
import {getDocument, getPartDocument} from '../lib/document.js'
import type {DocLine, DocSentence} from '../lib/document.js'

/** Options of `duplicate-line`. */
export const duplicateLineOptions = z
  .object({
    // Six words: shorter repeats are formulas news legitimately reuses (“"No," he said.”,
    // “The talks continue.”, “Dmitry Peskov, Kremlin Spokesman”).
    minWords: z
      .number({invalid_type_error: 'Expected a whole number ≥ 2'})
      .int('Expected a whole number ≥ 2')
      .min(2, 'Expected a whole number ≥ 2')
      .default(6)
      .describe('Fewest words a sentence needs to count as a duplicate (default 6).'),
  })
  .strict()

/** Options of `duplicate-line`. */
export type DuplicateLineOptions = z.infer<typeof duplicateLineOptions>

interface Unit {
  readonly sentence: DocSentence
  readonly tokens: readonly string[]
  readonly key: string
}

/**
 * A sentence already read, as later ones are compared with it and point back to it: no tree
 * nodes, and in a windowed lint, which keeps these for the whole draft, its tokens only as
 * `key` (they hold no space).
 */
interface Earlier {
  readonly tokens?: readonly string[]
  readonly key: string
  readonly line: number
  readonly position: Position | undefined
  readonly text: string
}

/**
 * The sentences read so far, indexed, in the draft's order (an id is an index in `units`): the
 * draft's, or in a windowed lint those the survey read (see `WindowRun`). A trigram's postings
 * are one id until it has two (most have one), ascending, at most `maxPostings + 1`.
 */
interface Index {
  readonly units: Earlier[]
  readonly exact: Map<string, number>
  readonly postings: Map<Gram, number | number[]>
}

/** A word trigram: its text, or in a windowed lint its words' ids as one number (see {@link numberedTrigrams}). */
type Gram = string | number

function emptyIndex(): Index {
  return {units: [], exact: new Map(), postings: new Map()}
}

/** Trigram postings longer than this are formulaic (`said in a`, `one of the`) and ignored. */
const maxPostings = 64
/** Candidates verified per sentence, most shared trigrams first. */
const maxCandidates = 8
/** Longest sentence (in tokens) compared by LCS; longer ones are matched exactly only. */
const maxLcsTokens = 400

/** {@link tokenize} by text: the language server asks again after every keystroke (a bounded memo). */
const tokensByText = new LRUCache<string, readonly string[]>({max: 20_000})

function tokensOf(text: string): readonly string[] {
  let tokens = tokensByText.get(text)
  if (!tokens) tokensByText.set(text, (tokens = tokenize(text)))
  return tokens
}

/** Normalized word tokens of a sentence: case, punctuation and spacing aside. */
export function tokenize(text: string): string[] {
  // Word tokens only, for comparison; positions come from the nlcst sentence, never from here.
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu) ?? []
  )
}

/** Length of the longest common subsequence of two token lists. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint16Array(b.length + 1)
  let current = new Uint16Array(b.length + 1)
  for (const token of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = token === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1])
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]
}

/** Whether `inner` occurs as a contiguous run of tokens in `outer`. */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  return ` ${outer.join(' ')} `.includes(` ${inner.join(' ')} `)
}

const isNumber = (token: string) => /\d/.test(token)

/** {@link isNearDuplicate} by pair of token lists (shared through {@link tokensOf}): after a keystroke only the edited sentence's pairs are compared again. */
const nearByPair = new WeakMap<readonly string[], WeakMap<readonly string[], boolean>>()

function isNearDuplicateOf(a: readonly string[], b: readonly string[]): boolean {
  let byOther = nearByPair.get(a)
  if (!byOther) nearByPair.set(a, (byOther = new WeakMap()))
  let answer = byOther.get(b)
  if (answer === undefined) byOther.set(b, (answer = isNearDuplicate(a, b)))
  return answer
}

/** Whether `short` is `long` with one run of words (a clause) taken out. */
function isOneInsertion(long: readonly string[], short: readonly string[]): boolean {
  let prefix = 0
  while (prefix < short.length && short[prefix] === long[prefix]) prefix++
  let suffix = 0
  while (suffix < short.length - prefix && short[short.length - 1 - suffix] === long[long.length - 1 - suffix]) suffix++
  if (prefix + suffix !== short.length) return false
  // “Russia said it was ready” / “Russia said it was not ready”: a negation is a new fact.
  const inserted = long.slice(prefix, long.length - suffix)
  return !(inserted.length === 1 && negations.has(inserted[0]))
}

/** Words that reverse a sentence when inserted alone. */
const negations = new Set(['not', "n't", 'no', 'never'])
/** Fewest words of the shorter sentence when a clause was added to it. */
const minClauseWords = 7

/**
 * Whether two token lists are the same sentence nearly.
 *
 * - A clause added or dropped: the shorter is the longer with one run of words taken out, or
 *   occurs word for word inside it; it must be at least half as long, or, when much shorter
 *   (the sample's line 15, a trailing clause of line 14), occur inside it and have 8 words.
 * - A word changed: only in a sentence of 20 words or more, one changed word per 20, and
 *   never a number (“rose 3 percent” vs “rose 5 percent” is a new fact). In shorter sentences
 *   one changed word is usually the news itself (“on Monday” vs “on Tuesday”).
 * Two sentences that share a formulaic start and differ in their ends fail every test.
 */
export function isNearDuplicate(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.length * 2 < long.length) return short.length >= 8 && containsRun(long, short)
  // “It was not immediately clear why.” inside “It was not immediately clear why the talks
  // failed.”: a six-word formula completed, not a clause added; so seven words at least.
  if (short.length >= minClauseWords && (containsRun(long, short) || isOneInsertion(long, short))) return true
  if (short.length < 20 || long.length > maxLcsTokens) return false
  if (lcs(short, long) < short.length - Math.floor(short.length / 20)) return false
  // No number may differ between the two.
  const numbers = (tokens: readonly string[]) => tokens.filter(isNumber).sort().join(' ')
  return numbers(short) === numbers(long) || (short.length !== long.length && containsNumbers(long, short))
}

/** Whether every number of `short` is in `long` (a clause added may bring its own numbers). */
function containsNumbers(long: readonly string[], short: readonly string[]): boolean {
  const have = new Set(long.filter(isNumber))
  return short.filter(isNumber).every((token) => have.has(token))
}

export default defineRule<DuplicateLineOptions>({
  id: 'duplicate-line',
  meta: {
    description: 'Flag a line or sentence that repeats an earlier one, exactly or nearly.',
    why: 'A sentence pasted twice, or left behind after a rewrite, survives because each copy reads well on its own; only the reader sees both.',
    severity: 'warning',
    fixable: false,
    options: duplicateLineOptions,
    // A large draft, a window at a time: each window is compared with the earlier ones.
    windowed: true,
    examples: {
      bad: 'Talks resumed in Istanbul on Monday after a long pause.\nTalks resumed in Istanbul on Monday after a long pause.',
      good: 'Talks resumed in Istanbul on Monday after a long pause.\nTalks ended in Istanbul on Tuesday without any deal.',
    },
  },
  plugin(options) {
    const minWords = options.minWords
    return (tree, file) => {
      // A windowed lint indexes the draft in the survey and compares each sentence with those before it.
      const window = file.data.copydeskWindow
      if (window?.pass === 'survey') return survey(window, tree, file, minWords)
      const state = window ? windowIndex(window) : emptyIndex()
      const document = window ? getPartDocument(tree, window.nodes, file) : getDocument(tree, file)
      const units = state.units
      const found: Array<{later: Unit; earlier: Earlier}> = []
      // The first copy's message and note, once per copy for all its repeats (a line repeated
      // 100,000 times made 100,000 of each).
      const copies = new Map<Earlier, {cause: VFileMessage; note: string}>()
      // A windowed lint keeps no tokens or trigrams per sentence: the draft's would outlive its windows.
      const gramsOf = window ? numberedTrigrams(windowIndex(window)) : trigrams
      // In a window, each line once, around its first sentence (not all the draft's lines per window).
      const lines = new Map<number, DocLine | undefined>()
      const lineOf = (sentence: DocSentence) => {
        if (!window) return document.lines[sentence.line - 1]
        if (!lines.has(sentence.line)) lines.set(sentence.line, lineAround(document.text, sentence.start, sentence.line))
        return lines.get(sentence.line)
      }

      for (const sentence of document.sentences) {
        if (sentence.paragraph.isHeadline) continue
        if (window) {
          // The survey indexed this sentence if it counts (its tokens are its key's words), and
          // the sentences before it: those are compared with it.
          const id = firstAtOrAfter(units, startOf(sentence))
          if (id === units.length || units[id].position?.start.offset !== startOf(sentence)) continue
          const key = units[id].key
          // An exact repeat needs no tokens (a draft of one line repeated has little else).
          const same = state.exact.get(key)
          const unit: Unit = {sentence, tokens: same !== undefined && same < id ? [] : key.split(' '), key}
          const earlier = same !== undefined && same < id ? same : findEarlier(state, unit, gramsOf, id)
          if (earlier !== undefined) found.push({later: unit, earlier: units[earlier]})
          continue
        }
        const tokens = tokensOf(sentence.text)
        if (tokens.length < minWords) continue
        const unit: Unit = {sentence, tokens, key: tokens.join(' ')}
        const earlier = findEarlier(state, unit, gramsOf, units.length)
        if (earlier !== undefined) found.push({later: unit, earlier: units[earlier]})
        index(state, unit, true, gramsOf)
      }

      // A line whose every sentence repeats is reported once, as a line.
      const byLine = new Map<number, Array<{later: Unit; earlier: Earlier}>>()
      for (const pair of found) {
        const line = pair.later.sentence.line
        const list = byLine.get(line)
        if (list) list.push(pair)
        else byLine.set(line, [pair])
      }
      // Sentences that start and end on each line with a repeat, counted once (not per line: 1 MB
      // drafts); a draft without repeats splits no lines.
      const perLine = new Map<number, number>()
      for (const sentence of byLine.size > 0 ? document.sentences : []) {
        if (!byLine.has(sentence.line)) continue
        const line = lineOf(sentence)
        if (line && sentence.end <= line.end) perLine.set(sentence.line, (perLine.get(sentence.line) ?? 0) + 1)
      }
      for (const [lineNumber, pairs] of byLine) {
        const line = lineOf(pairs[0].later.sentence)!
        const first = pairs[0]
        const isWholeLine = pairs.every((pair) => pair.later.sentence.end <= line.end)
        if (pairs.length > 1 && isWholeLine && pairs.length === perLine.get(lineNumber)) {
          const offset = line.text.length - line.text.trimStart().length
          const text = line.text.trim()
          const start = {line: lineNumber, column: offset + 1, offset: line.start + offset}
          const end = {line: lineNumber, column: offset + 1 + text.length, offset: line.start + offset + text.length}
          report('Line', text, {start, end}, first.earlier)
          continue
        }
        for (const {later, earlier} of pairs) {
          const position = later.sentence.node.position!
          report('Sentence', later.sentence.text, {start: position.start, end: position.end}, earlier)
        }
      }

      function report(what: 'Line' | 'Sentence', actual: string, place: {start: object; end: object}, earlier: Earlier) {
        let copy = copies.get(earlier)
        if (!copy) copies.set(earlier, (copy = {cause: firstCopy(earlier), note: `First copy: ${earlier.text}`}))
        const message = file.message(`${what} repeated from line ${earlier.line}`, {
          place: place as never,
          cause: copy.cause,
        }) as ReturnType<typeof file.message> & MessageFields
        message.actual = actual
        message.expected = []
        message.note = copy.note
      }
    }
  },
})

/** The earliest indexed sentence among `state.units[0, before)` that `unit` repeats. */
function findEarlier(state: Index, unit: Unit, gramsOf: GramsOf, before: number): number | undefined {
  const {units, exact, postings} = state
  const same = exact.get(unit.key)
  if (same !== undefined && same < before) return same
  const hits = new Map<number, number>()
  for (const gram of gramsOf(unit.tokens)) {
    const list = postings.get(gram)
    if (list === undefined) continue
    if (typeof list === 'number') {
      if (list < before) hits.set(list, (hits.get(list) ?? 0) + 1)
      continue
    }
    // The postings as they were when the index held `units[0, before)` only: the ids below
    // `before` (the list is ascending and stops growing past `maxPostings`).
    let count = list.length
    while (count > 0 && list[count - 1] >= before) count--
    if (count <= maxPostings) for (let at = 0; at < count; at++) hits.set(list[at], (hits.get(list[at]) ?? 0) + 1)
  }
  const candidates = [...hits].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, maxCandidates)
  const matches = candidates
    .filter(([id]) => {
      const other = units[id]
      return other.tokens ? isNearDuplicateOf(other.tokens, unit.tokens) : isNearDuplicate(other.key.split(' '), unit.tokens)
    })
    .map(([id]) => id)
  return matches.length > 0 ? Math.min(...matches) : undefined
}

/** Add `unit` (the draft's next sentence) to the index, with its tokens or not (a windowed lint: see {@link Earlier}). */
function index(state: Index, {sentence, tokens, key}: Unit, keepTokens: boolean, gramsOf: GramsOf): void {
  const {units, exact, postings} = state
  const id = units.push({tokens: keepTokens ? tokens : undefined, key, line: sentence.line, position: sentence.node.position, text: sentence.text}) - 1
  if (!exact.has(key)) exact.set(key, id)
  for (const gram of new Set(gramsOf(tokens))) {
    const list = postings.get(gram)
    if (list === undefined) postings.set(gram, id)
    else if (typeof list === 'number') postings.set(gram, [list, id])
    else if (list.length <= maxPostings) list.push(id)
  }
}

/** A sentence's word trigrams, as the index keys them. */
type GramsOf = (tokens: readonly string[]) => readonly Gram[]

/** The draft's index in a windowed lint (see `WindowRun`), with the ids of its words. */
interface WindowIndex extends Index {
  readonly words: Map<string, number>
  /** {@link numberedTrigrams} by token list (shared through {@link tokensOf}: a repeated sentence's are made once). */
  readonly grams: WeakMap<readonly string[], readonly Gram[]>
}

function windowIndex(window: WindowRun): WindowIndex {
  let state = window.state.get('duplicate-line') as WindowIndex | undefined
  if (!state) window.state.set('duplicate-line', (state = {...emptyIndex(), words: new Map(), grams: new WeakMap()}))
  return state
}

/** Ids below this make a trigram's number exact (`(a * 2^17 + b) * 2^17 + c` < 2^51). */
const maxWordIds = 2 ** 17

/**
 * Word trigrams keyed by number, the ids of their words in the draft (`state.words`): a
 * windowed lint indexes a whole draft, and a trigram's text took some 150 bytes of the index
 * (4 MiB of prose: 100 MB), its number some 30. One number per trigram of words, as the text
 * is; past `maxWordIds` distinct words, the text.
 */
function numberedTrigrams(state: WindowIndex): GramsOf {
  const idOf = (word: string) => {
    let id = state.words.get(word)
    if (id === undefined) state.words.set(word, (id = state.words.size))
    return id
  }
  return (tokens) => {
    let grams = state.grams.get(tokens) as Gram[] | undefined
    if (grams) return grams
    state.grams.set(tokens, (grams = []))
    const ids = tokens.map(idOf)
    for (let i = 0; i + 3 <= tokens.length; i++) {
      const [a, b, c] = [ids[i], ids[i + 1], ids[i + 2]]
      grams.push(a < maxWordIds && b < maxWordIds && c < maxWordIds ? (a * maxWordIds + b) * maxWordIds + c : `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`)
    }
    return grams
  }
}

/**
 * Windowed lint, survey pass: index the window's sentences (those that start before the
 * windows reported on end: the report compares a sentence with earlier ones only).
 */
function survey(window: WindowRun, tree: Root, file: VFile, minWords: number): void {
  const state = windowIndex(window)
  const gramsOf = numberedTrigrams(state)
  for (const sentence of getPartDocument(tree, window.nodes, file).sentences) {
    if (sentence.paragraph.isHeadline || startOf(sentence) >= window.reportEnd) continue
    // Through the memo: a draft that repeats a line (or is one letter a line) tokenizes it once.
    const tokens = tokensOf(sentence.text)
    if (tokens.length < minWords) continue
    index(state, {sentence, tokens, key: tokens.join(' ')}, false, gramsOf)
  }
}

/** Where a sentence starts in the draft. */
const startOf = (sentence: DocSentence) => sentence.node.position?.start.offset ?? sentence.start

/** The id of the first indexed sentence that starts at `offset` or after (the index is in the draft's order). */
function firstAtOrAfter(units: readonly Earlier[], offset: number): number {
  let low = 0
  let high = units.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((units[middle].position?.start.offset ?? -1) < offset) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * The message about the first copy, a repeat's `cause`, made without a stack trace (a
 * `VFileMessage` is an `Error`: V8 records the stack, vfile-message throws it away).
 */
function firstCopy(earlier: Earlier): VFileMessage {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return new VFileMessage(`First copy on line ${earlier.line}`, {place: earlier.position})
  } finally {
    Error.stackTraceLimit = limit
  }
}

/** The line of the draft around `offset`, the `line`th (as `splitLines` has it). */
function lineAround(text: string, offset: number, line: number): DocLine {
  // Character by character: a search for a `\r` would go through the whole draft when it has none.
  let start = offset
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--
  let end = offset
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++
  return {line, text: text.slice(start, end), start, end}
}

/** Trigrams by token list (the lists are shared through {@link tokensOf}). */
const gramsByTokens = new WeakMap<readonly string[], string[]>()

function trigrams(tokens: readonly string[]): string[] {
  let grams = gramsByTokens.get(tokens)
  if (!grams) gramsByTokens.set(tokens, (grams = wordTrigrams(tokens)))
  return grams
}

function wordTrigrams(tokens: readonly string[]): string[] {
  const grams: string[] = []
  for (let i = 0; i + 3 <= tokens.length; i++) grams.push(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`)
  return grams
}

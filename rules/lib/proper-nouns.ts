/**
 * The document model of names: every word of the draft with what its capital means, and
 * the names it writes — computed once per tree (like `getDocument`) and shared by
 * `proper-noun-case`, `name-spelling` and `isLikelyName`.
 *
 * A capital means something mid-sentence; it means nothing on the first word of a sentence,
 * after an opening quote or a colon, or anywhere in a title-case headline.
 */
import {LRUCache} from 'lru-cache'
import type {Paragraph, Root, RootContent, Word} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import type {VFile} from 'vfile'
import {getDocument, getPartDocument, type DocParagraph, type DocSentence} from './document.js'
import {nameParticles} from './gazetteer.js'
import {isTitleCase, type WindowRun} from '../../src/rule.js'
import {textOf} from './walk.js'

/** One word of the draft (a word node splits at points and hyphens, not at apostrophes). */
export interface NameToken {
  /** As written, without a possessive `’s` (`Zelensky` in `Zelensky’s`). */
  readonly text: string
  /** Offsets of `text` in the file. */
  readonly start: number
  readonly end: number
  readonly sentence: DocSentence
  /** Index in `tokens`. */
  readonly index: number
  /** Source text between the previous word of the sentence and this one (`''` for the first). */
  readonly gap: string
  /** Whether it is the first word of its sentence. */
  readonly isSentenceStart: boolean
  /** Starts with a capital and has a lowercase letter (`Peskov`, `McDonald`; not `NATO`). */
  readonly isCapitalized: boolean
  /** All lowercase letters (`peskov`). */
  readonly isLowercase: boolean
  /** Whether its capital (or lack of one) says something: mid-sentence, outside title-case headlines. */
  readonly isMeaningful: boolean
  /** Quoted, code, an address or a file name: not prose to judge. */
  readonly isLiteral: boolean
  /** One capital letter followed by a point: an initial (`W` in `George W. Bush`, each of `J.R.R.`). */
  readonly isInitial: boolean
}

/** What the document says about names. */
export interface NameModel {
  /** Every word, in order. */
  readonly tokens: readonly NameToken[]
  /** Capitalized words where the capital means something, by exact text. */
  readonly capitalized: ReadonlyMap<string, readonly NameToken[]>
  /** Every capitalized word (any position), by exact text. */
  readonly allCapitalized: ReadonlyMap<string, readonly NameToken[]>
  /** Lowercase words, by text. */
  readonly lowercase: ReadonlyMap<string, readonly NameToken[]>
  /** Multi-word names: runs of capitalized words (particles allowed inside) one space apart. */
  readonly runs: ReadonlyArray<readonly NameToken[]>
}

/**
 * A model built from a list of paragraphs (the draft's, or a part's), with where each
 * paragraph's tokens and runs start in it (the `paragraphs.length + 1` starts of each).
 */
interface BuiltModel {
  readonly model: NameModel
  readonly paragraphs: readonly DocParagraph[]
  readonly tokenStarts: readonly number[]
  readonly runStarts: readonly number[]
}

/** The models built for a list of paragraphs (`getDocument`'s or `getPartDocument`'s, cached with it). */
const builtByParagraphs = new WeakMap<readonly DocParagraph[], BuiltModel>()
/**
 * The models built for a tree's parts, to find a paragraph of the whole draft in (the
 * incremental engine builds the changed parts' models, then asks the draft's name index).
 * Looked up by node only then: a weak map entry per paragraph, kept for every draft, made the
 * garbage collector's work grow with the draft.
 */
const builtByTree = new WeakMap<Root, BuiltModel[]>()

function remember(tree: Root, built: BuiltModel): NameModel {
  builtByParagraphs.set(built.paragraphs, built)
  let list = builtByTree.get(tree)
  if (!list) builtByTree.set(tree, (list = []))
  list.push(built)
  return built.model
}

/**
 * The name model of one paragraph (the `at`th) as a model of the draft or of a part has it: its
 * tokens' maps and runs, with the holder's tokens around them (a neighbour is asked within its sentence).
 */
function paragraphView(built: BuiltModel, at: number): NameModel {
  const capitalized = new Map<string, NameToken[]>()
  const allCapitalized = new Map<string, NameToken[]>()
  const lowercase = new Map<string, NameToken[]>()
  const tokens = built.model.tokens
  for (let index = built.tokenStarts[at]; index < built.tokenStarts[at + 1]; index++) {
    const token = tokens[index]
    if (token.isLiteral) continue
    if (token.isCapitalized) {
      add(allCapitalized, token.text, token)
      if (token.isMeaningful) add(capitalized, token.text, token)
    } else if (token.isLowercase) add(lowercase, token.text, token)
  }
  return {tokens, capitalized, allCapitalized, lowercase, runs: built.model.runs.slice(built.runStarts[at], built.runStarts[at + 1])}
}

const cache = new WeakMap<Root, NameModel>()
const partCache = new WeakMap<readonly RootContent[], NameModel>()

/** The name model of `tree` (computed on first use, then cached for the file's run). */
export function getNameModel(tree: Root, file: VFile): NameModel {
  let model = cache.get(tree)
  if (!model) cache.set(tree, (model = remember(tree, buildModel(getDocument(tree, file).paragraphs, String(file.value ?? '')))))
  return model
}

/**
 * The name model of a part of `tree` (`nodes`, see `getPartDocument`): the same tokens as
 * {@link getNameModel} has for those paragraphs, so questions about a word's neighbours in
 * its sentence get the same answers; questions about the whole draft go to {@link getNameIndex}.
 */
export function getPartNameModel(tree: Root, nodes: readonly RootContent[], file: VFile): NameModel {
  let model = partCache.get(nodes)
  if (!model) partCache.set(nodes, (model = remember(tree, buildModel(getPartDocument(tree, nodes, file).paragraphs, String(file.value ?? '')))))
  return model
}

/** A word beside a capitalized word in its sentence, as {@link NameIndex.neighbours} keeps it. */
export interface Neighbour {
  /** `-1`: the word before; `1`: the word after. */
  readonly step: -1 | 1
  /** The source text between the two words. */
  readonly gap: string
  readonly text: string
  readonly isCapitalized: boolean
  readonly isMeaningful: boolean
}

/**
 * What the whole draft says about names, as counts by word: the draft-wide half of the name
 * model. Summed from summaries of each paragraph (cached by the paragraph's text in plain
 * text), so that the language server, asking it again after a keystroke, re-reads only the
 * paragraph that changed.
 */
export interface NameIndex {
  /** Uses of each capitalized word where the capital means something, in the order the draft first writes them. */
  readonly capitalized: ReadonlyMap<string, number>
  /** Uses of each capitalized word (any position). */
  readonly allCapitalized: ReadonlyMap<string, number>
  /** Uses of each lowercase word. */
  readonly lowercase: ReadonlyMap<string, number>
  /** Each capitalized word's neighbours in their sentences (any position; joined by a space, a point or a hyphen). */
  readonly neighbours: ReadonlyMap<string, readonly Neighbour[]>
  /** Each capitalized word where it means something: the capitalized words written just before it, one space apart (`Gary` for `Whitfield`). */
  readonly capitalizedAfter: ReadonlyMap<string, readonly string[]>
}

/** A paragraph's part of the {@link NameIndex}. */
type NameSummary = NameIndex

const indexes = new WeakMap<Root, NameIndex>()
/** Summaries of plain-text paragraphs by headline flag and text (a paragraph's tokens depend on nothing else). */
const summaries = new LRUCache<string, NameSummary>({max: 4000})

/**
 * The {@link NameIndex} of `tree` (computed on first use, then cached for the file's run); in
 * the report pass of a windowed lint, the whole draft's, summed by {@link surveyNames}.
 */
export function getNameIndex(tree: Root, file: VFile): NameIndex {
  const window = file.data.copydeskWindow
  if (window) return windowIndex(window)
  let index = indexes.get(tree)
  if (!index) indexes.set(tree, (index = buildIndex(tree, file)))
  return index
}

/** The draft's {@link NameIndex} being summed window by window, and the windows already in it. */
interface WindowNames {
  readonly index: NameIndex
  readonly surveyed: WeakSet<object>
}

function windowIndex(window: WindowRun): NameIndex {
  let names = window.state.get('names') as WindowNames | undefined
  if (!names) window.state.set('names', (names = {index: emptyIndex(), surveyed: new WeakSet()}))
  return names.index
}

/**
 * Windowed lint, survey pass: add the summaries of the window's paragraphs to the draft's
 * {@link NameIndex} (once per window, for whichever rule asks first).
 */
export function surveyNames(tree: Root, file: VFile): void {
  const window = file.data.copydeskWindow
  if (window?.pass !== 'survey') return
  const index = windowIndex(window)
  const {surveyed} = window.state.get('names') as WindowNames
  if (surveyed.has(window)) return
  surveyed.add(window)
  for (const summary of paragraphSummaries(tree, file, summaries, summarize, window.nodes)) addSummary(index, summary)
}

/** A paragraph's own name model, shared by the summaries of one run. */
const paragraphModels = new WeakMap<DocParagraph, NameModel>()

/**
 * `summarize` of each paragraph's name model, in the draft's order. In plain text a
 * paragraph's tokens depend on its text and whether it is a headline alone, so the summaries
 * are kept in `cache` by those (a keystroke summarizes the one paragraph it changed); a
 * Markdown paragraph's prose depends on more (code, references), so it is summarized afresh.
 */
export function paragraphSummaries<T extends object>(
  tree: Root,
  file: VFile,
  cache: LRUCache<string, T>,
  summarize: (model: NameModel, text: string) => T,
  nodes?: readonly RootContent[],
): T[] {
  // `nodes`: the paragraphs of a part of the tree only (see `getPartDocument`).
  const document = nodes ? getPartDocument(tree, nodes, file) : getDocument(tree, file)
  const isPlain = file.data.headingRanges === undefined
  const holder = builtByParagraphs.get(document.paragraphs)
  // Where the paragraphs are in the models built for the tree's parts, when none was built for these.
  let byNode: Map<Paragraph, readonly [BuiltModel, number]> | undefined
  return document.paragraphs.map((paragraph, at) => {
    const key = isPlain ? `${paragraph.isHeadline ? 'H' : 'P'}${paragraph.text}` : undefined
    let summary = key === undefined ? undefined : cache.get(key)
    if (!summary) {
      // From a model already built for this run (the draft's, or a part's), else its own.
      let model: NameModel | undefined
      if (holder) model = paragraphView(holder, at)
      else {
        byNode ??= paragraphsOf(builtByTree.get(tree) ?? [])
        const found = byNode.get(paragraph.node)
        model = found ? paragraphView(...found) : paragraphModels.get(paragraph)
      }
      if (!model) paragraphModels.set(paragraph, (model = buildModel([paragraph], document.text).model))
      summary = summarize(model, document.text)
      if (key !== undefined) cache.set(key, summary)
    }
    return summary
  })
}

/** Each paragraph of some built models, with its model and place (the model built last wins). */
function paragraphsOf(models: readonly BuiltModel[]): Map<Paragraph, readonly [BuiltModel, number]> {
  const found = new Map<Paragraph, readonly [BuiltModel, number]>()
  for (const built of models) built.paragraphs.forEach((paragraph, at) => found.set(paragraph.node, [built, at]))
  return found
}

function buildIndex(tree: Root, file: VFile): NameIndex {
  const index = emptyIndex()
  for (const summary of paragraphSummaries(tree, file, summaries, summarize)) addSummary(index, summary)
  return index
}

function emptyIndex(): NameIndex {
  return {capitalized: new Map(), allCapitalized: new Map(), lowercase: new Map(), neighbours: new Map(), capitalizedAfter: new Map()}
}

/** Add a paragraph's summary to an index being summed in the draft's order. */
function addSummary(index: NameIndex, summary: NameSummary): void {
  const capitalized = index.capitalized as Map<string, number>
  const allCapitalized = index.allCapitalized as Map<string, number>
  const lowercase = index.lowercase as Map<string, number>
  for (const [form, count] of summary.capitalized) capitalized.set(form, (capitalized.get(form) ?? 0) + count)
  for (const [form, count] of summary.allCapitalized) allCapitalized.set(form, (allCapitalized.get(form) ?? 0) + count)
  for (const [word, count] of summary.lowercase) lowercase.set(word, (lowercase.get(word) ?? 0) + count)
  for (const [form, list] of summary.neighbours) append(index.neighbours as Map<string, Neighbour[]>, form, list)
  for (const [form, list] of summary.capitalizedAfter) append(index.capitalizedAfter as Map<string, string[]>, form, list)
}

function append<V>(map: Map<string, V[]>, key: string, values: readonly V[]): void {
  const list = map.get(key)
  if (list) list.push(...values)
  else map.set(key, [...values])
}

/** The word before and the word after. */
const steps = [-1, 1] as const

/** One paragraph's {@link NameSummary}, from its tokens as the name model has them. */
function summarize(model: NameModel): NameSummary {
  const count = (map: ReadonlyMap<string, readonly NameToken[]>) => {
    const counts = new Map<string, number>()
    for (const [key, tokens] of map) counts.set(key, tokens.length)
    return counts
  }
  const neighbours = new Map<string, Neighbour[]>()
  for (const [form, tokens] of model.allCapitalized) {
    const seen = new Set<string>()
    const list: Neighbour[] = []
    for (const token of tokens) {
      for (const step of steps) {
        const other = model.tokens[token.index + step]
        if (!other || other.sentence !== token.sentence) continue
        const gap = step === 1 ? other.gap : token.gap
        if (gap !== '-' && gap !== ' ' && gap !== '\u00a0' && !isPointSpace(gap)) continue
        const key = `${step}${gap}${Number(other.isCapitalized)}${Number(other.isMeaningful)}${other.text}`
        if (seen.has(key)) continue
        seen.add(key)
        list.push({step, gap, text: other.text, isCapitalized: other.isCapitalized, isMeaningful: other.isMeaningful})
      }
    }
    if (list.length > 0) neighbours.set(form, list)
  }
  const capitalizedAfter = new Map<string, string[]>()
  for (const [form, tokens] of model.capitalized) {
    const list = new Set<string>()
    for (const token of tokens) {
      const before = model.tokens[token.index - 1]
      if (before && before.sentence === token.sentence && before.isCapitalized && (token.gap === ' ' || token.gap === '\u00a0')) list.add(before.text)
    }
    if (list.size > 0) capitalizedAfter.set(form, [...list])
  }
  return {capitalized: count(model.capitalized), allCapitalized: count(model.allCapitalized), lowercase: count(model.lowercase), neighbours, capitalizedAfter}
}

/**
 * Abbreviated titles whose point ends no sentence: the capital after `Dr. ` or `Gov. ` is the
 * name's (`Dr. Salha`). Not `St.` (a saint or a street) nor `No.`.
 */
export const titleAbbreviations: ReadonlySet<string> = new Set(['Adm', 'Capt', 'Col', 'Dr', 'Gen', 'Gov', 'Lt', 'Maj', 'Mr', 'Mrs', 'Ms', 'Prof', 'Rep', 'Rev', 'Sen', 'Sgt'])

/** Punctuation after which a capital is grammatical: a sentence end, opening quote, colon. */
const restartsSentence = /[.!?:;“"‘([«…—–]|(?:^|\s)['’]/u
/** `example.com`, `news@example.org`: a point followed by a lowercase letter, or a symbol. */
const isAddressLike = (node: Word) =>
  // A word of one node is text alone (most words): no symbol, no point.
  (node.children.length > 1 && node.children.some((child) => child.type === 'SymbolNode')) ||
  (node.children.length > 1 &&
    node.children.some(
      (child, index) => child.type === 'PunctuationNode' && child.value === '.' && /^\p{Ll}/u.test(textOf(node.children[index + 1] ?? {type: 'TextNode', value: ''})),
    ))

function buildModel(paragraphs: readonly DocParagraph[], text: string): BuiltModel {
  const wordUnits: number[] = []
  const tokens: NameToken[] = []
  const capitalized = new Map<string, NameToken[]>()
  const allCapitalized = new Map<string, NameToken[]>()
  const lowercase = new Map<string, NameToken[]>()
  const runs: NameToken[][] = []

  const model: NameModel = {tokens, capitalized, allCapitalized, lowercase, runs}
  const tokenStarts: number[] = []
  const runStarts: number[] = []
  for (const paragraph of paragraphs) {
    tokenStarts.push(tokens.length)
    runStarts.push(runs.length)
    const isTitle = paragraph.isHeadline && isTitleCase(paragraph.text)
    for (const sentence of paragraph.sentences) {
      let previousEnd: number | undefined
      const sentenceTokens: NameToken[] = []
      const children = sentence.node.children
      for (let nodeIndex = 0; nodeIndex < children.length; nodeIndex++) {
        const node = children[nodeIndex]
        if (node.type !== 'WordNode') continue
        const literal = isLiteral(sentence.node, nodeIndex) || isAddressLike(node)
        units(node, wordUnits)
        for (let unit = 0; unit < wordUnits.length; unit += 2) {
          const start = wordUnits[unit]
          const end = wordUnits[unit + 1]
          // `Zelensky’s` → `Zelensky`.
          const unitEnd = end - start > 2 && text.charCodeAt(end - 1) === 115 && (text[end - 2] === "'" || text[end - 2] === '’') ? end - 2 : end
          const value = text.slice(start, unitEnd)
          const gap = previousEnd === undefined ? '' : text.slice(previousEnd, start)
          const isSentenceStart = previousEnd === undefined
          previousEnd = end
          const cases = letterCase(value)
          const isCapitalized = (cases & capitalizedBit) !== 0
          const isLowercase = (cases & lowercaseBit) !== 0
          const previous = sentenceTokens.length > 0 ? sentenceTokens[sentenceTokens.length - 1] : undefined
          // `Dr. Salha`, `George W. Bush`: a point after a title or an initial ends no sentence.
          const isAfterAbbreviation = previous !== undefined && isPointSpace(gap) && (previous.isInitial || titleAbbreviations.has(previous.text))
          const isMeaningful = !isTitle && !isSentenceStart && (gap === ' ' || isAfterAbbreviation || !restartsSentence.test(gap))
          const isInitial = value.length === 1 && text.charCodeAt(unitEnd) === 46 && /^\p{Lu}$/u.test(value)
          const facts = {isSentenceStart, isCapitalized, isLowercase, isMeaningful, isLiteral: literal, isInitial}
          const token: NameToken = new Token(value, start, unitEnd, sentence, tokens.length, gap, flagsOf(facts))
          tokens.push(token)
          sentenceTokens.push(token)
          if (literal) continue
          if (isCapitalized) {
            add(allCapitalized, value, token)
            if (token.isMeaningful) add(capitalized, value, token)
          } else if (isLowercase) add(lowercase, value, token)
        }
      }
      collectRuns(sentenceTokens, runs)
    }
  }
  tokenStarts.push(tokens.length)
  runStarts.push(runs.length)
  return {model, paragraphs, tokenStarts, runStarts}
}

/** `. ` or a point and a no-break space: the gap after an abbreviation or an initial. */
function isPointSpace(gap: string): boolean {
  return gap.length === 2 && gap.charCodeAt(0) === 46 && (gap.charCodeAt(1) === 32 || gap.charCodeAt(1) === 0xa0)
}

/** {@link letterCase}: capitalized. */
const capitalizedBit = 1
/** {@link letterCase}: all lowercase. */
const lowercaseBit = 2

/**
 * Whether `value` is capitalized (a capital first, a lowercase letter somewhere: `Peskov`,
 * `McDonald`, not `NATO`: {@link capitalizedBit}) and whether it is all lowercase (letters,
 * marks, apostrophes: `peskov`, `didn’t`: {@link lowercaseBit}), by character codes for
 * plain words, by Unicode classes for the rest.
 */
function letterCase(value: string): number {
  const first = value.charCodeAt(0)
  let hasLower = false
  let allLower = value.length > 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code >= 97 && code <= 122) hasLower = true
    else if (code === 39 || code === 0x2019) continue
    else if (code >= 128) return (/^\p{Lu}/u.test(value) && /\p{Ll}/u.test(value) ? capitalizedBit : 0) | (/^[\p{Ll}\p{M}'’]+$/u.test(value) ? lowercaseBit : 0)
    else allLower = false
  }
  if (first >= 65 && first <= 90) return hasLower ? capitalizedBit : 0
  return allLower ? lowercaseBit : 0
}

const sentenceStartFlag = 1
const capitalizedFlag = 2
const lowercaseFlag = 4
const meaningfulFlag = 8
const literalFlag = 16
const initialFlag = 32

/**
 * A {@link NameToken}: its six yes-or-no facts in one number. The model holds one per word of
 * the draft, as long as the draft's tree: a literal of twelve fields was 120 bytes, this 80.
 */
class Token implements NameToken {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly sentence: DocSentence,
    readonly index: number,
    readonly gap: string,
    private readonly flags: number,
  ) {}

  get isSentenceStart(): boolean {
    return (this.flags & sentenceStartFlag) !== 0
  }

  get isCapitalized(): boolean {
    return (this.flags & capitalizedFlag) !== 0
  }

  get isLowercase(): boolean {
    return (this.flags & lowercaseFlag) !== 0
  }

  get isMeaningful(): boolean {
    return (this.flags & meaningfulFlag) !== 0
  }

  get isLiteral(): boolean {
    return (this.flags & literalFlag) !== 0
  }

  get isInitial(): boolean {
    return (this.flags & initialFlag) !== 0
  }
}

/** `token` with another text and end, its other facts the same (initials read as one word: `J.R.R.`). */
export function withText(token: NameToken, text: string, end: number): NameToken {
  return new Token(text, token.start, end, token.sentence, token.index, token.gap, flagsOf(token))
}

type Facts = Pick<NameToken, 'isSentenceStart' | 'isCapitalized' | 'isLowercase' | 'isMeaningful' | 'isLiteral' | 'isInitial'>

/** A token's yes-or-no facts as {@link Token} keeps them. */
function flagsOf(facts: Facts): number {
  return (
    (facts.isSentenceStart ? sentenceStartFlag : 0) |
    (facts.isCapitalized ? capitalizedFlag : 0) |
    (facts.isLowercase ? lowercaseFlag : 0) |
    (facts.isMeaningful ? meaningfulFlag : 0) |
    (facts.isLiteral ? literalFlag : 0) |
    (facts.isInitial ? initialFlag : 0)
  )
}

/**
 * Runs of capitalized words one space apart: `Dmitry Peskov`, `Ursula von der Leyen`, with
 * initials inside (`George W. Bush`, `J.R.R. Tolkien`, `J. R. R. Tolkien`).
 */
function collectRuns(tokens: readonly NameToken[], runs: NameToken[][]): void {
  const before = runs.length
  let run: NameToken[] = []
  const flush = () => {
    if (run.length === 0) return // most words: nothing to flush, no new array
    // A particle or an initial cannot end a name: `Talks in Paris de` is not one.
    while (run.length > 0 && !run[run.length - 1].isCapitalized) run.pop()
    let names = 0
    for (const token of run) if (token.isCapitalized || token.isInitial) names++
    if (names >= 2) runs.push(run)
    run = []
  }
  for (const token of tokens) {
    const gap = token.gap
    const isJoined = run.length > 0 && (gap === ' ' || gap === '\u00a0' || (run[run.length - 1].isInitial && (gap === '.' || isPointSpace(gap))))
    if (!isJoined) flush()
    if (token.isLiteral) continue
    if (token.isCapitalized || token.isInitial || (run.length > 0 && nameParticles.has(token.text))) run.push(token)
    else if (nameParticles.has(token.text)) {
      flush()
      run.push(token) // `de Gaulle`: a name may start with its particle.
    } else flush()
  }
  flush()
  // Drop runs that start with particles not followed by a capital (already handled by flush).
  // Only this sentence's runs: going over the document's at each sentence was quadratic.
  for (let at = before; at < runs.length; at++) {
    const item = runs[at]
    while (item.length > 0 && !item[0].isCapitalized && !item[0].isInitial && !nameParticles.has(item[0].text)) item.shift()
  }
}

/**
 * Offsets of the words of a word node (text joined by apostrophes, apart at other
 * punctuation), written to `result` (emptied first): start and end of each, one after the
 * other (`[start, end, start, end…]`). One array for every word, not one per word.
 */
function units(node: Word, result: number[]): void {
  result.length = 0
  const children = node.children
  let start: number | undefined
  let end = 0
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    const joins =
      child.type === 'PunctuationNode' && (child.value === "'" || child.value === '’') && children[index - 1]?.type === 'TextNode' && children[index + 1]?.type === 'TextNode'
    if (child.type === 'TextNode' || joins) {
      start ??= child.position?.start.offset
      end = child.position?.end.offset ?? end
      continue
    }
    if (start !== undefined) result.push(start, end)
    start = undefined
  }
  if (start !== undefined) result.push(start, end)
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * The document model of names: every word of the draft with what its capital means, and
 * the names it writes — computed once per tree (like `getDocument`) and shared by
 * `proper-noun-case`, `name-spelling` and `isLikelyName`.
 *
 * A capital means something mid-sentence; it means nothing on the first word of a sentence,
 * after an opening quote or a colon, or anywhere in a title-case headline.
 */
import type {Root, Word} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {getDocument, type DocSentence} from './document.js'
import {nameParticles} from './gazetteer.js'
import {isTitleCase} from '../../src/rule.js'

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

const cache = new WeakMap<Root, NameModel>()

/** The name model of `tree` (computed on first use, then cached for the file's run). */
export function getNameModel(tree: Root, file: VFile): NameModel {
  let model = cache.get(tree)
  if (!model) cache.set(tree, (model = buildModel(tree, file)))
  return model
}

/**
 * Abbreviated titles whose point ends no sentence: the capital after `Dr. ` or `Gov. ` is the
 * name's (`Dr. Salha`). Not `St.` (a saint or a street) nor `No.`.
 */
export const titleAbbreviations: ReadonlySet<string> = new Set(['Adm', 'Capt', 'Col', 'Dr', 'Gen', 'Gov', 'Lt', 'Maj', 'Mr', 'Mrs', 'Ms', 'Prof', 'Rep', 'Rev', 'Sen', 'Sgt'])

/** Punctuation after which a capital is grammatical: a sentence end, opening quote, colon. */
const restartsSentence = /[.!?:;“"‘(\[«…—–]|(?:^|\s)['’]/u
/** `example.com`, `news@example.org`: a point followed by a lowercase letter, or a symbol. */
const isAddressLike = (node: Word) =>
  node.children.some((child) => child.type === 'SymbolNode') ||
  node.children.some((child, index) => child.type === 'PunctuationNode' && child.value === '.' && /^\p{Ll}/u.test(toString(node.children[index + 1] ?? {type: 'TextNode', value: ''})))

function buildModel(tree: Root, file: VFile): NameModel {
  const document = getDocument(tree, file)
  const text = document.text
  const tokens: NameToken[] = []
  const capitalized = new Map<string, NameToken[]>()
  const allCapitalized = new Map<string, NameToken[]>()
  const lowercase = new Map<string, NameToken[]>()
  const runs: NameToken[][] = []

  for (const paragraph of document.paragraphs) {
    const isTitle = paragraph.isHeadline && isTitleCase(paragraph.text)
    for (const sentence of paragraph.sentences) {
      let previousEnd: number | undefined
      const sentenceTokens: NameToken[] = []
      const children = sentence.node.children
      for (let nodeIndex = 0; nodeIndex < children.length; nodeIndex++) {
        const node = children[nodeIndex]
        if (node.type !== 'WordNode') continue
        const literal = isLiteral(sentence.node, nodeIndex) || isAddressLike(node)
        for (const [start, end] of units(node)) {
          // `Zelensky’s` → `Zelensky`.
          const unitEnd = end - start > 2 && text.charCodeAt(end - 1) === 115 && (text[end - 2] === "'" || text[end - 2] === '’') ? end - 2 : end
          const value = text.slice(start, unitEnd)
          const gap = previousEnd === undefined ? '' : text.slice(previousEnd, start)
          const isSentenceStart = previousEnd === undefined
          previousEnd = end
          const cases = letterCase(value)
          const isCapitalized = (cases & capitalizedBit) !== 0
          const isLowercase = (cases & lowercaseBit) !== 0
          const previous = sentenceTokens.at(-1)
          // `Dr. Salha`, `George W. Bush`: a point after a title or an initial ends no sentence.
          const isAfterAbbreviation = previous !== undefined && /^\.[ \u00a0]$/u.test(gap) && (previous.isInitial || titleAbbreviations.has(previous.text))
          const token: NameToken = {
            text: value,
            start,
            end: unitEnd,
            sentence,
            index: tokens.length,
            gap,
            isSentenceStart,
            isCapitalized,
            isLowercase,
            isMeaningful: !isTitle && !isSentenceStart && (gap === ' ' || isAfterAbbreviation || !restartsSentence.test(gap)),
            isLiteral: literal,
            isInitial: value.length === 1 && /^\p{Lu}$/u.test(value) && text[unitEnd] === '.',
          }
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

  return {tokens, capitalized, allCapitalized, lowercase, runs}
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

/**
 * Runs of capitalized words one space apart: `Dmitry Peskov`, `Ursula von der Leyen`, with
 * initials inside (`George W. Bush`, `J.R.R. Tolkien`, `J. R. R. Tolkien`).
 */
function collectRuns(tokens: readonly NameToken[], runs: NameToken[][]): void {
  let run: NameToken[] = []
  const flush = () => {
    // A particle or an initial cannot end a name: `Talks in Paris de` is not one.
    while (run.length > 0 && !run.at(-1)!.isCapitalized) run.pop()
    if (run.filter((token) => token.isCapitalized || token.isInitial).length >= 2) runs.push(run)
    run = []
  }
  for (const token of tokens) {
    const isJoined = run.length > 0 && (/^[ \u00a0]$/u.test(token.gap) || (run.at(-1)!.isInitial && /^\.[ \u00a0]?$/u.test(token.gap)))
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
  for (const item of runs) while (item.length > 0 && !item[0].isCapitalized && !item[0].isInitial && !nameParticles.has(item[0].text)) item.shift()
}

/** Offsets `[start, end)` of the words of a word node: text joined by apostrophes, apart at other punctuation. */
function units(node: Word): Array<[number, number]> {
  const result: Array<[number, number]> = []
  let start: number | undefined
  let end = 0
  const children = node.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    const joins =
      child.type === 'PunctuationNode' &&
      (child.value === "'" || child.value === '’') &&
      children[index - 1]?.type === 'TextNode' &&
      children[index + 1]?.type === 'TextNode'
    if (child.type === 'TextNode' || joins) {
      start ??= child.position?.start.offset
      end = child.position?.end.offset ?? end
      continue
    }
    if (start !== undefined) result.push([start, end])
    start = undefined
  }
  if (start !== undefined) result.push([start, end])
  return result
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

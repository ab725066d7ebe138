/**
 * `headline-case`: the headlines of a draft follow one case style.
 *
 * In a title-case headline, a word title case capitalizes but the writer left lowercase
 * (`Trump Seeks to mediate as Russia…`); in a sentence-case headline, an ordinary word the
 * writer capitalized (only words the document itself writes in lowercase, so names pass).
 */
import {LRUCache} from 'lru-cache'
import {z} from 'zod'
import {textOf, walk as visit} from '../lib/walk.js'
import type {VFile} from 'vfile'
import type {Root} from 'nlcst'
import {defineRule, minorWords, type WindowRun} from '../../src/rule.js'
import {dictionaryPackages, getLookup} from '../lib/dictionary-lookup.js'
import {fileLocation, getDocument, getPartDocument, type DocParagraph} from '../lib/document.js'
import {nameParticles} from '../lib/name-particles.js'
import {lowercaseWords} from './data.js'

/** Options of `headline-case`. */
export const headlineCaseOptions = z
  .object({
    style: z
      .enum(['title', 'sentence', 'consistent'])
      .default('consistent')
      .describe('`title`, `sentence`, or `consistent` (default: the style most of the document’s headlines use).'),
  })
  .strict()

/** Options of `headline-case`. */
export type HeadlineCaseOptions = z.infer<typeof headlineCaseOptions>

/** A word of a headline, with its offsets. */
interface HeadlineWord {
  readonly value: string
  readonly start: number
  readonly end: number
  /** Whether it starts the headline or a part of it (after `:`, `—`, or an opening quote). */
  readonly isStart: boolean
  /** Whether it sits inside quotation marks. */
  readonly isQuoted: boolean
}

// Name particles too: “de Gaulle”, “van Gogh”, “von der Leyen”, “bin Salman”.
const mayStayLowercase = new Set([...minorWords, ...lowercaseWords, ...nameParticles])

export default defineRule<HeadlineCaseOptions>({
  id: 'headline-case',
  meta: {
    description: 'Keep the headlines of a draft in one case style (title case or sentence case).',
    why: 'A word left lowercase in a title-case headline, or capitalized in a sentence-case one, looks like a slip and draws the eye from the news.',
    severity: 'warning',
    fixable: true,
    options: headlineCaseOptions,
    examples: {
      bad: 'Trump Seeks to mediate as Russia Confirms Planning for Talks\nThe war goes on.',
      good: 'Trump Seeks to Mediate as Russia Confirms Planning for Talks\nThe war goes on.',
    },
    // A large draft, a window at a time: the survey keeps the body's words and the headlines'.
    windowed: true,
  },
  plugin(options) {
    const style = options.style
    return (tree, file) => {
      const window = file.data.copydeskWindow
      if (window) return inWindow(window, tree, file, style)
      const document = getDocument(tree, file)
      const headlines = document.paragraphs.filter((paragraph) => paragraph.isHeadline)
      if (headlines.length === 0) return
      const {lowercase, names} = bodyWords(document.paragraphs, file)
      const decided = decide(
        headlines.map((paragraph) => headlineWords(paragraph)),
        lowercase,
        names,
        style,
      )
      reportHeadlines(decided.analysed, decided.mode, lowercase, style, file)
    }
  },
})

/** What a windowed lint keeps of the draft (see `WindowRun`): the body's words, and the headlines' words with where they start. */
interface WindowState {
  readonly lowercase: Set<string>
  readonly names: Set<string>
  readonly headlines: Array<{readonly start: number; readonly words: readonly HeadlineWord[]}>
  /** The style, decided in the first report pass. */
  decided?: ReturnType<typeof decide>
}

function inWindow(window: WindowRun, tree: Root, file: VFile, style: HeadlineCaseOptions['style']): void {
  let state = window.state.get('headline-case') as WindowState | undefined
  if (!state) window.state.set('headline-case', (state = {lowercase: new Set(), names: new Set(), headlines: []}))
  if (window.pass === 'survey') {
    const paragraphs = getPartDocument(tree, window.nodes, file).paragraphs
    const {lowercase, names} = bodyWords(paragraphs, file)
    for (const word of lowercase) state.lowercase.add(word)
    for (const word of names) state.names.add(word)
    for (const paragraph of paragraphs) if (paragraph.isHeadline) state.headlines.push({start: paragraph.start, words: headlineWords(paragraph)})
    return
  }
  // The style is the whole draft's; only the window's headlines are reported on.
  const {lowercase, names, headlines} = state
  const decided = (state.decided ??= decide(
    headlines.map((headline) => headline.words),
    lowercase,
    names,
    style,
  ))
  // The headlines are in the draft's order: the window's are a run of them.
  const from = firstAtOrAfter(headlines, window.start)
  const inside = decided.analysed.slice(from, firstAtOrAfter(headlines, window.end))
  if (inside.length > 0) reportHeadlines(inside, decided.mode, lowercase, style, file)
}

/** The index of the first headline that starts at `offset` or after. */
function firstAtOrAfter(headlines: ReadonlyArray<{readonly start: number}>, offset: number): number {
  let low = 0
  let high = headlines.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (headlines[middle].start < offset) low = middle + 1
    else high = middle
  }
  return low
}

/** A headline's words as {@link decide} sorts them. */
interface AnalysedHeadline {
  readonly lowercaseOnes: readonly HeadlineWord[]
  readonly ordinaryCapitals: readonly HeadlineWord[]
  readonly isTitle: boolean
  readonly isSentence: boolean
}

/** The draft's headline style, from all its headlines (`headlines`, each its words) and the words of its body. */
function decide(
  headlines: ReadonlyArray<readonly HeadlineWord[]>,
  lowercase: ReadonlySet<string>,
  names: ReadonlySet<string>,
  style: HeadlineCaseOptions['style'],
): {analysed: AnalysedHeadline[]; mode: HeadlineCaseOptions['style']} {
  const analysed = headlines.map((words) => {
    const significant = words.filter((word) => !word.isStart && !word.isQuoted && !mayStayLowercase.has(word.value.toLowerCase()))
    // An ordinary word: one the story, or English at large, writes in lowercase, and not a
    // name the story capitalizes mid-sentence.
    const ordinaryCapitals = significant.filter((word) => {
      const lower = word.value.toLowerCase()
      return isCapitalized(word.value) && !names.has(lower) && (lowercase.has(lower) || isCommonWord(lower))
    })
    const lowercaseOnes = significant.filter((word) => isPlainLowercase(word.value))
    // “Biden meets Xi in San Francisco” has most words capitalized, all of them names: it is
    // title case only when ordinary words (not names the story capitalizes) are capitalized.
    const capitals = significant.filter((word) => /^\p{Lu}/u.test(word.value)).length
    const isTitle = capitals >= 3 * lowercaseOnes.length && ordinaryCapitals.length >= 2 && ordinaryCapitals.length > lowercaseOnes.length
    const isSentence = !isTitle && lowercaseOnes.length > 0 && ordinaryCapitals.length === 0
    return {lowercaseOnes, ordinaryCapitals, isTitle, isSentence}
  })
  let mode = style
  if (mode === 'consistent') {
    const titles = analysed.filter((headline) => headline.isTitle).length
    const sentences = analysed.filter((headline) => headline.isSentence).length
    mode = sentences > titles ? 'sentence' : 'title'
  }
  return {analysed, mode}
}

/** Report the words of `analysed` headlines that break the style `mode`. */
function reportHeadlines(
  analysed: readonly AnalysedHeadline[],
  mode: HeadlineCaseOptions['style'],
  lowercase: ReadonlySet<string>,
  style: HeadlineCaseOptions['style'],
  file: VFile,
): void {
  const place = fileLocation(file)
  for (const headline of analysed) {
    if (mode === 'title') {
      // In `consistent` mode a headline must itself read as title case to be held to it.
      if (style === 'consistent' && !headline.isTitle) continue
      for (const word of headline.lowercaseOnes) {
        report(file, place, word, capitalize(word.value), 'Lowercase', 'title-case')
      }
    } else {
      for (const word of headline.ordinaryCapitals) {
        const lower = word.value.toLowerCase()
        // Only words the story writes in lowercase: a capital there may be a name.
        if (!lowercase.has(lower) || word.value !== capitalize(lower)) continue
        report(file, place, word, lower, 'Capital', 'sentence-case')
      }
    }
  }
}

function report(file: VFile, place: ReturnType<typeof fileLocation>, word: HeadlineWord, expected: string, what: 'Lowercase' | 'Capital', style: string) {
  const message = file.message(`${what} \`${word.value}\` in a ${style} headline: \`${expected}\``, {
    place: {start: place.toPoint(word.start)!, end: place.toPoint(word.end)!},
  })
  message.actual = word.value
  message.expected = [expected]
}

/** The words of a headline, in order, with where a part of it starts. */
function headlineWords(paragraph: DocParagraph): HeadlineWord[] {
  const words: HeadlineWord[] = []
  let isStart = true
  let quotes = 0
  visit(paragraph.node, (node) => {
    if (node.type === 'WordNode') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) words.push({value: textOf(node), start, end, isStart, isQuoted: quotes % 2 === 1})
      isStart = false
      return 'skip'
    }
    if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      if (/["“”]/.test(node.value)) quotes++
      if (/[:—–?!"“‘(]/.test(node.value)) isStart = true
    }
  })
  return words
}

/**
 * Whether a lowercase word is everyday English: a dictionary word with a SUBTLEX count. The
 * spelling rule's compiled dictionary already carries the counts, so nothing is parsed here.
 */
function isCommonWord(word: string): boolean {
  const lookup = getLookup(dictionaryPackages['en-US'])
  return lookup.has(word) && lookup.frequency(word) > 0
}

/** A paragraph's words in lowercase, and the words it capitalizes inside a sentence (names, lowercased). */
interface ParagraphWords {
  readonly lowercase: ReadonlySet<string>
  readonly names: ReadonlySet<string>
}

/** {@link ParagraphWords} of plain-text paragraphs by text: the language server asks again after every keystroke. */
const wordsByText = new LRUCache<string, ParagraphWords>({max: 4000})

/** Words the body writes in lowercase, and words it capitalizes inside a sentence (names). */
function bodyWords(paragraphs: readonly DocParagraph[], file: VFile): {lowercase: ReadonlySet<string>; names: ReadonlySet<string>} {
  // Markdown: a paragraph's prose depends on more than its source text (code, references).
  const isPlain = file.data.headingRanges === undefined
  const lists = paragraphs
    .filter((paragraph) => !paragraph.isHeadline)
    .map((paragraph) => {
      let words = isPlain ? wordsByText.get(paragraph.text) : undefined
      if (!words) {
        words = paragraphWords(paragraph)
        if (isPlain) wordsByText.set(paragraph.text, words)
      }
      return words
    })
  const lowercase = new Set<string>()
  const names = new Set<string>()
  for (const words of lists) {
    for (const word of words.lowercase) lowercase.add(word)
    for (const word of words.names) names.add(word)
  }
  return {lowercase, names}
}

function paragraphWords(paragraph: DocParagraph): ParagraphWords {
  const lowercase = new Set<string>()
  const names = new Set<string>()
  for (const sentence of paragraph.sentences) {
    let index = 0
    for (const node of sentence.node.children) {
      if (node.type !== 'WordNode') continue
      const value = textOf(node)
      if (isPlainLowercase(value)) lowercase.add(value)
      else if (index > 0 && startsCapitalized(value)) names.add(value.toLowerCase())
      index++
    }
  }
  return {lowercase, names}
}

/** `Mediate`: a capital, then lowercase letters only. */
function isCapitalized(word: string): boolean {
  return /^\p{Lu}[\p{Ll}’'-]*$/u.test(word) || /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)+$/u.test(word)
}

/** `mediate`: letters, all lowercase (not `iPhone`, not `3D`, not `e.g`). */
function isPlainLowercase(word: string): boolean {
  // By character codes for plain ASCII words (every word of the body comes here), by Unicode classes for the rest.
  const length = word.length
  if (length === 0) return false
  for (let at = 0; at < length; at++) {
    const code = word.charCodeAt(at)
    if (code >= 97 && code <= 122) continue
    if (code >= 128) return /^\p{Ll}[\p{Ll}’'-]*$/u.test(word) && /\p{Ll}$/u.test(word)
    // `'` and `-` inside only.
    if ((code !== 39 && code !== 45) || at === 0 || at === length - 1) return false
  }
  return true
}

/** Whether a word starts with a capital letter. */
function startsCapitalized(word: string): boolean {
  const code = word.charCodeAt(0)
  return code < 128 ? code >= 65 && code <= 90 : /^\p{Lu}/u.test(word)
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * parse-english for plain text, with its tokens made at their place in the draft.
 *
 * parse-latin's tokenizer (which parse-english inherits) makes every token with points of its
 * own: a point where it starts, and two where it ends (a word's and its text's), each a copy,
 * counted from the start of the text parsed. A plain-text draft is parsed in chunks
 * (`parseInChunks`), so every point was then moved to the chunk's place and equal points were
 * shared (a token starts where the one before it ends), in a sentence plugin run before the
 * merges: on a draft of one-letter lines or of `(a ` repeated (a token per byte), the points
 * thrown away were a third of what the parse allocated, and all of them lived until the whole
 * chunk was tokenized (one line of 1 MiB is one chunk), so they reached the old generation.
 *
 * {@link tokenizeAt} makes the same tokens (a test compares them with parse-latin's, moved and
 * shared) with one point per boundary between tokens, at its place: a token's start is the end
 * of the token before it, a word's text ends at the word's end. The merges of parse-latin then
 * run on exactly the sentence they ran on before. Characters are classed as parse-latin classes
 * them (its own tokenizer is asked, once per character code), and tokens split where it splits them.
 */
import type {Root, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Processor} from 'unified'
import type {Point} from 'unist'

/** Where the text being parsed starts in the draft: its offset, and its first character's 1-based line and column. */
export interface Place {
  readonly start: number
  readonly line: number
  readonly column: number
}

const whiteSpace = 1
const punctuation = 2
const word = 3
const symbol = 4
const typeOf = ['', 'WhiteSpaceNode', 'PunctuationNode', 'WordNode', 'SymbolNode'] as const
const kindOf: Record<string, number> = {WhiteSpaceNode: whiteSpace, PunctuationNode: punctuation, WordNode: word, SymbolNode: symbol}

/** The class of each UTF-16 code unit, as parse-latin's tokenizer gives it (0: not asked yet). */
const kinds = new Uint8Array(0x10000)
const plain = new ParseEnglish()

/** The class parse-latin gives the code unit `code` (its tokenizer reads a text one code unit at a time). */
function classify(code: number): number {
  const [token] = ParseEnglish.prototype.tokenize.call(plain, String.fromCharCode(code))
  return (kinds[code] = kindOf[token.type])
}

/**
 * parse-latin's tokens of `value` (its `tokenize`), made at `place` in the draft, with one
 * point per boundary: a token starts at the end point of the token before it, and a word and
 * its text share their points (positions are each node's own).
 */
export function tokenizeAt(value: string, place: Place): SentenceContent[] {
  const children: SentenceContent[] = []
  if (!value) return children
  let line = place.line
  let column = place.column
  let offset = place.start
  let start: Point = {line, column, offset}
  let from = 0
  let previousKind = 0
  let previous = -1
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    const kind = kinds[code] || classify(code)
    // parse-latin: a word or white space goes on; punctuation and symbols go on only with the
    // same character again, or a surrogate.
    if (index > from && !(kind === previousKind && (kind === word || kind === whiteSpace || code === previous || (code >= 0xd800 && code <= 0xdfff)))) {
      const end: Point = {line, column, offset}
      children.push(token(previousKind, value.slice(from, index), start, end))
      from = index
      start = end
    }
    // parse-latin's lines: `\r`, and `\n` but not after `\r`.
    if (code === 13 || (code === 10 && previous !== 13)) {
      line++
      column = 1
    } else if (code !== 10) column++
    offset++
    previousKind = kind
    previous = code
  }
  children.push(token(previousKind, value.slice(from), start, {line, column, offset}))
  return children
}

function token(kind: number, value: string, start: Point, end: Point): SentenceContent {
  if (kind === word) return {type: 'WordNode', children: [{type: 'TextNode', value, position: {start, end}}], position: {start, end}}
  return {type: typeOf[kind] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode', value, position: {start, end}}
}

/** parse-english, its tokens made at a place in the draft ({@link tokenizeAt}). */
class PlacedParser extends ParseEnglish {
  constructor(private readonly place: Place) {
    super()
  }

  override tokenize(value?: string | null): SentenceContent[] {
    return tokenizeAt(value ?? '', this.place)
  }
}

/**
 * Parse `text`, which starts at `place` in the draft, as `retext-english` parses it for
 * `processor` (with the extensions retext plugins register on it), its tokens made at their place.
 */
export function parseAt(processor: Processor, text: string, place: Place): Root {
  const parser = new PlacedParser(place)
  // The extensions retext plugins register, as `retext-english` adds them.
  const add = <T>(list: T[], values: unknown) => {
    if (Array.isArray(values)) list.unshift(...(values as T[]))
  }
  add(parser.tokenizeParagraphPlugins, processor.data('nlcstParagraphExtensions'))
  add(parser.tokenizeRootPlugins, processor.data('nlcstRootExtensions'))
  add(parser.tokenizeSentencePlugins, processor.data('nlcstSentenceExtensions'))
  return parser.parse(text)
}

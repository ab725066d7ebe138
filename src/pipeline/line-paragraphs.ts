/**
 * Plain-text drafts: one paragraph per line.
 *
 * retext-english starts a new paragraph only at a blank line, and it starts a new sentence
 * only before a capital letter, so in wire copy, where every paragraph and every headline
 * sits on a line of its own, `…a week.\nfollowing this, Trump…` would be one sentence and
 * a headline would run into the paragraph below it. This transform splits paragraphs (and
 * the sentences that straddle them) at line breaks that end a paragraph. A line break
 * inside hard-wrapped prose — a long line that does not end a sentence — is kept inside
 * the paragraph.
 */
import type {Paragraph, Root, RootContent, Sentence, SentenceContent, WhiteSpace, Word} from 'nlcst'
import type {Point} from 'unist'
import {isTitleCase} from '../text/title-case.js'

/** Characters that may end a paragraph line (closing quotes and brackets included). */
const lineEnd = /[.!?:;…"”’)\]*]$/u
/** A line at least this long that ends in no punctuation is taken as hard-wrapped prose. */
const wrapWidth = 50

/** Split paragraphs at line breaks that end a line of their own (see module comment). */
export function splitLineParagraphs(tree: Root, text: string): void {
  const children: RootContent[] = []
  for (const child of tree.children) {
    // One at a time: a spread of 100,000 lines' nodes overflows the stack.
    if (child.type === 'ParagraphNode') for (const node of splitParagraph(child, text)) children.push(node)
    else children.push(child)
  }
  tree.children = children
}

function splitParagraph(paragraph: Paragraph, text: string): RootContent[] {
  const out: RootContent[] = []
  // The nodes of the sentence and of the paragraph being built: buffers reused from line to line
  // (the first `count` entries count), copied out with `slice`: an array of the exact length (a
  // grown one keeps room for 16 more, which on a draft of 100,000 short lines was a third of the
  // tree's memory), and no new buffer per line.
  const sentences: Array<Paragraph['children'][number]> = []
  let sentenceCount = 0
  const current: SentenceContent[] = []
  let currentCount = 0
  // Where the current line starts, to decide whether its line break ends a paragraph.
  let lineStart = paragraph.position?.start.offset ?? 0
  const breaksParagraph = (node: RootContent | SentenceContent): node is WhiteSpace => {
    if (node.type !== 'WhiteSpaceNode' || !node.value.includes('\n')) return false
    const at = node.position?.start.offset ?? lineStart
    const breaks = endsParagraph(text.slice(lineStart, at))
    // The next line starts after the last line break of this white space.
    lineStart = at + node.value.lastIndexOf('\n') + 1
    return breaks
  }

  const flushSentence = () => {
    // Leading and trailing white space belongs between sentences, not inside them.
    let first = 0
    while (first < currentCount && current[first].type === 'WhiteSpaceNode') first++
    let last = currentCount
    while (last > first && current[last - 1].type === 'WhiteSpaceNode') last--
    for (let at = 0; at < first; at++) sentences[sentenceCount++] = current[at] as WhiteSpace
    if (last > first) sentences[sentenceCount++] = sentence(current.slice(first, last))
    for (let at = last; at < currentCount; at++) sentences[sentenceCount++] = current[at] as WhiteSpace
    currentCount = 0
  }

  const flushParagraph = (separator?: WhiteSpace) => {
    flushSentence()
    let first = 0
    while (first < sentenceCount && sentences[first].type === 'WhiteSpaceNode') first++
    let last = sentenceCount
    while (last > first && sentences[last - 1].type === 'WhiteSpaceNode') last--
    for (let at = 0; at < first; at++) out.push(sentences[at])
    if (last > first) out.push(para(sentences.slice(first, last)))
    for (let at = last; at < sentenceCount; at++) out.push(sentences[at])
    if (separator) out.push(separator)
    sentenceCount = 0
  }

  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      // White space between sentences: a line break there may end the paragraph.
      if (breaksParagraph(child)) flushParagraph(child)
      else sentences[sentenceCount++] = child
      continue
    }

    for (const node of child.children) {
      if (node.type === 'WordNode') sharePosition(node)
      if (breaksParagraph(node)) {
        flushParagraph(node)
        continue
      }
      current[currentCount++] = node
    }
    flushSentence()
  }
  flushParagraph()
  return out
}

/**
 * A word of one text (most words) and its text span the same points: let them share one
 * position (parse-latin makes one each, and its merges, which set a word's end, are done by
 * now; nothing after them sets a position's fields). 40 bytes a word, for as long as the tree.
 */
function sharePosition(word: Word): void {
  if (word.children.length !== 1) return
  const text = word.children[0]
  const position = word.position
  if (position && text.position && text.position.start === position.start && text.position.end === position.end) text.position = position
}

/** Whether a line break after `line` ends a paragraph (not hard-wrapped prose). */
export function endsParagraph(line: string): boolean {
  const text = line.trim()
  if (text === '') return false
  // “Ukraine War: Trump Seeks to mediate as Russia Confirms Planning for Talks”: a headline.
  return lineEnd.test(text) || text.length < wrapWidth || isTitleCase(text)
}

function sentence(children: SentenceContent[]): Sentence {
  return {type: 'SentenceNode', children, position: span(children)}
}

function para(children: Paragraph['children']): Paragraph {
  return {type: 'ParagraphNode', children, position: span(children)}
}

function span(nodes: ReadonlyArray<{position?: Sentence['position']}>): Sentence['position'] {
  const start = nodes[0]?.position?.start
  const end = nodes.at(-1)?.position?.end
  return start && end ? {start, end} : undefined
}

/** parse-latin's white space: a run of these is one white-space node. */
const whiteSpace = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/

/** A stretch of the draft that parses on its own. */
export interface Chunk {
  /** Offset of its first character. */
  readonly start: number
  /** Offset just past its last character. */
  readonly end: number
  /** 1-based line and column of its first character. */
  readonly line: number
  readonly column: number
  readonly text: string
  /**
   * The chunk ends with a sentence mark and the next line goes on in lowercase: parse-latin,
   * given both, joins them into one sentence, which makes a full stop at the end of this chunk
   * part of the word before it (`week.` in `…a week.` / `following this, …`). Parsed alone,
   * the chunk gets that join from {@link joinFinalStop}.
   */
  readonly joinsNext?: boolean
}

/** Options of {@link splitChunks}. */
export interface ChunkOptions {
  /**
   * Also cut where a line that ends with a sentence mark is followed by one in lowercase; the
   * chunk before such a cut must then be parsed with {@link parseChunkText} (or have
   * {@link joinFinalStop} applied). Without it, such lines stay in one chunk (the language
   * server's engine keeps its chunks by text alone).
   */
  readonly afterSentenceMark?: boolean
}

/**
 * Cut a plain-text draft into chunks that parse alone. A chunk ends where a line that ends a
 * paragraph ends (before its line break) and the next line starts with a capital letter; the
 * next chunk starts with the white space between them. So parse-latin can join no sentence
 * across the cut: it joins a sentence to the one before when it starts in lowercase, with a
 * digit or with punctuation, and it joins a sentence that ends in an abbreviation (`et al.`)
 * to the next, which changes nothing in the chunk before (the point joins the word either way).
 *
 * With `afterSentenceMark`, a chunk also ends where a line that ends with a sentence mark is
 * followed by one that starts in lowercase (made-up words a line, a machine translation's
 * `…a week.` / `following this, …`): parse-latin joins the two into one sentence, which changes
 * only the chunk's final full stop (part of the word before it then, see {@link joinFinalStop}),
 * and such a chunk says so (`joinsNext`). Without it, a draft of such lines was one chunk: one
 * sentence for parse-latin, whose merges splice it at every full stop (4 MiB: over a minute),
 * and one window (the whole tree in memory).
 *
 * With `minimum`, a chunk is cut only once it holds that many characters: consecutive chunks
 * together parse into their nodes as well, and a draft of a million one-letter lines is then
 * not a million chunks (each a parse and an object with its text: 200 MB at 4 MiB).
 */
export function splitChunks(text: string, minimum = 0, options: ChunkOptions = {}): Chunk[] {
  const chunks: Chunk[] = []
  let chunkStart = 0
  let chunkLine = 1
  let chunkColumn = 1
  let lineStart = 0
  let from = 0
  let carryHasText: boolean = false
  let carryHasWord: boolean = false
  for (;;) {
    const newline = text.indexOf('\n', from)
    if (newline === -1) break
    let runStart = newline
    while (runStart > lineStart && whiteSpace.test(text[runStart - 1])) runStart--
    let runEnd = newline + 1
    while (runEnd < text.length && whiteSpace.test(text[runEnd])) runEnd++
    let lastNewline = newline
    for (let at = newline; at < runEnd; at++) if (text.charCodeAt(at) === 10) lastNewline = at
    // The text since the last sentence mark: a sentence of no words (`—`) would be merged into
    // the one before it in a chunk, but has the next line's words in the whole text.
    const line = text.slice(lineStart, runStart)
    let mark = line.length - 1
    while (mark >= 0 && !sentenceMark.test(line[mark])) mark--
    const tail = mark >= 0 ? line.slice(mark + 1) : line
    const tailHasText: boolean = (mark < 0 && carryHasText) || /\S/.test(tail)
    const tailHasWord: boolean = (mark < 0 && carryHasWord) || wordCharacter.test(tail)
    carryHasText = tailHasText
    carryHasWord = tailHasWord
    const joinsNext = options.afterSentenceMark === true && continuesSentence(text, runStart, runEnd)
    if (
      runStart > chunkStart &&
      runStart - chunkStart >= minimum &&
      runEnd < text.length &&
      (joinsNext || startsChunk(text, runStart, runEnd)) &&
      endsParagraph(line) &&
      (!tailHasText || tailHasWord)
    ) {
      carryHasText = false
      carryHasWord = false
      const chunkText = text.slice(chunkStart, runStart)
      chunks.push(
        joinsNext
          ? {start: chunkStart, end: runStart, line: chunkLine, column: chunkColumn, text: chunkText, joinsNext}
          : {start: chunkStart, end: runStart, line: chunkLine, column: chunkColumn, text: chunkText},
      )
      chunkStart = runStart
      chunkLine += lineBreaks(chunkText)
      // The column after the last line break before the cut: a search back within this line
      // (a `lastIndexOf('\r')` over the whole draft made many short lines quadratic).
      let lineBreak = runStart - 1
      while (lineBreak >= 0 && text.charCodeAt(lineBreak) !== 10 && text.charCodeAt(lineBreak) !== 13) lineBreak--
      chunkColumn = runStart - lineBreak
    }
    lineStart = lastNewline + 1
    from = runEnd
  }
  chunks.push({start: chunkStart, end: text.length, line: chunkLine, column: chunkColumn, text: text.slice(chunkStart)})
  return chunks
}

const capital = /\p{Lu}/u
const letter = /\p{L}/u

/**
 * Whether the line after the break `[runStart, runEnd)` may start a chunk: it starts with a
 * capital letter, or with any letter after a line that ends in a letter or digit (no sentence
 * mark there for parse-latin to join across: `vs.` or `etc.` before a lowercase word joins it).
 */
function startsChunk(text: string, runStart: number, runEnd: number): boolean {
  const next = text[runEnd]
  return capital.test(next) || (letter.test(next) && wordCharacter.test(text[runStart - 1]))
}
const lowercase = /\p{Ll}/u

/**
 * Whether the line after the break `[runStart, runEnd)` goes on with the sentence before it
 * for parse-latin: the line before ends with a sentence mark, and this one starts with a
 * lowercase letter (a line of made-up words, a machine translation's `following this, …`).
 */
function continuesSentence(text: string, runStart: number, runEnd: number): boolean {
  return sentenceMark.test(text[runStart - 1]) && lowercase.test(text[runEnd])
}

/**
 * A chunk that ends where the sentence goes on in lowercase on the next line (`joinsNext`),
 * as the whole draft's parse gives it: parse-latin's last merge of full stops
 * (`mergeRemainingFullStops`) makes a full stop that ends a sentence which goes on part of
 * the word before it. Its other merges across such a line break join the next line's
 * sentence to this one, and the line paragraphs split them again ({@link splitLineParagraphs}).
 * Applied to the tree of the chunk alone, before the line paragraphs.
 */
export function joinFinalStop(tree: Root): void {
  const paragraph = tree.children.at(-1)
  if (paragraph?.type !== 'ParagraphNode') return
  const sentence = paragraph.children.at(-1)
  if (sentence?.type !== 'SentenceNode') return
  const stop = sentence.children.at(-1)
  const word = sentence.children.at(-2)
  if (stop?.type !== 'PunctuationNode' || stop.value !== '.' || word?.type !== 'WordNode') return
  sentence.children.pop()
  word.children.push(stop)
  if (stop.position && word.position) word.position.end = stop.position.end
}

/** Parse a chunk's text with `parse` as the whole draft's parse has it (see {@link joinFinalStop}). */
export function parseChunkText(chunk: Chunk, parse: (text: string) => Root): Root {
  const tree = parse(chunk.text)
  if (chunk.joinsNext) joinFinalStop(tree)
  return tree
}

/** Characters that end a sentence for parse-latin. */
const sentenceMark = /[.!?\u2026\u203D]/
/** Characters of a word for parse-latin (letters and digits at least). */
const wordCharacter = /[\p{L}\d]/u

/** Line breaks as parse-latin counts them: `\r`, and `\n` but not after `\r`. */
function lineBreaks(text: string): number {
  let count = 0
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code === 13 || (code === 10 && text.charCodeAt(at - 1) !== 13)) count++
  }
  return count
}

/**
 * Characters of a chunk that {@link parseInChunks} parses, at least: a parse of each line of a
 * draft of 100,000 one-letter lines cost more in parser calls than in parsing (and the chunks'
 * texts), and a few kilobytes keep parse-latin's merges within a chunk cheap.
 */
const parseChunkSize = 2048

/**
 * Parse a plain-text draft chunk by chunk ({@link splitChunks}) with `parse` (the processor's
 * parser) and lay the chunks' nodes side by side at their places in the draft.
 *
 * parse-latin tokenizes a whole text as one sentence and then splits it, and its plugins splice
 * that sentence and the paragraph of all sentences at each merge (`don't`, `U.S.`): its cost grows
 * with the square of the text (1 MB of prose: 5 s in one plugin). Chunks keep that per chunk.
 * The tree differs from the whole text's only where the paragraphs split at line ends anyway,
 * so after {@link splitLineParagraphs} it is the same (`tests/pipeline/text-chunks.test.ts`;
 * the language server's incremental engine relies on the same cut).
 *
 * `parse` gets the chunk too: a parser that makes its tokens at the chunk's place
 * (`parseAt` in `placed-parser.ts`, as the processor's does) gives a tree that is already in place; a tree
 * parsed at the start of the text is moved there.
 */
export function parseInChunks(text: string, parse: (text: string, chunk: Chunk) => Root): Root {
  const chunks = splitChunks(text, parseChunkSize, {afterSentenceMark: true})
  if (chunks.length === 1) return parse(text, chunks[0])
  const children: RootContent[] = []
  for (const chunk of chunks) {
    const tree = parseChunkText(chunk, (chunkText) => parse(chunkText, chunk))
    // Placed already, or parsed at the start of the text (every chunk but the first starts later).
    const isPlaced = tree.children[0]?.position?.start.offset === chunk.start
    const shift = {offset: chunk.start, lines: chunk.line - 1, columns: chunk.column - 1}
    for (const child of tree.children) {
      if (!isPlaced) place(child, shift)
      children.push(child)
    }
  }
  const first = children[0]?.position
  const last = children.at(-1)?.position
  const tree: Root = {type: 'RootNode', children}
  if (first && last) tree.position = {start: {...first.start}, end: {...last.end}}
  return tree
}

/**
 * Move a node parsed at the start of the text to `shift` (columns move on its first line only).
 * New points: parse-latin shares point objects between a node and its first or last child.
 */
function place(node: RootContent | SentenceContent, shift: {offset: number; lines: number; columns: number}): void {
  const position = node.position
  if (position) {
    const moved = (point: Point): Point => ({
      line: point.line + shift.lines,
      column: point.line === 1 ? point.column + shift.columns : point.column,
      offset: point.offset === undefined ? undefined : point.offset + shift.offset,
    })
    node.position = {start: moved(position.start), end: moved(position.end)}
  }
  if ('children' in node) for (const child of node.children as Array<RootContent | SentenceContent>) place(child, shift)
}

/**
 * The document model: computed once per file and shared by the rules.
 *
 * Lines, paragraphs and sentences with their offsets, and which paragraphs are headlines
 * (a draft's first line, Markdown headings, and short title-like lines between paragraphs).
 */
import type {Paragraph, Root, RootContent, Sentence} from 'nlcst'
import {textOf, SKIP, walk as visit} from './walk.js'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
// `file.data.headingRanges` (Markdown headings) is the engine's data, typed in `src/rule.ts`.
import {isTitleCase, type HeadingRange} from '../../src/rule.js'

/** A line of the source text. */
export interface DocLine {
  /** 1-based line number. */
  readonly line: number
  /** The text, without its line ending. */
  readonly text: string
  /** Offset of its first character. */
  readonly start: number
  /** Offset just past its last character (before the line ending). */
  readonly end: number
}

/** A paragraph: a block of prose, or a headline. */
export interface DocParagraph {
  readonly node: Paragraph
  readonly text: string
  readonly start: number
  readonly end: number
  /** 1-based line of its start. */
  readonly line: number
  /** Whether it is a headline (title, heading, subheading, attribution line). */
  readonly isHeadline: boolean
  readonly sentences: readonly DocSentence[]
}

/** A sentence with its place. */
export interface DocSentence {
  readonly node: Sentence
  readonly text: string
  readonly start: number
  readonly end: number
  /** 1-based line of its start. */
  readonly line: number
  readonly paragraph: DocParagraph
  /** Index within its paragraph. */
  readonly index: number
}

/** What the rules share about one file. */
export interface Document {
  readonly text: string
  readonly lines: readonly DocLine[]
  readonly paragraphs: readonly DocParagraph[]
  readonly sentences: readonly DocSentence[]
}

const cache = new WeakMap<Root, Document>()
const partCache = new WeakMap<readonly RootContent[], Document>()

/** The document model of `tree` (computed on first use, then cached for the file's run). */
export function getDocument(tree: Root, file: VFile): Document {
  let document = cache.get(tree)
  if (!document) cache.set(tree, (document = buildDocument([tree], firstParagraph(tree, file), file)))
  return document
}

/**
 * The document model of a part of `tree` (`nodes`, children of its root, in order): its
 * paragraphs and sentences exactly as {@link getDocument} has them (whether a paragraph is the
 * draft's first is asked of the whole tree), for a rule that reports on some parts only
 * (`copydeskPartial`). Cached per `nodes` array.
 */
export function getPartDocument(tree: Root, nodes: readonly RootContent[], file: VFile): Document {
  let document = partCache.get(nodes)
  if (!document) partCache.set(nodes, (document = windowDocument(tree, nodes, file) ?? buildDocument(nodes, firstParagraph(tree, file), file)))
  return document
}

/**
 * In a windowed lint, the document of a window's nodes (`nodes`, the last children of the run's
 * tree, after the paragraph before the window) as the tail of the tree's document: the rules of
 * the whole document ask for the window's, the paragraph rules for the tree's, and the two were
 * built apart in every run (on a draft of one-letter lines, a tenth of the lint). The same
 * objects: a paragraph's entry depends on its node, the text and the draft's first paragraph alone.
 */
function windowDocument(tree: Root, nodes: readonly RootContent[], file: VFile): Document | undefined {
  const skip = tree.children.length - nodes.length
  if (file.data.copydeskWindow?.nodes !== nodes || skip < 0 || tree.children[skip] !== nodes[0]) return undefined
  const whole = getDocument(tree, file)
  // The paragraphs and sentences of the nodes before the window (the paragraph before it).
  let paragraphs = 0
  let sentences = 0
  for (let index = 0; index < skip; index++)
    visit(tree.children[index], 'ParagraphNode', (node) => {
      paragraphs++
      for (const child of node.children) if (child.type === 'SentenceNode') sentences++
      return SKIP
    })
  return {
    text: whole.text,
    get lines() {
      return whole.lines
    },
    paragraphs: whole.paragraphs.slice(paragraphs),
    sentences: whole.sentences.slice(sentences),
  }
}

/**
 * The first paragraph of the tree (preorder), which may be a headline without looking like one;
 * in a windowed lint, of the draft (the tree holds a window of it).
 */
function firstParagraph(tree: Root, file: VFile): Paragraph | undefined {
  const window = file.data.copydeskWindow
  if (window) {
    const start = window.firstParagraph
    return tree.children.find((node): node is Paragraph => node.type === 'ParagraphNode' && node.position?.start.offset === start)
  }
  let first: Paragraph | undefined
  visit(tree, 'ParagraphNode', (node) => {
    first = node
    return false
  })
  return first
}

function buildDocument(roots: ReadonlyArray<Root | RootContent>, first: Paragraph | undefined, file: VFile): Document {
  const text = String(file.value ?? '')
  const headingRanges: readonly HeadingRange[] | undefined = file.data.headingRanges
  const paragraphs: DocParagraph[] = []
  const sentences: DocSentence[] = []

  for (const root of roots)
    visit(root, 'ParagraphNode', (node) => {
      const start = node.position?.start.offset ?? 0
      const end = node.position?.end.offset ?? start
      const paragraphText = text.slice(start, end)
      const isHeading = headingRanges ? headingRanges.some(([from, to]) => start >= from && end <= to) : looksLikeHeadline(paragraphText, node === first)
      // Of its exact length: an array grown from `[]` keeps room for 17 (136 bytes), for as long
      // as the document; most paragraphs of a draft of short lines have one sentence.
      let count = 0
      for (const child of node.children) if (child.type === 'SentenceNode') count++
      const list = new Array<DocSentence>(count)
      const paragraph: DocParagraph = {
        node,
        text: paragraphText,
        start,
        end,
        line: node.position?.start.line ?? 1,
        isHeadline: isHeading,
        sentences: list,
      }
      let index = 0
      for (const child of node.children) {
        if (child.type !== 'SentenceNode') continue
        const sentenceStart = child.position?.start.offset ?? start
        const sentenceEnd = child.position?.end.offset ?? sentenceStart
        const sentence: DocSentence = {
          node: child,
          text: text.slice(sentenceStart, sentenceEnd) || textOf(child),
          start: sentenceStart,
          end: sentenceEnd,
          line: child.position?.start.line ?? paragraph.line,
          paragraph,
          index,
        }
        list[index++] = sentence
        sentences.push(sentence)
      }
      paragraphs.push(paragraph)
      // No paragraph inside a paragraph: its words need no visit.
      return SKIP
    })

  let lines: DocLine[] | undefined
  return {
    text,
    // Split on first use: only `duplicate-line` reads the lines.
    get lines() {
      return (lines ??= splitLines(text))
    },
    paragraphs,
    sentences,
  }
}

const locations = new WeakMap<VFile, {text: string; place: ReturnType<typeof location>}>()

/**
 * Where a paragraph rule's checking starts. In the report pass of a windowed lint the tree
 * holds, before the window, the paragraph before it: there to be read (does this paragraph
 * go on from it?), but its messages are the previous window's and the lint drops them. A
 * paragraph rule need not check nodes that end by the window's start (in prose whose
 * paragraphs are whole speeches, that paragraph was half the tree). Elsewhere 0: everything.
 */
export function checkedFrom(file: VFile): number {
  const window = file.data.copydeskWindow
  return window?.pass === 'report' ? window.start : 0
}

/** The nodes a paragraph rule checks (see {@link checkedFrom}): the tree, or the root's children after the paragraph before the window. */
export function checkedNodes(tree: Root, file: VFile): readonly (Root | RootContent)[] {
  const from = checkedFrom(file)
  if (from === 0) return [tree]
  return tree.children.filter((node) => (node.position?.end.offset ?? from + 1) > from)
}

/**
 * `location(file)` of vfile-location, shared by the rules while the file's text is the same:
 * a windowed lint runs each rule once per window, and each fresh index read the draft again
 * up to the window.
 */
export function fileLocation(file: VFile): ReturnType<typeof location> {
  const text = String(file.value ?? '')
  let entry = locations.get(file)
  if (entry?.text !== text) locations.set(file, (entry = {text, place: location(text)}))
  return entry.place
}

/** Split text into lines (LF, CRLF or CR endings), with offsets. */
export function splitLines(text: string): DocLine[] {
  const lines: DocLine[] = []
  const pattern = /\r\n|\r|\n/g
  let start = 0
  let line = 1
  for (const match of text.matchAll(pattern)) {
    lines.push({line: line++, text: text.slice(start, match.index), start, end: match.index})
    start = match.index + match[0].length
  }
  lines.push({line, text: text.slice(start), start, end: text.length})
  return lines
}

/**
 * Whether a plain-text paragraph is a headline: one line, no sentence-ending period, and
 * short; title-like (most significant words capitalized) unless it is the draft's first line.
 */
export function looksLikeHeadline(text: string, isFirst: boolean): boolean {
  const trimmed = text.trim()
  if (trimmed === '' || /[\r\n]/.test(trimmed)) return false
  if (/[.,;]["”’)]?$/.test(trimmed)) return false
  // Sixteen words need 31 characters at least (a word and a space each, less a space).
  if (trimmed.length >= 31 && trimmed.split(/\s+/).length > 15) return false
  if (isFirst) return true
  return isTitleCase(trimmed)
}

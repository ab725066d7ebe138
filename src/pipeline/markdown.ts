/**
 * Markdown drafts: `remark-parse` (with `remark-frontmatter`) reads the file, the prose is
 * turned into nlcst (`mdast-util-to-nlcst`) and the retext processor of the rules runs on it
 * (bridge mode), then control comments filter the messages.
 *
 * What is prose: text, emphasis, link text, image alt text, headings. What is not, and so is
 * never flagged: code blocks and HTML (not converted at all), front matter (`yaml`, `toml`),
 * inline code and autolinks (`SourceNode`s, which rules skip), link and image URLs (not text).
 *
 * Three things `remark-retext` would get wrong, done here instead:
 * - its bridge mode tokenizes with `parse-latin`; we use `parse-english` (with the processor's
 *   extensions, as `retext-english` does), so `Dr. Smith` and `U.S.` do not end sentences;
 * - `mdast-util-to-nlcst` places tokens by the length of the *parsed* text, which drifts from
 *   the file where Markdown dropped characters (`> ` and indentation of continuation lines,
 *   `\*` escapes, `&amp;` references, spaces before a line break). Positions are re-aligned
 *   to the source below, so every message points into the original file;
 * - `mdast-util-to-nlcst` tokenizes the whole document as one sentence, in time that grows with
 *   its square; `./to-nlcst.ts` gives the same tree block by block, in linear time.
 */
import type {Heading, Html, List, Nodes as MdastNodes, Paragraph, Root as MdastRoot, RootContent} from 'mdast'
import type {Construct, Extension, TokenizeContext} from 'micromark-util-types'
import type {Root, Node as NlcstNode} from 'nlcst'
import type {Point} from 'unist'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import {messageControl} from 'unified-message-control'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {VFileMessage} from 'vfile-message'
import {toNlcst} from './to-nlcst.js'
// micromark's event edits in linear time (nested lists were quadratic).
import './edit-map.js'
import {installDocument} from './micromark-document.js'
import {installInline} from './micromark-inline.js'

// micromark's lazy lines in linear time (a long quote of shrinking depth was quadratic).
await installDocument()
// micromark's inline events merged after emphasis and links are resolved (fewer events).
await installInline()

/** The prefix of control comments: `<!-- copydesk-disable rule-id -->`. */
export const controlName = 'copydesk'

/**
 * The Markdown processor around `retext` (the rules' processor, parser included): parse
 * Markdown, set `file.data.headingRanges`, run the rules on the prose, apply control comments.
 */
export function createMarkdownProcessor(retext: Processor<Root>, ruleIds: readonly string[]): Processor<MdastRoot, MdastRoot, MdastRoot> {
  const destination = retext.freeze()
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(boundedParse)
    .use(function bridge() {
      return async (tree: MdastRoot, file: VFile) => {
        file.data.headingRanges = headingRanges(tree)
        const nlcst = markdownToNlcst(tree, file, destination)
        await destination.run(nlcst, file)
        applyControlComments(tree, file, ruleIds)
      }
    }) as unknown as Processor<MdastRoot, MdastRoot, MdastRoot>
}

/**
 * How deep block structure may go, in columns of a line's container prefix (indentation,
 * `>` and list markers): 32, that is 16 levels of `- `, 32 `>` or 8 levels indented by four
 * spaces, while real drafts rarely go past 5. micromark's cost grows with the square of the
 * nesting on a line (2,000 `- ` on one line: 3 s; a 4 MB list nested by indentation: minutes
 * and gigabytes) and, capped, with the levels it reads: 1 MiB of 100 `- ` a line took 21 s of
 * CPU and 430 MB read to column 64, 10.7 s and 400 MB to column 32; 1 MiB of quotes 100 deep
 * 580 -> 375 MB (issue 17). Beyond this column the prefix is read as text.
 */
export const maxPrefixColumns = 32

/** A draft with its over-deep container prefixes made inert, and how to undo that in the tree. */
export interface CappedNesting {
  /** The text to parse: same length and lines as the draft. */
  readonly text: string
  /** Put the draft's own characters back into the parsed text (a no-op when nothing was capped). */
  readonly restore: (tree: MdastRoot) => void
}

/** A line's container prefix: spaces, tabs, `>` and list markers followed by a space. */
const containerPrefix = /(?:[ \t>]|[-*+](?=[ \t\r\n]|$)|\d{1,9}[.)](?=[ \t\r\n]|$))+/y

/**
 * Cap the nesting of block quotes, lists and indentation (see {@link maxPrefixColumns}): each
 * character of a line's container prefix past that column is swapped for a private-use
 * character (one that the draft does not contain) that micromark reads as a letter, so the
 * rest of the line is text in the deepest allowed block. Lengths and line breaks do not
 * change, so positions still point into the draft; `restore` puts the draft's characters
 * back into text nodes and image alt text, so the rules read what the writer wrote.
 */
export function capNesting(draft: string, limit = maxPrefixColumns): CappedNesting {
  const unchanged: CappedNesting = {text: draft, restore() {}}
  if (draft.length <= limit) return unchanged
  // The offsets to swap, found first: most drafts have none.
  const swaps: number[] = []
  let lineStart = 0
  while (lineStart < draft.length) {
    containerPrefix.lastIndex = lineStart
    const match = containerPrefix.exec(draft)
    // A prefix shorter than a quarter of the limit cannot reach it (a tab is at most 4 columns).
    if (match && match[0].length * 4 > limit) {
      let column = 0
      for (let index = 0; index < match[0].length; index++) {
        if (column >= limit) swaps.push(lineStart + index)
        column += match[0][index] === '\t' ? 4 - (column % 4) : 1
      }
    }
    const next = draft.indexOf('\n', lineStart)
    if (next === -1) break
    lineStart = next + 1
  }
  if (swaps.length === 0) return unchanged
  // Private-use characters stand for the prefix characters (base + code, all below 0x80).
  const base = [0xe000, 0xe100, 0xf000, 0xf800].find((candidate) => !hasRange(draft, candidate))
  let text = ''
  let last = 0
  for (const at of swaps) {
    text += draft.slice(last, at) + (base === undefined ? 'x' : String.fromCharCode(base + draft.charCodeAt(at)))
    last = at + 1
  }
  text += draft.slice(last)
  if (base === undefined) return {text, restore() {}}
  const swapped = new RegExp(`[\\u${base.toString(16)}-\\u${(base + 0x7f).toString(16)}]`, 'g')
  const back = (value: string) => value.replace(swapped, (character) => String.fromCharCode(character.charCodeAt(0) - base))
  return {
    text,
    restore(tree) {
      eachNode(tree, (node) => {
        // Text, and code, HTML and front matter, whose values the rules do not read but control comments do.
        if ('value' in node) node.value = back(node.value)
        else if (node.type === 'image' && node.alt) node.alt = back(node.alt)
      })
    },
  }
}

/** Whether `text` has a character in `[base, base + 0x80)`. */
function hasRange(text: string, base: number): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code >= base && code < base + 0x80) return true
  }
  return false
}

/**
 * Parse with over-deep nesting capped ({@link capNesting}) and a long draft in pieces
 * ({@link parseInPieces}): wraps the parser remark-parse set.
 */
export function boundedParse(this: Processor, options: PieceOptions = {}) {
  const self = this as unknown as Processor<MdastRoot>
  const parse = self.parser
  if (!parse) return
  const definitions = definitionTable()
  const extensions = self.data('micromarkExtensions') ?? []
  self.data('micromarkExtensions', [...extensions, definitions.extension])
  self.parser = (document, file) => {
    const capped = capNesting(document)
    const joined = joinPlainLines(capped.text)
    const tree = parseInPieces(joined.text, (piece, known, missed) => definitions.parse(known, missed, () => parse(piece, file)), {...options, lineEnd: joined.lineEnd})
    joined.restore(tree)
    capped.restore(tree)
    return tree
  }
}

/**
 * The most micromark is given at once, in UTF-16 code units. micromark keeps every event of
 * what it parses until the end, a few kilobytes for each line, emphasis mark or bracket (1 MB
 * of one-letter lines in one paragraph: 2.4 GB and 22 s; 1 MB of `*a _b `: 0.9 GB), and its
 * cost per line grows with the length of the paragraph. A longer draft is parsed in pieces of
 * about this size ({@link parseInPieces}); a draft this long or shorter in one go.
 */
export const pieceLength = 32 * 1024

/**
 * A cut inside a line (at a space) only where the line began at least this far before it: a
 * line's first characters decide what block it starts, and the piece before the cut ends with
 * the line cut short.
 */
export const minimumLineBeforeCut = 4096

/** How {@link parseInPieces} cuts: sizes are parameters so that tests can use small ones. */
export interface PieceOptions {
  readonly length?: number
  readonly lineBeforeCut?: number
  /** A character that stands for a line end ({@link joinPlainLines}): a cut may follow it too. */
  readonly lineEnd?: string
}

/**
 * Parse `text` in pieces of about {@link pieceLength}, each piece by `parse` (given the
 * definitions of link references known so far), into the tree a parse of the whole gives.
 *
 * A piece ends at a line end (or, in a line begun at least {@link minimumLineBeforeCut}
 * earlier, at a space) before a letter, where no block can start. Its parse is trusted up to
 * its last top-level block that starts a clean line ({@link restartAt}): the blocks before that
 * one were closed by text inside the piece, and the next piece starts again at that line (a
 * fresh parse from there, with nothing open, is what the whole parse does). Only when that
 * last block is a
 * paragraph that began at the start of the piece (a paragraph of more than half a piece) is it
 * cut: the next piece starts at the cut, where the paragraph goes on (the line after the cut
 * starts with a letter, so it continues the paragraph), and its first paragraph is joined to
 * this one (made a heading if a setext underline ends it). That is the one place a result can
 * differ from a whole parse: emphasis, a link or a code span does not run across such a cut.
 * A list longer than a piece, with no line that starts with a letter, is cut before one of its
 * items instead ({@link itemCutAfter}, {@link listGoesOn}): the next piece starts with that item,
 * and its first list's items join the list (the same tree). When no cut is possible (a block
 * quote or code block longer than a piece, a list cut nowhere), the rest is parsed in one go.
 *
 * References to definitions in a later piece: `parse` is given the labels defined in the
 * pieces before (`known`, as micromark normalizes them) and records in `missed` each label
 * micromark looked up and found undefined; a piece that missed a label defined in a later
 * piece is parsed again with all of them. (micromark reads its definitions only through that
 * lookup, so a piece that missed none of them parses the same.)
 */
export function parseInPieces(text: string, parse: (text: string, known: ReadonlySet<string>, missed: Set<string>) => MdastRoot, options: PieceOptions = {}): MdastRoot {
  const length = options.length ?? pieceLength
  const lineBeforeCut = options.lineBeforeCut ?? minimumLineBeforeCut
  const lineEnd = options.lineEnd?.charCodeAt(0) ?? 10
  if (text.length <= length) return parse(text, new Set(), new Set())
  const place = location(text)
  const floor = frontMatterEnd(text)
  const known = new Set<string>()
  interface Piece {
    readonly start: number
    readonly end: number
    tree: MdastRoot
    /** Whether the first child continues the last paragraph of the piece before. */
    readonly joins: boolean
    /** Whether the first child (a list) holds the next items of the last list of the piece before ({@link itemCutAfter}). */
    readonly joinsList?: boolean
    /** How many children to keep (the others are parsed again by the next piece): all when undefined. */
    keep?: number
    /** The labels its parse looked up and did not find. */
    missed: Set<string>
  }
  const pieces: Piece[] = []
  const parsePiece = (start: number, end: number, missed: Set<string>): MdastRoot => {
    missed.clear()
    const tree = parse(text.slice(start, end), known, missed)
    shiftTree(tree, start, place)
    return tree
  }
  /** Take a piece with the blocks it keeps, and learn their definitions (as micromark writes labels). */
  const take = (piece: Piece) => {
    const kept = piece.keep === undefined ? piece.tree.children : piece.tree.children.slice(0, piece.keep)
    for (const node of kept) learnDefinitions(node, known)
    pieces.push(piece)
  }
  /** Parse again from the last piece taken to the end of the draft, in one go (a cut that did not hold). */
  const takeRestFromLast = () => {
    const previous = pieces.pop()!
    const {start, joins, joinsList, missed} = previous
    take({start, end: text.length, tree: parsePiece(start, text.length, missed), joins, joinsList, missed})
  }
  let start = 0
  let joins = false
  let joinsList = false
  let restart: {index: number; offset: number} | undefined
  while (start < text.length) {
    const end = cutAfter(text, start, length, lineBeforeCut, floor, lineEnd)
    const missed = new Set<string>()
    let tree: MdastRoot | undefined
    // No cut before a letter within a piece (a long list, whose lines start with markers): try
    // one before a list item that goes on with the last list (see `itemCutAfter`).
    const itemEnd = end - start > length && !joins ? itemCutAfter(text, start, length, floor, end) : undefined
    if (itemEnd !== undefined) {
      tree = parsePiece(start, itemEnd, missed)
      if ((!joinsList || startsList(tree, start)) && listGoesOn(text, tree, itemEnd)) {
        take({start, end: itemEnd, tree, joins, joinsList, missed})
        start = itemEnd
        joinsList = true
        continue
      }
      tree = undefined
    }
    tree ??= parsePiece(start, end, missed)
    if (joinsList && !startsList(tree, start)) {
      // The piece after an item cut does not start with the list's next items: the list from its last piece in one go.
      takeRestFromLast()
      break
    }
    const piece: Piece = {start, end, tree, joins, joinsList, missed}
    joinsList = false
    const first = tree.children[0]
    if (start === 0 && /^(?:---|\+\+\+)[ \t]*\r?\n/.test(text) && (first?.type as string) !== 'yaml' && (first?.type as string) !== 'toml') {
      // A `---` that does not open front matter leaves micromark unable to start a list with an
      // empty item for the rest of the draft, which a fresh parse of a piece would not copy.
      return parse(text, new Set(), new Set())
    }
    if (joins && ((first?.type !== 'paragraph' && first?.type !== 'heading') || first.position?.start.offset !== start)) {
      // The piece after a cut does not start with the rest of the paragraph (`[a]: b` is a
      // definition at the start of a piece): the paragraph from its last piece in one go.
      takeRestFromLast()
      break
    }
    if (end === text.length) {
      take(piece)
      break
    }
    const last = tree.children.at(-1)
    const lastLine = last ? lineStartOf(text, last) : start
    const lastEnd = last?.position?.end.offset ?? -1
    if (last?.type === 'paragraph' && lastLine <= start && lastEnd >= end - separatorLength(text, end) && lastEnd <= end) {
      // A long paragraph: cut it, the next piece goes on with it.
      take(piece)
      start = end
      joins = true
    } else if ((restart = restartAt(text, tree.children, start)) !== undefined) {
      // Start again where the last block starts: the blocks before it are final.
      piece.keep = restart.index
      take(piece)
      start = restart.offset
      joins = false
    } else {
      // A block longer than a piece that cannot be cut: the rest in one go.
      take({start, end: text.length, tree: parsePiece(start, text.length, missed), joins, joinsList: piece.joinsList, missed})
      break
    }
  }

  // Parse again a piece that looked up a label defined after it.
  for (const piece of pieces) {
    if (![...piece.missed].some((label) => known.has(label))) continue
    piece.tree = parsePiece(piece.start, piece.end, piece.missed)
  }

  const children: RootContent[] = []
  let open: Paragraph | Heading | undefined
  for (const piece of pieces) {
    const nodes = piece.keep === undefined ? piece.tree.children : piece.tree.children.slice(0, piece.keep)
    let from = 0
    if (piece.joins) {
      const first = nodes[0]
      if (!open || (first?.type !== 'paragraph' && first?.type !== 'heading') || first.position?.start.offset !== piece.start) {
        throw new Error(`copydesk: a paragraph cut at offset ${piece.start} does not go on in the next piece`)
      }
      join(open, first, text)
      from = 1
    } else if (piece.joinsList) {
      const list = children.at(-1)
      const first = nodes[0]
      if (list?.type !== 'list' || first?.type !== 'list' || first.position?.start.offset !== piece.start) {
        throw new Error(`copydesk: a list cut at offset ${piece.start} does not go on in the next piece`)
      }
      joinList(list, first)
      from = 1
    }
    for (let index = from; index < nodes.length; index++) children.push(nodes[index])
    const last = children.at(-1)
    open = last?.type === 'paragraph' || last?.type === 'heading' ? last : undefined
  }
  const first = pieces[0].tree
  const final = pieces[pieces.length - 1].tree
  const root: MdastRoot = {type: 'root', children}
  if (first.position && final.position) root.position = {start: first.position.start, end: final.position.end}
  return root
}

/**
 * Where the piece from `start` ends: the last cut in its second half, or, when that has none,
 * the first one after it (or the end of `text`). A cut is an offset after a line end (`\n`,
 * `\r\n` or `lineEnd`) before a letter, or after a space in a line begun `lineBeforeCut` or
 * more before, before a letter or one of `*`, `_`, `[` and a letter; the character before that
 * line end or space is neither white space nor a backslash (which would make a hard break).
 */
function cutAfter(text: string, start: number, length: number, lineBeforeCut: number, floor: number, lineEnd: number): number {
  if (start + length >= text.length) return text.length
  const low = Math.max(start + (length >> 1), floor)
  const high = start + length
  const atLineEnd = (at: number) => {
    const code = text.charCodeAt(at - 1)
    return (code === 10 || code === lineEnd) && isCut(text, at, false)
  }
  for (let at = high; at > low; at--) if (atLineEnd(at)) return at
  const lineStart = text.lastIndexOf('\n', high - 1) + 1
  for (let at = high; at > Math.max(low, lineStart + lineBeforeCut); at--) if (text.charCodeAt(at - 1) === 32 && isCut(text, at, true)) return at
  // Nothing there: the first cut after the piece.
  let line = lineStart
  for (let at = Math.max(high + 1, floor + 1); at < text.length; at++) {
    if (atLineEnd(at)) return at
    const before = text.charCodeAt(at - 1)
    if (before === 10) line = at
    else if (before === 32 && at - line >= lineBeforeCut && isCut(text, at, true)) return at
  }
  return text.length
}

/** A list item at the start of a line: its marker (`-`, `+`, `*`, or digits and `.` or `)`), white space, then content. */
const listItemLine = /(?:[-+*]|\d{1,9}[.)])[ \t]+[^ \t\r\n]/y

/** A thematic break (`- - -`, `***`): never a list item. */
const thematicBreakLine = /^([-*_])[ \t]*(?:\1[ \t]*){2,}$/

/**
 * Where a piece from `start` may end before a list item, when no line in it starts with a
 * letter (a list longer than a piece, every line a marker): the last line in its second half,
 * or the first after it, that starts at its first column with a list marker, white space and
 * content, after a line that is not blank; before `before`. Whether the item goes on with the
 * list before it is for {@link listGoesOn} to tell, from the piece's tree.
 */
function itemCutAfter(text: string, start: number, length: number, floor: number, before: number): number | undefined {
  const low = Math.max(start + (length >> 1), floor)
  const high = start + length
  const isItemCut = (at: number) => {
    if (text.charCodeAt(at - 1) !== 10) return false
    listItemLine.lastIndex = at
    if (!listItemLine.test(text)) return false
    const lineEnd = text.indexOf('\n', at)
    if (thematicBreakLine.test(text.slice(at, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, ''))) return false
    const previous = text.lastIndexOf('\n', at - 2) + 1
    return text.slice(previous, at).trim() !== ''
  }
  let at = text.lastIndexOf('\n', high - 1) + 1
  while (at > low) {
    if (isItemCut(at)) return at
    at = text.lastIndexOf('\n', at - 2) + 1
  }
  // Up to `before` (the cut before a letter): past it that one is taken.
  for (at = text.indexOf('\n', high) + 1; at > 0 && at < before; at = text.indexOf('\n', at) + 1) {
    if (at > floor && isItemCut(at)) return at
  }
  return undefined
}

/** The marker of the list item at `offset` (after indentation): `-`, `+`, `*`, `.` or `)`. */
function listMarker(text: string, offset: number): string {
  const match = /[ \t]*(?:\d{1,9}([.)])|([-+*]))/y
  match.lastIndex = offset
  const found = match.exec(text)
  return found?.[1] ?? found?.[2] ?? ''
}

/**
 * Whether the item at `end` (a line {@link itemCutAfter} chose) goes on with the last block of
 * `tree` (the piece before `end`): that block is a list with the same marker, and it holds the
 * line before. Then micromark reads the line as the list's next item, which closes whatever the
 * item before held, and goes on from there as a fresh parse of a list from that line does: so
 * the next piece is parsed from there, and its first list's items join this list.
 */
function listGoesOn(text: string, tree: MdastRoot, end: number): boolean {
  const last = tree.children.at(-1)
  if (last?.type !== 'list' || last.position?.end.offset === undefined || last.position.start.offset === undefined) return false
  const previousLine = text.lastIndexOf('\n', end - 2) + 1
  return last.position.end.offset > previousLine && listMarker(text, last.position.start.offset) === listMarker(text, end)
}

/** Whether the first block of a piece's tree is a list that starts at the piece's start. */
function startsList(tree: MdastRoot, start: number): boolean {
  const first = tree.children[0]
  return first?.type === 'list' && first.position?.start.offset === start
}

/** Join `next` (the first list of a piece) to `list` (the last list before it): one list, as a whole parse makes it. */
function joinList(list: List, next: List): void {
  for (const item of next.children) list.children.push(item)
  // No blank line between the two: the list is spread when either part is.
  list.spread = Boolean(list.spread || next.spread)
  list.position = {start: list.position!.start, end: next.position!.end}
}

const letter = /\p{L}/u

/** Whether `at` (after a line end or a space) can end a piece: see {@link cutAfter}. */
function isCut(text: string, at: number, inLine: boolean): boolean {
  const next = text[at] ?? ''
  if (!letter.test(next) && !(inLine && (next === '*' || next === '_' || next === '[') && letter.test(text[at + 1] ?? ''))) return false
  const end = at - separatorLength(text, at)
  const before = text[end - 1] ?? ''
  if (before !== '' && !/[\s\\]/.test(before)) return true
  // After a blank line: where the next piece may start again (no paragraph runs on).
  return !inLine && text.slice(text.lastIndexOf('\n', end - 1) + 1, end).trim() === ''
}

/** The line end or space before the cut `at`: 1, or 2 for `\r\n`. */
function separatorLength(text: string, at: number): number {
  return text[at - 1] === '\n' && text[at - 2] === '\r' ? 2 : 1
}

/**
 * White space that micromark reads as white space but not as a line end: one that the draft
 * does not contain stands for the line ends {@link joinPlainLines} joins.
 */
const lineEndStandIns = ['\u2029', '\u2028', '\u205f', '\u3000', '\u202f', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003']

/** A line that reads the same inside a longer one: it starts with a letter, has no character that starts or ends a link label, code span, HTML or escape, and no white space at its end. */
const plainLine = /^\p{L}[^`<[\]\\\r\n]*(?<![\s\\])$/u

/** A character that may start a link label, code span or HTML running on to the next lines. */
const opener = /[`<[\]]/

/**
 * Join plain lines: the line end between two lines that both start with a letter and have no
 * `` ` ``, `<`, `[`, `]` or `\\` (nor white space at the end of the first), in a paragraph that
 * has none of those either since the last blank line, is swapped for a Unicode space that is
 * not a line end. micromark's cost is in lines: a paragraph of 500,000 one-letter lines took
 * 22 s and 2.4 GB for 1 MB, one line of the same letters 0.1 s. Two such lines parse as one:
 * the second cannot start a block (it starts with a letter), so it goes on with whatever holds
 * the first (a paragraph, a heading's text, code, HTML, front matter); no link, code span, HTML
 * or hard break runs across the line end (none is open: each needs one of those characters
 * before it since the last blank line), and emphasis reads the stand-in as the white space it
 * replaced. `restore` puts the line ends back into the values (and titles and alt text) and
 * places every node by its offsets, which are the same in both texts.
 */
export function joinPlainLines(text: string): {readonly text: string; readonly lineEnd?: string; readonly restore: (tree: MdastRoot) => void} {
  const unchanged = {text, restore() {}}
  const standIn = lineEndStandIns.find((candidate) => !text.includes(candidate))
  if (standIn === undefined) return unchanged
  const joins: number[] = []
  let start = 0
  let previousPlain = false
  let markup = false
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end)
    if (line.trim() === '') markup = false
    const plain = !markup && end > start && letter.test(text[start]) && plainLine.test(line)
    if (plain && previousPlain) joins.push(start - 1)
    if (!plain && opener.test(line)) markup = true
    previousPlain = plain
    start = end + 1
  }
  if (joins.length === 0) return unchanged
  let joined = ''
  let last = 0
  for (const at of joins) {
    joined += text.slice(last, at) + standIn
    last = at + 1
  }
  joined += text.slice(last)
  return {
    text: joined,
    lineEnd: standIn,
    restore(tree) {
      const place = location(text)
      eachNode(tree, (node) => {
        if ('value' in node && node.value.includes(standIn)) node.value = node.value.replaceAll(standIn, '\n')
        if ('title' in node && node.title?.includes(standIn)) node.title = node.title.replaceAll(standIn, '\n')
        if ('alt' in node && node.alt?.includes(standIn)) node.alt = node.alt.replaceAll(standIn, '\n')
        const position = node.position
        if (!position) return
        const startPoint = place.toPoint(position.start.offset)
        const endPoint = place.toPoint(position.end.offset)
        if (startPoint && endPoint) node.position = {start: startPoint, end: endPoint}
      })
    },
  }
}

/** Where front matter (`---` or `+++` fences on the first line) ends: no cut before it. */
function frontMatterEnd(text: string): number {
  const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text)
  if (!fence) return 0
  const close = new RegExp(`\\n\\${fence[1][0]}{3}[ \\t]*(?:\\r?\\n|$)`).exec(text.slice(fence[0].length))
  return close ? fence[0].length + close.index + close[0].length : 0
}

/**
 * Where the next piece may start after a piece from `start` whose top-level blocks are
 * `children`: at the line of the last block that starts a line after a blank line, with no
 * indentation, after a block that nothing can go on from. A fresh parse from there is then what
 * the whole parse does. Elsewhere micromark carries state across the line: a paragraph after a
 * definition takes an indented line, where a fresh parse would read indented code; indented code
 * stays open across blank lines, so `2) a` after it is a paragraph, not a list; so does a `---`
 * that did not open front matter. A piece never starts at a `---` or `+++` line: on its first line
 * that opens front matter. `index` is that block's.
 */
function restartAt(text: string, children: readonly RootContent[], start: number): {index: number; offset: number} | undefined {
  for (let index = children.length - 1; index >= 0; index--) {
    const offset = lineStartOf(text, children[index])
    if (offset <= start) return undefined
    if (/[ \t]/.test(text[offset]) || frontMatterFence.test(text.slice(offset, offset + 8))) continue
    const previousLine = text.lastIndexOf('\n', offset - 2) + 1
    if (text.slice(previousLine, offset).trim() !== '') continue
    const before = index > 0 ? children[index - 1] : undefined
    if (before && !closes(text, before)) continue
    return {index, offset}
  }
  return undefined
}

/** A front matter fence: on the first line of a piece it would open front matter. */
const frontMatterFence = /^(?:---|\+\+\+)[ \t]*(?:\r?\n|$)/

/** Whether a blank line closes `node` for good (see {@link restartAt}). */
function closes(text: string, node: RootContent): boolean {
  const offset = node.position?.start.offset ?? 0
  if (node.type === 'code') return /^[ \t]*(?:```|~~~)/.test(text.slice(lineStartOf(text, node), offset + 4))
  if (node.type === 'thematicBreak') return offset > 0
  return true
}

/** The offset of the line the node starts on. */
function lineStartOf(text: string, node: MdastNodes): number {
  const offset = node.position?.start.offset ?? 0
  return text.lastIndexOf('\n', offset - 1) + 1
}

/**
 * Move the positions of a piece's tree, parsed alone, to where the piece is in the draft: in
 * place (mdast-util-from-markdown gives every node points of its own; the pieces' trees are
 * joined only after this), as a new point for every node was a tenth of the parse of a list
 * 32 levels deep on every line.
 */
function shiftTree(tree: MdastRoot, start: number, place: ReturnType<typeof location>): void {
  if (start === 0) return
  const base = place.toPoint(start)
  if (!base) return
  const shift = (point: Point) => {
    if (point.line === 1) point.column += base.column - 1
    point.line += base.line - 1
    if (point.offset !== undefined) point.offset += start
  }
  eachNode(tree, (node) => {
    const position = node.position
    if (!position) return
    shift(position.start)
    if (position.end !== position.start) shift(position.end)
  })
}

/**
 * Call `visitor` on `node` and every node under it, in document order: a plain walk
 * (`unist-util-visit` builds an array of ancestors for every parent, and the tree of a draft
 * full of emphasis and links is walked several times: a sixth of its lint time).
 */
function eachNode(node: MdastNodes, visitor: (node: MdastNodes) => void): void {
  visitor(node)
  if ('children' in node) for (const child of node.children) eachNode(child, visitor)
}

/** Add the labels of the definitions in `node` to `known` (as micromark writes them); only containers hold definitions. */
function learnDefinitions(node: RootContent, known: Set<string>): void {
  if (node.type === 'definition') known.add(node.identifier.toUpperCase())
  else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') for (const child of node.children) learnDefinitions(child, known)
}

/**
 * Join `next` (the first block of a piece) to `open` (the paragraph cut before it), as a whole
 * parse makes them one: the line end or space between them goes into the text on either side.
 */
function join(open: Paragraph | Heading, next: Paragraph | Heading, text: string): void {
  const before = open.children.at(-1)
  const after = next.children[0]
  // A paragraph that ends in an unmatched `*` ends after the white space that follows: its text does not.
  const gapStart = (before ?? open).position!.end.offset!
  const gapEnd = (after ?? next).position!.start.offset!
  const gap = text.slice(gapStart, gapEnd)
  if (!/^\s*$/.test(gap)) throw new Error(`copydesk: a paragraph cut at offset ${gapEnd} does not meet its rest`)
  const gapStartPoint = before?.position?.end ?? open.position!.end
  const gapEndPoint = after?.position?.start ?? next.position!.start
  let from = 0
  if (before?.type === 'text' && after?.type === 'text') {
    before.value += gap + after.value
    before.position = {start: before.position!.start, end: after.position!.end}
    from = 1
  } else if (before?.type === 'text') {
    before.value += gap
    before.position = {start: before.position!.start, end: gapEndPoint}
  } else if (after?.type === 'text') {
    after.value = gap + after.value
    after.position = {start: gapStartPoint, end: after.position!.end}
  } else {
    open.children.push({type: 'text', value: gap, position: {start: gapStartPoint, end: gapEndPoint}})
  }
  for (let index = from; index < next.children.length; index++) open.children.push(next.children[index])
  open.position = {start: open.position!.start, end: next.position!.end}
  if (next.type === 'heading') Object.assign(open, {type: 'heading', depth: next.depth})
}

/** The marker of an array of definitions that {@link definitionTable} has taken over. */
const tableMark = Symbol('copydesk definitions')

/**
 * micromark's list of defined labels (`parser.defined`), made a set and seeded: `includes` is
 * a lookup in a set instead of a search of the list (a draft of 300,000 definitions and as many
 * references searched the list 300,000 times), a piece of a long draft knows the definitions
 * of the pieces before it (looked up in their set, not copied), and each label looked up and
 * not found is recorded, so that only a piece that missed a label defined later is parsed
 * again. `extension` puts a construct before definitions and label ends that takes the list
 * over the first time it runs, and matches nothing.
 */
function definitionTable() {
  let known: ReadonlySet<string> = new Set()
  let missed: Set<string> | undefined
  const takeOver = (context: TokenizeContext) => {
    const list = context.parser.defined as string[] & {[tableMark]?: true}
    if (list[tableMark]) return
    const own = new Set(list)
    const seeds = known
    const misses = missed
    list.includes = (identifier: string) => {
      if (own.has(identifier) || seeds.has(identifier)) return true
      misses?.add(identifier)
      return false
    }
    list.push = (...identifiers: string[]) => {
      for (const identifier of identifiers) own.add(identifier)
      return Array.prototype.push.apply(list, identifiers)
    }
    list[tableMark] = true
  }
  const construct: Construct = {
    name: 'copydeskDefinitions',
    add: 'before',
    tokenize(effects, ok, nok) {
      takeOver(this)
      return nok
    },
  }
  const extension: Extension = {contentInitial: {null: [construct]}, text: {33: [construct], 91: [construct], 93: [construct]}}
  return {
    extension,
    /** Run `run` (one parse) with the labels of `labels` defined, recording into `misses` the labels it looks up and does not find. */
    parse(labels: ReadonlySet<string>, misses: Set<string>, run: () => MdastRoot): MdastRoot {
      known = labels
      missed = misses
      try {
        return run()
      } finally {
        known = new Set()
        missed = undefined
      }
    },
  }
}

/** Offset ranges `[start, end)` of the headings (they count as headlines). */
export function headingRanges(tree: MdastRoot): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = []
  eachNode(tree, (node) => {
    if (node.type !== 'heading') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) ranges.push([start, end])
  })
  return ranges
}

/** The nlcst tree of a Markdown tree, with positions into the original file. */
export function markdownToNlcst(tree: MdastRoot, file: VFile, processor: Processor<Root>): Root {
  const parser = new ParseEnglish()
  // The extensions retext plugins register, as `retext-english` adds them.
  const add = <T>(list: T[], values: unknown) => {
    if (Array.isArray(values)) list.unshift(...(values as T[]))
  }
  add(parser.tokenizeParagraphPlugins, processor.data('nlcstParagraphExtensions'))
  add(parser.tokenizeRootPlugins, processor.data('nlcstRootExtensions'))
  add(parser.tokenizeSentencePlugins, processor.data('nlcstSentenceExtensions'))

  markAutolinks(tree)
  const nlcst = toNlcst(tree, file, parser, {ignore: ['yaml', 'toml', 'html', 'code']})
  realign(nlcst, tree, String(file.value ?? ''))
  return nlcst
}

/**
 * `<https://example.com>` and `<news@example.org>`: a link whose text is its address is not
 * prose. Make it inline code (a `SourceNode` in nlcst) in this private tree.
 */
function markAutolinks(parent: MdastNodes): void {
  if (!('children' in parent)) return
  const children = parent.children as MdastNodes[]
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (node.type === 'link') {
      const only = node.children.length === 1 ? node.children[0] : undefined
      const url = node.url.replace(/^mailto:/, '')
      if (only?.type === 'text' && (only.value === node.url || only.value === url)) {
        children[index] = {type: 'inlineCode', value: only.value, position: node.position}
        continue
      }
    }
    markAutolinks(node)
  }
}

/** A run of parsed text, its place in the file, and where each of its characters came from. */
interface TextRun {
  readonly start: number
  readonly length: number
  /** `map[i]`: offset (from `start`) in the file of the parsed character `i`; `map[length]` is the end. */
  readonly map: readonly number[]
  /** `ends[i]`: offset (from `start`) just past the file's text for the parsed character `i`. */
  readonly ends: readonly number[]
}

/** Re-place every nlcst node by the source offsets of its characters (see module comment). */
function realign(nlcst: Root, tree: MdastRoot, source: string): void {
  const runs: TextRun[] = []
  eachNode(tree, (node) => {
    if (node.type !== 'text' && node.type !== 'image') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    // Image alt text is placed 2 characters in (`![`), as mdast-util-to-nlcst does.
    const value = node.type === 'text' ? node.value : (node.alt ?? '')
    const from = node.type === 'text' ? start : start + 2
    const slice = source.slice(from, end)
    if (value === slice) return
    const {starts, ends} = alignSpans(value, slice)
    runs.push({start: from, length: value.length, map: starts, ends})
  })
  if (runs.length === 0) return
  runs.sort((a, b) => a.start - b.start)

  const place = location(source)
  const lookup = (offset: number): TextRun | undefined => {
    let low = 0
    let high = runs.length - 1
    let found: TextRun | undefined
    while (low <= high) {
      const middle = (low + high) >> 1
      if (runs[middle].start <= offset) {
        found = runs[middle]
        low = middle + 1
      } else high = middle - 1
    }
    return found && offset <= found.start + found.length ? found : undefined
  }

  // Equal points are one object, as `toNlcst` makes them: a node starts where the one before
  // it ends (the last end point made is kept), a parent where its first and last children do.
  let last: Point | undefined
  const pointAt = (offset: number): Point | undefined => {
    if (last?.offset === offset) return last
    const point = place.toPoint(offset)
    if (point) last = point
    return point
  }
  const fix = (node: NlcstNode): {start: number; end: number} | undefined => {
    const position = node.position
    let span: {start: number; end: number} | undefined
    if ('children' in node && Array.isArray(node.children) && node.children.length > 0) {
      const children = node.children as NlcstNode[]
      const spans = children.map(fix)
      const first = spans.findIndex(Boolean)
      const final = spans.findLastIndex(Boolean)
      if (first !== -1) {
        span = {start: spans[first]!.start, end: spans[final]!.end}
        const startPoint = children[first].position?.start
        const endPoint = children[final].position?.end
        // Its children's points, when they are at the span's ends (they are unless a child could not be placed).
        if (startPoint?.offset === span.start && endPoint?.offset === span.end) {
          node.position = {start: startPoint, end: endPoint}
          return span
        }
      }
    } else if (position?.start.offset !== undefined && position.end.offset !== undefined) {
      const start = position.start.offset
      const end = position.end.offset
      const run = lookup(start)
      if (run && end <= run.start + run.length) {
        const from = run.start + run.map[start - run.start]
        // The end is just past the last character, not before the prefix of the next line.
        const to = end > start ? run.start + run.ends[end - run.start - 1] : from
        span = {start: from, end: to}
      } else {
        // Outside the runs the token is where it was put: its points stay.
        last = position.end
        return {start, end}
      }
    }
    if (span) {
      const startPoint = pointAt(span.start)
      const endPoint = span.end === span.start ? startPoint : pointAt(span.end)
      if (startPoint && endPoint) node.position = {start: startPoint, end: endPoint}
    }
    return span
  }
  fix(nlcst)
}

/**
 * Where each character of `value` (parsed text) sits in `source` (the file's text for it):
 * walk both, skipping what Markdown dropped — line prefixes (`>`, indentation), spaces before
 * a line break, the backslash of an escape — and stepping over character references.
 * `map[value.length]` is where the text ends.
 */
export function alignText(value: string, source: string): number[] {
  return alignSpans(value, source).starts
}

/**
 * {@link alignText}, with the ends too: `ends[i]` is just past the source of character `i`,
 * so a word that ends in a reference (`caf&eacute;`) ends after the `;`, not at the `&`.
 */
export function alignSpans(value: string, source: string): {starts: number[]; ends: number[]} {
  const starts: number[] = []
  const ends: number[] = []
  let j = 0
  for (let i = 0; i < value.length;) {
    if (j >= source.length) {
      starts[i] = source.length
      ends[i++] = source.length
      continue
    }
    if (source[j] === '&') {
      const reference = /^&(?:#\d+|#[xX][\dA-Fa-f]+|[A-Za-z][A-Za-z\d]*);/.exec(source.slice(j, j + 40))
      // `&amp;` was decoded unless the parsed text still has it (`&nosuchname;` stays as is).
      if (reference && !value.startsWith(reference[0], i)) {
        // One decoded character (two code units when astral) stands for the whole reference.
        const width = value.codePointAt(i)! > 0xffff ? 2 : 1
        for (let k = 0; k < width; k++) {
          starts[i] = j
          ends[i++] = j + reference[0].length
        }
        j += reference[0].length
        continue
      }
    }
    if (value[i] === source[j]) {
      starts[i] = j
      ends[i++] = ++j
      continue
    }
    if (/[\s>\\]/.test(source[j])) {
      j++
      continue
    }
    // Anything else: keep in step rather than drift.
    starts[i] = j
    ends[i++] = ++j
  }
  starts[value.length] = Math.min(j, source.length)
  return {starts, ends}
}

/** A control comment: `<!-- copydesk-disable-next-line rule-id other-id -->`. */
const controlComment = /^<!--\s*copydesk-(disable-next-line|disable|enable)((?:\s+[\w-]+)*)\s*-->$/

/**
 * Apply `<!-- copydesk-disable -->`, `<!-- copydesk-enable -->` (with rule ids, or none for all
 * rules) through `unified-message-control`, and `<!-- copydesk-disable-next-line -->`, which
 * silences the line after the comment. A comment naming an unknown rule gets a warning.
 */
export function applyControlComments(tree: MdastRoot, file: VFile, ruleIds: readonly string[]): void {
  const nextLines: Array<{line: number; ids: string[]}> = []
  const unknown: VFileMessage[] = []
  visit(tree, 'html', (node: Html) => {
    const match = controlComment.exec(node.value.trim())
    if (!match) return
    const ids = match[2].trim() === '' ? [] : match[2].trim().split(/\s+/)
    for (const id of ids) {
      if (ruleIds.includes(id)) continue
      const message = new VFileMessage(`Unknown rule \`${id}\` in control comment, expected one of ${ruleIds.map((rule) => `\`${rule}\``).join(', ')}`, {
        place: node.position,
        source: controlName,
      })
      message.file = file.path
      message.fatal = false
      Object.assign(message, {actual: node.value, expected: []})
      unknown.push(message)
    }
    if (match[1] === 'disable-next-line' && node.position) nextLines.push({line: node.position.end.line + 1, ids})
  })

  messageControl(tree, {
    file,
    name: controlName,
    test: 'html',
    marker(node) {
      const match = controlComment.exec(String((node as Html).value ?? '').trim())
      // `disable-next-line` is applied below, by line.
      if (!match || match[1] === 'disable-next-line') return null
      return {name: controlName, attributes: `${match[1]}${match[2]}`, parameters: {}, node}
    },
    known: [...ruleIds],
  })
  if (nextLines.length > 0) {
    file.messages = file.messages.filter((message) => {
      if (message.source !== controlName || !message.line) return true
      return !nextLines.some(({line, ids}) => line === message.line && (ids.length === 0 || ids.includes(message.ruleId ?? '')))
    })
  }
  // unified-message-control reports unknown ids itself, in its own words: ours say what is allowed.
  file.messages = file.messages.filter((message) => message.source !== 'unified-message-control')
  for (const message of unknown) file.messages.push(message)
}

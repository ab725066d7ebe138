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
import type {Html, Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import type {Root, Node as NlcstNode} from 'nlcst'
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
    .use(boundedNesting)
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
 * `>` and list markers). micromark's cost grows with the square of the nesting on a line
 * (2,000 `- ` on one line: 3 s; a 4 MB list nested by indentation: minutes and gigabytes),
 * while real drafts rarely go past 10 levels. Beyond this column the prefix is read as text.
 */
export const maxPrefixColumns = 64

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
      visit(tree, (node: MdastNodes) => {
        if (node.type === 'text') node.value = back(node.value)
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

/** Parse with over-deep nesting capped ({@link capNesting}): wraps the parser remark-parse set. */
function boundedNesting(this: Processor) {
  const self = this as unknown as Processor<MdastRoot>
  const parse = self.parser
  if (!parse) return
  self.parser = (document, file) => {
    const capped = capNesting(document)
    const tree = parse(capped.text, file)
    capped.restore(tree)
    return tree
  }
}

/** Offset ranges `[start, end)` of the headings (they count as headlines). */
export function headingRanges(tree: MdastRoot): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = []
  visit(tree, 'heading', (node) => {
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
function markAutolinks(tree: MdastRoot): void {
  visit(tree, 'link', (node, index, parent) => {
    const only = node.children.length === 1 ? node.children[0] : undefined
    if (!parent || index === undefined || only?.type !== 'text') return
    const url = node.url.replace(/^mailto:/, '')
    if (only.value !== node.url && only.value !== url) return
    parent.children[index] = {type: 'inlineCode', value: only.value, position: node.position}
  })
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
  visit(tree, (node: MdastNodes) => {
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

  const fix = (node: NlcstNode): {start: number; end: number} | undefined => {
    const position = node.position
    let span: {start: number; end: number} | undefined
    if ('children' in node && Array.isArray(node.children) && node.children.length > 0) {
      const spans = (node.children as NlcstNode[]).map(fix)
      const first = spans.find(Boolean)
      const last = spans.findLast(Boolean)
      if (first && last) span = {start: first.start, end: last.end}
    } else if (position?.start.offset !== undefined && position.end.offset !== undefined) {
      const start = position.start.offset
      const end = position.end.offset
      const run = lookup(start)
      if (run && end <= run.start + run.length) {
        const from = run.start + run.map[start - run.start]
        // The end is just past the last character, not before the prefix of the next line.
        const to = end > start ? run.start + run.ends[end - run.start - 1] : from
        span = {start: from, end: to}
      } else span = {start, end}
    }
    if (span) {
      const startPoint = place.toPoint(span.start)
      const endPoint = place.toPoint(span.end)
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

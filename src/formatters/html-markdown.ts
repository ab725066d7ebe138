/**
 * The HTML report of a Markdown draft: the draft as it reads (headings, emphasis, lists, links,
 * quotes, code, tables), one row per top-level block, with each problem highlighted on its text.
 *
 * remark parses the draft and `mdast-util-to-hast` turns it into HTML; every text node keeps its
 * place in the file, so a problem's range is cut out of the text nodes it covers and wrapped in
 * a mark. `hast-util-to-html` escapes everything; HTML in the draft is shown as code, never
 * passed through. Links keep only safe targets (http, https, mailto, relative); images are
 * shown as their alternative text, so the page stays self-contained.
 */
import type {Element, ElementContent, Root as HastRoot, Text as HastText} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {RootContent} from 'mdast'
import {toHast} from 'mdast-util-to-hast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {location} from 'vfile-location'
import {boundedParse} from '../pipeline/markdown.js'

/** A problem as the Markdown renderer needs it: offsets into the file, and how to show it. */
export interface MarkdownSpan<Note> {
  readonly note: Note
  /** Offset of the first flagged character. */
  readonly from: number
  /** Offset just past the flagged text (`from` for a point). */
  readonly to: number
}

/** How the HTML report shows a problem: the mark around flagged text, and its number tag. */
export interface MarkdownMarks<Note> {
  /** The classes of the mark for the notes covering a piece (narrowest first). */
  markClass(covering: readonly Note[]): string
  /** The tooltip HTML of a note. */
  tip(note: Note): string
  /** The number tag HTML placed where a note's text ends. */
  tag(note: Note): string
}

/** One row of the report: a top-level block of the draft as HTML, and the notes it ends. */
export interface MarkdownRow<Note> {
  /** 1-based line where the block starts. */
  readonly line: number
  readonly html: string
  readonly notes: readonly Note[]
}

// The lint's own bounded parse (nesting capped, a long draft in pieces): the report of a hostile
// draft costs no more than its lint, and shows the blocks the rules read.
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(boundedParse)

/** Render a Markdown draft as rows of HTML with `spans` highlighted. */
export function renderMarkdownRows<Note>(text: string, spans: ReadonlyArray<MarkdownSpan<Note>>, marks: MarkdownMarks<Note>): Array<MarkdownRow<Note>> {
  const tree = parser.parse(text)
  const points = location(text)
  const blocks = tree.children.filter((block) => block.position?.start.offset !== undefined)
  const rows: Array<MarkdownRow<Note>> = []
  const placed = new Set<MarkdownSpan<Note>>()
  blocks.forEach((block, index) => {
    const start = block.position!.start.offset!
    // A block owns the problems that end before the next block starts (the gap included).
    const limit = index + 1 < blocks.length ? blocks[index + 1].position!.start.offset! : text.length + 1
    const mine = spans.filter((span) => !placed.has(span) && (span.to < limit || (span.to === limit && span.from < limit)))
    for (const span of mine) placed.add(span)
    const hast = renderBlock(block, text)
    highlight(hast, mine, marks, text)
    // `raw` nodes are the report's own, already escaped HTML: the draft's HTML was dropped by toHast.
    rows.push({line: points.toPoint(start)?.line ?? 1, html: toHtml(hast, {allowDangerousHtml: true}), notes: mine.map((span) => span.note)})
  })
  // Problems outside every block (an empty draft, a message past the end) go with the last row.
  const rest = spans.filter((span) => !placed.has(span))
  if (rest.length > 0) {
    if (rows.length === 0) rows.push({line: 1, html: '', notes: []})
    const last = rows.at(-1)!
    rows[rows.length - 1] = {...last, notes: [...last.notes, ...rest.map((span) => span.note)]}
  }
  return rows
}

/** One block as a hast tree: front matter as code, everything else as Markdown reads. */
function renderBlock(block: RootContent, text: string): HastRoot {
  // `toml` comes from remark-frontmatter and is not in mdast's types.
  const type = block.type as string
  if (type === 'yaml' || type === 'toml') {
    const fence = type === 'yaml' ? '---' : '+++'
    const value: HastText = {type: 'text', value: `${fence}\n${(block as {value: string}).value}\n${fence}`}
    return {type: 'root', children: [h('pre.frontmatter', [h('code', [value])])]}
  }
  // The draft's own HTML is shown as code, escaped: visible to the editor, never run.
  const hast = toHast(
    {type: 'root', children: [block]},
    {
      handlers: {html: (_state, node: {value: string}) => h('code.html', node.value)},
    },
  ) as HastRoot
  sanitize(hast, text)
  return hast
}

/** Keep safe link targets only; show images as their alternative text (still highlighted). */
function sanitize(node: HastRoot | Element, text: string): void {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child
    if (child.tagName === 'img') {
      const alt = String(child.properties.alt ?? '')
      const altText: HastText = {type: 'text', value: alt}
      // `![alt](…)`: the alternative text starts two characters in, where the rules saw it.
      const start = child.position?.start.offset
      if (start !== undefined && text.slice(start + 2, start + 2 + alt.length) === alt) {
        altText.position = {start: {line: 0, column: 0, offset: start + 2}, end: {line: 0, column: 0, offset: start + 2 + alt.length}}
      }
      return h('span.image', ['[', altText, ']'])
    }
    if (child.tagName === 'a') {
      const href = String(child.properties.href ?? '')
      if (!/^(https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i.test(href)) delete child.properties.href
    }
    sanitize(child, text)
    return child
  })
}

/**
 * Wrap the flagged parts of the text nodes in marks. A text node whose value is its source
 * slice (no escapes or references inside) is cut at the exact offsets; one that differs from
 * its source (`&amp;`, `\*`) is marked whole where a problem touches it.
 */
function highlight<Note>(node: HastRoot | Element, spans: ReadonlyArray<MarkdownSpan<Note>>, marks: MarkdownMarks<Note>, text: string): void {
  if (spans.length === 0) return
  const children: ElementContent[] = []
  for (const child of node.children as ElementContent[]) {
    if (child.type === 'element') {
      highlight(child, spans, marks, text)
      children.push(child)
      continue
    }
    if (child.type !== 'text' || child.position?.start.offset === undefined || child.position.end.offset === undefined) {
      children.push(child)
      continue
    }
    const start = child.position.start.offset
    const end = child.position.end.offset
    const isExact = text.slice(start, end) === child.value
    const here = spans.filter((span) => (span.from < end && span.to > start) || (span.from === span.to && span.from >= start && span.from <= end))
    if (here.length === 0) {
      children.push(child)
      continue
    }
    if (!isExact) {
      const covering = here.map((span) => span.note)
      children.push(mark(marks, covering, [child]), ...tagsEndingIn(here, start, end, marks, true))
      continue
    }
    const cuts = [...new Set([start, end, ...here.flatMap((span) => [span.from, span.to])])].filter((at) => at >= start && at <= end).sort((a, b) => a - b)
    for (let index = 0; index < cuts.length; index++) {
      const from = cuts[index]
      for (const span of here) if (span.from === from && span.to === from) children.push(mark(marks, [span.note], [{type: 'text', value: '‸'}]), raw(marks.tag(span.note)))
      if (index === cuts.length - 1) break
      const to = cuts[index + 1]
      const piece: HastText = {type: 'text', value: child.value.slice(from - start, to - start)}
      const covering = here.filter((span) => span.from <= from && span.to >= to && span.from < span.to)
      children.push(covering.length === 0 ? piece : mark(marks, narrowestFirst(covering), [piece]))
      for (const span of here) if (span.to === to && span.from < span.to) children.push(raw(marks.tag(span.note)))
    }
  }
  node.children = children
}

function narrowestFirst<Note>(spans: ReadonlyArray<MarkdownSpan<Note>>): Note[] {
  return [...spans].sort((a, b) => a.to - a.from - (b.to - b.from)).map((span) => span.note)
}

function tagsEndingIn<Note>(spans: ReadonlyArray<MarkdownSpan<Note>>, start: number, end: number, marks: MarkdownMarks<Note>, inclusive: boolean): ElementContent[] {
  return spans.filter((span) => span.to > start && (inclusive ? span.to <= end : span.to < end)).map((span) => raw(marks.tag(span.note)))
}

function mark<Note>(marks: MarkdownMarks<Note>, covering: readonly Note[], content: ElementContent[]): Element {
  return h('mark', {className: marks.markClass(covering).split(' ')}, [...content, raw(marks.tip(covering[0]))])
}

/** Pre-rendered, already escaped HTML from the report's own helpers. */
function raw(html: string): ElementContent {
  return {type: 'raw', value: html} as unknown as ElementContent
}

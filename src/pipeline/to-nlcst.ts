/**
 * mdast → nlcst in linear time: `mdast-util-to-nlcst` 7.0.1 (MIT, © Titus Wormer), with its
 * results unchanged and two costs removed.
 *
 * The package flattens the whole document into ONE sentence, runs parse-latin's sentence and
 * paragraph plugins over it, and only then splits it into sentences and paragraphs. Those
 * plugins merge tokens with `Array#splice` on that sentence (`don't`, `U.S.`, `well-known`
 * each move every token after them), so the cost grows with the square of the document: 4 MB
 * of Markdown prose took minutes. And it gathers tokens with `push(...list)`, which overflows
 * the stack past about 100,000 tokens in one block (a paragraph of 130,000 short lines).
 *
 * Between two blocks (and any two nodes on different lines) the package puts white space of at
 * least two line breaks, and parse-latin breaks sentences and paragraphs there in any case
 * (`breakImplicitSentences`, then the paragraph split at line breaks): nothing it does joins
 * tokens across such a break. So the stretches between these breaks are tokenized one at a
 * time, each as the package tokenizes the whole, and laid side by side with the breaks between
 * them: the same tree (`tests/pipeline/to-nlcst.test.ts` compares it with the package's on the
 * samples and on generated documents), in time linear in the document.
 */
import type {Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot} from 'mdast'
import type {Paragraph, Root, RootContent, Sentence, SentenceContent, WhiteSpace} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import type {Point} from 'unist'
import {pointEnd, pointStart} from 'unist-util-position'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

/** Options, as the package's. */
export interface ToNlcstOptions {
  /** mdast node types not to convert (added to `table`, `tableRow`, `tableCell`). */
  readonly ignore?: readonly string[]
  /** mdast node types to convert to a `SourceNode` (added to `inlineCode`). */
  readonly source?: readonly string[]
}

const defaultIgnore = ['table', 'tableRow', 'tableCell']
const defaultSource = ['inlineCode']
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/

interface State {
  readonly doc: string
  readonly place: ReturnType<typeof location>
  readonly parser: ParseEnglish
  readonly ignore: readonly string[]
  readonly source: readonly string[]
  /** The white space put between nodes on different lines: where stretches end. */
  readonly breaks: Set<WhiteSpace>
  /** {@link keptApart}'s answers, by the text of the tokens it asked about. */
  readonly apart: Map<string, boolean>
  /** The parser's paragraph plugins, parse-latin's `breakImplicitSentences` made linear ({@link linearParagraphPlugins}). */
  readonly paragraphPlugins: ReadonlyArray<(paragraph: Paragraph) => void>
}

/** The nlcst tree of `tree`, as `toNlcst` from `mdast-util-to-nlcst` makes it (see module comment). */
export function toNlcst(tree: MdastRoot, file: VFile, parser: ParseEnglish, options: ToNlcstOptions = {}): Root {
  if (!pointStart(tree)) throw new Error('mdast-util-to-nlcst expected position on nodes')
  const state: State = {
    doc: String(file),
    place: location(file),
    parser,
    ignore: [...defaultIgnore, ...(options.ignore ?? [])],
    source: [...defaultSource, ...(options.source ?? [])],
    breaks: new Set(),
    apart: new Map(),
    paragraphPlugins: linearParagraphPlugins(parser.tokenizeParagraphPlugins),
  }
  const nodes: SentenceContent[] = []
  one(state, tree, nodes)
  if (nodes.length === 0) return {type: 'RootNode', children: []}

  // Each stretch starts at a break where nothing parse-latin does can join the tokens on its
  // two sides (see `isCut`); the breaks elsewhere stay inside a stretch.
  const children: RootContent[] = []
  let from = 0
  for (let index = 1; index <= nodes.length; index++) {
    if (index < nodes.length && !isCut(state, nodes, index)) continue
    for (const child of stretchToRoot(state, nodes.slice(from, index))) children.push(child)
    from = index
  }

  const root: Root = {type: 'RootNode', children}
  const start = pointStart(nodes[0])
  const end = pointEnd(nodes[nodes.length - 1])
  if (start && start.line && end && end.line) root.position = {start: {...start}, end: {...end}}
  return root
}

function isBreak(state: State, node: SentenceContent | undefined): boolean {
  return node !== undefined && node.type === 'WhiteSpaceNode' && state.breaks.has(node)
}

/**
 * Whether the tokens may be tokenized apart at the break `nodes[index]`, with the same result as
 * together. parse-latin lifts the break out of the sentence it is in and breaks the sentence
 * there, unless the break is the first or last token of a sentence or sits next to another break
 * (it lifts one white space per sentence), or unless the sentences on its two sides were merged
 * first and the merged one is read as one sentence. So a cut needs a single break, a word after
 * it that starts with a capital letter (the sentence after it then has a word and is joined to
 * the one before neither for a lowercase, digit, comma or symbol start), and before it either a
 * word (the sentence runs on through the break and is broken there) or a terminal mark that ends
 * the sentence before it: one that the parser's own paragraph plugins keep apart from a
 * capitalized sentence after it (`etc.`, `Mr.`, `Jan.` join the next sentence).
 */
function isCut(state: State, nodes: readonly SentenceContent[], index: number): boolean {
  const before = nodes[index - 1]
  const after = nodes[index + 1]
  if (!isBreak(state, nodes[index]) || isBreak(state, before) || after === undefined || isBreak(state, after)) return false
  if (after.type !== 'WordNode' || !/^\p{Lu}/u.test(toString(after))) return false
  if (before.type === 'WordNode') return true
  const word = nodes[index - 2]
  if (before.type !== 'PunctuationNode' || !terminalMarker.test(before.value) || word?.type !== 'WordNode') return false
  return keptApart(state, word, before, after)
}

/** Whether the paragraph plugins keep `Word.` and `Capital` in two sentences (on copies). */
function keptApart(state: State, word: SentenceContent, mark: SentenceContent, next: SentenceContent): boolean {
  const key = `${toString(word)}${toString(mark)} ${toString(next)}`
  let kept = state.apart.get(key)
  if (kept === undefined) {
    const paragraph: Paragraph = {
      type: 'ParagraphNode',
      children: [
        {type: 'SentenceNode', children: structuredClone([word, mark])},
        {type: 'SentenceNode', children: [{type: 'WhiteSpaceNode', value: '\n\n'}, structuredClone(next)]},
      ],
    }
    for (const plugin of state.paragraphPlugins) plugin(paragraph)
    kept = paragraph.children.filter((child) => child.type === 'SentenceNode').length === 2
    // Bounded: the words of a 4 MB draft would otherwise all be kept.
    if (state.apart.size > 10_000) state.apart.clear()
    state.apart.set(key, kept)
  }
  return kept
}

/** Sentence content → the children of a root: the package's `sentenceContentToRoot`. */
function stretchToRoot(state: State, nodes: SentenceContent[]): RootContent[] {
  const start = pointStart(nodes[0])
  const end = pointEnd(nodes[nodes.length - 1])
  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (start && start.line && end && end.line) sentence.position = {start, end}
  for (const plugin of state.parser.tokenizeSentencePlugins) plugin(sentence)

  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', terminalMarker)}
  if (start && start.line && end && end.line) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of state.paragraphPlugins) plugin(paragraph)

  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', newLine)}
  if (start && start.line && end && end.line) root.position = {start: {...start}, end: {...end}}
  for (const plugin of state.parser.tokenizeRootPlugins) plugin(root)
  return root.children
}

/** Convert one node, appending its sentence content to `out`. */
function one(state: State, node: MdastNodes, out: SentenceContent[]): void {
  if (state.ignore.includes(node.type)) return
  let start = node.position ? node.position.start.offset : undefined
  const end = node.position ? node.position.end.offset : undefined
  let results: SentenceContent[] | undefined

  if (state.source.includes(node.type)) {
    if (start !== undefined && end !== undefined) results = [{type: 'SourceNode', value: state.doc.slice(start, end)}]
  } else if ('children' in node) {
    all(state, node, out)
    return
  } else if (node.type === 'image' || node.type === 'imageReference') {
    if (node.alt) {
      results = state.parser.tokenize(node.alt)
      if (typeof start === 'number') start += 2
    }
  } else if (node.type === 'break') {
    results = [{type: 'WhiteSpaceNode', value: '\n'}]
  } else if (node.type === 'text') {
    results = state.parser.tokenize(node.value)
  }

  if (results) {
    patch(state, results, start)
    // One at a time: a spread of 100,000 tokens overflows the stack.
    for (const result of results) out.push(result)
  }
}

/** Convert the children of `parent`, with white space between children on different lines. */
function all(state: State, parent: MdastParents, out: SentenceContent[]): void {
  let end: Point | undefined
  for (const child of parent.children) {
    const start = pointStart(child)
    if (end && typeof end.line === 'number' && start && typeof start.line === 'number' && start.line !== end.line) {
      const lineEnding: WhiteSpace = {type: 'WhiteSpaceNode', value: '\n'.repeat(start.line - end.line)}
      patch(state, [lineEnding], end.offset)
      // Make sure it’ll be seen as a break between paragraphs.
      if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
      state.breaks.add(lineEnding)
      out.push(lineEnding)
    }
    one(state, child, out)
    end = pointEnd(child)
  }
}

/**
 * Place each node in `nodes` from `offset` on, by the length of its text (`at`: the point of
 * `offset`, when known); returns where the last ends. Equal points are one object: a token
 * starts where the one before it ends, a word's first text where the word does, and the word
 * ends where its last text does (the package makes two points per node, five objects per
 * word with its text). Nothing changes a point once made: parse-latin and the rules assign
 * points, never their fields (as in `placeTokens` for plain text).
 */
function patch(
  state: State,
  nodes: ReadonlyArray<RootContent | SentenceContent>,
  offset: number | undefined,
  at?: Point,
): {offset: number | undefined; point: Point | undefined} {
  let start = offset
  let startPoint = start === undefined ? undefined : (at ?? state.place.toPoint(start))
  for (const node of nodes) {
    let end: number | undefined
    let endPoint: Point | undefined
    if ('children' in node) {
      // A parent's text is its children's, one after the other.
      const inner = patch(state, node.children, start, startPoint)
      end = inner.offset
      endPoint = inner.point
    } else {
      end = start === undefined ? undefined : start + node.value.length
      endPoint = state.place.toPoint(end)
    }
    node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
    start = end
    startPoint = endPoint
  }
  return {offset: start, point: startPoint}
}

/** Split `node`'s children after each child of `childType` whose text matches `expression`. */
function splitNode<T extends Sentence | Paragraph>(node: T, childType: string, expression: RegExp): Array<T extends Sentence ? Sentence : Paragraph> {
  const result: Array<Sentence | Paragraph> = []
  let start = 0
  const children = node.children as Array<RootContent | SentenceContent>
  for (let index = 0; index < children.length; index++) {
    const token = children[index]
    if (index === children.length - 1 || (token.type === childType && expression.test(toString(token)))) {
      const parent = {type: node.type, children: children.slice(start, index + 1)} as Sentence | Paragraph
      const first = children[start]
      if (first.position && token.position) parent.position = {start: first.position.start, end: token.position.end}
      result.push(parent)
      start = index + 1
    }
  }
  return result as Array<T extends Sentence ? Sentence : Paragraph>
}

/**
 * `plugins` with parse-latin's `breakImplicitSentences` swapped for {@link breakImplicitSentences}.
 * The package's breaks a sentence at its first white space of two or more line ends and goes on
 * with a copy of the rest, so a sentence with many such breaks (a stretch of list items or quote
 * lines that no capital letter cuts, `- - - x` a line) cost the square of its length: 256 KB of
 * nested list markers took 8 s there. Found by its place in parse-english's list (third from the
 * end) and kept only if it splits a probe sentence as {@link breakImplicitSentences} does;
 * otherwise the list is left as it is (the same result, slower).
 */
export function linearParagraphPlugins(plugins: ReadonlyArray<(paragraph: Paragraph) => void>): Array<(paragraph: Paragraph) => void> {
  const packaged = packagedBreak()
  if (!packaged) return [...plugins]
  return plugins.map((plugin) => (plugin === packaged ? breakImplicitSentences : plugin))
}

let probed: ((paragraph: Paragraph) => void) | null | undefined

/** parse-latin's `breakImplicitSentences`, when it is where it was and does what it did. */
function packagedBreak(): ((paragraph: Paragraph) => void) | undefined {
  if (probed === undefined) {
    const candidate = (ParseEnglish.prototype.tokenizeParagraphPlugins as Array<(paragraph: Paragraph) => void>).at(-3)
    const probe = (): Paragraph => ({
      type: 'ParagraphNode',
      children: [
        {
          type: 'SentenceNode',
          children: [
            {type: 'WordNode', children: [{type: 'TextNode', value: 'a'}]},
            {type: 'WhiteSpaceNode', value: '\n\n'},
            {type: 'WordNode', children: [{type: 'TextNode', value: 'b'}]},
            {type: 'WhiteSpaceNode', value: '\n'},
            {type: 'WordNode', children: [{type: 'TextNode', value: 'c'}]},
            {type: 'WhiteSpaceNode', value: '\r\n\r\n'},
            {type: 'WordNode', children: [{type: 'TextNode', value: 'd'}]},
          ],
        },
      ],
    })
    const theirs = probe()
    const ours = probe()
    candidate?.(theirs)
    breakImplicitSentences(ours)
    probed = candidate && theirs.children.length === 5 && JSON.stringify(theirs) === JSON.stringify(ours) ? candidate : null
  }
  return probed ?? undefined
}

/**
 * parse-latin's `breakImplicitSentences` (7.0.0, MIT, © Titus Wormer) in linear time: break each
 * sentence of `paragraph` at every white space of two or more line ends that is neither the first
 * token of the sentence it ends up in nor the last of the sentence, the break between the parts.
 * The parts get the positions the package gives them (the same point objects).
 */
export function breakImplicitSentences(paragraph: Paragraph): void {
  let out: Paragraph['children'] | undefined
  paragraph.children.forEach((child, index) => {
    if (child.type !== 'SentenceNode') {
      out?.push(child)
      return
    }
    const children = child.children
    let current: Sentence = child
    let from = 0
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]
      if (node.type !== 'WhiteSpaceNode' || toString(node).split(/\r\n|\r|\n/).length < 3) continue
      if (!out) out = paragraph.children.slice(0, index)
      current.children = children.slice(from, position)
      out.push(current)
      out.push(node)
      const insertion: Sentence = {type: 'SentenceNode', children: []}
      const tail = children[position - 1]
      const head = children[position + 1]
      if (current.position && tail.position && head.position) {
        const end = current.position.end
        current.position.end = tail.position.end
        insertion.position = {start: head.position.start, end}
      }
      current = insertion
      from = position + 1
      // The part after the break starts at its first token, which is never a break itself.
      position++
    }
    if (from > 0) current.children = children.slice(from)
    out?.push(current)
  })
  if (!out) return
  // In place, as the package splices it.
  paragraph.children.length = 0
  for (const node of out) paragraph.children.push(node)
}

/**
 * The incremental engine of the language server: the same messages as {@link lint} on the
 * same text, computed from what the last lint of the draft left behind.
 *
 * A plain-text draft is cut into chunks at line ends that end a paragraph (where
 * `splitLineParagraphs` cuts too) and that no sentence of parse-latin crosses (see
 * {@link splitChunks}), so that each chunk parses alone into exactly the nodes the whole draft
 * parses into.
 *
 * - Parsing: each chunk is parsed once per text; its nodes are moved to the chunk's place.
 * - Rules of `scope: 'paragraph'` (see `RuleMeta.scope`): their messages are kept per chunk,
 *   keyed by the chunk's text, the chunk before it, the 64 characters after it and whether it
 *   is the first; only changed chunks are linted again (on a tree of those chunks, the chunk
 *   before each, and the first chunk).
 * - Rules of the whole document with `meta.partial` (misspellings, lowercase proper nouns,
 *   misspelled names): messages kept per chunk text with the draft-wide facts they read
 *   (`DraftFact`), reused while every fact answers the same in the new draft; the rule runs on
 *   the other chunks only, asking the whole tree its facts (which the rules answer from
 *   per-paragraph summaries kept by text).
 * - Other rules of the whole document (duplicated lines, balance of quotes, headline style)
 *   run on the whole tree, one rule at a time, from per-paragraph results they keep by text.
 *
 * Between chunks and between rules the engine yields to the event loop and gives up when
 * `isStale()` says a newer version of the draft arrived. Markdown drafts are linted whole.
 */
import type {Root, RootContent} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/types.js'
import type {DraftFact, Rule} from '../rule.js'
import {splitChunks, splitLineParagraphs, type Chunk} from './line-paragraphs.js'
import {limitMessages, maxMessagesOf, settle} from './lint.js'
import {createProcessor, enabledRules} from './processor.js'

export {splitChunks, type Chunk} from './line-paragraphs.js'

/** Characters after a chunk that a paragraph rule may read (the sentence-start rule reads 40). */
const lookahead = 64

/** Options of {@link IncrementalLinter.lint}. */
export interface IncrementalLintOptions {
  readonly path?: string
  readonly cwd?: string
  /** Asked between chunks and rules: `true` abandons the lint (it resolves to `undefined`). */
  readonly isStale?: () => boolean
}

/** A chunk's parsed nodes, relative to its start, and the copy last placed in a draft. */
interface ParsedChunk {
  readonly nodes: readonly RootContent[]
  placed?: {readonly offset: number; readonly line: number; readonly column: number; readonly nodes: RootContent[]}
  used: number
}

/** A chunk's messages from the paragraph rules, as computed at `offset`/`line`, by rule id. */
interface LocalResult {
  readonly offset: number
  readonly line: number
  readonly column: number
  readonly byRule: ReadonlyMap<string, readonly VFileMessage[]>
  used: number
}

/**
 * A chunk's messages from a document rule with `meta.partial`, as computed at `offset`/`line`,
 * and the draft-wide facts they depended on: kept while the chunk's text is the same and
 * every fact gives the same answer in the new draft.
 */
interface PartialResult {
  readonly offset: number
  readonly line: number
  readonly column: number
  readonly messages: readonly VFileMessage[]
  readonly facts: readonly DraftFact[]
  used: number
}

/** The processors of one configuration (built once per configuration object). */
interface Processors {
  readonly enabled: readonly Rule[]
  readonly local: Processor<Root, Root, Root> | undefined
  readonly document: ReadonlyArray<{readonly rule: Rule; readonly processor: Processor<Root, Root, Root>}>
}

const processorsByConfig = new WeakMap<ResolvedConfig, Processors>()
const parser = unified().use(retextEnglish).freeze() as unknown as Processor<Root, Root, Root>

function isParagraphRule(rule: Rule): boolean {
  return rule.meta.scope === 'paragraph'
}

function processorsFor(config: ResolvedConfig): Processors {
  let processors = processorsByConfig.get(config)
  if (!processors) {
    const enabled = enabledRules(config)
    const hasLocal = enabled.some(isParagraphRule)
    processors = {
      enabled,
      local: hasLocal ? createProcessor(config, 'text', {select: isParagraphRule, splitLines: false}) : undefined,
      document: enabled
        .filter((rule) => !isParagraphRule(rule))
        .map((rule) => ({rule, processor: createProcessor(config, 'text', {select: (other) => other === rule, splitLines: false})})),
    }
    processorsByConfig.set(config, processors)
  }
  return processors
}

/** Let pending I/O (a newer edit) in. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Lints one plain-text draft again and again as it changes; one per open document and configuration. */
export class IncrementalLinter {
  private readonly parsed = new Map<string, ParsedChunk>()
  private readonly local = new Map<string, LocalResult>()
  /** Per rule with `meta.partial`: results by chunk text (and whether it is the first). */
  private readonly partial = new Map<string, Map<string, PartialResult>>()
  private generation = 0

  constructor(private readonly config: ResolvedConfig) {}

  /** The messages of `text`, sorted and settled as {@link lint} gives them; `undefined` when abandoned. */
  async lint(text: string, options: IncrementalLintOptions = {}): Promise<VFile | undefined> {
    const isStale = options.isStale ?? (() => false)
    const generation = ++this.generation
    const processors = processorsFor(this.config)
    const chunks = splitChunks(text)

    // Parse: new chunks only, yielding between them.
    const placed: RootContent[][] = []
    for (const chunk of chunks) {
      let entry = this.parsed.get(chunk.text)
      if (!entry) {
        entry = {nodes: parseChunk(chunk.text), used: generation}
        this.parsed.set(chunk.text, entry)
        await yieldToEvents()
        if (isStale()) return undefined
      }
      entry.used = generation
      if (!entry.placed || entry.placed.offset !== chunk.start || entry.placed.line !== chunk.line || entry.placed.column !== chunk.column) {
        const shift: Shift = {offset: chunk.start, lines: chunk.line - 1, firstLine: 1, columns: chunk.column - 1}
        entry.placed = {offset: chunk.start, line: chunk.line, column: chunk.column, nodes: entry.nodes.map((node) => moved(node, shift))}
      }
      placed.push(entry.placed.nodes)
    }
    const children = placed.flat()
    const tree: Root = {type: 'RootNode', children, position: span(children, text)}
    const file = new VFile({value: text, path: options.path, cwd: options.cwd})

    // Paragraph rules: lint the chunks whose key changed, with the context they read.
    const keys = chunks.map((chunk, index) => localKey(chunks, index, text))
    if (processors.local) {
      const dirty = chunks.map((_, index) => index).filter((index) => !this.local.has(keys[index]))
      if (dirty.length > 0) {
        const included = new Set<number>([0])
        for (const index of dirty) {
          if (index > 0) included.add(index - 1)
          included.add(index)
        }
        const order = [...included].sort((a, b) => a - b)
        const pruned: Root = {type: 'RootNode', children: order.flatMap((index) => placed[index])}
        const localFile = new VFile({value: text, path: options.path, cwd: options.cwd})
        await processors.local.run(pruned, localFile)
        const byChunk = new Map<number, Map<string, VFileMessage[]>>(dirty.map((index) => [index, new Map()]))
        for (const message of localFile.messages) {
          const index = chunkAt(chunks, message.place && 'start' in message.place ? message.place.start.offset : message.place?.offset)
          const byRule = index === undefined ? undefined : byChunk.get(index)
          if (!byRule) continue // a context chunk: its messages are kept already
          const list = byRule.get(message.ruleId ?? '')
          if (list) list.push(message)
          else byRule.set(message.ruleId ?? '', [message])
        }
        for (const [index, byRule] of byChunk)
          this.local.set(keys[index], {offset: chunks[index].start, line: chunks[index].line, column: chunks[index].column, byRule, used: generation})
        await yieldToEvents()
        if (isStale()) return undefined
      }
    }

    // Document rules: the whole tree, one rule at a time. A rule with `meta.partial` reports
    // on the chunks whose text changed or whose draft-wide facts answer differently now.
    const partialMessages = new Map<string, VFileMessage[]>()
    for (const {rule, processor} of processors.document) {
      if (rule.meta.partial) {
        partialMessages.set(rule.id, await this.runPartial(rule, processor, chunks, placed, tree, text, options, generation))
      } else {
        await processor.run(tree, file)
      }
      await yieldToEvents()
      if (isStale()) return undefined
    }

    // Every rule's messages in registry order, each rule's in the order it reported them.
    const messages: VFileMessage[] = []
    for (const rule of processors.enabled) {
      if (rule.meta.partial && !isParagraphRule(rule)) {
        for (const message of partialMessages.get(rule.id)!) messages.push(message)
        continue
      }
      if (!isParagraphRule(rule)) {
        for (const message of file.messages) if (message.ruleId === rule.id) messages.push(message)
        continue
      }
      chunks.forEach((chunk, index) => {
        const result = this.local.get(keys[index])!
        result.used = generation
        const isInPlace = result.offset === chunk.start && result.line === chunk.line && result.column === chunk.column
        const shift: Shift = {offset: chunk.start - result.offset, lines: chunk.line - result.line, firstLine: result.line, columns: chunk.column - result.column}
        for (const message of result.byRule.get(rule.id) ?? []) messages.push(isInPlace ? message : movedMessage(message, shift))
      })
    }
    file.messages = messages
    file.data.copydeskRuleOrder = processors.enabled.map((rule) => rule.id)
    settle(file)
    // The draft's message limit: the first messages only (the engine keeps them all per chunk).
    const max = maxMessagesOf(this.config)
    if (max !== undefined) limitMessages(file, max)
    this.forgetUnused(generation)
    return file
  }

  /** The messages of a rule with `meta.partial`, in the draft's order: kept per chunk where they still hold. */
  private async runPartial(
    rule: Rule,
    processor: Processor<Root, Root, Root>,
    chunks: readonly Chunk[],
    placed: readonly RootContent[][],
    tree: Root,
    text: string,
    options: IncrementalLintOptions,
    generation: number,
  ): Promise<VFileMessage[]> {
    let results = this.partial.get(rule.id)
    if (!results) this.partial.set(rule.id, (results = new Map<string, PartialResult>()))
    const factFile = new VFile({value: text, path: options.path, cwd: options.cwd})
    // Each fact asked once per lint, however many chunks read it.
    const answers = new Map<string, unknown>()
    const holds = (fact: DraftFact) => {
      if (!answers.has(fact.key)) answers.set(fact.key, fact.recheck(tree, factFile))
      return Object.is(answers.get(fact.key), fact.answer)
    }
    // The first chunk holds the draft's first paragraph, which may be a headline for that alone.
    const keys = chunks.map((chunk, index) => `${index === 0 ? 'F' : 'L'}${chunk.text}`)
    const dirty = new Map<string, number>()
    chunks.forEach((_, index) => {
      const result = results.get(keys[index])
      if ((!result || !result.facts.every(holds)) && !dirty.has(keys[index])) dirty.set(keys[index], index)
    })
    if (dirty.size > 0) {
      const indexes = [...dirty.values()]
      const facts = new Map<number, DraftFact[]>(indexes.map((index) => [index, []]))
      const runFile = new VFile({value: text, path: options.path, cwd: options.cwd})
      runFile.data.copydeskPartial = {parts: indexes.map((index) => ({nodes: placed[index], read: (fact: DraftFact) => facts.get(index)!.push(fact)}))}
      await processor.run(tree, runFile)
      const byChunk = new Map<number, VFileMessage[]>(indexes.map((index) => [index, []]))
      for (const message of runFile.messages) {
        const index = chunkAt(chunks, message.place && 'start' in message.place ? message.place.start.offset : message.place?.offset)
        const list = index === undefined ? undefined : byChunk.get(index)
        if (!list) throw new Error(`${rule.id}: a message outside the chunks it was asked for`)
        list.push(message)
      }
      for (const index of indexes) {
        const chunk = chunks[index]
        results.set(keys[index], {offset: chunk.start, line: chunk.line, column: chunk.column, messages: byChunk.get(index)!, facts: facts.get(index)!, used: generation})
      }
    }
    const messages: VFileMessage[] = []
    for (const [index, chunk] of chunks.entries()) {
      const result = results.get(keys[index])!
      result.used = generation
      for (const message of placedMessages(result, chunk)) messages.push(message)
    }
    return messages
  }

  /** Keep only what the last lint used (the draft's current chunks). */
  private forgetUnused(generation: number): void {
    for (const results of this.partial.values()) for (const [key, entry] of results) if (entry.used !== generation) results.delete(key)
    for (const [key, entry] of this.parsed) if (entry.used !== generation) this.parsed.delete(key)
    for (const [key, entry] of this.local) if (entry.used !== generation) this.local.delete(key)
  }
}

/** A kept result's messages at its chunk's place now. */
function placedMessages(
  result: {readonly offset: number; readonly line: number; readonly column: number; readonly messages: readonly VFileMessage[]},
  chunk: Chunk,
): readonly VFileMessage[] {
  if (result.offset === chunk.start && result.line === chunk.line && result.column === chunk.column) return result.messages
  const shift: Shift = {offset: chunk.start - result.offset, lines: chunk.line - result.line, firstLine: result.line, columns: chunk.column - result.column}
  return result.messages.map((message) => movedMessage(message, shift))
}

/** What a paragraph rule's messages in chunk `index` depend on (see `RuleMeta.scope`). */
function localKey(chunks: readonly Chunk[], index: number, text: string): string {
  const chunk = chunks[index]
  const previous = index > 0 ? chunks[index - 1].text : ''
  return `${index === 0 ? 'F' : index === 1 ? 'S' : 'L'}${previous.length}:${previous}${chunk.text.length}:${chunk.text}${text.slice(chunk.end, chunk.end + lookahead)}`
}

/** The index of the chunk holding `offset`. */
function chunkAt(chunks: readonly Chunk[], offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined
  let low = 0
  let high = chunks.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (offset < chunks[middle].start) high = middle - 1
    else if (offset >= chunks[middle].end && middle < chunks.length - 1) low = middle + 1
    else return middle
  }
  return undefined
}

function parseChunk(text: string): RootContent[] {
  const tree = parser.parse(text)
  splitLineParagraphs(tree, text)
  return tree.children
}

/** How to move a chunk's positions: by offset and lines; columns only on the chunk's first line (`firstLine`, before the move). */
interface Shift {
  readonly offset: number
  readonly lines: number
  readonly firstLine: number
  readonly columns: number
}

/** A copy of `node` and its children at their new place. */
/**
 * A copy of `node` and its children at their new place. The children are copied when first
 * read: after a keystroke every chunk below it moves, and most are read no deeper than their
 * paragraphs and sentences (the rules keep their results per paragraph text).
 */
function moved<Node extends RootContent>(node: Node, shift: Shift): Node {
  const copy = {...node} as Node & {children?: RootContent[]}
  if (node.position) copy.position = movedPosition(node.position, shift)
  if ('children' in node) {
    const source = node.children as RootContent[]
    let children: RootContent[] | undefined
    Object.defineProperty(copy, 'children', {
      configurable: true,
      enumerable: true,
      get: () => (children ??= source.map((child) => moved(child, shift))),
      set: (value: RootContent[]) => (children = value),
    })
  }
  return copy
}

function movedPosition(position: Position, shift: Shift): Position {
  return {start: movedPoint(position.start, shift), end: movedPoint(position.end, shift)}
}

function movedPoint(point: Point, shift: Shift): Point {
  return {
    line: point.line + shift.lines,
    column: point.line === shift.firstLine ? point.column + shift.columns : point.column,
    offset: point.offset === undefined ? undefined : point.offset + shift.offset,
  }
}

/** A copy of a paragraph rule's message for its chunk's new place. */
function movedMessage(message: VFileMessage, shift: Shift): VFileMessage {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message)
  const place = message.place
  if (place) copy.place = 'start' in place ? movedPosition(place, shift) : movedPoint(place, shift)
  const start = copy.place && 'start' in copy.place ? copy.place.start : copy.place
  if (message.line !== undefined && start) {
    copy.line = start.line
    copy.column = start.column
  }
  // vfile names a message `path:line:column-line:column`.
  const name = copy.place ? placeName(copy.place) : '1:1'
  copy.name = message.file ? `${message.file}:${name}` : name
  return copy
}

function placeName(place: Position | Point): string {
  return 'start' in place ? `${pointName(place.start)}-${pointName(place.end)}` : pointName(place)
}

/** `line:column`, as vfile-message names a place. */
function pointName(point: Point): string {
  return `${point.line || 1}:${point.column || 1}`
}

/** The root's position, as the parser gives it: from the first node to the end of the text. */
function span(children: readonly RootContent[], text: string): Position | undefined {
  const first = children[0]?.position
  const last = children.at(-1)?.position
  if (!first || !last || text === '') return undefined
  return {start: {...first.start}, end: {...last.end}}
}

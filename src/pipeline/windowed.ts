/**
 * The windowed lint of a large plain-text draft: the same messages as linting the draft as one
 * tree, with only a window of it parsed at a time.
 *
 * A whole draft's tree costs about 270 bytes per byte of prose (every word is a handful of
 * nlcst nodes with their positions), and the whole tree stayed alive while every rule ran:
 * 4 MiB of prose took 1.1 GB and a quarter of its time collecting garbage. Here the draft is
 * cut into chunks that parse alone into the nodes the whole draft parses into (`splitChunks`,
 * which the language server's incremental engine relies on too), and the chunks are grouped
 * into windows of some 64 KB. The draft is read twice, a window at a time:
 *
 * 1. Survey: each window is parsed and the rules of the whole document (all `meta.windowed`,
 *    see `WindowRun` in `src/rule.ts`) add what they need to know of the whole draft to a
 *    state kept per draft (the names it uses, its body's words, its counts of quotes: sums
 *    of per-paragraph summaries in the draft's order). The window's tree is dropped.
 * 2. Report: each window is parsed again and put after the paragraph before it (a paragraph
 *    rule reads it), and every rule runs on it: the paragraph rules as they always do, the
 *    document rules on the window's nodes only, answering draft-wide questions from the
 *    survey (a rule that compares a window with the text before it, repeated lines, indexed
 *    that text in the survey).
 *    Only messages that start inside the window are kept. Where the draft's first paragraph
 *    starts is told to every run (it may be a headline for that alone).
 *
 * The messages are then settled as {@link lint} settles a whole draft's.
 *
 * A share of the report ({@link WindowPart}: a run of consecutive windows) may be linted
 * alone, after surveying every window: the two halves of a draft's windows, in two worker
 * threads, give together the messages of the whole run (`lintIsolated` in `pool.ts`).
 */
import type {Root, RootContent} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/types.js'
import type {Rule, WindowRun} from '../rule.js'
import {parseChunkText, splitChunks, splitLineParagraphs, type Chunk} from './line-paragraphs.js'
import {parseAt} from './placed-parser.js'
import {settleMessages} from './settle.js'
import {createProcessor, enabledRules} from './processor.js'

/** Options of the windowed lint (tests force tiny windows). */
export interface WindowOptions {
  /**
   * Drafts of at least this many characters are linted a window at a time (default: those of
   * {@link windowThreshold} characters, or of {@link windowNodes} estimated nodes; see {@link isWindowDraft}).
   */
  readonly threshold?: number
  /**
   * Drafts of at least this many nodes, by {@link estimatedNodes}, are linted a window at a time
   * too (default {@link windowNodes}; not asked when only `threshold` is given).
   */
  readonly nodes?: number
  /** Characters per window, at least (a window is whole chunks; default {@link windowSize}). */
  readonly size?: number
}

/**
 * A share of a windowed lint's report: the `index`th (from 0) of `of` runs of consecutive
 * windows, as equal in number as can be. The survey still reads every window; the report
 * starts after the last paragraph of the window before the share, as the whole run does.
 */
export interface WindowPart {
  readonly index: number
  readonly of: number
}

/** Drafts of at least this many characters are linted a window at a time (unless {@link WindowOptions.threshold} says otherwise). */
export const windowThreshold = 1024 * 1024

/**
 * Drafts of at least this many nodes, by {@link estimatedNodes}, are linted a window at a time
 * too: those with more nodes than a megabyte of prose (some 385,000). A draft's tree and what the
 * rules keep of it grow with its tokens and its lines (a line is a paragraph and a sentence,
 * each with its document entry), not with its characters: 1 MiB of one-letter lines is a
 * million tokens and half a million lines, 880 MB linted whole (prose: 300 MB). In windows of
 * {@link windowSize} a draft costs about the CPU time it costs whole (2026-12-02, 1 MiB, one
 * run each, load 6: prose 7.7 s whole / 7.9 s in windows, names a line 5.0 / 5.9, made-up words
 * 7.6 / 6.8, one line repeated 4.8 / 2.9) and less memory (330 / 290 MB, 319 / 315, 397 / 275,
 * 387 / 193), so the drafts heavier than prose are read in windows below 1 MiB: one-letter
 * lines from 256 KB, one line repeated from some 900 KB.
 */
export const windowNodes = 384 * 1024

/**
 * Default {@link WindowOptions.size}: a window holds few enough nodes that they die young.
 * With windows of 64 KB, a draft of one-letter lines promoted every window's nodes (some 40 MB)
 * to the old generation, which the worker's paced heap (`pool.ts`) then collected whole two or
 * three times a window: 1 MiB took 17.5 s of CPU, 40 % of it collecting. A window of one chunk
 * of 2 KB or more is collected by the young generation: 7 to 8 s (4 KB: 9 s, 8 KB: 9.5 s).
 */
export const windowSize = 2 * 1024

/**
 * Whether `text`, a plain-text draft, is linted a window at a time: of at least `options.threshold`
 * characters (default {@link windowThreshold}), or of `options.nodes` estimated nodes (default
 * {@link windowNodes}; only `options.threshold` given: characters alone).
 */
export function isWindowDraft(text: string, options: WindowOptions = {}): boolean {
  if (text.length >= (options.threshold ?? windowThreshold)) return true
  if (options.threshold !== undefined && options.nodes === undefined) return false
  const nodes = options.nodes ?? windowNodes
  return estimatedNodes(text, nodes) >= nodes
}

/**
 * The nodes parse-latin makes of `text`, about, counted up to `most`: a token for each run of
 * letters and digits (most characters past ASCII are letters), each run of white space and
 * each other character, and one for each line break (its paragraph).
 */
export function estimatedNodes(text: string, most = Infinity): number {
  let count = 0
  let previous = 0
  for (let index = 0; index < text.length && count < most; index++) {
    const code = text.charCodeAt(index)
    const kind = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code >= 128 ? 1 : code === 32 || (code >= 9 && code <= 13) ? 2 : 3
    if (kind !== previous || kind === 3) count++
    if (code === 10) count++
    previous = kind
  }
  return count
}

interface Processors {
  readonly enabled: readonly Rule[]
  /** Whether every enabled rule of the whole document honours `copydeskWindow`. */
  readonly isWindowed: boolean
  readonly survey: Processor<Root, Root, Root>
  readonly report: Processor<Root, Root, Root>
}

const processorsByConfig = new WeakMap<ResolvedConfig, Processors>()
/** The plain parser of the windows' chunks (no retext plugin registers parser extensions on it). */
const parser = unified().use(retextEnglish).freeze() as unknown as Processor

const isDocumentRule = (rule: Rule) => rule.meta.scope !== 'paragraph'

function processorsFor(config: ResolvedConfig): Processors {
  let processors = processorsByConfig.get(config)
  if (!processors) {
    const enabled = enabledRules(config)
    processors = {
      enabled,
      isWindowed: enabled.every((rule) => !isDocumentRule(rule) || rule.meta.windowed === true),
      survey: createProcessor(config, 'text', {select: isDocumentRule, splitLines: false}),
      report: createProcessor(config, 'text', {splitLines: false}),
    }
    processorsByConfig.set(config, processors)
  }
  return processors
}

/**
 * Lint the plain-text draft of `file` a window at a time, leaving its messages on `file`
 * unsettled (in registry order, with `copydeskRuleOrder` set); `false` (and `file` untouched)
 * when the draft is not for windows: a rule of the whole document that cannot read a draft
 * in windows is on, or the draft is one window.
 */
export async function lintInWindows(file: VFile, config: ResolvedConfig, size = windowSize, part?: WindowPart): Promise<boolean> {
  const processors = processorsFor(config)
  if (!processors.isWindowed) return false
  const text = String(file.value ?? '')
  const chunks = splitChunks(text, Math.min(chunkSize, size), {afterSentenceMark: true})
  const windows = groupChunks(chunks, size)
  if (windows.length < 2) return false
  // The windows reported on: all, or a share.
  const from = part ? Math.floor((windows.length * part.index) / part.of) : 0
  const to = part ? Math.floor((windows.length * (part.index + 1)) / part.of) : windows.length
  file.data.copydeskRuleOrder = processors.enabled.map((rule) => rule.id)
  if (from >= to) return true

  const state = new Map<string, unknown>()
  // One file for every run, so that what a rule keeps per file (the draft's runs of letters)
  // is worked out once; each run's messages are taken off it.
  const runFile = new VFile({value: text, path: file.path, cwd: file.cwd})
  // The draft's message limit (`limitMessages` in lint.ts), spent across the windows.
  const budget = file.data.copydeskBudget
  if (budget) runFile.data.copydeskBudget = budget
  const run = async (processor: Processor<Root, Root, Root>, window: WindowRun, context: readonly RootContent[]) => {
    const tree: Root = {type: 'RootNode', children: [...context, ...window.nodes]}
    runFile.data.copydeskWindow = window
    // The rules that honour a partial run (`meta.partial`) report on the window's nodes only.
    runFile.data.copydeskPartial = {parts: [{nodes: window.nodes, read: () => {}}]}
    const before = runFile.messages.length
    await processor.run(tree, runFile)
    return runFile.messages.splice(before)
  }
  const nodesOf = ([from, to]: readonly [number, number]) => {
    const nodes: RootContent[] = []
    for (let index = from; index < to; index++) for (const node of parseChunk(chunks[index], text)) nodes.push(node)
    return nodes
  }
  const bounds = ([first, past]: readonly [number, number]) => ({start: chunks[first].start, end: chunks[past - 1].end})
  const reportEnd = bounds(windows[to - 1]).end

  // Survey: each window alone. Where the draft's first paragraph starts, from the first: it
  // may be a headline for that alone (see `WindowRun`).
  let firstParagraph: number | undefined
  for (const [index, window] of windows.entries()) {
    const nodes = nodesOf(window)
    if (index === 0) firstParagraph = nodes.find((node) => node.type === 'ParagraphNode')?.position?.start.offset
    await run(processors.survey, {pass: 'survey', nodes, ...bounds(window), state, firstParagraph, reportEnd}, [])
  }

  // Report: each window after the paragraph before it; with a message limit, until the
  // report is known to end (a rule stopped at the limit, or more messages than it allows:
  // messages that start in different windows are settled apart, see `settleMessages`).
  const byRule = new Map<string, VFileMessage[]>(processors.enabled.map((rule) => [rule.id, []]))
  const order = processors.enabled.map((rule) => rule.id)
  const points = budget ? location(text) : undefined
  let settled = 0
  const lastParagraph = (nodes: RootContent[]) => nodes.slice(lastParagraphStart(nodes))
  let previous: RootContent[] = from > 0 ? lastParagraph(nodesOf(windows[from - 1])) : []
  for (const window of windows.slice(from, to)) {
    const nodes = nodesOf(window)
    const {start, end} = bounds(window)
    const inWindow: VFileMessage[] = []
    for (const message of await run(processors.report, {pass: 'report', nodes, start, end, state, firstParagraph, reportEnd}, previous)) {
      const offset = message.place && 'start' in message.place ? message.place.start.offset : message.place?.offset
      if (offset === undefined || offset < start || offset >= end) continue
      byRule.get(message.ruleId ?? '')?.push(message)
      inWindow.push(message)
    }
    previous = lastParagraph(nodes)
    if (budget && points) {
      if (budget.stops.size > 0) break
      settled += settleMessages(inWindow, text, points, order).length
      if (settled > budget.max) break
    }
  }
  file.messages = processors.enabled.flatMap((rule) => byRule.get(rule.id)!)
  return true
}

/** Index of the last paragraph of `nodes` (0 when there is none). */
function lastParagraphStart(nodes: readonly RootContent[]): number {
  return Math.max(
    0,
    nodes.findLastIndex((node) => node.type === 'ParagraphNode'),
  )
}

/** Consecutive chunks of at least `size` characters together (the last window may be shorter), as `[from, to)` indexes. */
function groupChunks(chunks: readonly Chunk[], size: number): Array<readonly [number, number]> {
  const windows: Array<readonly [number, number]> = []
  let from = 0
  for (let index = 0; index < chunks.length; index++) {
    if (chunks[index].end - chunks[from].start >= size || index === chunks.length - 1) {
      windows.push([from, index + 1])
      from = index + 1
    }
  }
  return windows
}

/** Characters of a chunk of a window, at least (`splitChunks`' `minimum`: short lines are parsed a run of them at a time). */
const chunkSize = 2048

/** A chunk's nodes, parsed alone (see `splitChunks`) and made at their place in the draft, as the processor's parser does. */
function parseChunk(chunk: Chunk, text: string): RootContent[] {
  const tree = parseChunkText(chunk, (chunkText) => parseAt(parser, chunkText, chunk))
  splitLineParagraphs(tree, text)
  return tree.children
}

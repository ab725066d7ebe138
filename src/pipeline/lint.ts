/**
 * The library entry point shared by the CLI and the LSP server: text or file in, messages out.
 */
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {defaultConfig} from '../config/defaults.js'
import type {ResolvedConfig} from '../config/types.js'
import type {MessageFields} from '../rule.js'
import {budgetCut, createBudget} from '../rule.js'
import {paceLargeDraftHeap} from './heap.js'
import {defaultMaxMessages} from './limits.js'
import {offsets, settle} from './settle.js'
import {getProcessor, loadMarkdownSupport, type DraftKind} from './processor.js'
import {estimatedNodes, isWindowDraft, lintInWindows, windowNodes, type WindowOptions} from './windowed.js'

/** Where the report of a draft with more messages than its limit (`maxMessages`) ends. */
export interface StoppedAt {
  /** The messages reported: the draft's first ones. */
  readonly messages: number
  /** Line and column (1-based) of the last message reported: the draft after it is not reported. */
  readonly line: number
  readonly column: number
}

declare module 'vfile' {
  interface DataMap {
    /** Set when the draft has more messages than its limit: see {@link limitMessages}. */
    copydeskStopped: StoppedAt
  }
}

/** The message limit of a configuration: `maxMessages`, the default when unset; `undefined` for none (`-1`). */
export function maxMessagesOf(config: ResolvedConfig): number | undefined {
  const max = config.maxMessages ?? defaultMaxMessages
  return max < 0 ? undefined : max
}

/** Options of {@link lint}. */
export interface LintOptions {
  /** The resolved configuration (default: every rule at its default severity). */
  readonly config?: ResolvedConfig
  /** Path of the draft, when `input` is a string (decides plain text or Markdown). */
  readonly path?: string
  /** Force the kind of draft instead of guessing it from the extension. */
  readonly kind?: DraftKind
  /** When and how a large plain-text draft is linted a window at a time (see `windowed.ts`). */
  readonly window?: WindowOptions
}

/** Whether a path names a Markdown draft. */
export function isMarkdownPath(path: string | undefined): boolean {
  return path !== undefined && /\.(md|markdown)$/i.test(path)
}

/** The kind of a draft: the one asked for, else Markdown by its path's extension, else plain text. */
export function draftKind(path: string | undefined, kind?: DraftKind): DraftKind {
  return kind ?? (isMarkdownPath(path) ? 'markdown' : 'text')
}

// The configuration of a call without one, once per folder: the processor, its rules' caches
// and their word lists are built per configuration, so a fresh one per call rebuilt them all
// for every draft (about half of the warm time on short drafts).
const defaults = new Map<string, ResolvedConfig>()

function defaultConfigFor(cwd: string): ResolvedConfig {
  let config = defaults.get(cwd)
  if (!config) defaults.set(cwd, (config = defaultConfig(cwd)))
  return config
}

/** Proofread one draft; resolves to the file with its messages, sorted by position. */
export async function lint(input: string | VFile, options: LintOptions = {}): Promise<VFile> {
  const file = typeof input === 'string' ? new VFile({value: input, path: options.path}) : input
  const config = options.config ?? defaultConfigFor(file.cwd)
  const kind = draftKind(file.path, options.kind)
  if (kind === 'markdown') await loadMarkdownSupport()
  const max = maxMessagesOf(config)
  delete file.data.copydeskStopped
  if (max === undefined) delete file.data.copydeskBudget
  else file.data.copydeskBudget = createBudget(max)
  // A large plain-text draft a window at a time: the same messages, a window's tree in memory.
  const isLarge = kind === 'text' && isWindowDraft(String(file.value ?? ''), options.window)
  if (!isLarge || !(await lintInWindows(file, config, options.window?.size))) {
    // As large, but one window (a line of 1 MiB is one chunk): the tree is whole, its heap paced
    // (one line of `(a ` repeated: 467 -> 400 MB). Not when a test sets the threshold alone.
    if (isLarge && (options.window?.threshold === undefined || options.window.nodes !== undefined)) paceLargeDraftHeap()
    // Markdown is linted whole: one whose tree would be twice a megabyte of prose's (a paragraph
    // of unclosed `*a _b ` or `[a `, a letter or list markers on every line) gets its heap paced
    // too (1 MiB of `*a _b `: 620 -> 451 MB). Prose is not (a megabyte of it cost 40 % more CPU
    // paced for 40 MB less).
    else if (kind === 'markdown' && isHeavyMarkdown(String(file.value ?? ''), options.window?.nodes)) paceLargeDraftHeap()
    const processor = getProcessor(config, kind)
    const tree = processor.parse(file)
    await processor.run(tree, file)
  }
  settle(file)
  if (max !== undefined) limitMessages(file, max)
  delete file.data.copydeskBudget
  guardRanges(file)
  return file
}

/** Whether a Markdown draft's estimated nodes reach twice those of a windowed plain-text draft (`windowNodes`, or `nodes`). */
export function isHeavyMarkdown(text: string, nodes = windowNodes): boolean {
  return estimatedNodes(text, 2 * nodes) >= 2 * nodes
}

/**
 * Keep the first `max` messages of a settled draft, and no message past the place where a
 * rule stopped at the limit (`mayReport` in `src/rule.ts`): the report is then exactly the start of
 * an unlimited run's. When messages are left out, `file.data.copydeskStopped` says where the
 * report ends. A draft every word of which is a message (a list of codes, a language that is not
 * English) would otherwise cost minutes and gigabytes, to print what no one reads (cspell and
 * editors cut a file's problems the same way).
 */
export function limitMessages(file: VFile, max: number): void {
  const cut = budgetCut(file.data.copydeskBudget)
  let messages = file.messages
  let isCut = false
  if (cut !== undefined) {
    isCut = true
    messages = messages.filter((message) => {
      const place = message.place
      const offset = place && 'start' in place ? place.start.offset : place?.offset
      return offset === undefined || offset <= cut
    })
  }
  if (messages.length > max) {
    isCut = true
    messages = messages.slice(0, max)
  }
  if (!isCut) return
  file.messages = messages
  const last = messages.at(-1)
  file.data.copydeskStopped = {messages: messages.length, line: last?.line ?? 1, column: last?.column ?? 1}
}

/**
 * A message's range must cover exactly its `actual` text, or carry no fix. In Markdown a
 * message can span markup that its prose does not show — `the](https://…) the` is
 * `the the` to the rules, `caf&eacute;` is `café` — and replacing that range would delete
 * the link or the reference. Such a message keeps its place and wording but loses its
 * suggestions (`expected: []`, `fix: false`), so no formatter, quick fix or `--fix` offers
 * to replace the markup: suggestions always replace exactly the text at the range.
 */
export function guardRanges(file: VFile): void {
  const text = String(file.value ?? '')
  const points = location(text)
  for (const message of file.messages) {
    const fields = message as VFileMessage & MessageFields
    if (typeof fields.actual !== 'string' || !fields.expected || fields.expected.length === 0) continue
    const range = offsets(message, points)
    if (range && text.slice(range.start, range.end) === fields.actual) continue
    fields.expected = []
    fields.fix = false
  }
}

export {settle, settleMessages} from './settle.js'

/**
 * The library entry point shared by the CLI and the LSP server: text or file in, messages out.
 */
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'
import {defaultConfig} from '../config/defaults.js'
import type {ResolvedConfig} from '../config/types.js'
import type {MessageFields} from '../rule.js'
import {getProcessor, loadMarkdownSupport, type DraftKind} from './processor.js'
import {lintInWindows, windowThreshold, type WindowOptions} from './windowed.js'

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
  // A large plain-text draft a window at a time: the same messages, a window's tree in memory.
  const isLarge = kind === 'text' && String(file.value ?? '').length >= (options.window?.threshold ?? windowThreshold)
  if (!isLarge || !(await lintInWindows(file, config, options.window?.size))) {
    const processor = getProcessor(config, kind)
    const tree = processor.parse(file)
    await processor.run(tree, file)
  }
  settle(file)
  guardRanges(file)
  return file
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

/**
 * A problem is reported by one rule only: where two rules flag the same text — the same
 * range, or one word and a part of it (`norway` by the proper-noun rule, `norway’s` by the
 * sentence-start rule) — the rule that runs first (registry order: the more specific rule)
 * keeps it. A word-for-word correction of a phrase (`new york` → `New York`) counts as a word
 * for the words inside it: a fix changes the whole name or nothing. Messages over longer
 * stretches (a repeated sentence) do not hide the words inside them. Then sort by position.
 */
export function settle(file: VFile): void {
  const order = file.data.copydeskRuleOrder ?? []
  const ranks = new Map<string, number>()
  order.forEach((ruleId, index) => {
    if (!ranks.has(ruleId)) ranks.set(ruleId, index)
  })
  const text = String(file.value ?? '')
  const points = location(text)
  type Kept = {message: VFileMessage; start: number; end: number}
  const kept: VFileMessage[] = []
  const rest: VFileMessage[] = []
  // Looked up by range, and the words by the blocks of text they touch, so that settling is
  // linear in the messages (a draft of 4 MB can have 400,000; comparing each pair took hours).
  // A range's key is `start * span + end`, one number, for an end within the text (any other
  // range, or a text too long for the product to stay exact, a string).
  const span = text.length + 1
  const isNumeric = span <= 2 ** 26
  const rulesByRange = new Map<number | string, Array<string | undefined>>()
  const wordsByBlock = new Map<number, Kept[]>()
  // Stable by position within a rule; more specific rules first (each rank looked up once).
  const byRank = file.messages.map((message, index) => ({message, index, rank: ranks.get(message.ruleId ?? '') ?? order.length}))
  byRank.sort((a, b) => a.rank - b.rank || a.index - b.index)
  for (const {message} of byRank) {
    const range = offsets(message, points)
    if (!range) {
      rest.push(message)
      continue
    }
    const {start, end} = range
    const actual = text.slice(start, end)
    const isWord = !/\s/.test(actual) || isPhraseCorrection(message, actual)
    const key = isNumeric && end >= 0 && end < span && Number.isInteger(start) && Number.isInteger(end) ? start * span + end : `${start}:${end}`
    const sameRange = rulesByRange.get(key)
    let taken = sameRange !== undefined && sameRange.some((ruleId) => ruleId !== message.ruleId)
    const first = Math.floor(start / settleBlock)
    const last = Math.floor(Math.max(start, end - 1) / settleBlock)
    if (!taken && isWord) {
      // Overlapping words share a character, and so a block.
      for (let block = first; block <= last && !taken; block++) {
        const words = wordsByBlock.get(block)
        if (!words) continue
        for (const other of words) {
          if (
            other.message.ruleId !== message.ruleId &&
            other.start < end &&
            start < other.end &&
            (other.start === start || (other.start <= start && end <= other.end) || (start <= other.start && other.end <= end))
          ) {
            taken = true
            break
          }
        }
      }
    }
    if (taken) continue
    kept.push(message)
    if (sameRange) {
      if (!sameRange.includes(message.ruleId)) sameRange.push(message.ruleId)
    } else rulesByRange.set(key, [message.ruleId])
    if (isWord) {
      const entry: Kept = {message, start, end}
      for (let block = first; block <= last; block++) {
        const list = wordsByBlock.get(block)
        if (list) list.push(entry)
        else wordsByBlock.set(block, [entry])
      }
    }
  }
  for (const message of rest) kept.push(message)
  file.messages = kept.sort(compareMessage)
}

/** Characters per block of {@link settle}'s index of words. */
const settleBlock = 256

/** `new york` → `New York`: a few words on one line, each replaced by one word. */
function isPhraseCorrection(message: VFileMessage, actual: string): boolean {
  const expected = (message as VFileMessage & {expected?: unknown}).expected
  const words = actual.split(/[ \u00a0]+/)
  return (
    !/[\r\n]/.test(actual) &&
    words.length <= 4 &&
    Array.isArray(expected) &&
    expected.length > 0 &&
    expected.every((item) => typeof item === 'string' && item.split(/[ \u00a0]+/).length === words.length)
  )
}

function offsets(message: VFileMessage, points: ReturnType<typeof location>): {start: number; end: number} | undefined {
  const place = message.place
  if (!place) return undefined
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : place
  const from = start.offset ?? points.toOffset(start)
  const to = end.offset ?? points.toOffset(end)
  if (from === undefined || to === undefined) return undefined
  return {start: from, end: to}
}

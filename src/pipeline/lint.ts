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

/** Options of {@link lint}. */
export interface LintOptions {
  /** The resolved configuration (default: every rule at its default severity). */
  readonly config?: ResolvedConfig
  /** Path of the draft, when `input` is a string (decides plain text or Markdown). */
  readonly path?: string
  /** Force the kind of draft instead of guessing it from the extension. */
  readonly kind?: DraftKind
}

/** Whether a path names a Markdown draft. */
export function isMarkdownPath(path: string | undefined): boolean {
  return path !== undefined && /\.(md|markdown)$/i.test(path)
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
  const kind = options.kind ?? (isMarkdownPath(file.path) ? 'markdown' : 'text')
  if (kind === 'markdown') await loadMarkdownSupport()
  const processor = getProcessor(config, kind)
  const tree = processor.parse(file)
  await processor.run(tree, file)
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
  const rank = (message: VFileMessage) => {
    const index = order.indexOf(message.ruleId ?? '')
    return index === -1 ? order.length : index
  }
  const text = String(file.value ?? '')
  const points = location(text)
  type Kept = {message: VFileMessage; start: number; end: number; isWord: boolean}
  const kept: Kept[] = []
  const rest: VFileMessage[] = []
  // Looked up by range, and the words by the blocks of text they touch, so that settling is
  // linear in the messages (a draft of 4 MB can have 400,000; comparing each pair took hours).
  const rulesByRange = new Map<string, Set<string | undefined>>()
  const wordsByBlock = new Map<number, Kept[]>()
  const blocks = (start: number, end: number) => ({first: Math.floor(start / settleBlock), last: Math.floor(Math.max(start, end - 1) / settleBlock)})
  // Stable by position within a rule; more specific rules first.
  const byRank = file.messages.map((message, index) => ({message, index})).sort((a, b) => rank(a.message) - rank(b.message) || a.index - b.index)
  for (const {message} of byRank) {
    const range = offsets(message, points)
    if (!range) {
      rest.push(message)
      continue
    }
    const isWord = !/\s/.test(text.slice(range.start, range.end)) || isPhraseCorrection(message, text.slice(range.start, range.end))
    const key = `${range.start}:${range.end}`
    const sameRange = rulesByRange.get(key)
    let taken = sameRange !== undefined && [...sameRange].some((ruleId) => ruleId !== message.ruleId)
    if (!taken && isWord) {
      // Overlapping words share a character, and so a block.
      const {first, last} = blocks(range.start, range.end)
      for (let block = first; block <= last && !taken; block++) {
        taken = (wordsByBlock.get(block) ?? []).some(
          (other) =>
            other.message.ruleId !== message.ruleId &&
            other.start < range.end &&
            range.start < other.end &&
            (other.start === range.start || nests(other, range) || nests(range, other)),
        )
      }
    }
    if (taken) continue
    const entry = {message, ...range, isWord}
    kept.push(entry)
    if (sameRange) sameRange.add(message.ruleId)
    else rulesByRange.set(key, new Set([message.ruleId]))
    if (isWord) {
      const {first, last} = blocks(range.start, range.end)
      for (let block = first; block <= last; block++) {
        const list = wordsByBlock.get(block)
        if (list) list.push(entry)
        else wordsByBlock.set(block, [entry])
      }
    }
  }
  file.messages = [...kept.map((entry) => entry.message), ...rest].sort(compareMessage)
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

function nests(outer: {start: number; end: number}, inner: {start: number; end: number}): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
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

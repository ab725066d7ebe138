/**
 * Settling a draft's messages: one rule per problem, sorted by position (see {@link settle}).
 */
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'

/**
 * A problem is reported by one rule only: where two rules flag the same text — the same
 * range, or one word and a part of it (`norway` by the proper-noun rule, `norway’s` by the
 * sentence-start rule) — the rule that runs first (registry order: the more specific rule)
 * keeps it. A word-for-word correction of a phrase (`new york` → `New York`) counts as a word
 * for the words inside it: a fix changes the whole name or nothing. Messages over longer
 * stretches (a repeated sentence) do not hide the words inside them. Then sort by position.
 */
export function settle(file: VFile): void {
  const text = String(file.value ?? '')
  file.messages = settleMessages(file.messages, text, location(text), file.data.copydeskRuleOrder ?? [])
}

/**
 * {@link settle} for a list of messages of the draft `text` (`points` its location index),
 * the rules in the order `order`: the messages kept, sorted by position. The messages that
 * start before a line break and those that start after it can be settled apart: a word has no
 * line break in it, and two messages over the same range start at the same place.
 */
export function settleMessages(messages: readonly VFileMessage[], text: string, points: ReturnType<typeof location>, order: readonly string[]): VFileMessage[] {
  const ranks = new Map<string, number>()
  order.forEach((ruleId, index) => {
    if (!ranks.has(ruleId)) ranks.set(ruleId, index)
  })
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
  const byRank = messages.map((message, index) => ({message, index, rank: ranks.get(message.ruleId ?? '') ?? order.length}))
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
  return kept.sort(compareMessage)
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

export function offsets(message: VFileMessage, points: ReturnType<typeof location>): {start: number; end: number} | undefined {
  const place = message.place
  if (!place) return undefined
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : place
  const from = start.offset ?? points.toOffset(start)
  const to = end.offset ?? points.toOffset(end)
  if (from === undefined || to === undefined) return undefined
  return {start: from, end: to}
}

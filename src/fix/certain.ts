/**
 * Whether a message carries one certain fix. A fact on the message (`fix`, set by the pipeline
 * from the rule's meta), so that formatters decide it without loading any rule.
 */
import type {VFileMessage} from 'vfile-message'
import type {MessageFields} from '../rule.js'

/**
 * Whether a message carries one certain fix: `fix: true` (a fixable rule, not held back), one
 * `expected`, an `actual`, and a replacement that keeps the lines (see {@link keepsLineBreaks}).
 */
export function isCertain(message: VFileMessage): boolean {
  const fields = message as VFileMessage & MessageFields
  return (
    fields.fix === true &&
    Array.isArray(fields.expected) &&
    fields.expected.length === 1 &&
    typeof fields.actual === 'string' &&
    keepsLineBreaks(fields.actual, fields.expected[0])
  )
}

/** Line breaks as vfile-location and editors count them (CRLF is one). */
const lineBreak = /\r\n|[\n\r\u2028\u2029]/g

/**
 * Whether replacing `actual` by `replacement` keeps every line break: the same breaks, in the
 * same order, so that each line of the draft stays a line of its own. A fix corrects words and
 * spaces; it never joins two lines nor splits one (`…to the` / `the capital…` once became one
 * line when the repeated `the` was fixed across the break). Every fix goes through this check,
 * whatever rule made it.
 */
export function keepsLineBreaks(actual: string, replacement: string): boolean {
  const before = actual.match(lineBreak) ?? []
  const after = replacement.match(lineBreak) ?? []
  return before.length === after.length && before.every((value, index) => value === after[index])
}

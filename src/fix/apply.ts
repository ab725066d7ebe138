/**
 * Fixes: apply the certain suggestions that messages carry, then lint again until stable.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {lint, type LintOptions} from '../pipeline/lint.js'
import type {MessageFields} from '../rule.js'
import {isCertain} from './certain.js'
import {messageRange} from './range.js'

export {isCertain, keepsLineBreaks} from './certain.js'
export {messageRange} from './range.js'

/** A replacement of `[start, end)` (UTF-16 offsets) by `text`. */
export interface Edit {
  readonly start: number
  readonly end: number
  readonly text: string
  /** The message the edit fixes. */
  readonly message: VFileMessage
}

/**
 * The edits of the certain fixes among `messages`, in order, with overlapping ones dropped.
 * An edit is made only where the text at the message's place is still its `actual`.
 */
export function certainEdits(text: string, messages: readonly VFileMessage[]): Edit[] {
  const edits: Edit[] = []
  for (const message of messages) {
    if (!isCertain(message)) continue
    const range = messageRange(text, message)
    const fields = message as VFileMessage & MessageFields
    if (!range || text.slice(range.start, range.end) !== fields.actual) continue
    edits.push({...range, text: fields.expected![0], message})
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end)
  const kept: Edit[] = []
  for (const edit of edits) {
    const previous = kept.at(-1)
    // Fixes never overlap (nor insert twice at one point): a later pass picks up the rest.
    if (previous && (edit.start < previous.end || edit.start === previous.start)) continue
    kept.push(edit)
  }
  return kept
}

/** Apply non-overlapping edits (sorted by offset) to `text`. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = ''
  let last = 0
  for (const edit of edits) {
    result += text.slice(last, edit.start) + edit.text
    last = edit.end
  }
  return result + text.slice(last)
}

/** The result of {@link fix}. */
export interface FixResult {
  /** The fixed text. */
  readonly output: string
  /** The file linted before any fix: the problems of the input as it was. */
  readonly initial: VFile
  /** The file linted after the last pass: the problems that remain. */
  readonly file: VFile
  /** How many fixes were applied in all. */
  readonly applied: number
}

/**
 * Apply every certain fix, linting again until nothing changes (at most 10 passes). A draft
 * whose report stopped at its message limit (`maxMessages`: a list of codes, another language,
 * not copy an editor reads message by message) gets one pass: the fixes of the messages its
 * report holds, then the lint that reports what remains. Each further pass would fix the next
 * few hundred messages for the cost of a whole lint (10 passes of 1 MiB of made-up words took
 * 17 s of CPU and 800 MB); `--fix` again goes on from there.
 */
export async function fix(input: string, options: LintOptions = {}): Promise<FixResult> {
  let output = input
  let applied = 0
  let file = await lint(new VFile({value: output, path: options.path}), options)
  const initial = file
  for (let pass = 0; pass < 10; pass++) {
    const edits = certainEdits(output, file.messages)
    if (edits.length === 0) break
    const isStopped = file.data.copydeskStopped !== undefined
    output = applyEdits(output, edits)
    applied += edits.length
    file = await lint(new VFile({value: output, path: options.path}), options)
    if (isStopped) break
  }
  return {output, file, initial, applied}
}

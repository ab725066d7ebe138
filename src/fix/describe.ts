/**
 * The title of a fix, as an editor would say it: ``Insert a space after `,` ``, ``Remove the
 * space before `,` ``, ``Remove the second `the` ``, ``Change to `Istanbul` ``. White space is
 * named in words, never shown as a space inside backticks, which no reader can see.
 *
 * It knows no rule: the change is read from the flagged text, its replacement and the text
 * around them on the line.
 */

/** The text before and after the flagged text (what lets a title say “after `,`”). */
export interface FixContext {
  readonly before?: string
  readonly after?: string
}

const isBlank = (text: string) => /^\s+$/u.test(text)
const isMark = (char: string | undefined) => char !== undefined && /[\p{P}\p{S}]/u.test(char)

/** The title of the fix that replaces `actual` with `expected`. */
export function describeFix(actual: string, expected: string, context: FixContext = {}): string {
  // What changes: the text between the common start and the common end.
  let start = 0
  while (start < actual.length && start < expected.length && actual[start] === expected[start]) start++
  let end = 0
  while (end < actual.length - start && end < expected.length - start && actual[actual.length - 1 - end] === expected[expected.length - 1 - end]) end++
  const removed = actual.slice(start, actual.length - end)
  const inserted = expected.slice(start, expected.length - end)
  const left = (context.before ?? '') + actual.slice(0, start)
  const right = actual.slice(actual.length - end) + (context.after ?? '')

  // `,` → `, `, ` ,` → `,`: only white space comes or goes.
  if ((removed === '' && isBlank(inserted)) || (inserted === '' && isBlank(removed))) {
    const where = beside(left, right)
    return inserted === '' ? `Remove the ${spaceName(removed)}${where}` : `Insert ${spaceName(inserted, true)}${where}`
  }
  // `,,` → `,`, `the the` → `the`, `,.` → `.`: marks or whole words go, nothing comes
  // (`ther` → `the` is another word, not a removed `r`).
  if (inserted === '' && removed.trim() !== '' && isWhole(left + removed.match(/^\s*/u)![0], removed.trim(), removed.match(/\s*$/u)![0] + right)) {
    const gone = removed.trim()
    return isRepeat(left, gone) ? `Remove the second \`${gone}\`` : `Remove \`${gone}\``
  }
  if (isBlank(expected)) return `Replace with ${spaceName(expected, true)}`
  return `Change to \`${expected}\``
}

/** “a space”, “the spaces”, “a line break”: white space in words. */
function spaceName(blank: string, isNew = false): string {
  let name: string
  let count = [...blank].length
  if (/\n/.test(blank)) {
    name = 'line break'
    count = (blank.match(/\n/g) ?? []).length
  } else if (/^\u00A0+$/u.test(blank)) name = 'non-breaking space'
  else if (/^\t+$/.test(blank)) name = 'tab'
  else if (/^ +$/.test(blank)) name = 'space'
  else {
    name = 'white space'
    count = 1
  }
  if (count > 1) return isNew ? `${count} ${name}s` : `${name}s`
  return isNew ? `a ${name}` : name
}

/** “ after `,`”, “ before `(`”: the mark next to the change, else the word. */
function beside(left: string, right: string): string {
  const last = [...left].at(-1)
  const first = [...right][0]
  if (isMark(last)) return ` after \`${last}\``
  if (isMark(first)) return ` before \`${first}\``
  const word = /[\p{L}\p{N}'’]+$/u.exec(left)?.[0]
  if (word) return ` after \`${word}\``
  const next = /^[\p{L}\p{N}'’]+/u.exec(right)?.[0]
  return next ? ` before \`${next}\`` : ''
}

/** Whether `gone` stands apart from the text around it: marks, or words not part of a word. */
function isWhole(left: string, gone: string, right: string): boolean {
  const isWord = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char)
  return (!isWord([...gone][0]) || !isWord([...left].at(-1))) && (!isWord([...gone].at(-1)) || !isWord([...right][0]))
}

/** Whether `gone` repeats what stands just before it (`the the`, `,,`, `talks. .`). */
function isRepeat(left: string, gone: string): boolean {
  const before = left.trimEnd()
  if (!before.toLowerCase().endsWith(gone.toLowerCase())) return false
  // A whole word only: `other the` does not repeat `the`.
  return !/[\p{L}\p{N}]/u.test(gone[0]) || !/[\p{L}\p{N}]/u.test(before.at(-gone.length - 1) ?? '')
}

/**
 * The text before `[start, end)` of `text`, from the start of the line above (a repeat across
 * a line break, `to the` / `the capital`, is flagged on the second line), and after it to the
 * end of its line, for `describeFix`.
 */
export function contextAround(text: string, start: number, end: number): Required<FixContext> {
  const ownLine = text.lastIndexOf('\n', start - 1) + 1
  const lineStart = ownLine === 0 ? 0 : text.lastIndexOf('\n', ownLine - 2) + 1
  const newline = text.indexOf('\n', end)
  return {before: text.slice(lineStart, start), after: text.slice(end, newline === -1 ? text.length : newline).replace(/\r$/, '')}
}

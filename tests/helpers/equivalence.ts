/**
 * What the equivalence tests of the pipeline share: everything a formatter or the server shows
 * of a message (to compare two ways of linting field by field), and a small seeded generator
 * (mulberry32) so that a printed seed replays the same random edits.
 */
import type {VFile} from 'vfile'
import type {MessageFields} from '../../src/rule.js'

/** Everything a formatter or the server shows of a message. */
export function shown(file: VFile) {
  return file.messages.map((message) => {
    const fields = message as typeof message & MessageFields
    return {
      name: message.name,
      rule: message.ruleId,
      reason: message.reason,
      line: message.line,
      column: message.column,
      place: message.place,
      fatal: message.fatal,
      actual: fields.actual,
      expected: fields.expected,
      fix: fields.fix,
      note: message.note,
      url: message.url,
      cause: message.cause instanceof Error ? String(message.cause) : undefined,
    }
  })
}

/** A small deterministic generator (mulberry32): numbers in [0, 1) from `state`. */
export function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * One random edit of `text`: delete 1–4 characters (probability `deletion`), delete a whole
 * line or copy one elsewhere (`line`: duplicated lines, moved headlines), or else insert one
 * of `insertions` at a random place.
 */
export function randomEdit(text: string, next: () => number, insertions: readonly string[], {deletion, line}: {deletion: number; line: number}): string {
  const at = Math.floor(next() * (text.length + 1))
  const choice = next()
  if (choice < deletion) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 4))
  if (choice < deletion + line) {
    const lines = text.split('\n')
    const index = Math.floor(next() * lines.length)
    if (next() < 0.5) lines.splice(index, 1)
    else lines.splice(Math.floor(next() * lines.length), 0, lines[index])
    return lines.join('\n')
  }
  const insert = insertions[Math.floor(next() * insertions.length)]
  return text.slice(0, at) + insert + text.slice(at)
}

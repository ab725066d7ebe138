/**
 * `--format stylish` (the default): grouped by file, `line:column`, severity, message and
 * rule id, then the flagged text in its context, and a summary line.
 */
import pc from 'picocolors'
import type {VFile} from 'vfile'
import {statistics} from 'vfile-statistics'
import {fileName, messagePoints, severityOf, stoppedReason} from './message.js'
import type {Formatter} from './types.js'

/** Characters of context shown on each side of the flagged text. */
const contextWidth = 32

/**
 * Control characters (C0 but the tab, DEL, C1), line and paragraph separators and bidirectional
 * overrides: a draft's `ESC[2J` or `U+202E` must not reach the terminal as it is.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped.
const controls = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * Text from a draft (or a file name) made safe for a terminal: each control character is
 * shown as its escape (`\u001b`), so a report never clears a screen, sets a title or reorders
 * what follows.
 */
export function escapeControl(text: string): string {
  return text.replace(controls, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The human-readable report. */
export const stylish: Formatter = (files, context) => {
  const c = pc.createColors(context.color)
  const out: string[] = []
  for (const file of files) {
    if (file.messages.length === 0) continue
    out.push(c.underline(escapeControl(fileName(file))))
    const lines = String(file.value ?? '').split(/\r?\n|\r/)
    const rows = file.messages.map((message) => {
      const {start} = messagePoints(message)
      const severity = severityOf(message)
      const paint = severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue
      return {message, place: `${start.line}:${start.column}`, severity, paint}
    })
    const placeWidth = rows.reduce((width, row) => Math.max(width, row.place.length), 0)
    for (const row of rows) {
      out.push(`  ${c.dim(row.place.padEnd(placeWidth))}  ${row.paint(row.severity.padEnd(7))}  ${escapeControl(row.message.reason)}  ${c.dim(row.message.ruleId ?? '')}`)
      const excerpt = contextOf(lines, row.message, c)
      if (excerpt) out.push(...excerpt.map((line) => ' '.repeat(placeWidth + 4) + line))
    }
    const stopped = file.data.copydeskStopped
    if (stopped) out.push(`  ${c.yellow(stoppedReason(stopped))}`)
    out.push('')
  }
  out.push(summary(files, context, c))
  return out.join('\n') + '\n'
}

/** The flagged text in its line, highlighted (colour) or underlined with carets (no colour). */
function contextOf(lines: readonly string[], message: VFile['messages'][number], c: ReturnType<typeof pc.createColors>) {
  const {start, end} = messagePoints(message)
  const line = lines[start.line - 1]
  if (line === undefined) return undefined
  const from = start.column - 1
  const to = end.line === start.line ? Math.max(end.column - 1, from) : line.length
  const left = Math.max(0, from - contextWidth)
  const right = Math.min(line.length, to + contextWidth)
  const clean = (text: string) => escapeControl(text.replace(/\t/g, ' '))
  const before = clean((left > 0 ? '…' : '') + line.slice(left, from))
  const flagged = clean(line.slice(from, to))
  const after = clean(line.slice(to, right) + (right < line.length ? '…' : ''))
  if (c.isColorSupported) return [`${c.dim(before)}${c.bold(c.underline(flagged))}${c.dim(after)}`]
  return [before + flagged + after, ' '.repeat(before.length) + '^'.repeat(Math.max(1, flagged.length))]
}

/**
 * The last line. Green `✔ no problems` only when every path was checked and nothing is hidden:
 * a run where some path could not be checked says how many, and `--quiet` says what it hid.
 */
function summary(files: readonly VFile[], context: Parameters<Formatter>[1], c: ReturnType<typeof pc.createColors>): string {
  const stats = statistics(files.flatMap((file) => file.messages))
  const infos = stats.info
  const total = stats.fatal + stats.warn + infos
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const checked = `${plural(files.length, 'file')} checked`
  const unchecked = context.unchecked ?? 0
  const failed = unchecked > 0 ? `${unchecked} ${unchecked === 1 ? 'path' : 'paths'} could not be checked` : ''
  const hidden = context.hidden ?? {warnings: 0, infos: 0}
  const hiddenText =
    hidden.warnings + hidden.infos > 0
      ? [hidden.warnings ? plural(hidden.warnings, 'warning') : '', hidden.infos ? `${hidden.infos} info` : ''].filter(Boolean).join(' and ') + ' hidden by --quiet'
      : ''
  if (total === 0) {
    if (failed) return c.red(files.length === 0 ? `✖ ${failed} (0 files checked)` : `✖ ${failed}; no problems in the ${checked}`)
    if (hiddenText) return c.yellow(`✔ no errors (${hiddenText}; ${checked})`)
    return c.green(`✔ no problems (${checked})`)
  }
  const text = `✖ ${plural(total, 'problem')} (${plural(stats.fatal, 'error')}, ${plural(stats.warn, 'warning')}, ${infos} info) in ${checked}${hiddenText ? `; ${hiddenText}` : ''}${failed ? `; ${failed}` : ''}`
  return stats.fatal > 0 || failed ? c.red(text) : c.yellow(text)
}

/**
 * `--format stylish` (the default): grouped by file, `line:column`, severity, message and
 * rule id, then the flagged text in its context, and a summary line.
 */
import pc from 'picocolors'
import type {VFile} from 'vfile'
import {statistics} from 'vfile-statistics'
import {fileName, messagePoints, severityOf} from './message.js'
import type {Formatter} from './types.js'

/** Characters of context shown on each side of the flagged text. */
const contextWidth = 32

/** The human-readable report. */
export const stylish: Formatter = (files, context) => {
  const c = pc.createColors(context.color)
  const out: string[] = []
  for (const file of files) {
    if (file.messages.length === 0) continue
    out.push(c.underline(fileName(file)))
    const lines = String(file.value ?? '').split(/\r?\n|\r/)
    const rows = file.messages.map((message) => {
      const {start} = messagePoints(message)
      const severity = severityOf(message)
      const paint = severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue
      return {message, place: `${start.line}:${start.column}`, severity, paint}
    })
    const placeWidth = Math.max(...rows.map((row) => row.place.length))
    for (const row of rows) {
      out.push(
        `  ${c.dim(row.place.padEnd(placeWidth))}  ${row.paint(row.severity.padEnd(7))}  ${row.message.reason}  ${c.dim(row.message.ruleId ?? '')}`,
      )
      const excerpt = contextOf(lines, row.message, c)
      if (excerpt) out.push(...excerpt.map((line) => ' '.repeat(placeWidth + 4) + line))
    }
    out.push('')
  }
  out.push(summary(files, c))
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
  const before = (left > 0 ? '…' : '') + line.slice(left, from)
  const flagged = line.slice(from, to)
  const after = line.slice(to, right) + (right < line.length ? '…' : '')
  const clean = (text: string) => text.replace(/\t/g, ' ')
  if (c.isColorSupported) return [`${c.dim(clean(before))}${c.bold(c.underline(clean(flagged)))}${c.dim(clean(after))}`]
  return [clean(before + flagged + after), ' '.repeat(before.length) + '^'.repeat(Math.max(1, flagged.length))]
}

function summary(files: readonly VFile[], c: ReturnType<typeof pc.createColors>): string {
  const stats = statistics(files.flatMap((file) => file.messages))
  const infos = stats.info
  const total = stats.fatal + stats.warn + infos
  const checked = `${files.length} ${files.length === 1 ? 'file' : 'files'} checked`
  if (total === 0) return c.green(`✔ no problems (${checked})`)
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const text = `✖ ${plural(total, 'problem')} (${plural(stats.fatal, 'error')}, ${plural(stats.warn, 'warning')}, ${infos} info) in ${checked}`
  return stats.fatal > 0 ? c.red(text) : c.yellow(text)
}

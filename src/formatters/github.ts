/**
 * `--format github`: GitHub Actions workflow commands, one per message, which GitHub shows as
 * annotations on the pull request's diff:
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>`.
 */
import type {VFile} from 'vfile'
import {messagePoints, severityOf, stoppedReason} from './message.js'
import {isStdin, relativePath} from './paths.js'
import type {Formatter} from './types.js'

const commands = {error: 'error', warning: 'warning', info: 'notice'} as const

/** Escape a command's message as GitHub's toolkit does: `%`, CR, LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a command's property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** The workflow commands. */
export const github: Formatter = (files, context) => {
  const lines: string[] = []
  for (const file of files) {
    const name = displayPath(file, context.cwd)
    for (const message of file.messages) {
      const {start, end} = messagePoints(message)
      const properties: Array<[string, string | number]> = [
        ['file', name],
        ['line', start.line],
        ['col', start.column],
        ['endLine', end.line],
        ['endColumn', end.column],
        ['title', message.ruleId ?? 'copydesk'],
      ]
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      lines.push(`::${commands[severityOf(message)]} ${list}::${escapeData(message.reason)}`)
    }
    // A report cut at the draft's message limit: a warning at its last message's line.
    const stopped = file.data.copydeskStopped
    if (stopped) lines.push(`::warning file=${escapeProperty(name)},line=${stopped.line},title=copydesk::${escapeData(stoppedReason(stopped))}`)
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}

/** GitHub wants paths relative to the repository root, where CI runs copydesk. */
function displayPath(file: VFile, cwd: string): string {
  if (isStdin(file)) return file.path || '<stdin>'
  return relativePath(file, cwd) ?? file.path
}

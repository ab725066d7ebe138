/** The contract's view of a message (`--format json`), shared by the formatters. */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {StoppedAt} from '../pipeline/lint.js'
import type {MessageFields, Severity} from '../rule.js'

/** One message as the contract's JSON shows it. */
export interface JsonMessage {
  rule: string
  severity: Severity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  actual: string
  suggestions: string[]
  /** Whether `--fix` applies the first suggestion unattended. */
  fix: boolean
  /** The rule's documentation. */
  ruleUrl?: string
  /** Why, when it depends on the case (e.g. the earlier copy of a duplicate line). */
  note?: string
}

/** The severity a message was stamped with (`fatal`: error true, warning false, info unset). */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** The display name of a file: the path as given, or `<stdin>`. */
export function fileName(file: VFile): string {
  return file.path || '<stdin>'
}

/** The start and end points of a message (end = start when it has no range). */
export function messagePoints(message: VFileMessage): {
  start: {line: number; column: number}
  end: {line: number; column: number}
} {
  const place = message.place
  if (place && 'start' in place) return {start: place.start, end: place.end}
  const point = place ?? {line: message.line ?? 1, column: message.column ?? 1}
  return {start: point, end: point}
}

/** Convert a message to the contract's JSON shape. */
export function toJsonMessage(message: VFileMessage, isCertain: (message: VFileMessage) => boolean): JsonMessage {
  const fields = message as VFileMessage & MessageFields
  const {start, end} = messagePoints(message)
  const result: JsonMessage = {
    rule: message.ruleId ?? 'copydesk',
    severity: severityOf(message),
    message: message.reason,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    actual: fields.actual ?? '',
    suggestions: [...(fields.expected ?? [])],
    fix: isCertain(message),
  }
  if (message.url) result.ruleUrl = message.url
  if (message.note) result.note = message.note
  return result
}

/**
 * Why a draft's report stops short (`file.data.copydeskStopped`, see `limitMessages`), in one
 * sentence: where, and how to have them all.
 */
export function stoppedReason(stopped: StoppedAt): string {
  const count = stopped.messages.toLocaleString('en-US')
  return `stopped after ${count} ${stopped.messages === 1 ? 'message' : 'messages'}, at line ${stopped.line.toLocaleString('en-US')}: the rest of the draft is not reported (the limit is \`maxMessages\` in the configuration, or \`--max-messages\`; -1 reports every message)`
}

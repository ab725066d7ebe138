/**
 * A message as an LSP Diagnostic: shared by the language server and `--format lsp`.
 * Positions change only here: vfile is 1-based, the LSP 0-based (UTF-16 columns in both).
 */
import type {Diagnostic} from 'vscode-languageserver-types'
import {DiagnosticSeverity} from 'vscode-languageserver-types'
import type {VFileMessage} from 'vfile-message'
import type {MessageFields} from '../rule.js'
import type {StoppedAt} from '../pipeline/lint.js'
import {messagePoints, severityOf, stoppedReason} from './message.js'

/** What a diagnostic carries in `data`: the replacements, to build quick fixes from. */
export interface DiagnosticData {
  readonly actual: string
  readonly expected: readonly string[]
  /** Whether the first replacement is certain (what `--fix` would apply). */
  readonly fix: boolean
}

const severities = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information}

/** Convert a message to a Diagnostic (`code` = rule id, `codeDescription` = the rule's docs). */
export function toDiagnostic(message: VFileMessage, isCertain: (message: VFileMessage) => boolean): Diagnostic {
  const {start, end} = messagePoints(message)
  const fields = message as VFileMessage & MessageFields
  const data: DiagnosticData = {actual: fields.actual ?? '', expected: [...(fields.expected ?? [])], fix: isCertain(message)}
  const diagnostic: Diagnostic = {
    range: {
      start: {line: start.line - 1, character: start.column - 1},
      end: {line: end.line - 1, character: end.column - 1},
    },
    severity: severities[severityOf(message)],
    source: 'copydesk',
    code: message.ruleId ?? undefined,
    message: message.reason,
    data,
  }
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}

/** After the last diagnostic of a document cut at its message limit (`maxMessages`): where and why it stops. */
export function stoppedDiagnostic(stopped: StoppedAt): Diagnostic {
  const position = {line: stopped.line - 1, character: stopped.column - 1}
  return {range: {start: position, end: position}, severity: DiagnosticSeverity.Information, source: 'copydesk', message: stoppedReason(stopped)}
}

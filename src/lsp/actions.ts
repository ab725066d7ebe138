/**
 * Code actions from diagnostics: a quick fix per suggestion, "add to dictionary", "disable on
 * this line" (Markdown), and the "fix all certain problems" source action.
 */
import type {CodeAction, CodeActionContext, Diagnostic, TextEdit} from 'vscode-languageserver'
import {CodeActionKind} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../../rules/index.js'
import {certainEdits} from '../fix/apply.js'
import {describeFix} from '../fix/describe.js'
import type {DiagnosticData} from '../formatters/diagnostic.js'

/** The kind of the "fix all certain problems" source action. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.copydesk`

/** The command that adds a word to the project dictionary: `[{uri, word}]`. */
export const addToDictionaryCommand = 'copydesk.addToDictionary'

/** Rules whose flagged word a writer may add to the project dictionary (`meta.dictionary`). */
export const dictionaryRules: ReadonlySet<string> = new Set(rules.filter((rule) => rule.meta.dictionary).map((rule) => rule.id))

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined
  if (!data || typeof data !== 'object' || typeof data.actual !== 'string' || !Array.isArray(data.expected)) return undefined
  return data as DiagnosticData
}

/** Title of the quick fix that replaces the diagnostic's text with `expected`: ``Insert a space after `,` ``. */
export function fixTitle(document: TextDocument, diagnostic: Diagnostic, actual: string, expected: string): string {
  const {start, end} = diagnostic.range
  // From the line above: a repeat across a line break is flagged on its second line.
  const before = document.getText({start: {line: Math.max(0, start.line - 1), character: 0}, end: start})
  const after = document.getText({start: end, end: {line: end.line + 1, character: 0}}).replace(/\r?\n$/, '')
  return describeFix(actual, expected, {before, after})
}

/** The quick fixes and other actions for the copydesk diagnostics among `diagnostics`. */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[], isMarkdown: boolean): CodeAction[] {
  const actions: CodeAction[] = []
  const disabled = new Set<string>()
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'copydesk') continue
    const data = dataOf(diagnostic)
    const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined
    const current = document.getText(diagnostic.range)
    // A diagnostic from before an edit that changed its text: its fixes would land wrong.
    if (data && current === data.actual) {
      data.expected.forEach((expected, index) => {
        actions.push({
          title: fixTitle(document, diagnostic, data.actual, expected),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: {changes: {[document.uri]: [{range: diagnostic.range, newText: expected}]}},
        })
      })
    }
    if (data && rule && dictionaryRules.has(rule) && current === data.actual && /\p{L}/u.test(data.actual)) {
      const title = `Add \`${data.actual}\` to the project dictionary`
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: {title, command: addToDictionaryCommand, arguments: [{uri: document.uri, word: data.actual}]},
      })
    }
    const line = diagnostic.range.start.line
    if (isMarkdown && rule && !disabled.has(`${rule}:${line}`)) {
      disabled.add(`${rule}:${line}`)
      actions.push(disableOnLine(document, diagnostic, rule))
    }
  }
  return actions
}

/** Insert `<!-- copydesk-disable-next-line rule -->` above the diagnostic's line, indented alike. */
function disableOnLine(document: TextDocument, diagnostic: Diagnostic, rule: string): CodeAction {
  const line = diagnostic.range.start.line
  const text = document.getText({start: {line, character: 0}, end: {line: line + 1, character: 0}})
  const indent = /^[ \t]*/.exec(text)?.[0] ?? ''
  const eol = /\r\n$/.test(text) ? '\r\n' : '\n'
  return {
    title: `Disable \`${rule}\` on this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [document.uri]: [{range: {start: {line, character: 0}, end: {line, character: 0}}, newText: `${indent}<!-- copydesk-disable-next-line ${rule} -->${eol}`}],
      },
    },
  }
}

/** The kinds of actions the server offers (`codeActionProvider.codeActionKinds`). */
export const actionKinds = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, fixAllKind]

/**
 * The actions for a `textDocument/codeAction` request, answered at once: quick fixes from the
 * diagnostics the client sends, and "fix all" from `messages`, the latest results when they
 * are for the document's version now (`undefined` otherwise: fixes of older text would land wrong).
 */
export function codeActions(document: TextDocument, context: CodeActionContext, messages: readonly VFileMessage[] | undefined, isMarkdown: boolean): CodeAction[] {
  const actions: CodeAction[] = isWanted(context.only, CodeActionKind.QuickFix) ? quickFixes(document, context.diagnostics, isMarkdown) : []
  // Asked for (`source.fixAll`, on save), or beside a certain quick fix in the lightbulb menu.
  const isAsked = context.only ? isWanted(context.only, fixAllKind) : context.diagnostics.some((diagnostic) => (diagnostic.data as {fix?: unknown} | undefined)?.fix === true)
  const action = isAsked && messages ? fixAll(document, messages) : undefined
  if (action) {
    // eglot asks for `source.fixAll` and keeps only actions of exactly that kind.
    if (context.only?.includes(CodeActionKind.SourceFixAll)) action.kind = CodeActionKind.SourceFixAll
    actions.push(action)
  }
  return actions
}

/** The "fix all certain problems" action for a document and its latest messages, or none. */
export function fixAll(document: TextDocument, messages: readonly VFileMessage[]): CodeAction | undefined {
  const text = document.getText()
  const edits: TextEdit[] = certainEdits(text, messages).map((edit) => ({
    range: {start: document.positionAt(edit.start), end: document.positionAt(edit.end)},
    newText: edit.text,
  }))
  if (edits.length === 0) return undefined
  return {title: 'Fix all certain problems', kind: fixAllKind, edit: {changes: {[document.uri]: edits}}}
}

/** Whether a client's `context.only` asks for actions of `kind` (absent: every kind). */
export function isWanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`))
}

/** Hover on a diagnostic: the rule's explanation, as `copydesk explain` prints it. */
import type {Hover, Position} from 'vscode-languageserver'
import type {VFileMessage} from 'vfile-message'
import {getRule} from '../../rules/index.js'
import {explainRule} from '../pipeline/explain.js'
import {messagePoints} from '../formatters/message.js'

const explanations = new Map<string, Promise<string>>()

/** A rule's explanation as Markdown (computed once per rule: it lints the examples). */
function explanation(id: string): Promise<string> | undefined {
  const rule = getRule(id)
  if (!rule) return undefined
  let text = explanations.get(id)
  if (!text) {
    // One paragraph per line of `copydesk explain`, the examples' lines kept as they are.
    text = explainRule(rule).then((lines) =>
      lines
        .filter((line) => line !== '')
        .map((line) => line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length)))
        .join('\n\n'),
    )
    explanations.set(id, text)
  }
  return text
}

/** The hover at `position` (0-based, as LSP gives it) among `messages`: each flagged rule there, explained. */
export async function hoverAt(position: Position, messages: readonly VFileMessage[]): Promise<Hover | null> {
  const line = position.line + 1
  const column = position.character + 1
  const ids: string[] = []
  for (const message of messages) {
    const {start, end} = messagePoints(message)
    const isAfterStart = line > start.line || (line === start.line && column >= start.column)
    const isBeforeEnd = line < end.line || (line === end.line && column <= end.column)
    if (isAfterStart && isBeforeEnd && message.ruleId && !ids.includes(message.ruleId)) ids.push(message.ruleId)
  }
  const texts = await Promise.all(ids.flatMap((id) => explanation(id) ?? []))
  if (texts.length === 0) return null
  return {contents: {kind: 'markdown', value: texts.join('\n\n---\n\n')}}
}

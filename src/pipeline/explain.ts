/** What `copydesk explain RULE` prints and the language server's hover shows: a rule's meta, its examples linted live. */
import type {Rule} from '../rule.js'
import {lint} from './lint.js'

/** The lines explaining `rule`: id, severity, description, why, and its examples with what it says about the bad one. */
export async function explainRule(rule: Rule): Promise<string[]> {
  const bad = await lint(rule.meta.examples.bad)
  return [
    `${rule.id} (${rule.meta.severity}${rule.meta.fixable ? ', fixable' : ''})`,
    '',
    rule.meta.description,
    '',
    rule.meta.why,
    '',
    `Flagged:      ${rule.meta.examples.bad}`,
    ...bad.messages.filter((message) => message.ruleId === rule.id).map((message) => `              ${message.line}:${message.column} ${message.reason}`),
    `Not flagged:  ${rule.meta.examples.good}`,
  ]
}

/** Fixed VFiles with hand-made messages, for the formatter tests (no rule runs). */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../../rules/index.js'
import {ruleUrl} from '../../src/pipeline/rule-url.js'
import type {FormatterContext} from '../../src/formatters/types.js'
import type {Severity} from '../../src/rule.js'

/** The folder the files are relative to. */
export const cwd = '/work/project'

/** The context every formatter test uses. */
export const context: FormatterContext = {rules, cwd, color: false}

interface Spec {
  rule: string
  severity: Severity
  reason: string
  start: [number, number]
  end: [number, number]
  actual: string
  expected?: string[]
  fix?: boolean
}

/** Add a message as the pipeline stamps it (ruleId, source, url, fatal, and `fix` from the rule's meta). */
export function addMessage(file: VFile, spec: Spec): VFileMessage {
  const message = file.message(spec.reason, {
    place: {start: {line: spec.start[0], column: spec.start[1]}, end: {line: spec.end[0], column: spec.end[1]}},
    ruleId: spec.rule,
    source: 'copydesk',
  })
  message.fatal = spec.severity === 'error' ? true : spec.severity === 'warning' ? false : undefined
  message.url = ruleUrl(spec.rule)
  message.actual = spec.actual
  message.expected = spec.expected ?? []
  const fixable = rules.find((rule) => rule.id === spec.rule)?.meta.fixable ?? false
  ;(message as VFileMessage & {fix?: boolean}).fix = fixable && spec.fix !== false
  return message
}

/**
 * Two drafts: one with a repeated word (certain fix), an uncertain name and an info note
 * whose message needs escaping; one with `<script>` in its text and a problem next to it.
 */
export function sampleFiles(): VFile[] {
  const first = new VFile({path: 'drafts/talks, day 1.txt', cwd, value: 'Talks resumed on the the same day.\nMako Rubio spoke: 100% sure.\n'})
  addMessage(first, {rule: 'repeated-word', severity: 'warning', reason: '`the` is repeated', start: [1, 18], end: [1, 25], actual: 'the the', expected: ['the']})
  addMessage(first, {
    rule: 'name-spelling',
    severity: 'error',
    reason: 'Possible misspelling of `Marco Rubio`\n(a known name)',
    start: [2, 1],
    end: [2, 5],
    actual: 'Mako',
    expected: ['Marco'],
    fix: false,
  })
  addMessage(first, {
    rule: 'house-style',
    severity: 'info',
    reason: 'House style: `100 percent`, not `100%`, per AP: style',
    start: [2, 23],
    end: [2, 27],
    actual: '100%',
    expected: ['100 percent'],
  })
  const second = new VFile({path: 'drafts/web.md', cwd, value: 'Embed <script>alert("x")</script> in in the page.\n'})
  addMessage(second, {rule: 'repeated-word', severity: 'warning', reason: '`in` is repeated', start: [1, 35], end: [1, 40], actual: 'in in', expected: ['in']})
  return [first, second]
}

/**
 * The rule pages show what the tool prints: every ```text example in `docs/rules/<id>.md`
 * with a caret line under a draft line (`   ^^^^ message`) is linted, and the rule must flag
 * exactly that range with exactly that message.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {defaultConfig} from '../src/config/defaults.js'
import {lint} from '../src/pipeline/lint.js'

interface Shown {
  readonly draft: string
  readonly line: number
  readonly column: number
  readonly endColumn: number
  readonly reason: string
}

/** The examples of a rule page: each caret line, with the draft lines above it in its block. */
function examplesOf(page: string): Shown[] {
  const shown: Shown[] = []
  for (const [, block] of page.matchAll(/```text\n([\s\S]*?)```/g)) {
    const lines: string[] = []
    for (const line of block.split('\n')) {
      const caret = /^( *)(\^+) (.+)$/.exec(line)
      if (!caret) {
        lines.push(line)
        continue
      }
      const column = caret[1].length + 1
      shown.push({draft: lines.join('\n') + '\n', line: lines.length, column, endColumn: column + caret[2].length, reason: caret[3]})
    }
  }
  return shown
}

describe('rule pages', () => {
  for (const rule of rules) {
    const page = readFileSync(new URL(`../docs/rules/${rule.id}.md`, import.meta.url), 'utf8')
    for (const example of examplesOf(page)) {
      it(`docs/rules/${rule.id}.md: ${example.reason}`, async () => {
        const {messages} = await lint(example.draft, {config: defaultConfig('/')})
        const found = messages
          .filter((message) => message.ruleId === rule.id)
          .map((message) => {
            const place = message.place && 'start' in message.place ? message.place : undefined
            return {line: place?.start.line, column: place?.start.column, endColumn: place?.end.column, reason: message.reason}
          })
        expect(found).toContainEqual({line: example.line, column: example.column, endColumn: example.endColumn, reason: example.reason})
      })
    }
  }
})

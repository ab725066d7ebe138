/** End to end: the built CLI on the sample article and on the contract's exit codes. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {JsonMessage} from '../../src/formatters/message.js'
import {runCli} from '../helpers/cli.js'

interface Expected {
  rule: string
  line: number
  column: number
  endColumn: number
  actual: string
  expected?: string
  tier: 'core' | 'stretch'
}


const expected = JSON.parse(
  readFileSync(new URL('../fixtures/ukraine-talks.expected.json', import.meta.url), 'utf8'),
) as Expected[]

describe('copydesk lint samples/ukraine-talks.txt --format json', () => {
  const result = runCli(['lint', '--format', 'json', 'samples/ukraine-talks.txt'])
  const output = JSON.parse(result.stdout) as Array<{file: string; messages: JsonMessage[]}>

  it('prints one entry for the file, as given', () => {
    expect(output.map((entry) => entry.file)).toEqual(['samples/ukraine-talks.txt'])
  })

  it('reports every known problem of the sample, and nothing else', () => {
    const got = output[0].messages.map((m) => ({
      rule: m.rule,
      line: m.line,
      column: m.column,
      endColumn: m.endColumn,
      actual: m.actual,
      expected: m.suggestions[0],
    }))
    const want = expected.map(({tier: _tier, ...rest}) => rest)
    expect(got).toEqual(want.sort((a, b) => a.line - b.line || a.column - b.column))
  })

  it('keeps the JSON contract: fields, 1-based positions, sorted', () => {
    for (const message of output[0].messages) {
      expect(Object.keys(message)).toEqual(
        expect.arrayContaining(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'actual', 'suggestions']),
      )
      expect(['error', 'warning', 'info']).toContain(message.severity)
      expect(message.line).toBeGreaterThanOrEqual(1)
      expect(message.column).toBeGreaterThanOrEqual(1)
    }
    const positions = output[0].messages.map((m) => [m.line, m.column])
    expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]))
  })

  it('exits 0: no rule is at error severity by default', () => {
    expect(result.status).toBe(0)
  })
})

describe('exit codes and arguments', () => {
  it('exits 2 with a one-line error naming a path that does not exist', () => {
    const result = runCli(['lint', 'no/such/draft.txt'])
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual(['copydesk: no/such/draft.txt: no such file or directory'])
  })

  it('still checks the other files when one path is missing', () => {
    const result = runCli(['lint', '--format', 'json', 'missing.txt', '-'], {input: 'Talks resumed on the the same day.\n'})
    expect(result.status).toBe(2)
    const output = JSON.parse(result.stdout) as Array<{file: string; messages: JsonMessage[]}>
    expect(output.map((entry) => entry.file)).toEqual(['<stdin>'])
    expect(output[0].messages.map((m) => m.rule)).toContain('repeated-word')
  })

  it('reads standard input with `-` and names it by --stdin-filename', () => {
    const result = runCli(['lint', '--format', 'json', '-', '--stdin-filename', 'draft.txt'], {input: 'We we agree.\n'})
    const output = JSON.parse(result.stdout) as Array<{file: string; messages: JsonMessage[]}>
    expect(output[0].file).toBe('draft.txt')
    expect(output[0].messages[0]).toMatchObject({rule: 'repeated-word', line: 1, column: 1, endColumn: 6, actual: 'We we'})
  })

  it('exits 1 when warnings exceed --max-warnings', () => {
    expect(runCli(['lint', '--max-warnings', '0', '-'], {input: 'Talks resumed on the the same day.\n'}).status).toBe(1)
    expect(runCli(['lint', '--max-warnings', '5', '-'], {input: 'Talks resumed on the the same day.\n'}).status).toBe(0)
  })

  it('exits 0 on a clean draft and says so', () => {
    const result = runCli(['lint', '-'], {input: 'Talks resumed on the same day.\n'})
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('no problems')
  })

  it('rejects an unknown format and a bad --max-warnings with exit 2', () => {
    const format = runCli(['lint', '--format', 'xml', 'samples'])
    expect(format.status).toBe(2)
    expect(format.stderr).toMatch(/^copydesk: Unknown format `xml`, expected one of `stylish`, `json`/)
    const max = runCli(['lint', '--max-warnings', 'lots', 'samples'])
    expect(max.status).toBe(2)
    expect(max.stderr).toContain('--max-warnings lots')
  })

  it('--quiet drops warnings', () => {
    const result = runCli(['lint', '--quiet', '--format', 'json', '-'], {input: 'Talks resumed on the the same day.\n'})
    expect(JSON.parse(result.stdout)[0].messages).toEqual([])
  })

  it('stylish shows the place, severity, message, rule, the text in context and a summary', () => {
    const result = runCli(['lint', '-', '--stdin-filename', 'draft.txt'], {input: 'Talks resumed on the the same day.\n'})
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('draft.txt')
    expect(lines[1]).toMatch(/^ {2}1:18 {2}warning {2}`the` is repeated {2}repeated-word$/)
    expect(lines[2].trim()).toBe('Talks resumed on the the same day.')
    expect(lines[3]).toMatch(/^ +\^{7}$/)
    expect(result.stdout).toMatch(/✖ 1 problem \(0 errors, 1 warning, 0 info\) in 1 file checked/)
  })

  it('`copydesk rules` lists every rule with severity, fixable and description', () => {
    const result = runCli(['rules'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^repeated-word +warning +yes +Flag a word written twice in a row\.$/m)
  })

  it('lints the samples folder with no configuration', () => {
    const result = runCli(['lint', 'samples'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('samples/city-council-dirty.txt')
    expect(result.stdout).toMatch(/in \d+ files checked/)
  })
})

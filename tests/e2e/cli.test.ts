/** End to end: the built CLI on the sample article and on the contract's exit codes. */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {beforeAll, describe, expect, it} from 'vitest'
import type {JsonMessage} from '../../src/formatters/message.js'
import {cliPath, root, type CliResult} from '../helpers/cli.js'

/**
 * Run `copydesk ARGS` in the project root, as `runCli` does, but asynchronously: many runs in
 * a row must not block the test worker (vitest then reports "Timeout calling onTaskUpdate").
 */
function run(args: readonly string[], options: {input?: string} = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {cwd: root, env: {...process.env, NO_COLOR: '1'}})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({status, stdout, stderr})
    })
    child.stdin.on('error', () => {})
    child.stdin.end(options.input)
  })
}

interface Expected {
  rule: string
  line: number
  column: number
  endColumn: number
  actual: string
  expected?: string
  tier: 'core' | 'stretch'
}

const expected = JSON.parse(readFileSync(new URL('../fixtures/ukraine-talks.expected.json', import.meta.url), 'utf8')) as Expected[]

describe('copydesk lint samples/ukraine-talks.txt --format json', () => {
  let result: CliResult
  let output: Array<{file: string; messages: JsonMessage[]}>
  beforeAll(async () => {
    result = await run(['lint', '--format', 'json', 'samples/ukraine-talks.txt'])
    output = JSON.parse(result.stdout) as typeof output
  })

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
      expect(Object.keys(message)).toEqual(expect.arrayContaining(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'actual', 'suggestions']))
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
  it('exits 2 with a one-line error naming a path that does not exist', async () => {
    const result = await run(['lint', 'no/such/draft.txt'])
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual(['copydesk: no/such/draft.txt: no such file or directory'])
  })

  it('still checks the other files when one path is missing', async () => {
    const result = await run(['lint', '--format', 'json', 'missing.txt', '-'], {input: 'Talks resumed on the the same day.\n'})
    expect(result.status).toBe(2)
    const output = JSON.parse(result.stdout) as Array<{file: string; messages: JsonMessage[]}>
    expect(output.map((entry) => entry.file)).toEqual(['<stdin>'])
    expect(output[0].messages.map((m) => m.rule)).toContain('repeated-word')
  })

  it('reads standard input with `-` and names it by --stdin-filename', async () => {
    const result = await run(['lint', '--format', 'json', '-', '--stdin-filename', 'draft.txt'], {input: 'We we agree.\n'})
    const output = JSON.parse(result.stdout) as Array<{file: string; messages: JsonMessage[]}>
    expect(output[0].file).toBe('draft.txt')
    expect(output[0].messages[0]).toMatchObject({rule: 'repeated-word', line: 1, column: 1, endColumn: 6, actual: 'We we'})
  })

  it('exits 1 when warnings exceed --max-warnings', async () => {
    expect((await run(['lint', '--max-warnings', '0', '-'], {input: 'Talks resumed on the the same day.\n'})).status).toBe(1)
    expect((await run(['lint', '--max-warnings', '5', '-'], {input: 'Talks resumed on the the same day.\n'})).status).toBe(0)
  })

  it('exits 0 on a clean draft and says so', async () => {
    const result = await run(['lint', '-'], {input: 'Talks resumed on the same day.\n'})
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('no problems')
  })

  it('rejects an unknown format and a bad --max-warnings with exit 2', async () => {
    const format = await run(['lint', '--format', 'xml', 'samples'])
    expect(format.status).toBe(2)
    expect(format.stderr).toMatch(/^copydesk: Unknown format `xml`, expected one of `stylish`, `json`/)
    const max = await run(['lint', '--max-warnings', 'lots', 'samples'])
    expect(max.status).toBe(2)
    expect(max.stderr).toContain('--max-warnings lots')
  })

  it('--quiet drops warnings', async () => {
    const result = await run(['lint', '--quiet', '--format', 'json', '-'], {input: 'Talks resumed on the the same day.\n'})
    expect(JSON.parse(result.stdout)[0].messages).toEqual([])
  })

  it('stylish shows the place, severity, message, rule, the text in context and a summary', async () => {
    const result = await run(['lint', '-', '--stdin-filename', 'draft.txt'], {input: 'Talks resumed on the the same day.\n'})
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('draft.txt')
    expect(lines[1]).toMatch(/^ {2}1:18 {2}warning {2}`the` is repeated {2}repeated-word$/)
    expect(lines[2].trim()).toBe('Talks resumed on the the same day.')
    expect(lines[3]).toMatch(/^ +\^{7}$/)
    expect(result.stdout).toMatch(/✖ 1 problem \(0 errors, 1 warning, 0 info\) in 1 file checked/)
  })

  it('`copydesk rules` lists every rule with severity, fixable and description', async () => {
    const result = await run(['rules'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^repeated-word +warning +yes +Flag a word written twice in a row\.$/m)
  })

  it('lints the samples folder with no configuration', async () => {
    const result = await run(['lint', 'samples'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('samples/city-council-dirty.txt')
    expect(result.stdout).toMatch(/in \d+ files checked/)
  })
})

// Several CLI runs per test: more than the default 30 s each on a busy machine.
describe('help and argument errors (issue 15)', {timeout: 120_000}, () => {
  const flags = [
    '-f',
    '--format',
    '--fix',
    '--fix-dry-run',
    '-c',
    '--config',
    '-q',
    '--quiet',
    '--max-warnings',
    '--stdin-filename',
    '--follow-symlinks',
    '--no-progress',
    '--color',
    '--no-color',
    '-h',
    '--help',
  ]
  const formats = ['stylish', 'json', 'sarif', 'github', 'lsp', 'html']

  it.each([
    ['copydesk lint --help', ['lint', '--help']],
    ['copydesk lint -h (after other flags)', ['lint', '--format', 'json', '-h']],
    ['copydesk help lint', ['help', 'lint']],
  ])('%s prints every flag, its short alias, the formats and the exit codes', async (_name, args) => {
    const result = await run(args)
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^Usage: copydesk lint \[options\] \[PATH\|GLOB\|-\]\.\.\./)
    for (const flag of flags) expect(result.stdout).toMatch(new RegExp(`(^|[ ,])${flag}\\b`, 'm'))
    expect(result.stdout).toMatch(/-f, --format F/)
    expect(result.stdout).toMatch(/-c, --config FILE/)
    expect(result.stdout).toMatch(/-q, --quiet/)
    for (const format of formats) expect(result.stdout).toContain(format)
    expect(result.stdout).toMatch(/^ {2}0 {2}no errors/m)
    expect(result.stdout).toMatch(/^ {2}1 {2}problems at error severity/m)
    expect(result.stdout).toMatch(/^ {2}2 {2}the run failed/m)
  })

  it('copydesk --help lists the commands and points to each command’s help', async () => {
    const result = await run(['--help'])
    expect(result.status).toBe(0)
    for (const command of ['lint', 'lsp', 'rules', 'explain', 'help']) expect(result.stdout).toMatch(new RegExp(`^ {2}copydesk ${command}\\b`, 'm'))
    expect(result.stdout).toContain('copydesk lint --help')
  })

  it('an unknown flag: one line with "did you mean", exit 2', async () => {
    const result = await run(['lint', '--formt', 'json', 'samples'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('copydesk: Unknown option `--formt`, did you mean `--format`? (`copydesk lint --help` lists the options)\n')
    expect((await run(['lint', '--colour', 'samples'])).stderr).toBe(
      'copydesk: Unknown option `--colour`, did you mean `--color`? (`copydesk lint --help` lists the options)\n',
    )
    expect((await run(['lint', '-x', 'samples'])).stderr).toBe('copydesk: Unknown option `-x` (`copydesk lint --help` lists the options)\n')
  })

  it('a flag without its value, or a value for a switch: one line, exit 2', async () => {
    const missing = await run(['lint', 'samples', '--format'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toBe('copydesk: Option `--format` needs a value (F)\n')
    expect((await run(['lint', '--config', '--quiet', 'samples'])).stderr).toBe('copydesk: Option `--config` needs a value (FILE), not the option `--quiet`\n')
    expect((await run(['lint', '--fix=yes', 'samples'])).stderr).toBe('copydesk: Option `--fix` takes no value, got `yes`\n')
  })

  it('short aliases and --color/--no-color work (the last one wins)', async () => {
    const input = 'Talks resumed on the the same day.\n'
    expect(JSON.parse((await run(['lint', '-f', 'json', '-q', '-'], {input})).stdout)[0].messages).toEqual([])
    expect((await run(['lint', '--color', '-'], {input})).stdout).toContain('\u001B[')
    expect((await run(['lint', '--color', '--no-color', '-'], {input})).stdout).not.toContain('\u001B[')
    expect((await run(['lint', '--no-color', '--color', '-'], {input})).stdout).toContain('\u001B[')
  })

  it('copydesk explain with no rule: a usage error that lists the rules', async () => {
    const result = await run(['explain'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: Missing rule: `copydesk explain RULE`, where RULE is one of `punctuation-spacing`, .*`repeated-word`/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('the README documents every flag that --help lists', async () => {
    const help = (await run(['lint', '--help'])).stdout
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const listed = [...help.matchAll(/^ {2}(?:(-\w), )? *(--[\w-]+)/gm)].flatMap((match) => [match[1], match[2]].filter(Boolean))
    expect(listed.length).toBeGreaterThanOrEqual(flags.length)
    for (const flag of listed) expect(readme, `README mentions ${flag}`).toContain(`\`${flag}`)
  })
})

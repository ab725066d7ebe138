/**
 * End to end: a draft with more messages than its limit (`--max-messages`, `maxMessages`) is
 * reported up to the limit, and every format says where it stopped; standard error says it
 * too (but for the default report, which shows it); the cache keeps it; a draft linted in a
 * worker thread (1 MiB or more) keeps it across the thread; bad values are one-line errors.
 */
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {root, runCliAsync} from '../helpers/cli.js'

const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-e2e-max-messages-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

const run = (args: readonly string[], cwd = folder) => runCliAsync(args, {cwd})

/** A made-up word of letters (`mogatux`), different for each number. */
function word(number: number): string {
  let text = ''
  let rest = number * 7 + 4000
  do {
    text += 'bcdfgjklmnprstvz'[rest % 16] + 'aeiou'[(rest >> 4) % 5]
    rest = Math.floor(rest / 80)
  } while (rest > 0)
  return text + 'x'
}
/** A line of made-up words, unknown to every dictionary: each a spelling message. */
const madeUp = (index: number) => `Then ${word(index)} ${word(index + 100_000)}.`
const lines = (count: number, from = 0) => Array.from({length: count}, (_, index) => madeUp(from + index)).join('\n') + '\n'
writeFileSync(path.join(folder, 'codes.txt'), lines(40))
const reason = (count: number, line: number) =>
  `stopped after ${count} messages, at line ${line}: the rest of the draft is not reported (the limit is \`maxMessages\` in the configuration, or \`--max-messages\`; -1 reports every message)`

describe('copydesk lint --max-messages', () => {
  it('json: the first N messages, `stopped` on the file entry, the reason on standard error; exit as the messages say', async () => {
    const result = await run(['lint', '--format', 'json', '--max-messages', '5', 'codes.txt'])
    const [entry] = JSON.parse(result.stdout)
    expect(entry.messages).toHaveLength(5)
    expect(entry.stopped).toEqual({messages: 5, line: 3, column: 6})
    expect(Object.keys(entry)).toEqual(['file', 'stopped', 'messages'])
    const all = JSON.parse((await run(['lint', '--format', 'json', '--max-messages', '-1', 'codes.txt'])).stdout)[0]
    expect(all.messages).toHaveLength(80)
    expect(all.stopped).toBeUndefined()
    expect(entry.messages).toEqual(all.messages.slice(0, 5))
    expect(result.stderr).toBe(`copydesk: warning: codes.txt: ${reason(5, 3)}\n`)
    expect(result.status).toBe(0)
  })

  it('stylish says it under the draft (and not again on standard error)', async () => {
    const result = await run(['lint', '--max-messages', '3', 'codes.txt'])
    expect(result.stdout).toContain(`\n  ${reason(3, 2)}\n`)
    expect(result.stderr).toBe('')
  })

  it('github: a warning annotation at the line of the last message', async () => {
    const result = await run(['lint', '--format', 'github', '--max-messages', '3', 'codes.txt'])
    const annotations = result.stdout.trimEnd().split('\n')
    expect(annotations).toHaveLength(4)
    expect(annotations[3]).toBe(`::warning file=codes.txt,line=2,title=copydesk::${reason(3, 2)}`)
  })

  it('sarif: a tool execution notification (valid SARIF 2.1.0); lsp: an information diagnostic', async (context) => {
    const sarif = JSON.parse((await run(['lint', '--format', 'sarif', '--max-messages', '3', 'codes.txt'])).stdout)
    expect(sarif.runs[0].results).toHaveLength(3)
    expect(sarif.runs[0].invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: {text: reason(3, 2)},
            locations: [{physicalLocation: {artifactLocation: {uri: 'codes.txt', uriBaseId: '%SRCROOT%'}, region: {startLine: 2, startColumn: 6}}}],
          },
        ],
      },
    ])
    const [entry] = JSON.parse((await run(['lint', '--format', 'lsp', '--max-messages', '3', 'codes.txt'])).stdout)
    expect(entry.diagnostics).toHaveLength(4)
    expect(entry.diagnostics[3]).toEqual({range: {start: {line: 1, character: 5}, end: {line: 1, character: 5}}, severity: 3, source: 'copydesk', message: reason(3, 2)})
    const validator = path.resolve(root, '../shared/harness/sarif-validate')
    if (!existsSync(validator)) {
      console.warn(`skipped the schema check: ${validator} is not on this machine (the harness lives beside the project)`)
      return context.skip()
    }
    const file = path.join(folder, 'stopped.sarif')
    writeFileSync(file, JSON.stringify(sarif))
    const check = await new Promise<string>((resolve) =>
      execFile(validator, [file], {encoding: 'utf8', timeout: 120_000}, (_error, stdout, stderr) => resolve(stdout + stderr)),
    )
    expect(check).toMatch(/^valid: /m)
  }, 150_000)

  it('the configuration sets it (`maxMessages`), the command line overrides it, and --cache keeps where a report stopped', async () => {
    const project = mkdtempSync(path.join(folder, 'project-'))
    writeFileSync(path.join(project, '.copydeskrc.json'), '{"maxMessages": 4}')
    writeFileSync(path.join(project, 'codes.txt'), lines(10))
    const configured = JSON.parse((await run(['lint', '--format', 'json', 'codes.txt'], project)).stdout)[0]
    expect(configured.messages).toHaveLength(4)
    expect(configured.stopped).toEqual({messages: 4, line: 2, column: configured.messages[3].column})
    expect(JSON.parse((await run(['lint', '--format', 'json', '--max-messages', '-1', 'codes.txt'], project)).stdout)[0].messages).toHaveLength(20)
    const first = await run(['lint', '--format', 'json', '--cache', 'codes.txt'], project)
    const cached = await run(['lint', '--format', 'json', '--cache', 'codes.txt'], project)
    expect(cached.stdout).toBe(first.stdout)
    expect(cached.stderr).toBe(first.stderr)
    expect(JSON.parse(cached.stdout)[0].stopped).toEqual(configured.stopped)
  })

  it('a draft of 1 MiB or more (linted in a worker thread, in windows) stops at the limit too', async () => {
    const big = path.join(folder, 'big.txt')
    let text = ''
    for (let index = 0; text.length < 1.1 * 1024 * 1024; index += 2000) text += lines(2000, index)
    writeFileSync(big, text)
    const result = await run(['lint', '--format', 'json', '--max-messages', '12', '--max-draft-size', '4MiB', 'big.txt'])
    const [entry] = JSON.parse(result.stdout)
    expect(entry.messages).toHaveLength(12)
    expect(entry.stopped).toEqual({messages: 12, line: 6, column: entry.messages[11].column})
    expect(result.status).toBe(0)
  }, 150_000)

  it.each([
    [['--max-messages', '0'], 'copydesk: Invalid `--max-messages 0`, expected a whole number ≥ 1, or -1 for no limit\n'],
    [['--max-messages', 'lots'], 'copydesk: Invalid `--max-messages lots`, expected a whole number ≥ 1, or -1 for no limit\n'],
  ])('%j is a one-line error, exit 2', async (args, stderr) => {
    const result = await run(['lint', ...args, 'codes.txt'])
    expect(result.stderr).toBe(stderr)
    expect(result.status).toBe(2)
  })

  it.each([
    ['0', 'maxMessages: Unexpected `0`, expected a whole number ≥ 1, or -1 for no limit'],
    ['2.5', 'maxMessages: Unexpected `2.5`, expected a whole number ≥ 1, or -1 for no limit'],
    ['"many"', 'maxMessages: Unexpected `many`, expected a whole number ≥ 1, or -1 for no limit'],
  ])('"maxMessages": %s in a configuration is a one-line error naming it, exit 2', async (value, error) => {
    const project = mkdtempSync(path.join(folder, 'bad-'))
    writeFileSync(path.join(project, '.copydeskrc.json'), `{"maxMessages": ${value}}`)
    writeFileSync(path.join(project, 'a.txt'), 'Fine.\n')
    const result = await run(['lint', 'a.txt'], project)
    expect(result.stderr).toBe(`copydesk: .copydeskrc.json: ${error}\n`)
    expect(result.status).toBe(2)
  })
})

/**
 * The progress line of a long `copydesk lint` run, end to end: the built CLI runs in a real
 * pseudo-terminal (`script` from util-linux), and a run of many drafts (a few seconds, far past
 * the one-second delay on any machine) shows `Checking N/M FILE` on standard error, erased
 * before the report; never when standard error is not a terminal, in a machine format, with
 * `--no-progress`, under `CI` or with `TERM=dumb`.
 */
import {execFile, execFileSync, spawn} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {cliPath, folderWith, type CliResult} from '../helpers/cli.js'

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
})()

/** Quote `text` for `sh`. */
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`

/** The environment of a person at a terminal: no `CI` (CI itself sets it), a real `TERM`. */
function terminalEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', NO_COLOR: '1', ...extra}
  if (!('CI' in extra)) delete env.CI
  return env
}

/**
 * Run `copydesk ARGS` (then `shellTail`, a redirection) in a pseudo-terminal in `cwd`: what
 * the terminal received (standard output and standard error together) and the exit status.
 */
function inTerminal(
  cwd: string,
  args: readonly string[],
  {shellTail = '', env = terminalEnv()}: {shellTail?: string; env?: NodeJS.ProcessEnv} = {},
): Promise<{status: number | null; screen: string}> {
  const command = `stty cols 100 2>/dev/null; ${[process.execPath, cliPath, ...args].map(quote).join(' ')} ${shellTail}`
  return new Promise((resolve, reject) => {
    // `-e`: script exits with the command's status; `-q`: no banner. Its standard input stays
    // open until the command ends (the test's own pipe: CI runs tests with none).
    const child = spawn('script', ['-qec', command, '/dev/null'], {cwd, env, stdio: ['pipe', 'pipe', 'pipe']})
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({status, screen: Buffer.concat(chunks).toString('utf8')}))
    setTimeout(() => child.kill(), 120_000).unref()
  })
}

/** Run `copydesk ARGS` with standard output and standard error as pipes (as in CI). */
function piped(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = terminalEnv()): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], {cwd, encoding: 'utf8', env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      resolve({status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr})
    })
  })
}

const erase = '\r\x1b[K'
/** What the terminal shows of `text` after the last erase of the progress line. */
const afterLastErase = (text: string) => (text.includes(erase) ? text.slice(text.lastIndexOf(erase) + erase.length) : text)
// eslint-disable-next-line no-control-regex -- the escape sequence of the terminal is what is matched.
const progressPattern = /\r\x1b\[K(Reading|Checking|Fixing) \d+\/\d+/

/** Many drafts: a few seconds of linting (about 10 s of CPU per MB: 300 drafts of 700 bytes). */
const draftCount = 300
function manyDrafts(): string {
  const paragraph =
    'The minister said on monday that the the talks in istanbul would resume next week,after a pause of ' +
    'three days. Officials from both delegations met in the capital, and a spokesman told reporters that ' +
    'the sides had agreed on a timetable for the next round. The minister said the talks had been useful, ' +
    'and that the two governments would keep talking. Aid groups welcomed the news, and said that the ' +
    'pause had cost them time. The next round is planned for the end of the month, officials said.\n'
  const files: Record<string, string> = {}
  for (let index = 1; index <= draftCount; index++) files[`drafts/draft-${String(index).padStart(3, '0')}.txt`] = `Draft ${index}.\n\n${paragraph}`
  return folderWith(mkdtempSync(path.join(os.tmpdir(), 'copydesk-progress-')), 'desk', files)
}

describe.skipIf(!hasScript)('progress on a terminal (script(1) gives a pseudo-terminal)', () => {
  let cwd: string
  let report: CliResult
  beforeAll(async () => {
    cwd = manyDrafts()
    report = await piped(cwd, ['lint', 'drafts'])
  }, 180_000)

  it('a long run shows Checking N/M and the current draft on standard error, erased before the report', async () => {
    // Standard output to a file, standard error to the terminal: the file gets the report alone.
    const {status, screen} = await inTerminal(cwd, ['lint', 'drafts'], {shellTail: '> report.txt'})
    expect(status).toBe(report.status)
    expect(screen).toMatch(progressPattern)
    expect(screen).toMatch(new RegExp(`\\r\\x1b\\[KChecking \\d+/${draftCount} drafts/draft-\\d{3}\\.txt`))
    // The line is erased at the end: nothing is left after the last erase.
    expect(screen.endsWith(erase)).toBe(true)
    expect(readFileSync(path.join(cwd, 'report.txt'), 'utf8')).toBe(report.stdout)
    expect(report.stdout).toMatch(/in 300 files checked/)
    // Counts never go past the total and never go back within a stage.
    const counts = [...screen.matchAll(/Checking (\d+)\/(\d+)/g)].map((match) => [Number(match[1]), Number(match[2])])
    expect(counts.length).toBeGreaterThan(1)
    for (const [index, [count, total]] of counts.entries()) {
      expect(total).toBe(draftCount)
      expect(count).toBeLessThanOrEqual(total)
      if (index > 0) expect(count).toBeGreaterThanOrEqual(counts[index - 1][0])
    }
  }, 180_000)

  it('with the report on the terminal too, the report starts on a clean line and holds no progress', async () => {
    const {status, screen} = await inTerminal(cwd, ['lint', 'drafts'])
    expect(status).toBe(report.status)
    expect(screen).toMatch(progressPattern)
    const afterProgress = afterLastErase(screen)
    // The terminal turns \n into \r\n.
    expect(afterProgress.replaceAll('\r\n', '\n')).toBe(report.stdout)
  }, 180_000)

  it('--fix: Fixing N/M, and each "problems fixed" line starts on an erased line', async () => {
    const fixing = manyDrafts()
    const {screen} = await inTerminal(fixing, ['lint', '--fix', 'drafts'], {shellTail: '> /dev/null'})
    expect(readFileSync(path.join(fixing, 'drafts', 'draft-001.txt'), 'utf8')).toMatch(/on Monday that the talks in Istanbul would resume next week, after/)
    // eslint-disable-next-line no-control-regex -- the escape sequence of the terminal is what is matched.
    expect(screen).toMatch(/\r\x1b\[KFixing \d+\/300/)
    const fixedLines = screen.split('\n').filter((line) => line.includes('problems fixed'))
    expect(fixedLines.length).toBe(draftCount)
    // Progress frames may come first on that line; after the last erase, the message alone.
    for (const line of fixedLines) expect(afterLastErase(line)).toMatch(/^copydesk: drafts\/draft-\d{3}\.txt: \d+ problems fixed\r?$/)
    // Nothing of the line is left on the screen at the end.
    expect(afterLastErase(screen)).not.toMatch(/Fixing|Reading/)
  }, 180_000)

  it('never in a machine format, with --no-progress, under CI or TERM=dumb, or when standard error is not a terminal', async () => {
    const runs = {
      json: await inTerminal(cwd, ['lint', '--format', 'json', 'drafts']),
      noProgress: await inTerminal(cwd, ['lint', '--no-progress', 'drafts'], {shellTail: '> /dev/null'}),
      ci: await inTerminal(cwd, ['lint', 'drafts'], {shellTail: '> /dev/null', env: terminalEnv({CI: 'true'})}),
      dumb: await inTerminal(cwd, ['lint', 'drafts'], {shellTail: '> /dev/null', env: terminalEnv({TERM: 'dumb'})}),
      // Standard output on the terminal, standard error to a file.
      stderrToFile: await inTerminal(cwd, ['lint', 'drafts'], {shellTail: '2> errors.txt'}),
    }
    for (const [name, {screen}] of Object.entries(runs)) expect({name, hasProgress: /(Reading|Checking) \d/.test(screen)}).toEqual({name, hasProgress: false})
    expect(readFileSync(path.join(cwd, 'errors.txt'), 'utf8')).toBe('')
    // The JSON on the terminal is exactly the document a pipe gets.
    expect(JSON.parse(runs.json.screen.replaceAll('\r\n', '\n'))).toEqual(JSON.parse((await piped(cwd, ['lint', '--format', 'json', 'drafts'])).stdout))
    // Pipes, as in CI: neither stream gets a progress line.
    expect(report.stderr).toBe('')
    // eslint-disable-next-line no-control-regex -- the escape sequence of the terminal is what is matched.
    expect(report.stdout).not.toMatch(/\x1b|Checking \d/)
  }, 300_000)

  it('a run of one draft never shows progress (there is nothing to count)', async () => {
    const {screen} = await inTerminal(cwd, ['lint', 'drafts/draft-001.txt'], {shellTail: '> /dev/null'})
    expect(screen).toBe('')
  }, 60_000)
})

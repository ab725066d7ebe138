/**
 * End to end: what a run says. `--fix` counts what it changed (issue 15); a run that could not
 * check a path never ends on a green `✔ no problems`, nor `--quiet` while it hides warnings
 * (issue 15); the report never copies a draft's terminal escapes to the terminal (issue 17).
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {runCli, folderWith} from '../helpers/cli.js'

const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-e2e-fix-report-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

/** The last line of a report. */
const summaryOf = (text: string) => text.trimEnd().split('\n').at(-1)

describe('--fix says what it changed', () => {
  it('one line per changed file on standard error, with the count of problems fixed', () => {
    const dir = folderWith(folder, 'count', {
      'a.txt': 'Talks resumed on the the same day.\nThey met in in Paris on monday.\n',
      'b.txt': 'They met in in Paris.\n',
      'clean.txt': 'They met in Paris.\n',
    })
    const result = runCli(['lint', '--fix', '.'], {cwd: dir})
    expect(result.stderr).toBe('copydesk: a.txt: 3 problems fixed\ncopydesk: b.txt: 1 problem fixed\n')
    expect(result.status).toBe(0)
  })

  it('on standard input too (the fixed text on standard output)', () => {
    const result = runCli(['lint', '--fix', '-'], {input: 'They met in in Paris.\n'})
    expect(result.stdout).toBe('They met in Paris.\n')
    expect(result.stderr.split('\n')[0]).toBe('copydesk: <stdin>: 1 problem fixed')
  })
})

describe('a run that could not check a path never says `✔ no problems`', () => {
  const dir = folderWith(folder, 'failures', {
    'ok.txt': 'They met in Paris.\n',
    'photo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    'empty/.keep': '',
    'huge.txt': Buffer.alloc(5 * 1024 * 1024, 'a'),
  })

  for (const [what, args, summary] of [
    ['a missing file', ['missing.txt'], '✖ 1 path could not be checked (0 files checked)'],
    [
      'a missing, a binary and an oversized file beside a clean one',
      ['missing.txt', 'photo.txt', 'huge.txt', 'ok.txt'],
      '✖ 3 paths could not be checked; no problems in the 1 file checked',
    ],
    ['an empty folder', ['empty'], '✖ 1 path could not be checked (0 files checked)'],
    ['a configuration file that does not exist', ['--config', 'nope.json', 'ok.txt'], '✖ 1 path could not be checked (0 files checked)'],
  ] as const) {
    it(what, () => {
      const result = runCli(['lint', ...args], {cwd: dir})
      expect(result.status).toBe(2)
      expect(result.stdout).not.toContain('no problems (')
      expect(summaryOf(result.stdout)).toBe(summary)
    })
  }

  it('--quiet says what it hid instead of `✔ no problems`', () => {
    const quiet = folderWith(folder, 'quiet', {'warn.txt': 'They met in in Paris.\n'})
    const result = runCli(['lint', '--quiet', 'warn.txt'], {cwd: quiet})
    expect(result.status).toBe(0)
    expect(summaryOf(result.stdout)).toBe('✔ no errors (1 warning hidden by --quiet; 1 file checked)')
  })
})

describe('terminal escapes in a draft are shown, not sent (issue 17)', () => {
  it('the stylish report escapes them', () => {
    const dir = folderWith(folder, 'escapes', {'evil.txt': 'Talks \u001b[2J\u001b]0;owned\u0007resumed on the the same day.\n'})
    const result = runCli(['lint', 'evil.txt'], {cwd: dir})
    expect(result.stdout).not.toContain('\u001b')
    expect(result.stdout).not.toContain('\u0007')
    expect(result.stdout).toContain('Talks \\u001b[2J\\u001b]0;owned\\u0007resumed on the the same day.')
  })
})

/** End to end: `copydesk lint --fix` / `--fix-dry-run` through the built CLI, on copies in a temp folder. */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {root, runCli, folderWith} from '../helpers/cli.js'

const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-e2e-fix-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('--fix on a copy of the sample', () => {
  const dir = path.join(folder, 'sample')
  mkdirSync(dir, {recursive: true})
  copyFileSync(path.join(root, 'samples/ukraine-talks.txt'), path.join(dir, 'ukraine-talks.txt'))
  const original = readFileSync(path.join(dir, 'ukraine-talks.txt'), 'utf8')
  const first = runCli(['lint', '--fix', '--format', 'json', 'ukraine-talks.txt'], {cwd: dir})
  const fixed = readFileSync(path.join(dir, 'ukraine-talks.txt'), 'utf8')

  it('fixes the certain problems in place', () => {
    expect(fixed).not.toBe(original)
    expect(fixed).toContain('Former U.S. President')
    expect(fixed).toContain('social media, stating')
  })

  it('leaves names and uncertain spellings for a person', () => {
    expect(fixed).toContain('Mako Rubio')
    expect(fixed).toContain('that ther are')
  })

  it('reports what remains, and the exit status follows it', () => {
    const [entry] = JSON.parse(first.stdout) as Array<{file: string; messages: Array<{rule: string; fix: boolean}>}>
    expect(entry.file).toBe('ukraine-talks.txt')
    expect(entry.messages.length).toBeGreaterThan(0)
    expect(entry.messages.every((message) => !message.fix)).toBe(true)
    const hasErrors = entry.messages.some((message) => (message as {severity?: string}).severity === 'error')
    expect(first.status).toBe(hasErrors ? 1 : 0)
    // Standard error says how many problems were fixed (issue 15), and nothing else.
    expect(first.stderr).toMatch(/^copydesk: ukraine-talks\.txt: \d+ problems fixed\n$/)
  })

  it('changes nothing on a second run (same bytes, file not rewritten)', () => {
    const before = statSync(path.join(dir, 'ukraine-talks.txt')).mtimeMs
    const second = runCli(['lint', '--fix', 'ukraine-talks.txt'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'ukraine-talks.txt'), 'utf8')).toBe(fixed)
    expect(statSync(path.join(dir, 'ukraine-talks.txt')).mtimeMs).toBe(before)
    expect(second.status).toBe(first.status)
  })
})

describe('--fix keeps line endings and encoding', () => {
  const dir = folderWith(folder, 'bytes', {
    'crlf.txt': 'Talks resumed on the the same day.\r\nThey met in in Paris.\r\n',
    'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Talks\n\nTalks resumed on the the same day.\n')]),
  })
  const result = runCli(['lint', '--fix', '.'], {cwd: dir})

  it('keeps CRLF', () => {
    expect(readFileSync(path.join(dir, 'crlf.txt'), 'utf8')).toBe('Talks resumed on the same day.\r\nThey met in Paris.\r\n')
  })

  it('keeps the byte order mark', () => {
    const bytes = readFileSync(path.join(dir, 'bom.md'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe('# Talks\n\nTalks resumed on the same day.\n')
  })

  it('exits 0 with nothing left', () => {
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('no problems')
  })
})

describe('--fix-dry-run', () => {
  const text = 'Talks resumed on the the same day.\n'
  const dir = folderWith(folder, 'dry', {'draft.txt': text})

  it('prints a unified diff on stdout, the report on stderr, and writes nothing', () => {
    const result = runCli(['lint', '--fix-dry-run', 'draft.txt'], {cwd: dir})
    expect(result.stdout).toBe('--- draft.txt\n+++ draft.txt\n@@ -1,1 +1,1 @@\n-Talks resumed on the the same day.\n+Talks resumed on the same day.\n')
    expect(result.stderr).toContain('no problems')
    expect(readFileSync(path.join(dir, 'draft.txt'), 'utf8')).toBe(text)
    expect(result.status).toBe(0)
  })

  it('with a machine format keeps stdout for the report and sends the diff to stderr', () => {
    const result = runCli(['lint', '--fix-dry-run', '--format', 'json', 'draft.txt'], {cwd: dir})
    expect(JSON.parse(result.stdout)).toEqual([{file: 'draft.txt', messages: []}])
    expect(result.stderr).toContain('+Talks resumed on the same day.')
    expect(readFileSync(path.join(dir, 'draft.txt'), 'utf8')).toBe(text)
  })
})

describe('the README recipe: --fix-dry-run > fixes.patch; patch -p0 < fixes.patch', () => {
  const hasPatch = spawnSync('patch', ['--version']).status === 0
  if (!hasPatch) console.warn('fix.test: the `patch -p0` test is skipped: no `patch` program (apt-get install patch)')
  it.skipIf(!hasPatch)('applies, with a byte order mark, CRLF, no final line break, in subfolders, and gives what --fix gives', () => {
    const bom = '\uFEFF'
    const drafts = {
      'bom.txt': `${bom}Talks resumed on the the same day.\nThey met in Paris.\n`,
      'bom-crlf.md': `${bom}# Talks\r\n\r\nTalks resumed on the the same day.\r\n`,
      'crlf.txt': 'They met in in Paris.\r\nTalks went on.\r\n',
      'no-final-break.txt': 'They met in in Paris.',
      'sub/nested.md': `${bom}They met in in Paris.\n\nTalks resumed on the the same day.\n`,
    }
    const patched = folderWith(folder, 'patch-recipe', drafts)
    const fixed = folderWith(folder, 'patch-recipe-fix', drafts)
    const dryRun = runCli(['lint', '--fix-dry-run', '.'], {cwd: patched})
    const applied = spawnSync('patch', ['-p0', '--batch', '--forward'], {cwd: patched, input: dryRun.stdout, encoding: 'utf8'})
    expect(applied.stderr).toBe('')
    expect(applied.status).toBe(0)
    runCli(['lint', '--fix', '.'], {cwd: fixed})
    for (const name of Object.keys(drafts)) {
      expect(readFileSync(path.join(patched, name)).equals(readFileSync(path.join(fixed, name)))).toBe(true)
      expect(readFileSync(path.join(patched, name), 'utf8')).not.toBe(drafts[name as keyof typeof drafts])
    }
    expect(readdirSync(patched, {recursive: true}).filter((name) => /\.(orig|rej)$/.test(String(name)))).toEqual([])
  })
})

describe('--fix on standard input', () => {
  it('prints the fixed text on stdout and the report on stderr', () => {
    const result = runCli(['lint', '--fix', '-'], {input: 'They met in in Paris.\n'})
    expect(result.stdout).toBe('They met in Paris.\n')
    expect(result.stderr).toContain('no problems')
    expect(result.status).toBe(0)
  })
})

describe('--fix and --fix-dry-run together', () => {
  it('is a usage error (exit 2)', () => {
    const result = runCli(['lint', '--fix', '--fix-dry-run', '-'], {input: 'x'})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--fix')
  })
})

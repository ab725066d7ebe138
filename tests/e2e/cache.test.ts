/**
 * `copydesk lint --cache`, end to end through the built CLI: results read from the cache are
 * byte for byte what a fresh run prints, and a draft is linted again when its text, its
 * configuration (a style pack file included) or copydesk's version changes.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {execFile} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {cliPath, root, type CliResult} from '../helpers/cli.js'

/** Run the built CLI in `cwd` without blocking this thread (many runs, on a busy machine). */
function runCli(args: readonly string[], {cwd, timeout = 60_000}: {cwd: string; timeout?: number}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}, timeout}, (error, stdout, stderr) => {
      resolve({status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr})
    })
  })
}

/** A fresh folder holding the samples (plain text and Markdown). */
function samplesFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'copydesk-cache-'))
  mkdirSync(path.join(folder, 'drafts'))
  for (const name of readdirSync(path.join(root, 'samples'))) {
    if (/\.(txt|md)$/.test(name)) copyFileSync(path.join(root, 'samples', name), path.join(folder, 'drafts', name))
  }
  return folder
}

interface CacheFile {
  format: number
  version: string
  files: Record<string, {key: string; messages: Array<{reason: string}>}>
}

const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheFile

describe('lint --cache', () => {
  it('prints exactly what a fresh run prints, in every format, from one cache file', async () => {
    const cwd = samplesFolder()
    for (const format of ['json', 'stylish', 'sarif']) {
      const location = path.join(cwd, `cache-${format}`)
      const fresh = await runCli(['lint', '--format', format, 'drafts'], {cwd})
      const first = await runCli(['lint', '--format', format, '--cache', '--cache-location', location, 'drafts'], {cwd})
      const second = await runCli(['lint', '--format', format, '--cache', '--cache-location', location, 'drafts'], {cwd})
      expect(fresh.stdout.length).toBeGreaterThan(100)
      for (const run of [first, second]) {
        expect(run.stdout).toBe(fresh.stdout)
        expect(run.status).toBe(fresh.status)
        expect(run.stderr).toBe('')
      }
      const cache = readCache(location)
      expect(Object.keys(cache.files).sort()).toEqual(
        readdirSync(path.join(cwd, 'drafts'))
          .map((name) => path.join(cwd, 'drafts', name))
          .sort(),
      )
    }
  }, 180_000)

  it('reads unchanged drafts from the cache and lints changed ones again', async () => {
    const cwd = samplesFolder()
    const location = path.join(cwd, 'lint.cache')
    const args = ['lint', '--format', 'json', '--cache', '--cache-location', location, 'drafts']
    const fresh = await runCli(args, {cwd})
    // Mark every cached message: a draft read from the cache shows the mark.
    const cache = readCache(location)
    for (const entry of Object.values(cache.files)) for (const message of entry.messages) message.reason = `cached: ${message.reason}`
    writeFileSync(location, JSON.stringify(cache))
    const marked = JSON.parse((await runCli(args, {cwd})).stdout) as Array<{file: string; messages: Array<{message: string}>}>
    const markedMessages = marked.flatMap((entry) => entry.messages)
    expect(markedMessages.length).toBeGreaterThan(10)
    expect(markedMessages.every((message) => message.message.startsWith('cached: '))).toBe(true)

    // One draft changes: it alone is linted again.
    const changed = path.join(cwd, 'drafts', 'ukraine-talks.txt')
    writeFileSync(changed, readFileSync(changed, 'utf8') + '\nThe talks ended on the the same day.\n')
    const afterEdit = JSON.parse((await runCli(args, {cwd})).stdout) as typeof marked
    for (const entry of afterEdit) {
      const cached = entry.messages.every((message) => message.message.startsWith('cached: '))
      const linted = entry.messages.every((message) => !message.message.startsWith('cached: '))
      if (entry.file === path.join('drafts', 'ukraine-talks.txt')) {
        expect(linted).toBe(true)
        expect(entry.messages.length).toBe((JSON.parse(fresh.stdout) as typeof marked).find((other) => other.file === entry.file)!.messages.length + 1)
      } else expect(cached).toBe(true)
    }

    // The configuration changes: every draft is linted again.
    writeFileSync(path.join(cwd, '.copydeskrc.json'), JSON.stringify({rules: {'repeated-word': 'off'}}))
    const afterConfig = JSON.parse((await runCli(args, {cwd})).stdout) as typeof marked
    const noCache = JSON.parse((await runCli(['lint', '--format', 'json', 'drafts'], {cwd})).stdout) as typeof marked
    expect(afterConfig).toEqual(noCache)
    expect(afterConfig.flatMap((entry) => entry.messages).some((message) => message.message.startsWith('cached: '))).toBe(false)
  }, 180_000)

  it('lints again when a style pack file changes', async () => {
    const cwd = samplesFolder()
    const pack = (term: string) => `entries:\n  - avoid: [${term}]\n    use: gathering\n`
    writeFileSync(path.join(cwd, 'house.yaml'), pack('meeting'))
    writeFileSync(path.join(cwd, '.copydeskrc.json'), JSON.stringify({styles: ['./house.yaml']}))
    const args = ['lint', '--format', 'json', '--cache', 'drafts']
    const before = await runCli(args, {cwd})
    expect(before.stderr).toBe('')
    writeFileSync(path.join(cwd, 'house.yaml'), pack('talks'))
    const after = await runCli(args, {cwd})
    expect(after.stdout).toBe((await runCli(['lint', '--format', 'json', 'drafts'], {cwd})).stdout)
    expect(after.stdout).not.toBe(before.stdout)
  }, 180_000)

  it('keeps the default cache in .copydeskcache in the working folder; a folder as location holds .copydeskcache', async () => {
    const cwd = samplesFolder()
    await runCli(['lint', '--cache', 'drafts'], {cwd})
    expect(readCache(path.join(cwd, '.copydeskcache')).version).toMatch(/^\d+\.\d+\.\d+/)
    mkdirSync(path.join(cwd, 'caches'))
    await runCli(['lint', '--cache', '--cache-location', 'caches/', 'drafts'], {cwd})
    expect(existsSync(path.join(cwd, 'caches', '.copydeskcache'))).toBe(true)
    // Without --cache, nothing is read or written.
    const bare = samplesFolder()
    await runCli(['lint', 'drafts'], {cwd: bare})
    expect(existsSync(path.join(bare, '.copydeskcache'))).toBe(false)
  }, 180_000)

  it('ignores a corrupt cache with a warning and rewrites it; a cache of another version quietly', async () => {
    const cwd = samplesFolder()
    const location = path.join(cwd, '.copydeskcache')
    const fresh = await runCli(['lint', '--format', 'json', 'drafts'], {cwd})
    writeFileSync(location, '{"format": 1, "files": [tru')
    const corrupt = await runCli(['lint', '--format', 'json', '--cache', 'drafts'], {cwd})
    expect(corrupt.stdout).toBe(fresh.stdout)
    expect(corrupt.status).toBe(fresh.status)
    expect(corrupt.stderr).toMatch(/^copydesk: warning: ignoring the cache .*\.copydeskcache: .*JSON/)
    const cache = readCache(location)
    expect(Object.keys(cache.files).length).toBe(readdirSync(path.join(cwd, 'drafts')).length)

    for (const entry of Object.values(cache.files)) for (const message of entry.messages) message.reason = 'stale'
    writeFileSync(location, JSON.stringify({...cache, version: '0.0.0-older'}))
    const older = await runCli(['lint', '--format', 'json', '--cache', 'drafts'], {cwd})
    expect(older.stdout).toBe(fresh.stdout)
    expect(older.stderr).toBe('')
    expect(readCache(location).version).toBe(cache.version)
  }, 180_000)

  describe('what is at the cache location (issue 17: only regular files of bounded size are read)', () => {
    // A run that waited on a FIFO would be killed here (status null), not hang the suite.
    const timeout = 30_000

    it('a FIFO or a folder as the cache: a usage error naming it, exit 2, nothing linted, the FIFO left as it is', async () => {
      const cwd = samplesFolder()
      execFileSync('mkfifo', [path.join(cwd, 'pipe')])
      const fifo = await runCli(['lint', '--cache', '--cache-location', 'pipe', 'drafts'], {cwd, timeout})
      expect(fifo).toEqual({
        status: 2,
        stdout: '',
        stderr: 'copydesk: pipe: not a regular file (FIFO), expected a cache file (`--cache-location FILE` or a folder to hold .copydeskcache)\n',
      })
      expect(statSync(path.join(cwd, 'pipe')).isFIFO()).toBe(true)
      // A folder where the cache file would be (here the default `.copydeskcache`).
      mkdirSync(path.join(cwd, '.copydeskcache'))
      const folder = await runCli(['lint', '--format', 'json', '--cache', 'drafts'], {cwd, timeout})
      expect(folder.status).toBe(2)
      expect(folder.stdout).toBe('')
      expect(folder.stderr).toBe(
        'copydesk: .copydeskcache: not a regular file (directory), expected a cache file (`--cache-location FILE` or a folder to hold .copydeskcache)\n',
      )
    }, 120_000)

    it('a cache file over 64 MiB is ignored with one warning (never read whole), the run is what a fresh one prints, and it is rewritten', async () => {
      const cwd = samplesFolder()
      const location = path.join(cwd, '.copydeskcache')
      writeFileSync(location, '')
      truncateSync(location, 100 * 1024 * 1024) // sparse: no 100 MB written to the disk
      const fresh = await runCli(['lint', '--format', 'json', 'drafts'], {cwd})
      const run = await runCli(['lint', '--format', 'json', '--cache', 'drafts'], {cwd, timeout})
      expect(run.stdout).toBe(fresh.stdout)
      expect(run.status).toBe(fresh.status)
      expect(run.stderr).toBe(
        `copydesk: warning: ignoring the cache ${location}: file too large (104,857,600 bytes), expected a cache file of at most 67,108,864 bytes (64 MiB)\n`,
      )
      expect(statSync(location).size).toBeLessThan(1024 * 1024)
      expect(Object.keys(readCache(location).files).length).toBe(readdirSync(path.join(cwd, 'drafts')).length)
    }, 120_000)

    it('a path in the rule options that names a FIFO is not waited on when the key is computed', async () => {
      const cwd = samplesFolder()
      // "input/output" is a term of the house style, and `input/output` is also a FIFO here.
      mkdirSync(path.join(cwd, 'input'))
      execFileSync('mkfifo', [path.join(cwd, 'input', 'output')])
      writeFileSync(path.join(cwd, '.copydeskrc.json'), JSON.stringify({rules: {'house-style': ['warning', {terms: [{avoid: ['I/O'], use: 'input/output'}]}]}}))
      const fresh = await runCli(['lint', '--format', 'json', 'drafts'], {cwd, timeout})
      const first = await runCli(['lint', '--format', 'json', '--cache', 'drafts'], {cwd, timeout})
      const second = await runCli(['lint', '--format', 'json', '--cache', 'drafts'], {cwd, timeout})
      expect(first).toEqual(fresh)
      expect(second).toEqual(fresh)
    }, 120_000)

    it("a FIFO as a pack in the house-style rule's own `styles`: one line naming it, exit 2 (with or without --cache)", async () => {
      const cwd = samplesFolder()
      execFileSync('mkfifo', [path.join(cwd, 'pipe.yaml')])
      writeFileSync(path.join(cwd, '.copydeskrc.json'), JSON.stringify({rules: {'house-style': ['warning', {styles: ['./pipe.yaml']}]}}))
      const line = `copydesk: .copydeskrc.json: rules.house-style.styles[0]: Cannot read style pack \`${path.join(cwd, 'pipe.yaml')}\`: not a regular file (FIFO)\n`
      for (const args of [
        ['lint', 'drafts'],
        ['lint', '--cache', 'drafts'],
      ]) {
        const run = await runCli(args, {cwd, timeout})
        expect(run.status).toBe(2)
        expect(run.stderr).toBe(line)
      }
    }, 120_000)
  })
})

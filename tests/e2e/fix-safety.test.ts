/**
 * End to end: nothing a person wrote is lost or changed by `copydesk lint --fix` (issue 17):
 * edits saved while it runs, files the user may not write, read-only folders, symlinks,
 * runs killed half-way. Real processes on real files.
 */
import {spawn, spawnSync} from 'node:child_process'
import {appendFileSync, chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {cliPath, runCli, type CliResult, folderWith} from '../helpers/cli.js'

const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-e2e-fix-safety-'))
chmodSync(folder, 0o755) // reachable by the unprivileged user of the permission tests
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+rwX', folder])
  rmSync(folder, {recursive: true, force: true})
})

/** Every name under `dir`, recursively, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'}).sort()
}

/** Run the CLI as a background process; resolves when it exits. */
function runCliAsync(args: readonly string[], cwd: string): {done: Promise<CliResult>; kill: (signal: NodeJS.Signals) => void; stderr: () => string} {
  const child = spawn(process.execPath, [cliPath, ...args], {cwd, env: {...process.env, NO_COLOR: '1'}})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const done = new Promise<CliResult>((resolve) => child.on('close', (status) => resolve({status, stdout, stderr})))
  return {done, kill: (signal) => child.kill(signal), stderr: () => stderr}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const slips = 'Talks resumed on the the same day.\nThey met in in Paris on monday.\n'
const slipsFixed = 'Talks resumed on the same day.\nThey met in Paris on Monday.\n'

describe('an edit saved while --fix runs is never lost', () => {
  // This test plays a person who appends a line to each draft while `--fix` is working on it
  // (open, append, close: as `>>` or an editor's append). `--fix` fixes the drafts one by one
  // in order; the test follows it (a draft is done when it is replaced, or named on standard
  // error) and appends to the draft in progress at a random moment of the time a draft takes,
  // so the appends fall before, during and after each write. No appended line may be lost.
  it('appends during the fixing of each draft all survive', async () => {
    const names = Array.from({length: 40}, (_, index) => `draft-${String(index).padStart(2, '0')}.txt`)
    const lost: string[] = []
    let left = 0
    let rewritten = 0
    for (let round = 0; round < 2; round++) {
      const dir = folderWith(folder, `race-${round}`, Object.fromEntries(names.map((name) => [name, slips.repeat(4)])))
      const inodes = names.map((name) => statSync(path.join(dir, name)).ino)
      const child = runCliAsync(['lint', '--fix', '--format', 'json', '.'], dir)
      let exited = false
      void child.done.then(() => (exited = true))
      const appended: Array<[string, string]> = []
      const isDone = (index: number) => statSync(path.join(dir, names[index])).ino !== inodes[index] || child.stderr().includes(`${names[index]}: changed on disk`)
      let lastDone = Date.now()
      let took = 200 // how long a draft takes: measured as the run goes
      for (let index = 0; index < names.length && !exited; index++) {
        const at = Date.now() + Math.random() * took * 1.2
        while (!exited && Date.now() < at && !isDone(index)) await sleep(1)
        const line = `Appended line ${round}.${index}.`
        appendFileSync(path.join(dir, names[index]), line + '\n')
        appended.push([names[index], line])
        while (!exited && !isDone(index)) await sleep(1)
        took = Math.max(20, Date.now() - lastDone)
        lastDone = Date.now()
      }
      const result = await child.done
      // The report is still one JSON document; each draft is whole, fixed or as it was.
      expect(() => JSON.parse(result.stdout)).not.toThrow()
      for (const [name, line] of appended) if (!readFileSync(path.join(dir, name), 'utf8').includes(line + '\n')) lost.push(`${name}: ${line}`)
      for (const name of names) {
        const text = readFileSync(path.join(dir, name), 'utf8')
        const own =
          text
            .split('\n')
            .filter((line) => line && !line.startsWith('Appended line'))
            .join('\n') + '\n'
        expect([slips.repeat(4), slipsFixed.repeat(4)]).toContain(own)
      }
      expect(listing(dir).filter((name) => name.includes('.copydesk-'))).toEqual([])
      left += (result.stderr.match(/changed on disk/g) ?? []).length
      rewritten += names.filter((name, index) => statSync(path.join(dir, name)).ino !== inodes[index]).length
    }
    console.log(`fix-safety race: ${rewritten} drafts written, ${left} left as changed on disk`)
    expect(lost).toEqual([])
    // Both happened: some appends came before the last check, some after the write.
    expect(left).toBeGreaterThan(0)
    expect(rewritten).toBeGreaterThan(0)
  }, 120_000)
})

describe('files the user could not write are left as they are (as root)', () => {
  const isRoot = process.getuid?.() === 0
  it.skipIf(!isRoot)('a read-only file and a file of another user: not written, one line each, exit 2; the others fixed', () => {
    const dir = folderWith(folder, 'perm-root', {'readonly.txt': slips, 'theirs.txt': slips, 'mine.txt': slips})
    chmodSync(path.join(dir, 'readonly.txt'), 0o444)
    chownSync(path.join(dir, 'theirs.txt'), 65534, 65534)
    chmodSync(path.join(dir, 'mine.txt'), 0o640)
    const result = runCli(['lint', '--fix', '--format', 'json', '.'], {cwd: dir})
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'copydesk: mine.txt: 3 problems fixed',
      'copydesk: readonly.txt: read-only file (mode 0444), not fixed',
      'copydesk: theirs.txt: owned by another user (uid 65534), not fixed',
    ])
    expect(result.status).toBe(2)
    expect(readFileSync(path.join(dir, 'readonly.txt'), 'utf8')).toBe(slips)
    expect(readFileSync(path.join(dir, 'theirs.txt'), 'utf8')).toBe(slips)
    expect(statSync(path.join(dir, 'theirs.txt')).uid).toBe(65534)
    expect(statSync(path.join(dir, 'readonly.txt')).mode & 0o777).toBe(0o444)
    // The written file keeps its mode and owner.
    expect(readFileSync(path.join(dir, 'mine.txt'), 'utf8')).toBe(slipsFixed)
    expect(statSync(path.join(dir, 'mine.txt')).mode & 0o777).toBe(0o640)
    expect(statSync(path.join(dir, 'mine.txt')).uid).toBe(0)
    // The report still covers all three: the unwritten ones with the problems they still have.
    const report = JSON.parse(result.stdout) as Array<{file: string; messages: unknown[]}>
    expect(report.map((entry) => [entry.file, entry.messages.length])).toEqual([
      ['mine.txt', 0],
      ['readonly.txt', 3],
      ['theirs.txt', 3],
    ])
  })
})

/**
 * The permission tests as an unprivileged user: when the suite runs as root (here and in CI),
 * the CLI runs as `nobody` through `setpriv`; as any other user, directly.
 */
const asUser = (() => {
  if (process.getuid?.() !== 0) return {run: (args: string[], cwd: string) => runCli(args, {cwd}), why: ''}
  const setpriv = spawnSync('setpriv', ['--version']).status === 0
  if (!setpriv) return {run: undefined, why: 'running as root without `setpriv` to drop to an unprivileged user'}
  return {
    why: '',
    run: (args: string[], cwd: string): CliResult => {
      const result = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cliPath, ...args], {
        cwd,
        encoding: 'utf8',
        env: {...process.env, NO_COLOR: '1'},
        timeout: 60_000,
      })
      return {status: result.status, stdout: result.stdout, stderr: result.stderr}
    },
  }
})()
if (asUser.why) console.warn(`fix-safety: permission tests as an unprivileged user skipped: ${asUser.why}`)

describe.skipIf(!asUser.run)('files and folders the user cannot write (as an unprivileged user)', () => {
  const run = asUser.run!
  /** Give a path to the unprivileged user, when running as root. */
  const own = (file: string) => {
    if (process.getuid?.() === 0) chownSync(file, 65534, 65534)
  }

  it('a read-only folder: each file there fails alone, the others are fixed, the JSON report is printed, exit 2', () => {
    const dir = folderWith(folder, 'perm-folder', {'locked/a.txt': slips, 'locked/b.txt': slips, 'open/c.txt': slips})
    for (const name of ['.', 'locked', 'locked/a.txt', 'locked/b.txt', 'open', 'open/c.txt']) own(path.join(dir, name))
    chmodSync(path.join(dir, 'locked'), 0o555)
    const result = run(['lint', '--fix', '--format', 'json', 'locked', 'open'], dir)
    expect(result.stderr).not.toContain('internal error')
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'copydesk: locked/a.txt: cannot write in its folder (EACCES), not fixed',
      'copydesk: locked/b.txt: cannot write in its folder (EACCES), not fixed',
      'copydesk: open/c.txt: 3 problems fixed',
    ])
    expect(result.status).toBe(2)
    const report = JSON.parse(result.stdout) as Array<{file: string; messages: unknown[]}>
    expect(report.map((entry) => [entry.file, entry.messages.length])).toEqual([
      ['locked/a.txt', 3],
      ['locked/b.txt', 3],
      ['open/c.txt', 0],
    ])
    expect(readFileSync(path.join(dir, 'locked/a.txt'), 'utf8')).toBe(slips)
    expect(readFileSync(path.join(dir, 'open/c.txt'), 'utf8')).toBe(slipsFixed)
    expect(listing(dir).filter((name) => name.includes('.copydesk-'))).toEqual([])
  })

  it('a read-only file and a file of another user in a writable folder: left as they are, owner and mode kept', () => {
    const dir = folderWith(folder, 'perm-files', {'readonly.txt': slips, 'roots.txt': slips, 'mine.txt': slips})
    for (const name of ['.', 'readonly.txt', 'mine.txt']) own(path.join(dir, name))
    chmodSync(path.join(dir, 'readonly.txt'), 0o444)
    chmodSync(path.join(dir, 'roots.txt'), 0o666) // writable by anyone, but not this user's
    chmodSync(path.join(dir, 'mine.txt'), 0o600)
    const uid = statSync(path.join(dir, 'roots.txt')).uid
    const result = run(['lint', '--fix', '.'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('copydesk: readonly.txt: read-only file (mode 0444), not fixed\n')
    if (process.getuid?.() === 0) expect(result.stderr).toContain(`copydesk: roots.txt: owned by another user (uid ${uid}), not fixed\n`)
    expect(readFileSync(path.join(dir, 'readonly.txt'), 'utf8')).toBe(slips)
    expect(readFileSync(path.join(dir, 'roots.txt'), 'utf8')).toBe(slips)
    expect(statSync(path.join(dir, 'roots.txt')).uid).toBe(uid)
    expect(readFileSync(path.join(dir, 'mine.txt'), 'utf8')).toBe(slipsFixed)
    expect(statSync(path.join(dir, 'mine.txt')).mode & 0o777).toBe(0o600)
    // The report (stylish) still shows the problems of the files left as they are.
    expect(result.stdout).toContain('readonly.txt')
    expect(result.stdout).not.toContain('no problems')
  })
})

describe('symlinks', () => {
  it('a draft reached through a symlinked folder and directly is fixed once, without a spurious "changed on disk"', () => {
    const dir = folderWith(folder, 'symlinked', {'real/x.txt': slips})
    symlinkSync('real', path.join(dir, 'link'))
    const result = runCli(['lint', '--fix', '.'], {cwd: dir})
    expect(result.stderr).not.toContain('changed on disk')
    expect(result.status).toBe(0)
    expect(readFileSync(path.join(dir, 'real/x.txt'), 'utf8')).toBe(slipsFixed)
    expect(lstatSync(path.join(dir, 'link')).isSymbolicLink()).toBe(true)
  })

  it('a symlinked draft stays a symlink; its target is fixed', () => {
    const dir = folderWith(folder, 'symlinked-file', {'target.txt': slips})
    symlinkSync('target.txt', path.join(dir, 'draft.txt'))
    const result = runCli(['lint', '--fix', 'draft.txt'], {cwd: dir})
    expect(result.status).toBe(0)
    expect(lstatSync(path.join(dir, 'draft.txt')).isSymbolicLink()).toBe(true)
    expect(readFileSync(path.join(dir, 'target.txt'), 'utf8')).toBe(slipsFixed)
    expect(listing(dir)).toEqual(['draft.txt', 'target.txt'])
  })
})

describe('a run killed half-way', () => {
  it('never leaves a half-written draft, and the next run removes its temporary files', async () => {
    const names = Array.from({length: 30}, (_, index) => `draft-${index}.txt`)
    const dir = folderWith(folder, 'killed', Object.fromEntries(names.map((name) => [name, slips])))
    for (let run = 0; run < 4; run++) {
      for (const name of names) writeFileSync(path.join(dir, name), slips)
      const child = runCliAsync(['lint', '--fix', '.'], dir)
      let exited = false
      void child.done.then(() => (exited = true))
      // Kill it while it writes: after the first draft is fixed, at a random moment.
      while (!exited && !names.some((name) => readFileSync(path.join(dir, name), 'utf8') === slipsFixed)) await sleep(5)
      await sleep(Math.random() * 150)
      child.kill('SIGKILL')
      await child.done
      for (const name of names) expect([slips, slipsFixed]).toContain(readFileSync(path.join(dir, name), 'utf8'))
    }
    // A temporary file left by a killed run (made here as it would be: its process is gone).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout
    writeFileSync(path.join(dir, `.draft-0.txt.copydesk-${gone}-00112233aabb.tmp`), 'half')
    runCli(['lint', '--fix', '.'], {cwd: dir})
    expect(listing(dir)).toEqual([...names].sort())
  }, 120_000)
})

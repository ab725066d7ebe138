/**
 * `replaceDraft`: a fixed draft is written only while the file is what was read, and an edit
 * saved at any moment of the write is kept. The hooks play a person saving the draft at the
 * worst moments; the end-to-end race with a real concurrent process is in tests/e2e/fix-safety.
 */
import {
  appendFileSync,
  chmodSync,
  closeSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import {spawnSync} from 'node:child_process'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {removeLeftovers, replaceDraft, tempPath, type WriteOutcome} from '../../src/cli/write-draft.js'

let folder: string
let file: string
const original = Buffer.from('Talks on the the day.\n')
const fixed = Buffer.from('Talks on the day.\n')

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'copydesk-write-'))
  file = path.join(folder, 'draft.txt')
  writeFileSync(file, original)
})
afterEach(() => rmSync(folder, {recursive: true, force: true}))

/** What a write comes to once settled. */
async function settled(outcome: WriteOutcome): Promise<WriteOutcome> {
  return outcome.status === 'written' && outcome.settle ? outcome.settle() : outcome
}

/** The names in the folder besides the draft: no temporary file may be left. */
const others = () => readdirSync(folder).filter((name) => name !== 'draft.txt')

describe('replaceDraft', () => {
  it('writes the fixed bytes and keeps the mode', async () => {
    chmodSync(file, 0o640)
    const outcome = await replaceDraft(file, original, fixed)
    expect(outcome).toMatchObject({status: 'written'})
    await settled(outcome)
    expect(readFileSync(file)).toEqual(fixed)
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(others()).toEqual([])
  })

  it('leaves a file that no longer holds what was read', async () => {
    writeFileSync(file, 'Someone saved this.\n')
    expect(await replaceDraft(file, original, fixed)).toEqual({status: 'changed'})
    expect(readFileSync(file, 'utf8')).toBe('Someone saved this.\n')
  })

  it('an append after the temporary file is written, before the last check: left untouched', async () => {
    const outcome = await replaceDraft(file, original, fixed, {beforeCheck: () => appendFileSync(file, 'An added line.\n')})
    expect(outcome).toEqual({status: 'changed'})
    expect(readFileSync(file, 'utf8')).toBe('Talks on the the day.\nAn added line.\n')
    expect(others()).toEqual([])
  })

  it('a same-size rewrite in place before the last check is seen by its bytes', async () => {
    const outcome = await replaceDraft(file, original, fixed, {beforeCheck: () => writeFileSync(file, 'Talks on THE the day.\n')})
    expect(outcome).toEqual({status: 'changed'})
    expect(readFileSync(file, 'utf8')).toBe('Talks on THE the day.\n')
  })

  it('an editor replacing the draft by a rename before the last check: left untouched', async () => {
    const outcome = await replaceDraft(file, original, fixed, {
      beforeCheck: () => {
        writeFileSync(path.join(folder, 'draft.txt~'), 'Saved by the editor.\n')
        spawnSync('mv', [path.join(folder, 'draft.txt~'), file])
      },
    })
    expect(outcome).toEqual({status: 'changed'})
    expect(readFileSync(file, 'utf8')).toBe('Saved by the editor.\n')
  })

  it('an append between the last check and the rename: the changed version is put back', async () => {
    const outcome = await replaceDraft(file, original, fixed, {beforeRename: () => appendFileSync(file, 'An added line.\n')})
    expect(outcome).toEqual({status: 'restored'})
    expect(readFileSync(file, 'utf8')).toBe('Talks on the the day.\nAn added line.\n')
    expect(others()).toEqual([])
  })

  it('a write to the old file just after the rename (opened before it): put back too', async () => {
    const fd = openSync(file, 'a')
    try {
      const outcome = await replaceDraft(file, original, fixed, {afterRename: () => void writeSync(fd, 'Late line.\n')})
      expect(outcome).toEqual({status: 'restored'})
    } finally {
      closeSync(fd)
    }
    expect(readFileSync(file, 'utf8')).toBe('Talks on the the day.\nLate line.\n')
  })

  it('a late write to the old file is caught when the write settles, and put back', async () => {
    const fd = openSync(file, 'a')
    const outcome = await replaceDraft(file, original, fixed)
    expect(outcome.status).toBe('written')
    writeSync(fd, 'Much later.\n')
    closeSync(fd)
    expect(await settled(outcome)).toEqual({status: 'restored'})
    expect(readFileSync(file, 'utf8')).toBe('Talks on the the day.\nMuch later.\n')
  })

  it('settling an untouched write keeps it', async () => {
    const outcome = await replaceDraft(file, original, fixed)
    expect(await settled(outcome)).toEqual({status: 'written'})
    expect(readFileSync(file)).toEqual(fixed)
  })

  it('both the old and the new file edited: the new stays, the old is saved beside it', async () => {
    const outcome = await replaceDraft(file, original, fixed, {
      beforeRename: () => appendFileSync(file, 'Old line.\n'),
      afterRename: () => appendFileSync(file, 'New line.\n'),
    })
    expect(outcome).toEqual({status: 'saved', saved: `${file}.copydesk-saved`})
    expect(readFileSync(file, 'utf8')).toBe('Talks on the day.\nNew line.\n')
    expect(readFileSync(`${file}.copydesk-saved`, 'utf8')).toBe('Talks on the the day.\nOld line.\n')
    expect(others()).toEqual(['draft.txt.copydesk-saved'])
  })

  it('writes through a symlink: the link stays a link, its target is fixed', async () => {
    const link = path.join(folder, 'link.txt')
    symlinkSync(file, link)
    const outcome = await replaceDraft(link, original, fixed)
    expect(await settled(outcome)).toEqual({status: 'written'})
    expect(readFileSync(file)).toEqual(fixed)
    expect(readdirSync(folder).sort()).toEqual(['draft.txt', 'link.txt'])
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
  })

  it('refuses a file without a write bit for its owner, even as root', async () => {
    chmodSync(file, 0o444)
    expect(await replaceDraft(file, original, fixed)).toEqual({status: 'refused', reason: 'read-only file (mode 0444)'})
    expect(readFileSync(file)).toEqual(original)
  })

  it('a draft replaced by a FIFO before the write: refused at once, never waited on (issue 17)', async () => {
    rmSync(file)
    expect(spawnSync('mkfifo', [file]).status).toBe(0)
    expect(await replaceDraft(file, original, fixed)).toEqual({status: 'refused', reason: 'not a regular file'})
    expect(lstatSync(file).isFIFO()).toBe(true)
    expect(others()).toEqual([])
  }, 10_000)

  it('refuses a file with other hard links (rewriting it would split them)', async () => {
    linkSync(file, path.join(folder, 'other.txt'))
    expect(await replaceDraft(file, original, fixed)).toEqual({status: 'refused', reason: 'has 2 hard links (rewriting it would split them)'})
    expect(readFileSync(path.join(folder, 'other.txt'))).toEqual(original)
  })
})

describe('removeLeftovers', () => {
  /** A process id that is surely gone: a child that has exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}).stdout

  it('removes the temporary files of runs that are gone, and nothing else', async () => {
    const dead = `.draft.txt.copydesk-${deadPid()}-0123456789ab.tmp`
    const alive = path.basename(tempPath(file)) // this process: a write in progress
    const runningOther = `.draft.txt.copydesk-1-0123456789ab.tmp` // pid 1 is running
    const old = `.draft.txt.copydesk-1-ba9876543210.tmp`
    const lookalikes = ['.draft.txt.tmp', 'draft.txt.copydesk-saved', '.draft.txt.copydesk-12-xyz.tmp', 'notes.txt']
    for (const name of [dead, alive, runningOther, old, ...lookalikes]) writeFileSync(path.join(folder, name), 'x')
    const dayAgo = Date.now() / 1000 - 25 * 60 * 60
    utimesSync(path.join(folder, old), dayAgo, dayAgo) // over a day old: the pid may have been reused
    expect((await removeLeftovers(folder)).sort()).toEqual([dead, old].sort())
    expect(others().sort()).toEqual([alive, runningOther, ...lookalikes].sort())
  })

  it('names temporary files so they are recognisable as copydesk’s and this process’s', () => {
    expect(path.basename(tempPath(file))).toMatch(new RegExp(`^\\.draft\\.txt\\.copydesk-${process.pid}-[0-9a-f]{12}\\.tmp$`))
  })
})

/**
 * Write a fixed draft back to disk without ever losing what a person wrote.
 *
 * The draft is replaced only while it is exactly what copydesk read, and only when the user
 * could write it themselves:
 *
 * 1. The file (a symlink's target: the link stays a link) is opened and kept open. A file
 *    without a write bit for its owner, owned by another user, not writable by this user, or
 *    with other hard links is left as it is: rewriting it would change who owns it or what it
 *    is shared with. Root can write anything, so this is decided from the mode and owner
 *    (as ESLint and Prettier leave a file they cannot write), not from `access()` alone.
 * 2. Its bytes are compared with what was read; if they differ, it is left untouched.
 * 3. The new bytes go to a temporary file beside it (`.NAME.copydesk-PID-RANDOM.tmp`, created
 *    exclusively, with the draft's mode, owner and group, flushed to disk).
 * 4. Just before the rename the draft is checked again: the same file at the path (device and
 *    inode), the same size and modification time, the same bytes.
 * 5. The temporary file is renamed over the draft (atomic: never a half-written draft).
 * 6. The replaced file, still open, is checked once more: an edit saved in place between the
 *    last check and the rename (an append, an editor writing in place) shows here, and the
 *    person's version is put back. It is checked again later (`settle`, after the next files
 *    or at the end of the run), for a program that opened it before the rename and writes a
 *    moment after.
 *
 * What no check can see: an editor that replaces the draft by a rename of its own in the few
 * microseconds between step 4 and step 5 (POSIX has no compare-and-swap rename), or a program
 * that keeps the old file open and writes to it after its last check.
 *
 * Leftover temporary files (a run killed with SIGKILL) are recognisable by their name and
 * removed by the next `--fix` in the same folder, once the process that made them is gone.
 */
import {randomBytes} from 'node:crypto'
import {constants} from 'node:fs'
import {access, lstat, open, readdir, realpath, rename, stat, unlink, type FileHandle} from 'node:fs/promises'
import type {Stats} from 'node:fs'
import path from 'node:path'

/** What became of a write. */
export type WriteOutcome =
  /**
   * The fixed bytes are on disk. `settle` (call it once, a little later: after other files)
   * checks the replaced file a last time, puts a late edit back, and closes it.
   */
  | {readonly status: 'written'; readonly settle?: () => Promise<WriteOutcome>}
  /** The file differs from what was read: left untouched. */
  | {readonly status: 'changed'}
  /** The file was changed while it was being replaced: the changed version was put back. */
  | {readonly status: 'restored'}
  /**
   * The file was changed while it was being replaced, and the replacement too: the fixed file
   * stays, the person's version of the old one is saved beside it (`saved`).
   */
  | {readonly status: 'saved'; readonly saved: string}
  /** The user could not or should not write this file: left as it is, for `reason`. */
  | {readonly status: 'refused'; readonly reason: string}

/** Points in the write where a test acts as a concurrent editor, at the worst moments. */
export interface WriteHooks {
  /** After the temporary file is written, before the last check. */
  readonly beforeCheck?: () => Promise<void> | void
  /** After the last check, just before the rename. */
  readonly beforeRename?: () => Promise<void> | void
  /** Just after the rename, before the replaced file is checked. */
  readonly afterRename?: () => Promise<void> | void
}

/** The name pattern of copydesk's temporary files: `.NAME.copydesk-PID-RANDOM.tmp`. */
const tempPattern = /^\.(.+)\.copydesk-(\d+)-([0-9a-f]{12})\.tmp$/

/** A temporary file's name beside `file`, recognisable as copydesk's and as this process's. */
// O_NONBLOCK: a draft replaced by a FIFO meanwhile is opened at once (and then refused as not a
// regular file) instead of waiting for a writer; it changes nothing for a regular file.
const readFlags = constants.O_RDONLY | constants.O_NOFOLLOW | (constants.O_NONBLOCK ?? 0)

export function tempPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.copydesk-${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Replace `file`, which held `original` when it was read, by `replacement`, following the steps
 * of the module comment. Errors of the file system (a read-only folder, a full disk) are thrown
 * as they are; the draft is then untouched.
 */
export async function replaceDraft(file: string, original: Uint8Array, replacement: Uint8Array, hooks: WriteHooks = {}): Promise<WriteOutcome> {
  const target = await realpath(file)
  const handle = await open(target, readFlags)
  let keepOpen = false
  try {
    const first = await handle.stat()
    const refusal = await refusalOf(target, first)
    if (refusal) return {status: 'refused', reason: refusal}
    if (!(await holds(handle, first, original))) return {status: 'changed'}

    const temp = tempPath(target)
    try {
      await writeTemp(temp, replacement, first)
    } catch (error) {
      // Not a member of the draft's group: the rewritten draft would change group.
      const {code, syscall} = error as NodeJS.ErrnoException
      if (code === 'EPERM' && syscall === 'fchown') return {status: 'refused', reason: `its group (gid ${first.gid}) could not be kept`}
      throw error
    }
    try {
      await hooks.beforeCheck?.()
      const now = await handle.stat()
      const atPath = await stat(target)
      const same = sameContentStats(first, now) && atPath.ino === first.ino && atPath.dev === first.dev
      if (!same || !(await holds(handle, now, original))) {
        await unlink(temp)
        return {status: 'changed'}
      }
      await hooks.beforeRename?.()
      await rename(temp, target)
    } catch (error) {
      await unlink(temp).catch(() => undefined)
      throw error
    }

    // The old file is still open: if it changed since the last check, the change was made
    // between that check and the rename, and must not be lost.
    await hooks.afterRename?.()
    const check = async (): Promise<WriteOutcome> => {
      const after = await handle.stat()
      if (sameContentStats(first, after) && (await holds(handle, after, original))) return {status: 'written'}
      return await putBack(target, handle, after, replacement)
    }
    const outcome = await check()
    if (outcome.status !== 'written') return outcome
    // A program that opened the old file just before the rename may write to it a moment
    // later: the caller checks once more when it can (`settle`), then the file is closed.
    keepOpen = true
    const settle = async () => {
      try {
        return await check()
      } finally {
        await handle.close()
      }
    }
    return {status: 'written', settle}
  } finally {
    if (!keepOpen) await handle.close()
  }
}

/**
 * Put the person's version (the old file, still open as `handle`) back at `target`, if the
 * fixed file there is still untouched; otherwise keep both, the old one beside it.
 */
async function putBack(target: string, handle: FileHandle, old: Stats, replacement: Uint8Array): Promise<WriteOutcome> {
  const theirs = await readAll(handle, old.size)
  const temp = tempPath(target)
  await writeTemp(temp, theirs, old)
  try {
    const ours = await open(target, readFlags)
    try {
      const now = await ours.stat()
      if (await holds(ours, now, replacement)) {
        await rename(temp, target)
        return {status: 'restored'}
      }
    } finally {
      await ours.close()
    }
    // Both versions were edited: keep the one at the path, save the other under a plain name.
    const saved = await freeName(`${target}.copydesk-saved`)
    await rename(temp, saved)
    return {status: 'saved', saved}
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

/** `base`, or `base-2`, `base-3`…: the first name not taken. */
async function freeName(base: string): Promise<string> {
  for (let index = 1; ; index++) {
    const name = index === 1 ? base : `${base}-${index}`
    if (!(await lstat(name).catch(() => undefined))) return name
  }
}

/** Why `file` must not be rewritten (see the module comment), or `undefined`. */
async function refusalOf(file: string, info: Stats): Promise<string | undefined> {
  if (!info.isFile()) return 'not a regular file'
  if ((info.mode & 0o200) === 0) return `read-only file (mode ${(info.mode & 0o777).toString(8).padStart(4, '0')})`
  const uid = process.getuid?.()
  if (uid !== undefined && info.uid !== uid) return `owned by another user (uid ${info.uid})`
  if (info.nlink > 1) return `has ${info.nlink} hard links (rewriting it would split them)`
  if (
    !(await access(file, constants.W_OK).then(
      () => true,
      () => false,
    ))
  )
    return 'not writable by this user'
  return undefined
}

/** Whether two stats of one file show the same content: same size and modification time. */
function sameContentStats(a: Stats, b: Stats): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs
}

/** Whether the open file holds exactly `bytes` (`info` is its current stat). */
async function holds(handle: FileHandle, info: Stats, bytes: Uint8Array): Promise<boolean> {
  if (info.size !== bytes.length) return false
  // At most one byte past `bytes`: a file that keeps growing is not read to its end.
  return Buffer.from(bytes).equals(await readAll(handle, info.size, info.size + 1))
}

/** All of an open file from its start (one byte more than `size`, to see it grow), or its first `limit` bytes. */
async function readAll(handle: FileHandle, size: number, limit = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = []
  let position = 0
  while (position < limit) {
    const buffer = Buffer.alloc(Math.max(size - position, 0) + 1 + 65536)
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, position)
    if (bytesRead === 0) break
    chunks.push(buffer.subarray(0, bytesRead))
    position += bytesRead
  }
  return Buffer.concat(chunks)
}

/** Write `bytes` to a new file `temp` with the mode, owner and group of `like`, flushed to disk. */
async function writeTemp(temp: string, bytes: Uint8Array, like: Stats): Promise<void> {
  const mode = like.mode & 0o7777
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode & 0o777)
  try {
    await handle.writeFile(bytes)
    const made = await handle.stat()
    // The group may differ (a folder with its own group): keep the draft's.
    if (made.uid !== like.uid || made.gid !== like.gid) await handle.chown(like.uid, like.gid)
    await handle.chmod(mode) // not narrowed by the umask
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
}

/**
 * Remove copydesk's temporary files left in `folder` by runs that were killed: files named as
 * {@link tempPath} names them, regular files of this user, whose process is gone (or which are
 * over a day old: the process id may have been reused). Returns the names removed. Errors
 * (an unreadable folder) leave everything as it is.
 */
export async function removeLeftovers(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[])
  const removed: string[] = []
  for (const name of names) {
    const match = tempPattern.exec(name)
    if (!match) continue
    const pid = Number(match[2])
    const file = path.join(folder, name)
    const info = await lstat(file).catch(() => undefined)
    if (!info?.isFile() || info.uid !== (process.getuid?.() ?? info.uid)) continue
    const isOld = Date.now() - info.mtimeMs > 24 * 60 * 60 * 1000
    if (pid === process.pid || (!isOld && isRunning(pid))) continue
    if (
      await unlink(file).then(
        () => true,
        () => false,
      )
    )
      removed.push(name)
  }
  return removed
}

/** Whether a process with this id exists (EPERM: it does, as another user's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

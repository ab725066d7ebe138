/**
 * Turn the command line's paths, directories, globs and `-` into the list of drafts to lint.
 *
 * Folders (and the static part of a glob) are walked here, one folder at a time, so that:
 * - a symbolic link is followed only while it stays inside the folder being linted (a link to
 *   `/` or to another project is not walked unless `--follow-symlinks` asks for it);
 * - every folder is read once (by device and inode), so a link to an ancestor, or a link loop,
 *   never walks in circles, and a file reached by two paths is linted once;
 * - a folder that cannot be read, a draft that is a link loop or not a regular file (a FIFO, a
 *   device) is reported, never skipped in silence;
 * - `node_modules`, dot-folders and dot-files are skipped (the contract's "ignoring
 *   `node_modules` and dot-folders").
 * The configuration's `ignore` globs are then tested against each draft found (`isIgnored`);
 * they never start a walk of their own.
 */
import {lstat, readdir, realpath, stat} from 'node:fs/promises'
import type {Dirent, Stats} from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import {describeFsError, describeKind, type FileKind} from '../io/read-bounded.js'
import {RunError} from './errors.js'

/** The extensions of drafts found in directories. */
export const draftExtensions = ['.txt', '.md', '.markdown'] as const

/** One input: a file (its path as given and its absolute path) or standard input. */
export type Input =
  | {readonly kind: 'file'; readonly display: string; readonly path: string}
  | {readonly kind: 'stdin'; readonly display: string}
  | {readonly kind: 'error'; readonly display: string; readonly error: RunError}

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  /**
   * Whether the configuration ignores a draft (its `ignore` globs): ignored drafts are left
   * out, whether found in a directory, matched by a glob or named explicitly.
   */
  readonly isIgnored?: (absolutePath: string) => Promise<boolean>
  /** Follow symbolic links that lead out of the folder being walked (`--follow-symlinks`). */
  readonly followSymlinks?: boolean
}

/** What a walk found, by path relative to where it started (`/`-separated). */
type Found = {readonly relative: string; readonly path: string} | {readonly relative: string; readonly problem: string}

/** What to walk and what to keep. */
interface Walk {
  /** The folder to walk (absolute). */
  readonly root: string
  /** Whether a file at this relative path is wanted. */
  readonly accepts: (relative: string) => boolean
  /** How deep files may be (1: only the folder's own files). */
  readonly maxDepth: number
  readonly followSymlinks: boolean
}

const isDraftName = (relative: string) => draftExtensions.some((extension) => relative.endsWith(extension))
const isSkipped = (name: string) => name.startsWith('.') || name === 'node_modules'
const inodeKey = (stats: Stats) => `${stats.dev}:${stats.ino}`

/** Walk `walk.root`; files and problems come back sorted by relative path. */
async function walkFolder(walk: Walk): Promise<Found[]> {
  const found: Found[] = []
  const rootReal = await realpath(walk.root)
  const isInside = (real: string) => real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep)
  const visited = new Set<string>([inodeKey(await stat(walk.root))])
  const pending: Array<{absolute: string; relative: string; depth: number}> = [{absolute: walk.root, relative: '', depth: 0}]
  while (pending.length > 0) {
    const folder = pending.pop()!
    let entries: Dirent[]
    try {
      entries = await readdir(folder.absolute, {withFileTypes: true})
    } catch (error) {
      found.push({relative: folder.relative, problem: `cannot read folder (${describeFsError(error)})`})
      continue
    }
    for (const entry of entries) {
      if (isSkipped(entry.name)) continue
      const absolute = path.join(folder.absolute, entry.name)
      const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`
      const depth = folder.depth + 1
      let kind: FileKind = entry
      if (entry.isSymbolicLink()) {
        let target: Stats
        try {
          target = await stat(absolute)
        } catch (error) {
          // A link loop or a link to nothing: a problem if it is named like a wanted draft.
          if (walk.accepts(relative)) found.push({relative, problem: describeLink(error)})
          continue
        }
        // Out of the linted folder (a link to `/`, to a home folder…): only when asked.
        if (!walk.followSymlinks && !isInside(await realpath(absolute))) continue
        kind = target
      }
      if (kind.isDirectory()) {
        if (depth >= walk.maxDepth) continue
        const stats = kind === entry ? await stat(absolute).catch(() => undefined) : (kind as Stats)
        if (!stats) continue // removed while walking
        const key = inodeKey(stats)
        if (visited.has(key)) continue // walked already: a link to an ancestor, a loop, a second way in
        visited.add(key)
        pending.push({absolute, relative, depth})
      } else if (walk.accepts(relative)) {
        if (kind.isFile()) found.push({relative, path: absolute})
        else found.push({relative, problem: `not a regular file (${describeKind(kind)})`})
      }
    }
  }
  // In the order of their paths (as before this walk existed: a plain string sort).
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
}

function describeLink(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file or directory (a symbolic link to nothing)'
  return describeFsError(error)
}

/**
 * Expand the arguments, in argument order (files within a directory or glob sorted).
 * A path that does not exist, or cannot be read, becomes an `error` input, so the run goes on
 * with the others.
 */
export async function expandInputs(args: readonly string[], cwd: string, stdinFilename: string | undefined, options: ExpandOptions = {}): Promise<Input[]> {
  const inputs: Input[] = []
  const seen = new Set<string>()
  const followSymlinks = options.followSymlinks ?? false
  const add = async (display: string, absolute: string) => {
    // The same file reached twice (named twice, or through a link) is linted once.
    const key = await realpath(absolute).catch(() => absolute)
    if (seen.has(key)) return
    seen.add(key)
    // An invalid configuration is reported when the draft is linted, not here.
    if (options.isIgnored && (await options.isIgnored(absolute).catch(() => false))) return
    inputs.push({kind: 'file', display, path: absolute})
  }
  const fail = (display: string, problem: string) => inputs.push({kind: 'error', display, error: new RunError(`${display}: ${problem}`)})
  /** Add what a walk found; resolves to whether it found any file. */
  const addFound = async (found: readonly Found[], shown: (relative: string) => string) => {
    for (const item of found) {
      if ('problem' in item) fail(shown(item.relative), item.problem)
      else await add(shown(item.relative), item.path)
    }
    return found.some((item) => !('problem' in item))
  }

  for (const arg of args.length > 0 ? args : ['.']) {
    if (arg === '-') {
      inputs.push({kind: 'stdin', display: stdinFilename ?? '<stdin>'})
      continue
    }
    const absolute = path.resolve(cwd, arg)
    let info: Stats | undefined
    let problem: unknown
    try {
      info = await stat(absolute)
    } catch (error) {
      problem = error
    }
    if (info?.isFile()) {
      await add(arg, absolute)
    } else if (info?.isDirectory()) {
      const found = await walkFolder({root: absolute, accepts: isDraftName, maxDepth: Infinity, followSymlinks})
      const shown = (relative: string) => (relative === '' ? arg : path.join(arg, relative))
      if (!(await addFound(found, shown)) && found.length === 0) {
        fail(arg, `no drafts found (looked for ${draftExtensions.join(', ')} files)`)
      }
    } else if (info) {
      fail(arg, `not a regular file (${describeKind(info)})`)
    } else if ((problem as NodeJS.ErrnoException).code === 'ENOENT' && picomatch.scan(arg).isGlob) {
      const found = await expandGlob(arg, cwd, followSymlinks)
      if (!(await addFound(found.items, found.shown)) && found.items.length === 0) fail(arg, 'no files match this pattern')
    } else if ((problem as NodeJS.ErrnoException).code === 'ENOENT' && (await lstat(absolute).catch(() => undefined))) {
      fail(arg, 'no such file or directory (a symbolic link to nothing)')
    } else {
      fail(arg, describeFsError(problem))
    }
  }
  return inputs
}

/** The files a glob matches: a walk of its static folder (`drafts` in `drafts/**\/*.md`). */
async function expandGlob(pattern: string, cwd: string, followSymlinks: boolean): Promise<{items: Found[]; shown: (relative: string) => string}> {
  const {base, glob} = picomatch.scan(pattern)
  const shown = (relative: string) => (base === '' ? relative : path.join(base, relative))
  const root = path.resolve(cwd, base === '' ? '.' : base)
  const info = await stat(root).catch(() => undefined)
  if (!info?.isDirectory()) return {items: [], shown}
  // Without `**` (or braces and extglobs, which may hold a `/`) a glob matches paths of exactly
  // as many parts as it has: `*/notes.md` never needs more than one level of folders.
  const isDeep = /\*\*|[{(]/.test(glob)
  const maxDepth = isDeep ? Infinity : glob.split('/').length
  const matches = picomatch(glob, {dot: false})
  return {items: await walkFolder({root, accepts: (relative) => matches(relative), maxDepth, followSymlinks}), shown}
}

/** Where a linted file is, as the machine formats name it (relative path, URI). */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {VFile} from 'vfile'

/** Whether the file came from standard input without `--stdin-filename`. */
export function isStdin(file: VFile): boolean {
  return !file.path || file.path === '<stdin>'
}

/** The file's absolute path (relative paths are relative to `cwd`). */
export function absolutePath(file: VFile, cwd: string): string {
  return path.resolve(cwd, file.path)
}

/**
 * The file's path relative to `cwd` with `/` separators, or `undefined` when it lies outside
 * `cwd` (then only an absolute URI names it).
 */
export function relativePath(file: VFile, cwd: string): string | undefined {
  const relative = path.relative(cwd, absolutePath(file, cwd))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}

/** A relative path as a URI reference: each segment percent-encoded (`my draft.txt` → `my%20draft.txt`). */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/')
}

/** The file's `file://` URI. */
export function fileUri(file: VFile, cwd: string): string {
  return pathToFileURL(absolutePath(file, cwd)).href
}

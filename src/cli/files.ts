/** Turn the command line's paths, directories, globs and `-` into the list of drafts to lint. */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {RunError} from './errors.js'

/** The extensions of drafts found in directories. */
export const draftExtensions = ['.txt', '.md', '.markdown'] as const

/** One input: a file (its path as given and its absolute path) or standard input. */
export type Input =
  | {readonly kind: 'file'; readonly display: string; readonly path: string}
  | {readonly kind: 'stdin'; readonly display: string}
  | {readonly kind: 'error'; readonly display: string; readonly error: RunError}

const draftGlob = `**/*.{${draftExtensions.map((extension) => extension.slice(1)).join(',')}}`
const ignored = ['**/node_modules/**']

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  /**
   * Whether the configuration ignores a draft (its `ignore` globs): ignored drafts are left
   * out, whether found in a directory, matched by a glob or named explicitly.
   */
  readonly isIgnored?: (absolutePath: string) => Promise<boolean>
}

/**
 * Expand the arguments, in argument order (files within a directory or glob sorted).
 * A path that does not exist becomes an `error` input, so the run goes on with the others.
 */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  stdinFilename: string | undefined,
  options: ExpandOptions = {},
): Promise<Input[]> {
  const inputs: Input[] = []
  const seen = new Set<string>()
  const add = async (display: string, absolute: string) => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    // An invalid configuration is reported when the draft is linted, not here.
    if (options.isIgnored && (await options.isIgnored(absolute).catch(() => false))) return
    inputs.push({kind: 'file', display, path: absolute})
  }
  for (const arg of args.length > 0 ? args : ['.']) {
    if (arg === '-') {
      inputs.push({kind: 'stdin', display: stdinFilename ?? '<stdin>'})
      continue
    }
    const absolute = path.resolve(cwd, arg)
    const info = await stat(absolute).catch(() => undefined)
    if (info?.isFile()) {
      await add(arg, absolute)
    } else if (info?.isDirectory()) {
      const found = await glob(draftGlob, {cwd: absolute, ignore: ignored, dot: false, onlyFiles: true})
      if (found.length === 0) {
        inputs.push({kind: 'error', display: arg, error: new RunError(`${arg}: no drafts found (looked for ${draftExtensions.join(', ')} files)`)})
      }
      for (const file of found.sort()) await add(path.join(arg, file), path.join(absolute, file))
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, {cwd, ignore: ignored, dot: false, onlyFiles: true})
      if (found.length === 0) inputs.push({kind: 'error', display: arg, error: new RunError(`${arg}: no files match this pattern`)})
      for (const file of found.sort()) await add(file, path.resolve(cwd, file))
    } else {
      inputs.push({kind: 'error', display: arg, error: new RunError(`${arg}: no such file or directory`)})
    }
  }
  return inputs
}

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

/**
 * Expand the arguments, in argument order (files within a directory or glob sorted).
 * A path that does not exist becomes an `error` input, so the run goes on with the others.
 */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  stdinFilename: string | undefined,
): Promise<Input[]> {
  const inputs: Input[] = []
  const seen = new Set<string>()
  const add = (display: string, absolute: string) => {
    if (seen.has(absolute)) return
    seen.add(absolute)
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
      add(arg, absolute)
    } else if (info?.isDirectory()) {
      const found = await glob(draftGlob, {cwd: absolute, ignore: ignored, dot: false, onlyFiles: true})
      if (found.length === 0) {
        inputs.push({kind: 'error', display: arg, error: new RunError(`${arg}: no drafts found (looked for ${draftExtensions.join(', ')} files)`)})
      }
      for (const file of found.sort()) add(path.join(arg, file), path.join(absolute, file))
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, {cwd, ignore: ignored, dot: false, onlyFiles: true})
      if (found.length === 0) inputs.push({kind: 'error', display: arg, error: new RunError(`${arg}: no files match this pattern`)})
      for (const file of found.sort()) add(file, path.resolve(cwd, file))
    } else {
      inputs.push({kind: 'error', display: arg, error: new RunError(`${arg}: no such file or directory`)})
    }
  }
  return inputs
}

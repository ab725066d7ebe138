/** Where the compiled data of `rules/lib/data/` lives, in the source tree and in `dist/`. */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let dataFolder: string | undefined

/**
 * The folder of the compiled data: `rules/lib/data` under the package root, found by
 * walking up from this module (it runs from `rules/lib/` under vitest and from
 * `dist/rules/lib/` after `tsc`, which does not copy the data).
 */
export function getDataFolder(): string {
  if (dataFolder) return dataFolder
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(folder, 'rules', 'lib', 'data')
    if (existsSync(path.join(folder, 'package.json')) && existsSync(candidate)) return (dataFolder = candidate)
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error('Cannot find `rules/lib/data`, expected it in the copydesk package (`npm run build:data`)')
    folder = parent
  }
}

/**
 * Shared by the two executables: the path of a built entry point, building the project first
 * when it runs from a source checkout that has not been built yet.
 *
 * A packed or installed copydesk ships `dist/` and never builds. A fresh clone has no `dist/`
 * after `npm install` (copydesk builds in `prepack`, not in an install script, so installing it
 * runs no script of its own): there the first run compiles the TypeScript once, with a note on
 * standard error, so `npm install && npx copydesk lint samples` works on a new machine.
 */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The file URL of `dist/<entry>`, after building it if this is an unbuilt source checkout. */
export function ensureBuilt(entry, name) {
  const target = new URL(`../dist/${entry}`, import.meta.url)
  if (existsSync(target)) return target.href
  if (!existsSync(new URL('../tsconfig.build.json', import.meta.url))) {
    process.stderr.write(`${name}: dist/${entry} is missing and this is not a source checkout: reinstall copydesk\n`)
    process.exit(2)
  }
  let tsc
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  } catch {
    process.stderr.write(`${name}: not built yet and TypeScript is not installed: run \`npm install\`, then \`npm run build\`\n`)
    process.exit(2)
  }
  process.stderr.write(`${name}: building copydesk (first run from a source checkout)…\n`)
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {cwd: root, stdio: ['ignore', 'inherit', 'inherit']})
  if (result.status !== 0 || !existsSync(target)) {
    process.stderr.write(`${name}: the build failed (run \`npm run build\` to see why)\n`)
    process.exit(2)
  }
  return target.href
}

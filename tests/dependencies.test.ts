/**
 * Declared dependencies only, every one used: the bare packages that the sources import
 * (`import`, `export … from`, `import()`, `import.meta.resolve()`, `require()`) against
 * package.json. The engine and the rules (`src/`, `rules/`) ship: what they import at run time
 * must be a dependency; the scripts, tests and benchmarks may use dev dependencies too; and
 * every runtime dependency must be imported by `src/` or `rules/` (a data package that a rule
 * loads by name, such as a Hunspell dictionary, counts when its name is a string of the code).
 */
import {readdirSync, readFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const runtime = new Set(Object.keys(manifest.dependencies))
const development = new Set(Object.keys(manifest.devDependencies))

interface Use {
  readonly file: string
  readonly name: string
  /** `import type …`: needs types only. */
  readonly typeOnly: boolean
}

/** The package a specifier names (`@scope/name/sub` → `@scope/name`), or undefined when relative or built in. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]
  return builtinModules.includes(name) ? undefined : name
}

/** The bare imports of every source file under `folder`. */
function uses(folder: string): Use[] {
  const found: Use[] = []
  for (const entry of readdirSync(path.join(root, folder), {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !/\.(?:[cm]?[jt]s)$/.test(entry.name) || entry.parentPath.includes('node_modules')) continue
    const file = path.relative(root, path.join(entry.parentPath, entry.name))
    const text = readFileSync(path.join(root, file), 'utf8')
    const patterns = [
      /^\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
      /\b(import)\((\s*)['"]([^'"]+)['"]\s*\)/g,
      /\b(import\.meta\.resolve|require|require\.resolve)\((\s*)['"]([^'"]+)['"]\s*\)/g,
    ]
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const name = packageOf(match[3])
        if (name) found.push({file, name, typeOnly: Boolean(match[2]?.trim())})
      }
    }
  }
  return found
}

/** The text of every source file under `folder`. */
function sourceText(folder: string): string[] {
  return readdirSync(path.join(root, folder), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
}

/** Whether `name` (or its types, `@types/name`) is in `declared`. */
function isIn(declared: ReadonlySet<string>, name: string, typeOnly: boolean): boolean {
  const types = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`
  return declared.has(name) || (typeOnly && declared.has(types))
}

describe('dependencies', () => {
  const shipped = [...uses('src'), ...uses('rules')]
  const tooling = [...uses('scripts'), ...uses('tests'), ...uses('bench')]

  it('finds the imports it checks', () => {
    expect(packageOf('@scope/name/sub')).toBe('@scope/name')
    expect(packageOf('node:fs')).toBeUndefined()
    expect(packageOf('fs')).toBeUndefined()
    expect(shipped.some((use) => use.name === 'unified')).toBe(true)
    expect(tooling.some((use) => use.name === 'vitest')).toBe(true)
  })

  it('src/ and rules/ import only dependencies (types: the package or its @types in either list)', () => {
    const all = new Set([...runtime, ...development])
    const undeclared = shipped.filter((use) => (use.typeOnly ? !isIn(all, use.name, true) : !isIn(runtime, use.name, false)))
    expect(undeclared.map((use) => `${use.file}: ${use.name}`)).toEqual([])
  })

  it('scripts/, tests/ and bench/ import only declared packages', () => {
    const all = new Set([...runtime, ...development])
    const undeclared = tooling.filter((use) => !isIn(all, use.name, true) && !(use.name === 'copydesk'))
    expect(undeclared.map((use) => `${use.file}: ${use.name}`)).toEqual([])
  })

  it('every runtime dependency is imported by src/ or rules/', () => {
    const named = new Set([...sourceText('src'), ...sourceText('rules')].flatMap((text) => [...text.matchAll(/['"]([@\w./-]+)['"]/g)].map((match) => match[1])))
    const imported = new Set([...shipped.map((use) => use.name), ...[...runtime].filter((name) => named.has(name))])
    const unused = [...runtime].filter((name) => !imported.has(name) && !(name.startsWith('@types/') && imported.has(name.slice('@types/'.length))))
    expect(unused).toEqual([])
  })
})

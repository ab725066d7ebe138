/**
 * The engine names no rule: every rule's id, meta and behaviour reach `src/` through the
 * registry and the rule contract, so adding a rule takes one folder and one line in
 * `rules/index.ts`, and the formatters load no rule code.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Every `.ts` file under `folder` (relative to the project), with its text. */
function sources(folder: string): Array<{file: string; text: string}> {
  return readdirSync(path.join(root, folder), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => {
      const file = path.relative(root, path.join(entry.parentPath, entry.name))
      return {file, text: readFileSync(path.join(root, file), 'utf8')}
    })
}

describe('architecture', () => {
  const engine = sources('src')

  it('reads the sources it checks', () => {
    expect(engine.map((source) => source.file)).toContain(path.join('src', 'rule.ts'))
    expect(rules.length).toBeGreaterThanOrEqual(10)
  })

  it('src/ names no rule, in code or comments (a rule id as a whole word)', () => {
    const found: string[] = []
    for (const {id} of rules) {
      const word = new RegExp(`(?<![\\w-])${id.replace(/[-]/g, '\\-')}(?![\\w-])`)
      for (const {file, text} of engine) {
        text.split('\n').forEach((line, index) => {
          if (word.test(line)) found.push(`${file}:${index + 1}: ${id}`)
        })
      }
    }
    expect(found).toEqual([])
  })

  it('src/ imports from rules/ only the registry, and rules/ import from src/ only the contract', () => {
    const fromEngine = engine.flatMap(({file, text}) =>
      [...text.matchAll(/from '([^']*rules\/[^']*)'/g)]
        .map((match) => path.relative(root, path.resolve(root, path.dirname(file), match[1])))
        .map((target) => `${file} -> ${target}`),
    )
    expect(fromEngine.filter((edge) => !edge.endsWith(path.join('rules', 'index.js')))).toEqual([])
    const fromRules = sources('rules').flatMap(({file, text}) =>
      [...text.matchAll(/from '(\.[^']*)'/g)]
        .map((match) => path.relative(root, path.resolve(root, path.dirname(file), match[1])))
        .filter((target) => target.startsWith(`src${path.sep}`))
        .map((target) => `${file} -> ${target}`),
    )
    expect(fromRules.filter((edge) => !edge.endsWith(path.join('src', 'rule.js')))).toEqual([])
  })

  it('formatters load no rule code (certainty is a fact on the message)', () => {
    const formatters = engine.filter(({file}) => file.startsWith(path.join('src', 'formatters')))
    expect(formatters.length).toBeGreaterThan(5)
    // Every file a formatter loads, following relative imports (not `import type`).
    const seen = new Set<string>()
    const pending = formatters.map(({file}) => file)
    while (pending.length > 0) {
      const file = pending.pop()!
      if (seen.has(file)) continue
      seen.add(file)
      const text = readFileSync(path.join(root, file), 'utf8')
      for (const match of text.matchAll(/^(?:import|export) (?!type )[^;]*?from '(\.[^']*)\.js'/gms)) {
        pending.push(path.relative(root, path.resolve(root, path.dirname(file), `${match[1]}.ts`)))
      }
    }
    expect(seen).toContain(path.join('src', 'fix', 'certain.ts'))
    expect([...seen].filter((file) => file.startsWith(`rules${path.sep}`))).toEqual([])
  })

  it('every rule declares its options as a strict zod object schema', () => {
    for (const rule of rules) {
      expect(rule.meta.options.safeParse({}).success, rule.id).toBe(true)
      expect(rule.meta.options.safeParse({noSuchOption: 1}).success, rule.id).toBe(false)
    }
  })
})

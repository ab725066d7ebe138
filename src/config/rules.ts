/**
 * The rules' part of a configuration: options parsed by each rule's `meta.options`, and the
 * resources (style packs) that rules read for a configuration, loaded once per configuration.
 */
import type {ZodIssue} from 'zod'
import {rules} from '../../rules/index.js'
import {ResourceError, type RuleContext} from '../rule.js'
import {ConfigError, keyPath, show} from './errors.js'
import {closestOf, oneOf} from './schema.js'
import type {ResolvedConfig, RuleSetting} from './types.js'

/** Every rule at its default severity, with its default options. */
export function defaultRuleSettings(): Record<string, RuleSetting> {
  return Object.fromEntries(rules.map((rule) => [rule.id, [rule.meta.severity, rule.meta.options.parse({})] as const]))
}

/**
 * Parse the options of rule `id` as written (`undefined`: none given). Throws a one-line
 * {@link ConfigError} prefixed with `name` (the configuration file as shown).
 */
export function parseRuleOptions(id: string, options: unknown, name: string): unknown {
  const rule = rules.find((candidate) => candidate.id === id)
  if (!rule) throw new ConfigError(`${name}: rules.${id}: Unknown rule \`${id}\``)
  const result = rule.meta.options.safeParse(options ?? {}, {errorMap: defaultWording})
  if (result.success) return result.data
  throw new ConfigError(`${name}: ${describeOptionIssue(id, result.error.issues[0], options, rule.meta.options)}`)
}

/**
 * zod's own wording for the cases a rule's schema leaves to it (`Expected number, received
 * string`), in the configuration's words; a message the schema sets is kept.
 */
function defaultWording(issue: {code: string; expected?: unknown}, context: {defaultError: string}): {message: string} {
  if (issue.code === 'invalid_type' && /^Expected .*, received |^Required$/.test(context.defaultError)) {
    const expected = String(issue.expected)
    const wording: Record<string, string> = {
      string: 'Expected text',
      number: 'Expected a number',
      boolean: 'Expected `true` or `false`',
      array: 'Expected a list',
      object: 'Expected an object',
    }
    return {message: wording[expected] ?? `Expected ${expected}`}
  }
  return {message: context.defaultError}
}

/** `rules.<id>.<option>: Expected a whole number ≥ 2, got `"six"`` (what the schema allows). */
function describeOptionIssue(id: string, issue: ZodIssue, options: unknown, schema: unknown): string {
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return `rules.${id}: Unexpected options ${show(options)}, expected an object of options`
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]
    const known = knownKeys(schema, issue.path)
    const where = keyPath(['rules', id, ...issue.path, key])
    if (known.length === 0) return `${where}: Unknown option \`${key}\`, \`${id}\` takes no options`
    const close = closestOf(known, key)
    return `${where}: Unknown option \`${key}\`, expected ${close ? `\`${close}\`` : oneOf(known)}`
  }
  const actual = issue.path.reduce<unknown>((value, part) => (value as Record<string | number, unknown> | undefined)?.[part], options)
  const where = keyPath(['rules', id, ...issue.path])
  if (issue.code === 'invalid_enum_value') {
    const allowed = issue.options.map(String)
    return `${where}: Unexpected ${show(actual)}, expected ${oneOf(allowed, typeof actual === 'string' ? actual : undefined)}`
  }
  return `${where}: ${issue.message}, got \`${JSON.stringify(actual)}\``
}

/** The keys of the object schema at `path` inside `schema` (a zod object, possibly wrapped). */
function knownKeys(schema: unknown, path: ReadonlyArray<string | number>): string[] {
  let node = unwrap(schema)
  for (const part of path) {
    const def = (node as {_def?: {typeName?: string; type?: unknown}})?._def
    if (typeof part === 'number' && def?.typeName === 'ZodArray') node = unwrap(def.type)
    else node = unwrap((node as {shape?: Record<string, unknown>})?.shape?.[part])
  }
  const shape = (node as {shape?: Record<string, unknown>})?.shape
  return shape ? Object.keys(shape) : []
}

function unwrap(schema: unknown): unknown {
  let node = schema as {_def?: {typeName?: string; innerType?: unknown; schema?: unknown}} | undefined
  while (node?._def && ['ZodOptional', 'ZodDefault', 'ZodNullable', 'ZodEffects'].includes(node._def.typeName ?? '')) {
    node = (node._def.innerType ?? node._def.schema) as typeof node
  }
  return node
}

/**
 * Load the resources of every rule with a `resources` hook, on or off (editor settings may
 * turn a rule on). Throws a one-line {@link ConfigError} prefixed with `name`; a file of
 * `styles` that cannot be read is named as the configuration writes it (`stylesAsWritten`).
 */
export function loadRuleResources(
  config: Pick<ResolvedConfig, 'rules' | 'language' | 'dictionary' | 'names' | 'styles' | 'cwd'>,
  name: string,
  stylesAsWritten: readonly string[] = config.styles,
): {resources: Record<string, unknown>; files: string[]} {
  const context: RuleContext = {language: config.language, dictionary: config.dictionary, names: config.names, styles: config.styles, cwd: config.cwd}
  const resources: Record<string, unknown> = {}
  const files: string[] = []
  for (const rule of rules) {
    if (!rule.resources) continue
    const options = config.rules[rule.id]?.[1] ?? rule.meta.options.parse({})
    try {
      const loaded = rule.resources(options, context)
      resources[rule.id] = loaded.data
      files.push(...loaded.files)
    } catch (error) {
      if (error instanceof ResourceError) {
        const [key, index] = error.path
        let message = error.message
        if (key === 'styles' && typeof index === 'number' && message.startsWith('Cannot read')) {
          message = message.replace(`\`${config.styles[index]}\``, `\`${stylesAsWritten[index]}\``)
        }
        throw new ConfigError(`${name}: ${keyPath(error.path)}: ${message}`)
      }
      throw new ConfigError(`${name}: rules.${rule.id}: ${(error as Error).message}`)
    }
  }
  return {resources, files}
}

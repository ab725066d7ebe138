/** Errors in a configuration file, as one line: the file, the key, what is allowed. */
import type {ZodIssue} from 'zod'
import {draftSizeExpected} from '../pipeline/limits.js'
import {closestOf, configKeys, languages, oneOf, severitySettings} from './schema.js'

/** An unreadable or invalid configuration (the CLI exits with status 2). */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** `rules.some-rule.option`, `dictionary[2]`. */
export function keyPath(path: ReadonlyArray<string | number>): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('')
}

/** A value as an error message shows it. */
export function show(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return '`null`'
  if (typeof value === 'object') return 'an object'
  if (value === undefined) return 'nothing'
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `\`${String(value)}\``
  return `a ${typeof value}`
}

const severityList = severitySettings.map((severity) => `\`${severity}\``).join(', ')

/** The one-line message for the first zod issue of a configuration `data` (without the file). */
export function describeIssue(issue: ZodIssue, data: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]
    return `${keyPath([...issue.path, key])}: Unknown key \`${key}\`, expected ${oneOf(Object.keys(configKeys), key)}`
  }
  if (issue.code === 'custom') return `${keyPath(issue.path)}: ${issue.message}`
  const path = issue.path
  const actual = path.reduce<unknown>((value, part) => (value as Record<string | number, unknown> | undefined)?.[part], data)
  if (path.length === 0) return `Unexpected ${show(data)}, expected an object of settings (${oneOf(Object.keys(configKeys))})`
  const [key] = path
  if (key === 'rules' && path.length === 1) return `rules: Unexpected ${show(actual)}, expected an object of rule ids and severities`
  if (key === 'rules') {
    const id = String(path[1])
    const value = path.length > 2 ? actual : (data as {rules: Record<string, unknown>}).rules[id]
    const severity: unknown = Array.isArray(value) ? value[0] : value
    if (Array.isArray(value) && (value.length === 0 || value.length > 2)) {
      return `${keyPath(['rules', id])}: Unexpected list of ${value.length} items, expected \`[severity, options]\``
    }
    const close = typeof severity === 'string' ? closestOf(severitySettings, severity) : undefined
    return `${keyPath(['rules', id])}: Invalid severity ${show(severity)}, expected ${close ? `\`${close}\`, or one of` : 'one of'} ${severityList} (or \`[severity, options]\`)`
  }
  if (key === 'language') {
    return `language: Unexpected ${show(actual)}, expected ${oneOf(languages, typeof actual === 'string' ? actual : undefined)}`
  }
  if (key === 'maxDraftSize') return `maxDraftSize: Unexpected ${show(actual)}, ${draftSizeExpected}`
  if (key === 'maxMessages') return `maxMessages: Unexpected ${show(actual)}, expected a whole number ≥ 1, or -1 for no limit`
  if (path.length === 1) return `${keyPath(path)}: Unexpected ${show(actual)}, expected a list of strings`
  return `${keyPath(path)}: Unexpected ${show(actual)}, expected a non-empty string`
}

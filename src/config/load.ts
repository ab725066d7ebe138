/**
 * Find and read the configuration for a draft: the nearest `.copydeskrc.json`,
 * `.copydeskrc.yaml` or `.copydeskrc.yml` searched up from the draft's folder (`lilconfig`,
 * cached per folder), or the file given with `--config`. Configuration is data, never code:
 * only JSON and YAML are read. The nearest file wins; files are not merged.
 *
 * A resolved configuration is one stable object per configuration file (and one per working
 * folder when there is none): the processor cache is keyed by it, so dictionaries load once.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {lilconfig, type Loader} from 'lilconfig'
import {glob} from 'tinyglobby'
import {parse as parseYaml, YAMLParseError} from 'yaml'
import {loadPack, rules} from '../../rules/index.js'
import {defaultConfig, defaultRuleSettings} from './defaults.js'
import {ConfigError, describeIssue} from './errors.js'
import {configSchema, type ConfigFile} from './schema.js'
import type {ResolvedConfig, RuleSetting} from './types.js'

export {ConfigError} from './errors.js'

/** Options of {@link loadConfigFor}. */
export interface LoadConfigOptions {
  /** `--config FILE`: use this file instead of searching. */
  readonly configPath?: string
  /** The working folder. */
  readonly cwd: string
}

/** The names searched for in each folder, in order of preference. */
export const configNames = ['.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml'] as const

/** The file name to show in errors: relative to the working folder when inside it. */
function displayName(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

const loadJson: Loader = (file, content) => {
  try {
    return content.trim() === '' ? {} : JSON.parse(content)
  } catch (error) {
    const message = (error as Error).message
    const at = /position (\d+)/.exec(message)
    const where = at ? lineColumn(content, Number(at[1])) : ''
    throw new ConfigError(`${file}:${where} Invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`)
  }
}

const loadYaml: Loader = (file, content) => {
  try {
    return parseYaml(content) ?? {}
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos ? `${error.linePos[0].line}:${error.linePos[0].col}:` : ''
      // The message ends with a quoted excerpt of the file on further lines: keep the first.
      throw new ConfigError(`${file}:${where} Invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`)
    }
    throw new ConfigError(`${file}: Invalid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
}

const refuse: Loader = (file) => {
  throw new ConfigError(`${file}: Unexpected configuration file type, expected \`.json\`, \`.yaml\` or \`.yml\` (configuration is data, not code)`)
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/)
  return `${before.length}:${before.at(-1)!.length + 1}:`
}

const explorer = lilconfig('copydesk', {
  searchPlaces: [...configNames],
  // An empty `.copydeskrc.yaml` is a configuration that sets nothing, not a missing one.
  ignoreEmptySearchPlaces: false,
  cache: true,
  loaders: {'.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, '.js': refuse, '.mjs': refuse, '.cjs': refuse, '.ts': refuse, noExt: refuse},
})

/** Resolved configurations by configuration file (a promise, so concurrent drafts share one load). */
const byFile = new Map<string, Promise<ResolvedConfig>>()
/** The configuration with nothing configured, by working folder. */
const defaults = new Map<string, ResolvedConfig>()

/** The resolved configuration for the draft at `filePath` (`undefined` for stdin: search from `cwd`). */
export async function loadConfigFor(filePath: string | undefined, options: LoadConfigOptions): Promise<ResolvedConfig> {
  const cwd = path.resolve(options.cwd)
  let file: string | undefined
  if (options.configPath !== undefined) {
    file = path.resolve(cwd, options.configPath)
  } else {
    const from = filePath === undefined ? cwd : path.dirname(path.resolve(cwd, filePath))
    const found = await search(from, cwd)
    file = found
  }
  if (file === undefined) {
    let config = defaults.get(cwd)
    if (!config) defaults.set(cwd, (config = defaultConfig(cwd)))
    return config
  }
  let config = byFile.get(file)
  if (!config) byFile.set(file, (config = readConfig(file, cwd)))
  return config
}

async function search(from: string, cwd: string): Promise<string | undefined> {
  try {
    return (await explorer.search(from))?.filepath
  } catch (error) {
    throw asConfigError(error, cwd)
  }
}

async function readConfig(file: string, cwd: string): Promise<ResolvedConfig> {
  const name = displayName(file, cwd)
  if (!/\.(json|ya?ml)$/i.test(file)) {
    throw new ConfigError(`${name}: Unexpected configuration file type, expected \`.json\`, \`.yaml\` or \`.yml\` (configuration is data, not code)`)
  }
  let data: unknown
  try {
    const result = await explorer.load(file)
    data = result?.config ?? {}
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ConfigError(`${name}: no such configuration file`)
    if (code) throw new ConfigError(`${name}: cannot read configuration file (${code})`)
    throw asConfigError(error, cwd)
  }
  return resolveConfig(data, file, name)
}

/** Errors thrown by the loaders name the absolute file: show it as the user would. */
function asConfigError(error: unknown, cwd: string): Error {
  if (!(error instanceof ConfigError)) return error as Error
  const message = error.message.replace(/^(\/[^:]*|[A-Za-z]:\\[^:]*):/, (_, file: string) => `${displayName(file, cwd)}:`)
  return new ConfigError(message)
}

/**
 * Validate configuration `data` read from `file` (shown as `name`) and resolve it: every rule
 * to `[severity, options]`, dictionary files read, style pack paths made absolute.
 */
export async function resolveConfig(data: unknown, file: string, name = file): Promise<ResolvedConfig> {
  const result = configSchema(rules.map((rule) => rule.id)).safeParse(data)
  if (!result.success) throw new ConfigError(`${name}: ${describeIssue(result.error.issues[0], data)}`)
  const config = result.data as ConfigFile
  const folder = path.dirname(file)

  const ruleSettings: Record<string, RuleSetting> = {...defaultRuleSettings()}
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    ruleSettings[id] = Array.isArray(setting) ? (setting.length > 1 ? [setting[0], setting[1]] : [setting[0]]) : [setting]
  }

  const dictionary = [...(config.dictionary ?? [])]
  const sources = [file]
  for (const [index, list] of (config.dictionaryFiles ?? []).entries()) {
    const absolute = path.resolve(folder, list)
    sources.push(absolute)
    let text: string
    try {
      text = await readFile(absolute, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable'
      throw new ConfigError(`${name}: dictionaryFiles[${index}]: Cannot read \`${list}\` (${code}), expected a file of words, one per line`)
    }
    for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
      const word = line.trim()
      if (word !== '' && !word.startsWith('#')) dictionary.push(word)
    }
  }

  // A pack name (`ap`) goes to the rule as is; a path is made absolute here, so that it means
  // the same wherever the draft is, and a missing file is reported with the configuration.
  const styles: string[] = []
  for (const [index, style] of (config.styles ?? []).entries()) {
    const isPath = /[\\/]|\.ya?ml$/i.test(style)
    const resolved = isPath ? path.resolve(folder, style) : style
    if (isPath) {
      const exists = await readFile(resolved).then(
        () => true,
        () => false,
      )
      if (!exists) throw new ConfigError(`${name}: styles[${index}]: Cannot read style pack \`${style}\`, expected a built-in pack name or a YAML file`)
    }
    // Check the pack now (a known name, valid YAML, safe patterns), so that a bad pack is a
    // configuration error (exit 2) and not a failure in the middle of a run.
    try {
      loadPack(resolved, folder)
    } catch (error) {
      throw new ConfigError(`${name}: styles[${index}]: ${(error as Error).message}`)
    }
    styles.push(resolved)
    if (isPath) sources.push(resolved)
  }

  return {
    rules: ruleSettings,
    dictionary,
    names: [...(config.names ?? [])],
    ignore: [...(config.ignore ?? [])],
    language: config.language ?? 'en-US',
    styles,
    cwd: folder,
    path: file,
    sources,
  }
}

/** Absolute paths of the files each configuration's `ignore` globs match, computed once. */
const ignoredFiles = new WeakMap<ResolvedConfig, Promise<ReadonlySet<string>>>()

/**
 * Whether the configuration for the draft at `filePath` (absolute) ignores it.
 * Globs are relative to the configuration file's folder.
 */
export async function isIgnored(filePath: string, options: LoadConfigOptions): Promise<boolean> {
  const config = await loadConfigFor(filePath, options)
  if (config.ignore.length === 0) return false
  let files = ignoredFiles.get(config)
  if (!files) {
    files = glob([...config.ignore], {cwd: config.cwd, absolute: true, dot: true, onlyFiles: true, ignore: ['**/node_modules/**']}).then(
      (found) => new Set(found.map((file) => path.resolve(file))),
    )
    ignoredFiles.set(config, files)
  }
  return (await files).has(path.resolve(filePath))
}

/**
 * Forget every configuration read so far (a long-lived process, such as the language server,
 * calls this when a configuration file changes; the next lint reads it again).
 */
export function clearConfigCache(): void {
  explorer.clearCaches()
  byFile.clear()
  defaults.clear()
}

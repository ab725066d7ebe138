/**
 * Find and read the configuration for a draft: the nearest `.copydeskrc.json`,
 * `.copydeskrc.yaml` or `.copydeskrc.yml` searched up from the draft's folder (cached per
 * folder), or the file given with `--config`. Configuration is data, never code: only JSON and
 * YAML are read, from regular files of at most {@link maxConfigBytes}, nested at most
 * `maxDataDepth` levels (see `src/io/`).
 *
 * A resolved configuration is one stable object per configuration file (and one per working
 * folder when there is none): the processor cache is keyed by it, so dictionaries load once.
 */
import {stat} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import picomatch from 'picomatch'
import {rules} from '../../rules/index.js'
import {DataError, parseJsonData, parseYamlData} from '../io/parse-data.js'
import {ReadError, readBoundedText, type ReadLimits} from '../io/read-bounded.js'
import {parseDraftSize} from '../pipeline/limits.js'
import {defaultConfig} from './defaults.js'
import {ConfigError, describeIssue} from './errors.js'
import {defaultRuleSettings, loadRuleResources, parseRuleOptions} from './rules.js'
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

/** The largest configuration file read: 1 MiB (a real one is a few KB). */
export const maxConfigBytes = 1024 * 1024
/** The largest word list (`dictionaryFiles`) read: 8 MiB, several hundred thousand words. */
export const maxWordListBytes = 8 * 1024 * 1024

const configLimits: ReadLimits = {maxBytes: maxConfigBytes, what: 'a configuration file'}
const wordListLimits: ReadLimits = {maxBytes: maxWordListBytes, what: 'a word list'}

/** The file name to show in errors: relative to the working folder when inside it. */
function displayName(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

/** Parse a configuration's text by its extension; errors name the file, line and column. */
function parseConfig(text: string, file: string, name: string): unknown {
  const isJson = /\.json$/i.test(file)
  try {
    return isJson ? parseJsonData(text) : (parseYamlData(text) ?? {})
  } catch (error) {
    if (!(error instanceof DataError)) throw error
    throw new ConfigError(`${name}:${error.where ? error.where.slice(0, -1) : ''} Invalid ${isJson ? 'JSON' : 'YAML'}: ${error.message}`)
  }
}

/** The configuration file found by searching up from each folder (a promise, shared). */
const searched = new Map<string, Promise<string | undefined>>()

/**
 * The nearest configuration file at or above `folder` (up to the home folder when the search
 * passes it, as `lilconfig` and `cosmiconfig` do), or `undefined`. A name that exists but is not
 * a readable regular file (a folder, a FIFO, a link loop) is found all the same: reading it
 * then says what is wrong, rather than silently using a configuration further up.
 */
export function findConfigFile(folder: string): Promise<string | undefined> {
  const start = path.resolve(folder)
  let found = searched.get(start)
  if (!found) {
    found = (async () => {
      for (const name of configNames) {
        const candidate = path.join(start, name)
        const exists = await stat(candidate).then(
          () => true,
          (error: NodeJS.ErrnoException) => error.code !== 'ENOENT' && error.code !== 'ENOTDIR',
        )
        if (exists) return candidate
      }
      const parent = path.dirname(start)
      return parent === start || start === os.homedir() ? undefined : findConfigFile(parent)
    })()
    searched.set(start, found)
  }
  return found
}

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
    file = await findConfigFile(filePath === undefined ? cwd : path.dirname(path.resolve(cwd, filePath)))
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

async function readConfig(file: string, cwd: string): Promise<ResolvedConfig> {
  const name = displayName(file, cwd)
  if (!/\.(json|ya?ml)$/i.test(file)) {
    throw new ConfigError(`${name}: Unexpected configuration file type, expected \`.json\`, \`.yaml\` or \`.yml\` (configuration is data, not code)`)
  }
  let text: string
  try {
    text = await readBoundedText(file, configLimits)
  } catch (error) {
    if (!(error instanceof ReadError)) throw error
    if (error.code === 'ENOENT') throw new ConfigError(`${name}: no such configuration file`)
    throw new ConfigError(`${name}: cannot read configuration file: ${error.message}`)
  }
  return resolveConfig(parseConfig(text, file, name), file, name)
}

/**
 * Validate configuration `data` read from `file` (shown as `name`) and resolve it: every rule
 * to `[severity, options]` with its options parsed by the rule's schema, dictionary files
 * read, style pack paths made absolute, the rules' resources (style packs) loaded.
 */
export async function resolveConfig(data: unknown, file: string, name = file): Promise<ResolvedConfig> {
  const result = configSchema(rules.map((rule) => rule.id)).safeParse(data)
  if (!result.success) throw new ConfigError(`${name}: ${describeIssue(result.error.issues[0], data)}`)
  const config = result.data as ConfigFile
  const folder = path.dirname(file)

  const ruleSettings: Record<string, RuleSetting> = {...defaultRuleSettings()}
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const severity = Array.isArray(setting) ? setting[0] : setting
    const options = Array.isArray(setting) && setting.length > 1 ? setting[1] : undefined
    ruleSettings[id] = [severity, parseRuleOptions(id, options, name)]
  }

  const dictionary = [...(config.dictionary ?? [])]
  const sources = [file]
  for (const [index, list] of (config.dictionaryFiles ?? []).entries()) {
    const absolute = path.resolve(folder, list)
    sources.push(absolute)
    let text: string
    try {
      text = await readBoundedText(absolute, wordListLimits)
    } catch (error) {
      if (!(error instanceof ReadError)) throw error
      throw new ConfigError(`${name}: dictionaryFiles[${index}]: Cannot read \`${list}\`: ${error.message}; expected a file of words, one per line`)
    }
    for (const line of text.split(/\r\n|\r|\n/)) {
      const word = line.trim()
      if (word !== '' && !word.startsWith('#')) dictionary.push(word)
    }
  }

  // A pack name (`ap`) goes to the rules as is; a path is made absolute here, so that it means
  // the same wherever the draft is; the rules read and check the packs below.
  const styles = (config.styles ?? []).map((style) => (/[\\/]|\.ya?ml$/i.test(style) ? path.resolve(folder, style) : style))

  const resolved = {
    rules: ruleSettings,
    dictionary,
    names: [...(config.names ?? [])],
    ignore: [...(config.ignore ?? [])],
    language: config.language ?? 'en-US',
    styles,
    cwd: folder,
    ...(config.maxMessages === undefined ? {} : {maxMessages: config.maxMessages}),
    ...(config.maxDraftSize === undefined ? {} : {maxDraftBytes: parseDraftSize(config.maxDraftSize)}),
  }
  // The rules read their files now (a known pack, valid YAML, safe patterns), so that a bad
  // one is a configuration error (exit 2) and not a failure in the middle of a run.
  const {resources, files} = loadRuleResources(resolved, name, config.styles ?? [])
  return {...resolved, resources, path: file, sources: [...new Set([...sources, ...files])]}
}

/** Each configuration's `ignore` globs, compiled once. */
const ignoreMatchers = new WeakMap<ResolvedConfig, ReadonlyArray<(file: string) => boolean>>()

/**
 * A test for one `ignore` glob: its static part (`archive` in `archive/**`, `..` in
 * `../wire/*.txt`, `/` in `/**\/*.tmp`) is resolved from the configuration's folder, and the rest
 * is matched (`picomatch`) against the draft's path relative to that folder.
 */
function ignoreMatcher(glob: string, folder: string): (file: string) => boolean {
  const scanned = picomatch.scan(glob)
  const base = path.resolve(folder, scanned.base)
  const matches = scanned.glob === '' ? (relative: string) => relative === '' : picomatch(scanned.glob, {dot: true})
  return (file) => {
    const relative = path.relative(base, file)
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false
    return matches(relative.split(path.sep).join('/'))
  }
}

/**
 * Whether `config` ignores the file at `filePath` (absolute). Globs are relative to the
 * configuration file's folder (`archive/**`, `../wire/**`) or absolute (`/srv/tmp/**`); they are
 * only ever tested against drafts already found, never expanded by walking the disk, so no
 * glob can make a run read more than the folders it was given.
 */
export function isIgnoredBy(config: ResolvedConfig, filePath: string): boolean {
  if (config.ignore.length === 0) return false
  let matchers = ignoreMatchers.get(config)
  if (!matchers) ignoreMatchers.set(config, (matchers = config.ignore.map((glob) => ignoreMatcher(glob, config.cwd))))
  const file = path.resolve(filePath)
  return matchers.some((matches) => matches(file))
}

/** Whether the configuration for the draft at `filePath` (absolute) ignores it. */
export async function isIgnored(filePath: string, options: LoadConfigOptions): Promise<boolean> {
  return isIgnoredBy(await loadConfigFor(filePath, options), filePath)
}

/**
 * Forget every configuration read so far (a long-lived process, such as the language server,
 * calls this when a configuration file changes; the next lint reads it again).
 */
export function clearConfigCache(): void {
  searched.clear()
  byFile.clear()
  defaults.clear()
}

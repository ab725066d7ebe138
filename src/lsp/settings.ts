/**
 * Configuration for open documents: the project's config file (via `loadConfigFor`) with the
 * editor's `copydesk` settings laid over it.
 *
 * Config objects are interned by content, so every document that resolves to the same
 * configuration shares one object, and `getProcessor`'s cache (a WeakMap keyed by the object)
 * builds each processor — and loads its dictionaries — once per server.
 */
import path from 'node:path'
import {LRUCache} from 'lru-cache'
import {clearConfigCache, loadConfigFor} from '../config/load.js'
import {defaultConfig} from '../config/defaults.js'
import type {ResolvedConfig, RuleSetting} from '../config/types.js'
import type {SeveritySetting} from '../rule.js'

/** The editor's `copydesk` settings section (`workspace/configuration`). */
export interface EditorSettings {
  /** Severity per rule id, over the config file's (`"some-rule": "info"`). */
  readonly rules?: Readonly<Record<string, SeveritySetting>>
}

const severities = new Set<string>(['error', 'warning', 'info', 'off'])

/** Keep only the well-formed parts of what a client sent as settings. */
export function readEditorSettings(value: unknown): {settings: EditorSettings; problems: string[]} {
  const problems: string[] = []
  if (value === null || value === undefined || typeof value !== 'object') return {settings: {}, problems}
  const raw = (value as {rules?: unknown}).rules
  const rules: Record<string, SeveritySetting> = {}
  if (raw !== undefined && raw !== null) {
    if (typeof raw !== 'object' || Array.isArray(raw)) problems.push('Unexpected `copydesk.rules`, expected an object of rule ids to severities')
    else
      for (const [id, severity] of Object.entries(raw)) {
        // VS Code style `["warning", {...}]` is accepted for the severity part only.
        const level: unknown = Array.isArray(severity) ? severity[0] : severity
        if (typeof level === 'string' && severities.has(level)) rules[id] = level as SeveritySetting
        else problems.push(`Unexpected severity \`${String(level)}\` for \`${id}\`, expected one of \`error\`, \`warning\`, \`info\`, \`off\``)
      }
  }
  return {settings: {rules}, problems}
}

/** Lay the editor's severities over a resolved configuration (unknown rule ids are reported). */
export function applyEditorSettings(config: ResolvedConfig, settings: EditorSettings): {config: ResolvedConfig; problems: string[]} {
  const overrides = Object.entries(settings.rules ?? {})
  if (overrides.length === 0) return {config, problems: []}
  const problems: string[] = []
  const rules: Record<string, RuleSetting> = {...config.rules}
  for (const [id, severity] of overrides) {
    const current = rules[id]
    if (!current) {
      problems.push(
        `Unknown rule \`${id}\` in the editor settings, expected one of ${Object.keys(rules)
          .map((key) => `\`${key}\``)
          .join(', ')}`,
      )
      continue
    }
    rules[id] = current.length > 1 ? [severity, current[1]] : [severity]
  }
  return {config: {...config, rules}, problems}
}

/** What a {@link ConfigStore} says about configurations it reads. */
export interface ConfigReports {
  /** A problem with the editor's settings (said once each). */
  problem(text: string): void
  /** A configuration that cannot be read or is invalid (said once each; the last good one stays in use). */
  invalid(text: string): void
}

/** Finds, caches and interns configurations; `clear()` after a config file or setting changes. */
export class ConfigStore {
  private readonly byFolder = new Map<string, Promise<ResolvedConfig>>()
  /** The last configuration that could be read, per folder: kept while the file is invalid. */
  private readonly lastGood = new Map<string, ResolvedConfig>()
  /** One object per distinct configuration (its processor is cached by it): the 64 used last. */
  private readonly interned = new LRUCache<string, ResolvedConfig>({max: 64})
  private readonly reported = new Set<string>()

  constructor(private readonly reports: ConfigReports) {}

  /** The configuration for a draft at `filePath` (or none: untitled) inside `root`, with `settings` over it. */
  async resolve(filePath: string | undefined, root: string, settings: EditorSettings): Promise<ResolvedConfig> {
    // The config file is searched up from the draft's folder, so the folder is the key.
    const key = filePath ? path.dirname(filePath) : `untitled:${root}`
    let base = this.byFolder.get(key)
    if (!base) {
      base = loadConfigFor(filePath, {cwd: root}).then(
        (config) => {
          this.lastGood.set(key, config)
          return config
        },
        (error: unknown) => {
          const last = this.lastGood.get(key)
          const text = `copydesk: ${error instanceof Error ? error.message : String(error)}; ${last ? 'keeping the last valid configuration' : 'using the default configuration'}`
          this.once(text, (line) => this.reports.invalid(line))
          return last ?? defaultConfig(root)
        },
      )
      this.byFolder.set(key, base)
    }
    const {config, problems} = applyEditorSettings(await base, settings)
    // Said once per server, not on every keystroke's lint.
    for (const problem of problems) this.once(problem, (line) => this.reports.problem(line))
    return this.intern(config)
  }

  /** Every file the configurations in use were read from. */
  async sources(): Promise<string[]> {
    const configs = await Promise.all(this.byFolder.values())
    return [...new Set(configs.flatMap((config) => config.sources ?? (config.path ? [config.path] : [])))]
  }

  /** Forget every loaded configuration (the interned objects stay, so unchanged ones still hit). */
  clear(): void {
    this.byFolder.clear()
    // A configuration that is still invalid after the change is said again.
    this.reported.clear()
    // The loader caches config files by folder too: a changed `.copydeskrc.*` must be read again.
    clearConfigCache()
  }

  private once(text: string, say: (text: string) => void): void {
    if (this.reported.has(text)) return
    this.reported.add(text)
    say(text)
  }

  private intern(config: ResolvedConfig): ResolvedConfig {
    const key = JSON.stringify(config)
    const known = this.interned.get(key)
    if (known) return known
    // A long session with many edited config files: the least recently used goes, its processor too.
    this.interned.set(key, config)
    return config
  }
}

/** Types of the configuration, as written and as resolved for a run. */
import type {SeveritySetting} from '../rule.js'

/** A language copydesk can proofread. */
export type Language = 'en-US' | 'en-GB'

/** A rule's setting after resolution: a severity and the rule's options, parsed by its `meta.options`. */
export type RuleSetting = readonly [SeveritySetting, unknown?]

/** The configuration of one run, every rule resolved. */
export interface ResolvedConfig {
  /** Per rule id: severity (or `off`) and options. Every registered rule has an entry. */
  readonly rules: Readonly<Record<string, RuleSetting>>
  /** Words to accept (inline words and the lines of dictionary files, merged). */
  readonly dictionary: readonly string[]
  /** The house list of canonical names. */
  readonly names: readonly string[]
  /** Globs of files to skip, relative to `cwd`. */
  readonly ignore: readonly string[]
  readonly language: Language
  /** Style packs (names, or absolute paths), for the rules that read them. */
  readonly styles: readonly string[]
  /** The messages a draft's report holds at most (`-1`: no limit; unset: `defaultMaxMessages`). */
  readonly maxMessages?: number
  /** The largest draft proofread, in bytes (`maxDraftSize`; unset: `defaultMaxDraftBytes`). */
  readonly maxDraftBytes?: number
  /** Per rule id with a `resources` hook: the data it read for this configuration (plain JSON). */
  readonly resources: Readonly<Record<string, unknown>>
  /** Folder the configuration was found in (or the working folder). */
  readonly cwd: string
  /** Path of the configuration file, when there is one. */
  readonly path?: string
  /** Every file the configuration was read from: the file itself, its dictionary files and style packs (the language server watches them). */
  readonly sources?: readonly string[]
}

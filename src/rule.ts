/**
 * The rule contract: what every module under `rules/` exports.
 *
 * Rules import from `src/` this file alone; it hands them the engine's text helpers that must
 * mean the same to both (`isTitleCase`) and its one bounded reader and data parser of
 * user-named files (`readBoundedTextSync`, `parseYamlData`: they import only Node and `yaml`),
 * and imports nothing else from `src/`.
 */
import type {Root, RootContent} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import type {ZodType, ZodTypeDef} from 'zod'

export {DataError, parseYamlData} from './io/parse-data.js'
export {readBoundedTextSync} from './io/read-bounded.js'
export {isTitleCase, minorWords} from './text/title-case.js'

/** How serious a message is; `off` turns a rule off in the configuration. */
export type Severity = 'error' | 'warning' | 'info'

/** A severity as the configuration may set it. */
export type SeveritySetting = Severity | 'off'

/** Settings of the whole run that several rules read (from the configuration). */
export interface RuleContext {
  /** `en-US` (default) or `en-GB`. */
  readonly language: 'en-US' | 'en-GB'
  /** Words to accept, as written (case matters for names). */
  readonly dictionary: readonly string[]
  /** The house list of canonical names of people and organizations. */
  readonly names: readonly string[]
  /** Style packs chosen with `styles` in the configuration (names or absolute paths). */
  readonly styles: readonly string[]
  /** Folder of the configuration file, to resolve relative paths in rule options. */
  readonly cwd: string
}

/** Documentation and defaults of a rule, used by `copydesk rules`, SARIF and the LSP. */
export interface RuleMeta<Options = unknown> {
  /** One line, for lists and SARIF. */
  readonly description: string
  /** Why the rule exists, for `copydesk explain`. */
  readonly why: string
  /** Default severity; the configuration may change it. */
  readonly severity: Severity
  /** Whether some messages carry exactly one certain replacement. */
  readonly fixable: boolean
  /** A text the rule flags and one it leaves alone; executed by the tests. */
  readonly examples: {readonly bad: string; readonly good: string}
  /**
   * What the rule's messages in one paragraph depend on. `paragraph`: that paragraph, the
   * paragraph before it, the 64 characters after it, and whether it is the draft's first, so
   * that the language server may keep a paragraph's messages while the text around it
   * changes (`src/pipeline/incremental.ts`). Default `document`: anything in the draft.
   */
  readonly scope?: 'paragraph' | 'document'
  /**
   * A document rule that honours `file.data.copydeskPartial` ({@link PartialRun}): it then
   * reports only on the given parts of the tree (still asking the whole tree and text its
   * draft-wide questions) and tells each part's draft-wide facts it read, so that the
   * language server may keep a chunk's messages while its text and those facts are unchanged.
   */
  readonly partial?: boolean
  /**
   * A document rule that honours `file.data.copydeskWindow` ({@link WindowRun}), so that a
   * large draft may be linted a window at a time with the same messages. The windowed lint is
   * used only when every enabled document rule declares it (paragraph rules need nothing).
   */
  readonly windowed?: boolean
  /**
   * The rule's options as a zod schema: an object schema that rejects unknown keys
   * (`z.object({...}).strict()`; a rule without options declares `z.object({}).strict()`).
   * The configuration parses a rule's options with it once, when it is loaded; defaults
   * (`.default(6)`) fill in what the configuration leaves out, and the descriptions
   * (`.describe()`) go to the shipped JSON Schema. Messages of refinements say what is allowed
   * (`Expected a whole number ≥ 2`): the configuration error adds ``, got `"six"` ``.
   */
  readonly options: ZodType<Options, ZodTypeDef, unknown>
  /**
   * Whether the rule's messages flag a word that a person may accept by adding it to the
   * dictionary (the language server offers “Add to dictionary” for them).
   */
  readonly dictionary?: boolean
}

/**
 * A fact of the whole draft that a rule's messages in one part depended on (`name:Peskov` is
 * a likely name), with how to ask it again of another version of the draft.
 */
export interface DraftFact {
  readonly key: string
  readonly answer: unknown
  readonly recheck: (tree: Root, file: VFile) => unknown
}

/** Set by the language server's incremental engine for a rule with `meta.partial`. */
export interface PartialRun {
  /** The parts to report on, in the draft's order; `read` is told each draft-wide fact read for that part. */
  readonly parts: ReadonlyArray<{readonly nodes: readonly RootContent[]; readonly read: (fact: DraftFact) => void}>
}

/**
 * Set by the windowed lint of a large plain-text draft (`src/pipeline/windowed.ts`) for the
 * rules of the whole document, which all declare `meta.windowed`. The draft is read a window
 * (some chunks that parse alone) at a time, twice; `file.value` is always the whole draft,
 * and the tree holds the window's nodes, in the report pass after the paragraph before the
 * window (the paragraph rules read it).
 *
 * - `survey`: report nothing; add what the rule needs to know of the whole draft from the
 *   window's `nodes` to `state` (counts, sets, per-paragraph summaries summed).
 * - `report`: report on the window's `nodes` only, as the whole-draft run would, answering
 *   draft-wide questions from `state` (every window has been surveyed by then). The report
 *   may start at any window (a share of them, see `reportEnd`): what a rule reads there of
 *   earlier windows must come from the survey, never from the report of earlier windows.
 */
export interface WindowRun {
  readonly pass: 'survey' | 'report'
  /** The window's nodes: children of the tree's root, in order. */
  readonly nodes: readonly RootContent[]
  /** `[start, end)` offsets of the window in the draft. */
  readonly start: number
  readonly end: number
  /** What the rules keep across the windows of one draft, each under a key of its own. */
  readonly state: Map<string, unknown>
  /** Where the draft's first paragraph starts (it may be a headline for that alone), in this tree or not. */
  readonly firstParagraph: number | undefined
  /**
   * Where the last window reported on ends: the draft's end, or the end of a share of the
   * windows that one worker thread reports on (the survey still reads every window). A rule
   * whose report compares a window with earlier text (repeated lines) must answer from the
   * survey, where it needs to keep only what starts before this offset.
   */
  readonly reportEnd: number
}

declare module 'vfile' {
  interface DataMap {
    /** See {@link PartialRun}. */
    copydeskPartial: PartialRun
    /** See {@link WindowRun}. */
    copydeskWindow: WindowRun
  }
}

/** What a rule's {@link Rule.resources} hook returns. */
export interface RuleResources<Data> {
  /** Plain data (JSON: it travels with the configuration to worker threads). */
  readonly data: Data
  /** The files it was read from, which the language server watches. */
  readonly files: readonly string[]
}

/**
 * A problem with what a rule's {@link Rule.resources} hook reads, at `path` of the
 * configuration (`['styles', 0]`): the configuration is invalid (exit 2).
 */
export class ResourceError extends Error {
  override name = 'ResourceError'
  constructor(
    readonly path: ReadonlyArray<string | number>,
    message: string,
  ) {
    super(message)
  }
}

/** The transformer a rule returns: it reads the tree and adds messages to the file. */
export type RuleTransformer = Transformer<Root, Root>

/** A rule: an id, its meta, and a retext plugin (an attacher that returns a transformer). */
export interface Rule<Options = unknown, Resources = unknown> {
  /** Rule id = folder name = `ruleId` = configuration key. */
  readonly id: string
  readonly meta: RuleMeta<Options>
  /**
   * Files the rule reads for a configuration (style packs), read and checked when the
   * configuration is loaded, whether or not the rule is on (editor settings may turn it on),
   * and read again when the configuration is (the language server, after a file changed).
   * Throw a {@link ResourceError} for a problem the configuration must report.
   */
  readonly resources?: (options: Options, context: RuleContext) => RuleResources<Resources>
  /**
   * The retext attacher; `this` is the processor, `options` the parsed options, `context` the
   * run's shared settings, `resources` the data of the `resources` hook.
   */
  readonly plugin: (this: Processor<Root>, options: Options, context: RuleContext, resources: Resources) => RuleTransformer | undefined | void
}

/** Define a rule; only adds types. */
export function defineRule<Options = unknown, Resources = undefined>(rule: Rule<Options, Resources>): Rule<Options, Resources> {
  return rule
}

/** Data the pipeline keeps on `file.data`, for rules to read. */
declare module 'vfile' {
  interface DataMap {
    /** Markdown: `[start, end)` offsets of the headings, which rules treat as headlines. */
    headingRanges: HeadingRange[]
  }
}

/** `[start, end)` offsets of a Markdown heading. */
export type HeadingRange = readonly [number, number]

/**
 * Extra fields that copydesk rules put on a `VFileMessage`.
 *
 * `actual` is the exact text at `place`; `expected` the replacements, best first
 * (`''` deletes). `fix: false` marks a suggestion that must never be applied
 * without a person choosing it (names, uncertain spellings) even when it is the only one;
 * `fix: true` one that may be. A rule may leave `fix` out: the pipeline sets it from the
 * rule's `meta.fixable`, so that every message says itself whether it may be applied.
 */
export interface MessageFields {
  actual?: string
  expected?: string[]
  fix?: boolean
}

/*
 * A draft's message limit, as a rule with costly messages sees it (`maxMessages`).
 *
 * A draft's report is cut after its first `maxMessages` messages (see `limitMessages` in
 * `src/pipeline/lint.ts`). A rule whose every message costs much (a search for
 * suggestions per unknown word) asks before each message whether it may still report one;
 * once it has reported `max` in the draft, the answer is no, and the place of its last
 * message is kept: the report ends there at the latest. Up to that place the rule has
 * reported every message it would have, in the draft's order; so the messages kept are
 * exactly the first ones of an unlimited run. The count is per draft, kept on the file
 * across the windows of a large draft (which run in the draft's order).
 */

/** A draft's message limit and what the rules have spent of it. */
export interface MessageBudget {
  /** Messages a draft's report may hold. */
  readonly max: number
  /** Per rule id: the messages reported so far, and the start offset of the last. */
  readonly spent: Map<string, {count: number; offset: number}>
  /** Per rule id: where a rule that reached the limit stopped (the start offset of its last message). */
  readonly stops: Map<string, number>
}

declare module 'vfile' {
  interface DataMap {
    /** See {@link MessageBudget}; absent: no limit. */
    copydeskBudget: MessageBudget
  }
}

/** A fresh budget of `max` messages. */
export function createBudget(max: number): MessageBudget {
  return {max, spent: new Map(), stops: new Map()}
}

/**
 * Whether rule `ruleId` may report one more message, starting at `offset`, in `file`'s draft
 * (counted when it may). `false` once it has reported the draft's limit: the rule should stop
 * looking (its messages are in the draft's order), and the report ends at its last message.
 */
export function mayReport(file: VFile, ruleId: string, offset: number): boolean {
  const budget = file.data.copydeskBudget
  if (!budget) return true
  if (budget.stops.has(ruleId)) return false
  const spent = budget.spent.get(ruleId)
  if (!spent) {
    budget.spent.set(ruleId, {count: 1, offset})
    return true
  }
  if (spent.count >= budget.max) {
    budget.stops.set(ruleId, spent.offset)
    return false
  }
  spent.count++
  spent.offset = offset
  return true
}

/** Whether rule `ruleId` has stopped in `file`'s draft (see {@link mayReport}). */
export function hasStopped(file: VFile, ruleId: string): boolean {
  return file.data.copydeskBudget?.stops.has(ruleId) ?? false
}

/** The offset at which the report of `file`'s draft ends at the latest: the first place a rule stopped. */
export function budgetCut(budget: MessageBudget | undefined): number | undefined {
  if (!budget || budget.stops.size === 0) return undefined
  return Math.min(...budget.stops.values())
}

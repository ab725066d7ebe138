/**
 * The rule contract: what every module under `rules/` exports.
 *
 * This file imports nothing else from `src/`, so rules depend on it alone.
 */
import type {Root, RootContent} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'

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
  /** Style packs chosen in the configuration (`house-style`). */
  readonly styles: readonly string[]
  /** Folder of the configuration file, to resolve relative paths in rule options. */
  readonly cwd: string
}

/** Documentation and defaults of a rule, used by `copydesk rules`, SARIF and the LSP. */
export interface RuleMeta {
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

declare module 'vfile' {
  interface DataMap {
    /** See {@link PartialRun}. */
    copydeskPartial: PartialRun
  }
}

/** The transformer a rule returns: it reads the tree and adds messages to the file. */
export type RuleTransformer = Transformer<Root, Root>

/** A rule: an id, its meta, and a retext plugin (an attacher that returns a transformer). */
export interface Rule<Options = unknown> {
  /** Rule id = folder name = `ruleId` = configuration key. */
  readonly id: string
  readonly meta: RuleMeta
  /** The retext attacher; `this` is the processor, `context` the run's shared settings. */
  readonly plugin: (
    this: Processor<Root>,
    options: Options | undefined,
    context: RuleContext,
  ) => RuleTransformer | undefined | void
}

/** Define a rule; only adds types. */
export function defineRule<Options = unknown>(rule: Rule<Options>): Rule<Options> {
  return rule
}

/**
 * Extra fields that copydesk rules put on a `VFileMessage`.
 *
 * `actual` is the exact text at `place`; `expected` the replacements, best first
 * (`''` deletes). `fix: false` marks a suggestion that must never be applied
 * without a person choosing it (names, uncertain spellings) even when it is the only one.
 */
export interface MessageFields {
  actual?: string
  expected?: string[]
  fix?: boolean
}

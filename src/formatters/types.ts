/** The formatter contract: a pure function from linted files to the text to print. */
import type {VFile} from 'vfile'
import type {Rule} from '../rule.js'

/** What a formatter may know besides the files. */
export interface FormatterContext {
  /** Every registered rule, for tool metadata (SARIF) and docs links. */
  readonly rules: readonly Rule[]
  /** The working folder, to make paths relative or absolute. */
  readonly cwd: string
  /** Whether to use ANSI colours (decided by the CLI: only on a TTY). */
  readonly color: boolean
  /** How many paths of the run could not be checked (each named on standard error). */
  readonly unchecked?: number
  /** What `--quiet` left out of the files' messages, when it was given. */
  readonly hidden?: {readonly warnings: number; readonly infos: number}
}

/** A formatter: no I/O, no colour detection. */
export type Formatter = (files: readonly VFile[], context: FormatterContext) => string

/**
 * A formatter that can also give its text in pieces (`pieces`, the same text joined), so that
 * a report of very many messages is never one string: the CLI writes the pieces as they come.
 */
export interface StreamingFormatter extends Formatter {
  readonly pieces: (files: readonly VFile[], context: FormatterContext) => Iterable<string>
}

/**
 * `copydesk lint --fix` and `--fix-dry-run`: apply each certain fix to a draft (lint again until
 * stable), then write the draft back atomically, or print what would change as a unified diff.
 *
 * Where things go:
 * - `--fix` on files: each changed file is rewritten (temporary file + rename, same line endings
 *   and byte order mark); the report on standard output shows the problems that remain.
 * - `--fix` on standard input: standard output is the fixed text, the report goes to standard error.
 * - `--fix-dry-run` with `--format stylish` (the default): standard output is the diff alone (a
 *   patch for `patch -p0`), the report of what would remain goes to standard error.
 * - `--fix-dry-run` with a machine format (json, sarif, github, lsp, html): standard output stays
 *   exactly that document (of what would remain), the diff goes to standard error.
 */
import {readFile, stat} from 'node:fs/promises'
import {createTwoFilesPatch, FILE_HEADERS_ONLY} from 'diff'
import type {VFile} from 'vfile'
import writeFileAtomic from 'write-file-atomic'
import {fix} from '../fix/apply.js'
import type {LintOptions} from '../pipeline/lint.js'
import {RunError} from './errors.js'
import type {Input} from './files.js'
import type {Io} from './io.js'
import type {Draft} from './read.js'

/** A text sink: standard output or standard error. */
export interface Sink {
  write(text: string): unknown
}

/** The fixing half of a `lint --fix` / `--fix-dry-run` run. */
export interface Fixer {
  /**
   * Fix one draft that `file` holds (read as `draft`): afterwards `file.value` is the fixed text
   * and `file.messages` what remains. Writes the file (`--fix`), the fixed text (`--fix` on
   * standard input) or the diff (`--fix-dry-run`). Throws a {@link RunError} when the file
   * changed on disk while it was being fixed: it is then left untouched.
   */
  fixFile(file: VFile, draft: Draft, input: Input, options: LintOptions): Promise<void>
  /** Where the report goes (see the module comment). */
  readonly report: Sink
}

/** What decides a fixer's behaviour: the parsed flags. */
export interface FixFlags {
  readonly fix: boolean
  readonly fixDryRun: boolean
  readonly format: string
  readonly paths: readonly string[]
}

/** The fixer for these flags, or `undefined` when neither `--fix` nor `--fix-dry-run` is given. */
export function createFixer(flags: FixFlags, io: Pick<Io, 'stdout' | 'stderr'>): Fixer | undefined {
  if (!flags.fix && !flags.fixDryRun) return undefined
  const dryRun = flags.fixDryRun
  // The fixed text of standard input takes standard output; so does a diff in the default format.
  const textOnStdout = dryRun ? flags.format === 'stylish' : flags.paths.includes('-')
  const report = textOnStdout ? io.stderr : io.stdout
  const diffSink = flags.format === 'stylish' ? io.stdout : io.stderr

  return {
    report,
    async fixFile(file, draft, input, options) {
      const before = input.kind === 'file' ? await stat(input.path).catch(() => undefined) : undefined
      const result = await fix(draft.text, options)
      const output = keepLineEndings(draft.text, result.output)
      file.value = output
      file.messages = result.file.messages
      if (dryRun) {
        if (output !== draft.text) {
          diffSink.write(createTwoFilesPatch(input.display, input.display, draft.text, output, undefined, undefined, {headerOptions: FILE_HEADERS_ONLY}))
        }
        return
      }
      if (input.kind === 'stdin') {
        io.stdout.write((draft.bom ? '\uFEFF' : '') + output)
        return
      }
      if (input.kind !== 'file' || output === draft.text) return
      const original = encodeDraft(draft.text, draft.bom)
      if (!(await isUnchanged(input.path, original, before))) {
        throw new RunError(`${input.display}: changed on disk during the run, left untouched (run \`--fix\` again)`)
      }
      await writeFileAtomic(input.path, encodeDraft(output, draft.bom))
    },
  }
}

/** The bytes of a draft: UTF-8, with its byte order mark when it had one. */
export function encodeDraft(text: string, bom: boolean): Buffer {
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8')
}

/**
 * Keep a CRLF draft CRLF: a fix that brings a bare line feed into a draft whose every line
 * ends in CRLF gets a carriage return too (fixes replace words, but a rule could suggest a break).
 */
export function keepLineEndings(original: string, output: string): string {
  const isCrlf = original.includes('\r\n') && !/(^|[^\r])\n/.test(original)
  return isCrlf ? output.replace(/\r?\n/g, '\r\n') : output
}

/**
 * Whether the file on disk is still what was read: same bytes (valid UTF-8 decodes and
 * encodes back to the same bytes) and the same size and modification time as when fixing began.
 */
async function isUnchanged(path: string, original: Buffer, before: {mtimeMs: number; size: number} | undefined): Promise<boolean> {
  const now = await stat(path).catch(() => undefined)
  if (!now || !before || now.mtimeMs !== before.mtimeMs || now.size !== before.size) return false
  const bytes = await readFile(path).catch(() => undefined)
  return bytes !== undefined && bytes.equals(original)
}

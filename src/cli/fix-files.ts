/**
 * `copydesk lint --fix` and `--fix-dry-run`: apply each certain fix to a draft (lint again until
 * stable), then write the draft back atomically, or print what would change as a unified diff.
 *
 * Where things go:
 * - `--fix` on files: each changed file is rewritten (temporary file + rename, same line endings
 *   and byte order mark, only while it is what was read and the user may write it: see
 *   write-draft.ts); the report on standard output shows the problems that remain, and
 *   standard error how many were fixed in each file.
 * - `--fix` on standard input: standard output is the fixed text, the report goes to standard error.
 * - `--fix-dry-run` with `--format stylish` (the default): standard output is the diff alone (a
 *   patch for `patch -p0`), the report of what would remain goes to standard error.
 * - `--fix-dry-run` with a machine format (json, sarif, github, lsp, html): standard output stays
 *   exactly that document (of what would remain), the diff goes to standard error.
 */
import type {StoppedAt} from '../pipeline/lint.js'
import {realpath} from 'node:fs/promises'
import path from 'node:path'
import {createTwoFilesPatch, FILE_HEADERS_ONLY} from 'diff'
import type {VFile} from 'vfile'
import {fix} from '../fix/apply.js'
import {fixIsolated} from '../fix/isolated.js'
import {defaultConfig} from '../config/defaults.js'
import {isolateBytes} from '../pipeline/pool.js'
import {escapeControl} from '../formatters/stylish.js'
import type {LintOptions} from '../pipeline/lint.js'
import {RunError} from './errors.js'
import type {Input} from './files.js'
import type {Io} from './io.js'
import type {Draft} from './read.js'
import {removeLeftovers, replaceDraft, type WriteOutcome} from './write-draft.js'

/** A text sink: standard output or standard error. */
export interface Sink {
  write(text: string): unknown
}

/**
 * A draft that `--fix` did not write. With `inReport`, the file still belongs in the report,
 * with the problems of the draft as it is (not fixed because it may not be written); without,
 * it is left out (it changed on disk: what copydesk read is no longer what is there).
 */
export class NotFixedError extends RunError {
  override name = 'NotFixedError'
  constructor(
    message: string,
    readonly inReport: boolean,
  ) {
    super(message)
  }
}

/** The fixing half of a `lint --fix` / `--fix-dry-run` run. */
export interface Fixer {
  /**
   * Fix one draft that `file` holds (read as `draft`): afterwards `file.value` is the fixed text
   * and `file.messages` what remains. Writes the file (`--fix`), the fixed text (`--fix` on
   * standard input) or the diff (`--fix-dry-run`), and says on standard error how many
   * problems `--fix` fixed. Throws a {@link NotFixedError} when the file may not be written or
   * changed on disk while it was being fixed: it is then left as it is.
   */
  fixFile(file: VFile, draft: Draft, input: Input, options: LintOptions): Promise<void>
  /**
   * Check the last written files a final time (see `settle` in write-draft.ts), after all
   * files are fixed and before the report. Resolves to the files where an edit was saved
   * while they were written: each with its one-line message, to be left out of the report.
   */
  finish(): Promise<Array<{file: VFile; error: NotFixedError}>>
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
export function createFixer(flags: FixFlags, io: Pick<Io, 'stdout' | 'stderr' | 'maxHeapMb'>): Fixer | undefined {
  if (!flags.fix && !flags.fixDryRun) return undefined
  const dryRun = flags.fixDryRun
  // The fixed text of standard input takes standard output; so does a diff in the default format.
  const textOnStdout = dryRun ? flags.format === 'stylish' : flags.paths.includes('-')
  const report = textOnStdout ? io.stderr : io.stdout
  const diffSink = flags.format === 'stylish' ? io.stdout : io.stderr
  // Files written in this run, by real path: a draft reached twice (through a symlinked
  // folder and directly) is fixed once, and its second entry reports the same result.
  const written = new Map<string, {original: string; output: string; messages: VFile['messages']; stopped?: StoppedAt}>()
  const cleaned = new Set<string>()
  const say = (display: string, applied: number) => {
    if (applied > 0) io.stderr.write(`copydesk: ${escapeControl(display)}: ${applied.toLocaleString('en-US')} ${applied === 1 ? 'problem' : 'problems'} fixed\n`)
  }
  // Written files whose old version is still open for a last check: settled a few files later
  // (a bounded number of open files) or by `finish`.
  const pending: Array<{file: VFile; name: string; applied: number; settle: () => Promise<WriteOutcome>}> = []
  const late: Array<{file: VFile; error: NotFixedError}> = []
  const settleOldest = async () => {
    const write = pending.shift()!
    const outcome = await write.settle().catch(outcomeOfError)
    if (outcome.status === 'written') say(write.name, write.applied)
    else late.push({file: write.file, error: notFixed(write.name, outcome)})
  }

  return {
    report,
    async finish() {
      while (pending.length > 0) await settleOldest()
      return late.splice(0)
    },
    async fixFile(file, draft, input, options) {
      const real = input.kind === 'file' && !dryRun ? await realpath(input.path).catch(() => input.path) : undefined
      const done = real === undefined ? undefined : written.get(real)
      if (done && done.original === draft.text) {
        file.value = done.output
        file.messages = done.messages
        if (done.stopped) file.data.copydeskStopped = done.stopped
        return
      }
      // A large draft is fixed in a worker with a bounded heap, as it is linted (see fix/isolated.ts).
      const result =
        io.maxHeapMb !== undefined && draft.text.length >= isolateBytes
          ? await fixIsolated({value: draft.text, path: options.path, cwd: file.cwd, config: options.config ?? defaultConfig(file.cwd)}, io.maxHeapMb)
          : await fix(draft.text, options)
      if ('failure' in result) throw new NotFixedError(`${input.display}: ${result.failure}`, false)
      const output = keepLineEndings(draft.text, result.output)
      file.value = output
      file.messages = result.file.messages
      if (result.file.data.copydeskStopped) file.data.copydeskStopped = result.file.data.copydeskStopped
      if (dryRun) {
        if (output !== draft.text) {
          // The patch is of the bytes on disk, byte order mark included, or `patch` finds no match.
          const mark = draft.bom ? '\uFEFF' : ''
          diffSink.write(createTwoFilesPatch(input.display, input.display, mark + draft.text, mark + output, undefined, undefined, {headerOptions: FILE_HEADERS_ONLY}))
        }
        return
      }
      if (input.kind === 'stdin') {
        io.stdout.write((draft.bom ? '\uFEFF' : '') + output)
        say(input.display, output === draft.text ? 0 : result.applied)
        return
      }
      if (input.kind !== 'file' || real === undefined) return
      const folder = path.dirname(real)
      if (!cleaned.has(folder)) {
        cleaned.add(folder)
        await removeLeftovers(folder)
      }
      if (output === draft.text) return
      let outcome: WriteOutcome
      try {
        outcome = await replaceDraft(input.path, encodeDraft(draft.text, draft.bom), encodeDraft(output, draft.bom))
      } catch (error) {
        outcome = outcomeOfError(error)
      }
      const name = input.display
      if (outcome.status === 'written') {
        written.set(real, {original: draft.text, output, messages: result.file.messages, stopped: result.file.data.copydeskStopped})
        if (!outcome.settle) say(name, result.applied)
        else pending.push({file, name, applied: result.applied, settle: outcome.settle})
        while (pending.length > maxPending) await settleOldest()
        return
      }
      if (outcome.status === 'refused') {
        // Not written: the report shows the draft as it is.
        file.value = draft.text
        file.messages = result.initial.messages
        if (result.initial.data.copydeskStopped) file.data.copydeskStopped = result.initial.data.copydeskStopped
        else delete file.data.copydeskStopped
      }
      throw notFixed(name, outcome)
    },
  }
}

/** How many written files stay open for their last check (see {@link Fixer.finish}). */
const maxPending = 32

/** The error for a draft that was not (or not only) fixed. */
function notFixed(name: string, outcome: Exclude<WriteOutcome, {status: 'written'}>): NotFixedError {
  switch (outcome.status) {
    case 'refused':
      return new NotFixedError(`${name}: ${outcome.reason}, not fixed`, true)
    case 'changed':
      return new NotFixedError(`${name}: changed on disk during the run, left untouched (run \`--fix\` again)`, false)
    case 'restored':
      return new NotFixedError(`${name}: changed on disk while it was being written, the changed version was kept (run \`--fix\` again)`, false)
    case 'saved':
      return new NotFixedError(`${name}: changed on disk while it was being written: fixed, and the other version saved as ${outcome.saved}`, false)
  }
}

/** What a file-system error during a write means (a read-only folder, a full disk, a deleted draft). */
function outcomeOfError(error: unknown): WriteOutcome {
  const {code, path: where} = error as NodeJS.ErrnoException
  if (!code) throw error
  const isTemp = typeof where === 'string' && path.basename(where).includes('.copydesk-')
  if (code === 'ENOENT' && !isTemp) return {status: 'changed'} // deleted meanwhile
  if (isTemp && (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')) return {status: 'refused', reason: `cannot write in its folder (${code})`}
  return {status: 'refused', reason: `cannot write it (${code})`}
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

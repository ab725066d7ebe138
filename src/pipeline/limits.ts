/** Limits shared by the command line and the language server. */

/**
 * The largest draft copydesk proofreads: 4 MiB, a hundred times a long feature (the CLI
 * refuses a larger file; the language server reports a larger document instead of linting it).
 */
export const maxDraftBytes = 4 * 1024 * 1024

/** A size in MB with one decimal, as the messages about the limit write it. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * The heap of a large draft's worker, in MB (V8's old generation), unless the caller says
 * otherwise: with the collector's pacing of `pool.ts`, the prose, line, name and repeated-slip drafts
 * of 4 MiB stay well within it; a draft that needs more fails with a one-line error instead of
 * taking gigabytes.
 */
export const defaultMaxHeapMb = 1536

/** `COPYDESK_MAX_HEAP_MB` read: a positive whole number of MB, or {@link defaultMaxHeapMb}. */
export function maxHeapMbFrom(value: string | undefined): number {
  return /^[1-9]\d*$/.test(value ?? '') ? Number(value) : defaultMaxHeapMb
}

/**
 * The messages a draft's report holds at most, unless the configuration says otherwise
 * (`maxMessages`; `--max-messages`): as cspell's `maxNumberOfProblems`. Edited copy has a few
 * per page; a draft with more is not prose that an editor reads message by message (codes,
 * another language, a file that is not a draft), and its messages past this many would cost
 * minutes to find. See `limitMessages` in `lint.ts`.
 */
export const defaultMaxMessages = 10_000

/** Limits shared by the command line and the language server. */

/**
 * The largest draft copydesk proofreads unless the configuration says otherwise
 * (`maxDraftSize`, `--max-draft-size`): 1 MiB, about 170,000 words, ten times a long book
 * chapter and a hundred times a long feature. Every draft up to it, written or hostile, is
 * proofread within 10 s and 500 MB (`npm run bench:limits`; issue 17); a larger file is
 * refused with one line (the CLI) or reported as too large (the language server).
 */
export const defaultMaxDraftBytes = 1024 * 1024

/**
 * The most `maxDraftSize` may allow: 4 MiB. Up to it, the windowed lint of plain text and the
 * bounded worker keep a draft within about 1.5 GB and a minute; beyond, nothing was measured.
 */
export const largestMaxDraftBytes = 4 * 1024 * 1024

/** The draft size limit of a configuration: its `maxDraftBytes`, or {@link defaultMaxDraftBytes}. */
export function draftLimitOf(config: {readonly maxDraftBytes?: number}): number {
  return config.maxDraftBytes ?? defaultMaxDraftBytes
}

const sizeUnits: Readonly<Record<string, number>> = {'': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 * 1024, mb: 1024 * 1024, mib: 1024 * 1024}

/** What {@link parseDraftSize} accepts, as the errors of the CLI and the configuration say it. */
export const draftSizeExpected = 'expected a size from 1 byte to 4 MiB: bytes, or a number with K, KB, KiB, M, MB or MiB (`2MB`; a K is 1,024 bytes)'

/**
 * A draft size limit as written (`maxDraftSize`, `--max-draft-size`): a whole number of bytes,
 * or a number with a unit, binary as cspell's `--max-file-size` (`512K`, `1.5 MB`, `2MiB`);
 * `undefined` when it is not one, or is outside 1 byte to {@link largestMaxDraftBytes}.
 */
export function parseDraftSize(value: string | number): number | undefined {
  let bytes: number
  if (typeof value === 'number') bytes = value
  else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value)
    const unit = match ? sizeUnits[match[2].toLowerCase()] : undefined
    if (!match || unit === undefined) return undefined
    bytes = Math.floor(Number(match[1]) * unit)
  }
  return Number.isInteger(bytes) && bytes >= 1 && bytes <= largestMaxDraftBytes ? bytes : undefined
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

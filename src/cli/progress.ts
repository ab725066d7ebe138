/**
 * The progress line of a long `copydesk lint` run: `Checking 120/2000 drafts/budget.md`, on
 * standard error, rewritten in place and erased before the report, so that what stays on the
 * screen is the report alone.
 *
 * It is shown only where a person watches and nothing parses it: standard error is a terminal
 * (not `TERM=dumb`, not under a `CI` variable, as `ora`'s `is-interactive` decides: the caller
 * says so through `Io.stderrTerminal`), the report is one people read (`stylish`, `html`, not a
 * machine format), `--no-progress` is not given, and the run has lasted more than a second
 * (a short run prints nothing more than before).
 *
 * A few lines of our own rather than a package: `log-update` or `cli-progress` bring five to
 * ten dependencies and redraw on a timer, which never fires while this thread lints; here the
 * line is redrawn when a draft starts or ends (writes to a terminal are synchronous on POSIX,
 * so it shows at once even while this thread is busy).
 */
import {escapeControl} from '../formatters/stylish.js'

/** Where the progress line goes: standard error, a terminal `columns` wide. */
export interface ProgressTerminal {
  /** The terminal's width (read at each redraw: a resized window is followed); 80 when unknown or 0. */
  readonly columns?: number
}

/** A text sink: standard output or standard error. */
export interface Sink {
  write(text: string): unknown
}

/** The progress of one run; every method does nothing when the progress is not shown. */
export interface Progress {
  /** Begin a stage over `total` drafts (`Reading`, `Checking`, `Fixing`), `done` of them already done; one draft alone shows nothing. */
  stage(label: string, total: number, done?: number): void
  /** A draft (named as in the report) is being worked on. */
  start(name: string): void
  /** One draft is done. */
  done(): void
  /** Erase the line, for good (before the report). */
  end(): void
  /**
   * `sink`, with the line erased before anything else is written to it (a `--fix` count, a
   * diff, a warning), so that text and line never run into each other; the line comes back at
   * the next redraw.
   */
  wrap(sink: Sink): Sink
}

/** When the line may first appear, in milliseconds since the process started. */
export const progressDelay = 1000
/** The least time between two redraws, in milliseconds (a redraw per draft would flicker). */
const redrawInterval = 100

const erase = '\r\x1b[K'

const nothing: Progress = {stage() {}, start() {}, done() {}, end() {}, wrap: (sink) => sink}

/** The options that decide whether the line is shown. */
export interface ProgressOptions {
  /** `--no-progress`. */
  readonly noProgress: boolean
  /** `--format`. */
  readonly format: string
}

/** The formats people read: the others are parsed by programs and get no progress line. */
const readFormats = new Set(['stylish', 'html'])

/** Whether a run with these options shows a progress line on `terminal` (see the module comment). */
export function showsProgress(options: ProgressOptions, terminal: ProgressTerminal | undefined): terminal is ProgressTerminal {
  return terminal !== undefined && !options.noProgress && readFormats.has(options.format)
}

/**
 * The progress of a run that writes to `stderr`, a terminal (`terminal`), or a progress that
 * shows nothing. `now` gives milliseconds since the process started (tests may pass a clock).
 */
export function createProgress(stderr: Sink, terminal: ProgressTerminal | undefined, now: () => number = () => performance.now()): Progress {
  if (terminal === undefined) return nothing
  let label = ''
  let total = 0
  let count = 0
  let current = ''
  let isShown = false
  let lastDraw = -Infinity
  let isOver = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const draw = (force: boolean) => {
    if (isOver || label === '') return
    const time = now()
    if (time < progressDelay) {
      // Not yet: come back when the second is up, in case the run waits (on workers) till then.
      timer ??= setTimeout(() => draw(true), progressDelay - time + 1)
      timer.unref?.()
      return
    }
    if (!force && time - lastDraw < redrawInterval) return
    lastDraw = time
    stderr.write(erase + progressLine(label, count, total, current, terminal.columns || 80))
    isShown = true
  }
  const clear = () => {
    if (!isShown) return
    stderr.write(erase)
    isShown = false
  }

  return {
    stage(name, stageTotal, done = 0) {
      // One draft has nothing to count, and its line would flash up or not by chance.
      label = stageTotal > 1 ? name : ''
      total = stageTotal
      count = done
      current = ''
      draw(true)
    },
    start(name) {
      current = name
      draw(false)
    },
    done() {
      count++
      draw(false)
    },
    end() {
      clear()
      isOver = true
      if (timer) clearTimeout(timer)
    },
    wrap(sink) {
      return {
        write(text: string) {
          clear()
          return sink.write(text)
        },
      }
    },
  }
}

/** `Checking 120/2000 drafts/budget.md`, cut to fit `columns` (the file name loses its start). */
export function progressLine(label: string, count: number, total: number, name: string, columns: number): string {
  const head = `${label} ${count}/${total}`
  // One column short of the width: writing the last column makes some terminals wrap, and a
  // wrapped line can no longer be erased with `\r`.
  const room = Math.max(columns - 1, 10) - displayWidth(head) - 1
  const shown = escapeControl(name)
  if (shown === '' || room < 4) return head
  return `${head} ${fitFromEnd(shown, room)}`
}

/** `…/long/path/to/draft.md`: the end of `text` that fits in `width` columns. */
function fitFromEnd(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  const chars = [...text]
  let used = 1 // the ellipsis
  let start = chars.length
  while (start > 0 && used + charWidth(chars[start - 1]) <= width) used += charWidth(chars[--start])
  return '…' + chars.slice(start).join('')
}

/** How many terminal columns `text` takes (wide East Asian characters and emoji take two). */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += charWidth(char)
  return width
}

const zeroWidth = /^[\p{Mn}\p{Me}\p{Cf}]$/u
const emoji = /^\p{Extended_Pictographic}$/u

function charWidth(char: string): number {
  if (zeroWidth.test(char)) return 0
  const code = char.codePointAt(0)!
  // The East Asian wide and fullwidth blocks (Hangul Jamo, CJK, Hangul, compatibility forms,
  // fullwidth forms, the supplementary ideographic planes) and emoji.
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    (code >= 0x1f300 && emoji.test(char))
  ) {
    return 2
  }
  return 1
}

/** The process's streams and settings, passed in so that the commands can be tested. */

/** What a command may use of the process. */
export interface Io {
  readonly cwd: string
  readonly stdin: AsyncIterable<Uint8Array | string>
  readonly stdout: {write(text: string): unknown}
  readonly stderr: {write(text: string): unknown}
  /** Whether standard output is a terminal (colours). */
  readonly isTTY: boolean
  /**
   * Standard error, when it is a terminal a person watches (not `TERM=dumb`, not under `CI`):
   * its width, for the progress line of long runs (progress.ts). `undefined`: no progress.
   */
  readonly stderrTerminal?: {readonly columns?: number}
}

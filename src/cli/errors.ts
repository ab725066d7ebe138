/** Errors of the run itself (exit status 2): bad arguments, missing paths, bad configuration. */

/** A failure that stops the run or one file of it, with a one-line message for standard error. */
export class RunError extends Error {
  override name = 'RunError'
}

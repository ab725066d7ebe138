/** Read a draft from disk or standard input: bytes in, text (or a one-line error) out. */
import {decodeUtf8, ReadError, readBoundedFile, tooLarge, type ReadLimits} from '../io/read-bounded.js'
import {defaultMaxDraftBytes, largestMaxDraftBytes} from '../pipeline/limits.js'
import {RunError} from './errors.js'

/** A decoded draft, with what is needed to write it back byte for byte. */
export interface Draft {
  /** The text, without a byte order mark. */
  readonly text: string
  /** Whether the file started with a UTF-8 byte order mark. */
  readonly bom: boolean
}

/**
 * What a draft may be: at most `maxBytes` (a configuration's limit, see `draftLimitOf`); under
 * the largest limit, the error says how to raise it. Linting takes about 6 s of CPU per MB and
 * the trees a few hundred MB, so a 20 MB file (a database dump, a log) gets a clear error.
 */
function draftLimits(maxBytes: number): ReadLimits {
  const hint = maxBytes < largestMaxDraftBytes ? '; raise it with `--max-draft-size` or `maxDraftSize` (at most 4 MiB)' : undefined
  return {maxBytes, what: 'a draft', hint}
}

/** Decode bytes as UTF-8 text; binary data and invalid UTF-8 are errors naming the file. */
export function decodeDraft(bytes: Uint8Array, name: string, maxBytes = defaultMaxDraftBytes): Draft {
  if (bytes.length > maxBytes) throw new RunError(`${name}: ${tooLarge(bytes.length, draftLimits(maxBytes)).message}`)
  // A NUL byte does not occur in text: this is an image, an archive, a PDF…
  if (bytes.subarray(0, 8000).includes(0)) throw new RunError(`${name}: binary file, expected UTF-8 text`)
  try {
    return decodeUtf8(bytes)
  } catch (error) {
    if (error instanceof ReadError) throw new RunError(`${name}: ${error.message}`)
    throw error
  }
}

/**
 * Read and decode a file: a regular file of at most `maxBytes` (a larger one is not read at
 * all; a FIFO, a device or a folder is refused, never waited on).
 */
export async function readDraft(path: string, name: string, maxBytes = defaultMaxDraftBytes): Promise<Draft> {
  let bytes: Uint8Array
  try {
    bytes = await readBoundedFile(path, draftLimits(maxBytes))
  } catch (error) {
    if (error instanceof ReadError) throw new RunError(`${name}: ${error.message}`)
    throw error
  }
  return decodeDraft(bytes, name, maxBytes)
}

/**
 * Read all of a stream (standard input), up to `maxBytes` (a draft's limit): past it, a
 * {@link RunError} naming the stream as `name`, with nothing more read (`- < /dev/zero` ends).
 */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes = defaultMaxDraftBytes, name = '<stdin>'): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk)
    chunks.push(bytes)
    length += bytes.length
    if (length > maxBytes) throw new RunError(`${name}: ${tooLarge(maxBytes, draftLimits(maxBytes), true).message}`)
  }
  return Buffer.concat(chunks)
}

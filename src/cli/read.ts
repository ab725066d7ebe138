/** Read a draft from disk or standard input: bytes in, text (or a one-line error) out. */
import {decodeUtf8, ReadError, readBoundedFile, tooLarge, type ReadLimits} from '../io/read-bounded.js'
import {RunError} from './errors.js'

/** A decoded draft, with what is needed to write it back byte for byte. */
export interface Draft {
  /** The text, without a byte order mark. */
  readonly text: string
  /** Whether the file started with a UTF-8 byte order mark. */
  readonly bom: boolean
}

/**
 * The largest draft copydesk reads: 4 MiB, a hundred times a long feature. Linting takes
 * about 10 s of CPU per MB and the trees several hundred MB of memory, so a 20 MB file (a
 * database dump, a log) would run for minutes and could exhaust memory; it gets a clear error.
 */
export const maxDraftBytes = 4 * 1024 * 1024

const draftLimits: ReadLimits = {maxBytes: maxDraftBytes, what: 'a draft'}

/** Decode bytes as UTF-8 text; binary data and invalid UTF-8 are errors naming the file. */
export function decodeDraft(bytes: Uint8Array, name: string): Draft {
  if (bytes.length > maxDraftBytes) throw new RunError(`${name}: ${tooLarge(bytes.length, draftLimits).message}`)
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
 * Read and decode a file: a regular file of at most {@link maxDraftBytes} (a larger one is not
 * read at all; a FIFO, a device or a folder is refused, never waited on).
 */
export async function readDraft(path: string, name: string): Promise<Draft> {
  let bytes: Uint8Array
  try {
    bytes = await readBoundedFile(path, draftLimits)
  } catch (error) {
    if (error instanceof ReadError) throw new RunError(`${name}: ${error.message}`)
    throw error
  }
  return decodeDraft(bytes, name)
}

/**
 * Read all of a stream (standard input), up to `maxBytes` (a draft's limit): past it, a
 * {@link RunError} naming the stream as `name`, with nothing more read (`- < /dev/zero` ends).
 */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes = maxDraftBytes, name = '<stdin>'): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let length = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk)
    chunks.push(bytes)
    length += bytes.length
    if (length > maxBytes) throw new RunError(`${name}: ${tooLarge(maxBytes, {...draftLimits, maxBytes}, true).message}`)
  }
  return Buffer.concat(chunks)
}

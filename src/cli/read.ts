/** Read a draft from disk or standard input: bytes in, text (or a one-line error) out. */
import {readFile, stat} from 'node:fs/promises'
import {RunError} from './errors.js'

/** A decoded draft, with what is needed to write it back byte for byte. */
export interface Draft {
  /** The text, without a byte order mark. */
  readonly text: string
  /** Whether the file started with a UTF-8 byte order mark. */
  readonly bom: boolean
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * The largest draft copydesk reads: 4 MiB, a hundred times a long feature. Linting takes
 * about 10 s of CPU per MB and the trees several hundred MB of memory, so a 20 MB file (a
 * database dump, a log) would run for minutes and could exhaust memory; it gets a clear error.
 */
export const maxDraftBytes = 4 * 1024 * 1024

/** The error for a draft over {@link maxDraftBytes}. */
function tooLarge(name: string, size: number): RunError {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return new RunError(`${name}: file too large (${mb(size)}), expected a draft of at most ${mb(maxDraftBytes)}`)
}

/** Decode bytes as UTF-8 text; binary data and invalid UTF-8 are errors naming the file. */
export function decodeDraft(bytes: Uint8Array, name: string): Draft {
  if (bytes.length > maxDraftBytes) throw tooLarge(name, bytes.length)
  // A NUL byte does not occur in text: this is an image, an archive, a PDF…
  if (bytes.subarray(0, 8000).includes(0)) throw new RunError(`${name}: binary file, expected UTF-8 text`)
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    const offset = firstInvalidByte(bytes)
    const line = bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1
    throw new RunError(`${name}: invalid UTF-8 at byte ${offset} (line ${line}), expected UTF-8 text`)
  }
  const bom = text.charCodeAt(0) === 0xfeff
  return {text: bom ? text.slice(1) : text, bom}
}

/** Read and decode a file. */
export async function readDraft(path: string, name: string): Promise<Draft> {
  let bytes: Uint8Array
  try {
    // Check the size first: a huge file is not read into memory at all.
    const {size} = await stat(path)
    if (size > maxDraftBytes) throw tooLarge(name, size)
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof RunError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new RunError(`${name}: cannot read file${code ? ` (${code})` : ''}`)
  }
  return decodeDraft(bytes, name)
}

/** Read all of a stream (standard input). */
export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

function firstInvalidByte(bytes: Uint8Array): number {
  // Feed one byte at a time: the decoder throws at the first byte that cannot continue.
  const stream = new TextDecoder('utf-8', {fatal: true})
  for (let index = 0; index < bytes.length; index++) {
    try {
      stream.decode(bytes.subarray(index, index + 1), {stream: true})
    } catch {
      // The decoder notices at the byte that cannot continue a sequence: report where the
      // sequence began (`caf\xE9 au lait`: the Latin-1 `é` at byte 3, not the space after it).
      let start = index
      while (start > 0 && index - start < 3 && (bytes[start - 1] & 0xc0) === 0x80) start--
      if (start > 0 && index - start < 3 && bytes[start - 1] >= 0xc0) return start - 1
      return index
    }
  }
  return bytes.length
}

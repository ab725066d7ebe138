/**
 * The one way copydesk reads a file a user named (a draft, a configuration, a style pack, a
 * word list): only a regular file, only up to a size limit, never blocking.
 *
 * The file is opened first and then checked with `fstat` on the open descriptor, so what is
 * checked is what is read (no window between a `stat` and the read). `O_NONBLOCK` makes opening
 * a FIFO return at once instead of waiting for a writer; `fstat` then refuses it. Reading stops
 * one byte past the limit, so a file that grows while it is read (or a device that never ends,
 * like `/dev/zero`, reached through a link) costs at most the limit in memory.
 *
 * This module imports only Node's built-ins: the engine and the style-pack loader both use it.
 */
import {closeSync, constants, fstatSync, openSync, readSync, type Stats} from 'node:fs'
import {open} from 'node:fs/promises'

/** Why a file could not be read, in words, without the file's name (callers add it). */
export class ReadError extends Error {
  override name = 'ReadError'
  /** A Node error code (`ENOENT`, `EACCES`, `ELOOP`…), or `ENOTREG` / `EFBIG` for our own checks. */
  readonly code: string
  constructor(message: string, code: string) {
    super(message)
    this.code = code
  }
}

/** What a reader of user-named files needs to know. */
export interface ReadLimits {
  /** The largest file accepted, in bytes. */
  readonly maxBytes: number
  /** What the file should be, for the error: `a draft`, `a configuration file`… */
  readonly what: string
  /** Said after the error of a file over the limit: how to raise it, when it can be. */
  readonly hint?: string
}

// O_NONBLOCK does not exist on Windows, where a FIFO cannot be named by a path anyway.
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/** `4,194,304 bytes`, or `4,194,304 bytes (4 MiB)` for a round number of MiB. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`
  const mib = bytes / 1024 / 1024
  return Number.isInteger(mib) && mib > 0 ? `${exact} (${mib} MiB)` : exact
}

/** What `describeKind` looks at: a `Stats` or a `Dirent`. */
export type FileKind = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isSymbolicLink'>

/** The kind of a file that is not a regular one: `directory`, `FIFO`, `character device`… */
export function describeKind(stats: FileKind): string {
  if (stats.isDirectory()) return 'directory'
  if (stats.isFIFO()) return 'FIFO'
  if (stats.isCharacterDevice()) return 'character device'
  if (stats.isBlockDevice()) return 'block device'
  if (stats.isSocket()) return 'socket'
  if (stats.isSymbolicLink()) return 'symbolic link'
  return 'special file'
}

/** A file-system error (`ENOENT`, `EACCES`, `ELOOP`…) in words. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'ENOTDIR':
      return 'no such file or directory (a part of the path is not a folder)'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ELOOP':
      return 'symbolic link loop'
    case 'EISDIR':
      return 'not a regular file (directory)'
    case 'ENAMETOOLONG':
      return 'file name too long'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files'
    case 'EIO':
      return 'input/output error'
    default:
      return code ? `cannot read (${code})` : `cannot read (${(error as Error | undefined)?.message ?? String(error)})`
  }
}

/** The error for a file over the limit; `size` is exact, or a lower bound when `isAtLeast`. */
export function tooLarge(size: number, limits: ReadLimits, isAtLeast = false): ReadError {
  const actual = isAtLeast ? `more than ${size.toLocaleString('en-US')} bytes` : formatBytes(size).replace(/ \(.*\)$/, '')
  return new ReadError(`file too large (${actual}), expected ${limits.what} of at most ${formatBytes(limits.maxBytes)}${limits.hint ?? ''}`, 'EFBIG')
}

function asReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error
  return new ReadError(describeFsError(error), (error as NodeJS.ErrnoException).code ?? 'EIO')
}

function checkOpened(stats: Stats, limits: ReadLimits): void {
  if (!stats.isFile()) throw new ReadError(`not a regular file (${describeKind(stats)})`, 'ENOTREG')
  if (stats.size > limits.maxBytes) throw tooLarge(stats.size, limits)
}

/** A buffer for a file `stats` says has `size` bytes: room for it and one byte more. */
function bufferFor(size: number, limits: ReadLimits): Buffer {
  // One byte more than the file should have: reading it means the file grew, or `stat` gave no
  // size (files in /proc report 0).
  return Buffer.allocUnsafe(Math.min(Math.max(size, 64 * 1024), limits.maxBytes) + 1)
}

/** `buffer`, full after `length` bytes: a larger copy, or an error past the limit. */
function grow(buffer: Buffer, length: number, limits: ReadLimits): Buffer {
  if (length > limits.maxBytes) throw tooLarge(limits.maxBytes, limits, true)
  const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limits.maxBytes + 1))
  buffer.copy(larger, 0, 0, length)
  return larger
}

/** One read the loop asks for: fill `buffer` from `offset`, at most `length` bytes. */
interface ReadRequest {
  readonly buffer: Buffer
  readonly offset: number
  readonly length: number
}

/**
 * The reading loop of both readers, written once: it yields each read it wants and is sent
 * the number of bytes read (0 at the end); it returns the bytes, or throws past the limit.
 * {@link readBoundedFile} answers with `await handle.read`, {@link readBoundedFileSync} with
 * `readSync`, so the checks (regular file, limit, growth) cannot drift apart.
 */
function* readOpened(stats: Stats, limits: ReadLimits): Generator<ReadRequest, Buffer, number> {
  checkOpened(stats, limits)
  let buffer = bufferFor(stats.size, limits)
  let length = 0
  for (;;) {
    if (length === buffer.length) buffer = grow(buffer, length, limits)
    const bytesRead = yield {buffer, offset: length, length: buffer.length - length}
    if (bytesRead === 0) break
    length += bytesRead
  }
  if (length > limits.maxBytes) throw tooLarge(limits.maxBytes, limits, true)
  return buffer.subarray(0, length)
}

/**
 * The bytes of the regular file at `file`, at most `limits.maxBytes` of them; throws a
 * {@link ReadError} for anything else (missing, a folder, a FIFO, a device, too large…).
 */
export async function readBoundedFile(file: string, limits: ReadLimits): Promise<Buffer> {
  let handle
  try {
    handle = await open(file, openFlags)
  } catch (error) {
    throw asReadError(error)
  }
  try {
    const reads = readOpened(await handle.stat(), limits)
    for (let step = reads.next(); ;) {
      if (step.done) return step.value
      const {buffer, offset, length} = step.value
      step = reads.next((await handle.read(buffer, offset, length, null)).bytesRead)
    }
  } catch (error) {
    throw asReadError(error)
  } finally {
    await handle.close()
  }
}

/** {@link readBoundedFile}, synchronously (for loaders that run inside a synchronous plugin). */
export function readBoundedFileSync(file: string, limits: ReadLimits): Buffer {
  let fd: number
  try {
    fd = openSync(file, openFlags)
  } catch (error) {
    throw asReadError(error)
  }
  try {
    const reads = readOpened(fstatSync(fd), limits)
    for (let step = reads.next(); ;) {
      if (step.done) return step.value
      const {buffer, offset, length} = step.value
      step = reads.next(readSync(fd, buffer, offset, length, null))
    }
  } catch (error) {
    throw asReadError(error)
  } finally {
    closeSync(fd)
  }
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Text decoded from UTF-8, and whether it began with a byte order mark (removed from `text`). */
export interface DecodedText {
  readonly text: string
  readonly bom: boolean
}

/** Decode UTF-8 strictly; invalid bytes are a {@link ReadError} saying where (byte and line). */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  let text: string
  try {
    text = decoder.decode(bytes)
  } catch {
    const offset = firstInvalidByte(bytes)
    const line = bytes.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1
    throw new ReadError(`invalid UTF-8 at byte ${offset} (line ${line}), expected UTF-8 text`, 'EILSEQ')
  }
  const bom = text.charCodeAt(0) === 0xfeff
  return {text: bom ? text.slice(1) : text, bom}
}

/** The offset of the first byte of the first invalid UTF-8 sequence in `bytes`. */
export function firstInvalidByte(bytes: Uint8Array): number {
  // Feed one byte at a time: the decoder throws at the first byte that cannot continue.
  const stream = new TextDecoder('utf-8', {fatal: true})
  for (let index = 0; index < bytes.length; index++) {
    try {
      stream.decode(bytes.subarray(index, index + 1), {stream: true})
    } catch {
      // The decoder notices at the byte that cannot continue a sequence: report where the
      // sequence began (`caf\xE9 au lait`: the Latin-1 `é` at byte 3, not the space after it).
      return sequenceStart(bytes, index)
    }
  }
  // Every byte was accepted, so the last sequence is cut short (`caf\xC3` at the end of the
  // file): it begins at its lead byte, within the last three bytes.
  return sequenceStart(bytes, bytes.length)
}

/** Where the multi-byte sequence that `index` would continue begins (or `index` itself). */
function sequenceStart(bytes: Uint8Array, index: number): number {
  let start = index
  while (start > 0 && index - start < 3 && (bytes[start - 1] & 0xc0) === 0x80) start--
  if (start > 0 && index - start < 3 && bytes[start - 1] >= 0xc0) return start - 1
  return Math.min(index, Math.max(0, bytes.length - 1))
}

/** Read a regular file of bounded size as UTF-8 text (a byte order mark is dropped). */
export async function readBoundedText(file: string, limits: ReadLimits): Promise<string> {
  return decodeUtf8(await readBoundedFile(file, limits)).text
}

/** {@link readBoundedText}, synchronously. */
export function readBoundedTextSync(file: string, limits: ReadLimits): string {
  return decodeUtf8(readBoundedFileSync(file, limits)).text
}

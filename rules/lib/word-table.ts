/**
 * A compiled table of words: one `Buffer` holding the words as UTF-8 records and an
 * open-addressing hash table of their offsets, written by `npm run build:data` and read as
 * it is. Loading is one file read; a lookup hashes the string's code units, probes a few
 * slots and compares the record with the string in place (no decoding, no allocation).
 *
 * Layout (little-endian): `CDW1`, `uint32` header length, the JSON header (padded to 4
 * bytes), `uint32` slot count, the slots (`uint32`: record offset + 1, 0 when empty), then
 * the records: `uint8` UTF-8 length, the word, `uint8` flags, the count as an unsigned LEB128.
 */
import {decodeFrame, encodeFrame} from './binary-frame.js'

const magic = 'CDW1'

/** FNV-1a over UTF-16 code units: the same at build time and at run time. */
export function hashString(word: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** One word of a table: its flags (a bit set the caller defines) and a count. */
export interface WordEntry {
  readonly word: string
  readonly flags: number
  readonly count: number
}

/** Encode a table (build time). Records are written in code-unit order, so output is stable. */
export function encodeWordTable(header: unknown, entries: readonly WordEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
  const records: Buffer[] = []
  const offsets: number[] = []
  let at = 0
  for (const {word, flags, count} of sorted) {
    const bytes = Buffer.from(word, 'utf8')
    if (bytes.length > 255 || !word) throw new Error(`Cannot store \`${word}\`, expected a word of 1 to 255 bytes`)
    if (flags < 0 || flags > 255 || !Number.isInteger(count) || count < 0) throw new Error(`Cannot store \`${word}\`, expected flags in a byte and a count ≥ 0`)
    const varint: number[] = []
    let rest = count
    do {
      varint.push((rest & 0x7f) | (rest > 0x7f ? 0x80 : 0))
      rest = Math.floor(rest / 128)
    } while (rest > 0)
    const record = Buffer.concat([Buffer.from([bytes.length]), bytes, Buffer.from([flags, ...varint])])
    offsets.push(at)
    records.push(record)
    at += record.length
  }
  // A load factor of at most 0.6 keeps a miss to about three probes.
  const slotCount = Math.max(1, Math.ceil(sorted.length / 0.6)) | 1
  const slots = new Uint32Array(slotCount)
  sorted.forEach(({word}, index) => {
    let slot = hashString(word) % slotCount
    while (slots[slot] !== 0) slot = slot + 1 === slotCount ? 0 : slot + 1
    slots[slot] = offsets[index] + 1
  })
  return Buffer.concat([encodeFrame(magic, header, slots), ...records])
}

/** A table read from its bytes. */
export class WordTable {
  /** The JSON header written with the table. */
  readonly header: unknown
  private readonly bytes: Uint8Array
  private readonly slots: Uint32Array
  private readonly recordsAt: number

  constructor(buffer: Uint8Array) {
    const frame = decodeFrame(buffer, magic, 'word table')
    this.header = frame.header
    this.slots = frame.values
    this.bytes = buffer
    this.recordsAt = frame.end
  }

  /** The offset of the record of `word`, or -1. */
  find(word: string): number {
    const slots = this.slots
    const size = slots.length
    let slot = hashString(word) % size
    for (let value = slots[slot]; value !== 0; value = slots[slot]) {
      const at = this.recordsAt + value - 1
      if (this.matches(at, word)) return at
      slot = slot + 1 === size ? 0 : slot + 1
    }
    return -1
  }

  /** The flags of the record at `at` (from {@link find}). */
  flags(at: number): number {
    return this.bytes[at + 1 + this.bytes[at]]
  }

  /** The count of the record at `at`. */
  count(at: number): number {
    const bytes = this.bytes
    let p = at + 2 + bytes[at]
    let value = 0
    let scale = 1
    for (;;) {
      const byte = bytes[p++]
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 128
    }
  }

  /** Every record, in code-unit order of the words (build checks and tests). */
  *entries(): Generator<WordEntry> {
    const bytes = this.bytes
    let at = this.recordsAt
    while (at < bytes.length) {
      const length = bytes[at]
      const word = Buffer.from(bytes.buffer, bytes.byteOffset + at + 1, length).toString('utf8')
      yield {word, flags: this.flags(at), count: this.count(at)}
      at += 2 + length
      while (bytes[at++] >= 0x80);
    }
  }

  /** Whether the record at `at` spells `word` (its UTF-8, compared as it is encoded). */
  private matches(at: number, word: string): boolean {
    const bytes = this.bytes
    let p = at + 1
    const end = p + bytes[at]
    for (let index = 0; index < word.length; index++) {
      let code = word.charCodeAt(index)
      if (code < 0x80) {
        if (p >= end || bytes[p++] !== code) return false
        continue
      }
      if (code >= 0xd800 && code < 0xdc00 && index + 1 < word.length) {
        const low = word.charCodeAt(index + 1)
        if (low >= 0xdc00 && low < 0xe000) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
          index++
        }
      }
      if (code < 0x800) {
        if (p + 2 > end || bytes[p] !== (0xc0 | (code >> 6)) || bytes[p + 1] !== (0x80 | (code & 0x3f))) return false
        p += 2
      } else if (code < 0x10000) {
        if (p + 3 > end || bytes[p] !== (0xe0 | (code >> 12)) || bytes[p + 1] !== (0x80 | ((code >> 6) & 0x3f)) || bytes[p + 2] !== (0x80 | (code & 0x3f))) return false
        p += 3
      } else {
        if (
          p + 4 > end ||
          bytes[p] !== (0xf0 | (code >> 18)) ||
          bytes[p + 1] !== (0x80 | ((code >> 12) & 0x3f)) ||
          bytes[p + 2] !== (0x80 | ((code >> 6) & 0x3f)) ||
          bytes[p + 3] !== (0x80 | (code & 0x3f))
        )
          return false
        p += 4
      }
    }
    return p === end
  }
}

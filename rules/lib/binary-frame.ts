/**
 * The framing shared by copydesk's compiled data files (`word-table.ts`, `word-trie.ts`):
 * a 4-letter magic, a `uint32` length, a JSON header padded to 4 bytes, then a `uint32` count
 * and that many `uint32` values (little-endian), then whatever the file adds after them.
 */

/**
 * The bytes before the file's own data: magic, header, count, and the `uint32` values. The
 * count is of entries of `width` values each (the trie stores two values per edge).
 */
export function encodeFrame(magic: string, header: unknown, values: Uint32Array, width = 1): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const padded = Math.ceil(json.length / 4) * 4
  const prefix = Buffer.alloc(8 + padded + 4, 0x20)
  prefix.write(magic, 0, 'latin1')
  prefix.writeUInt32LE(json.length, 4)
  json.copy(prefix, 8)
  prefix.writeUInt32LE(values.length / width, 8 + padded)
  return Buffer.concat([prefix, Buffer.from(values.buffer, values.byteOffset, values.byteLength)])
}

/** A frame read back: its header, its `uint32` values, and where the data after them starts. */
export interface Frame {
  readonly header: unknown
  readonly values: Uint32Array
  /** Offset in the buffer just past the values. */
  readonly end: number
}

/** Read the frame at the start of `buffer`; `what` names the file in the error. */
export function decodeFrame(buffer: Uint8Array, magic: string, what: string, width = 1): Frame {
  if (Buffer.from(buffer.buffer, buffer.byteOffset, 4).toString('latin1') !== magic) {
    throw new Error(`Cannot read the ${what}, expected it to start with \`${magic}\` (\`npm run build:data\`)`)
  }
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  const jsonLength = view.getUint32(4, true)
  const header: unknown = JSON.parse(Buffer.from(buffer.buffer, buffer.byteOffset + 8, jsonLength).toString('utf8'))
  const at = 8 + Math.ceil(jsonLength / 4) * 4
  const count = view.getUint32(at, true) * width
  const start = buffer.byteOffset + at + 4
  // A typed-array view needs 4-byte alignment: `readFileSync` gives an aligned buffer of its own.
  const values = start % 4 === 0 ? new Uint32Array(buffer.buffer, start, count) : new Uint32Array(buffer.slice(at + 4, at + 4 + count * 4).buffer)
  return {header, values, end: at + 4 + count * 4}
}

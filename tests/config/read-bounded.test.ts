/** The one reader of user-named files: regular files only, bounded, never blocking. */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodeUtf8, formatBytes, readBoundedFile, readBoundedFileSync, readBoundedTextSync} from '../../src/io/read-bounded.js'

const limits = {maxBytes: 1000, what: 'a test file'}

function folder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'copydesk-read-'))
}

describe('readBoundedFile and readBoundedFileSync', () => {
  const readers = [
    ['async', (file: string) => readBoundedFile(file, limits)],
    // The sync reader behind a promise: a throw becomes a rejection, as in the async reader.
    ['sync', (file: string) => Promise.resolve().then(() => readBoundedFileSync(file, limits))],
  ] as const

  it.each(readers)('%s: a regular file up to the limit, exactly', async (_name, read) => {
    const root = folder()
    writeFileSync(path.join(root, 'a.txt'), 'x'.repeat(1000))
    expect((await read(path.join(root, 'a.txt'))).length).toBe(1000)
    writeFileSync(path.join(root, 'b.txt'), 'x'.repeat(1001))
    await expect(read(path.join(root, 'b.txt'))).rejects.toThrow('file too large (1,001 bytes), expected a test file of at most 1,000 bytes')
  })

  it.each(readers)('%s: a FIFO, a device, a folder, a loop: refused at once, with what they are', async (_name, read) => {
    const root = folder()
    execFileSync('mkfifo', [path.join(root, 'pipe')])
    symlinkSync('loop', path.join(root, 'loop'))
    symlinkSync('/dev/zero', path.join(root, 'zero'))
    await expect(read(path.join(root, 'pipe'))).rejects.toMatchObject({message: 'not a regular file (FIFO)', code: 'ENOTREG'})
    await expect(read(path.join(root, 'zero'))).rejects.toThrow('not a regular file (character device)')
    await expect(read(root)).rejects.toThrow('not a regular file (directory)')
    await expect(read(path.join(root, 'loop'))).rejects.toMatchObject({message: 'symbolic link loop', code: 'ELOOP'})
    await expect(read(path.join(root, 'missing'))).rejects.toMatchObject({message: 'no such file or directory', code: 'ENOENT'})
  })

  it('a file that reports no size and holds more than one buffer (/proc/self/smaps) is read whole, by both readers', async () => {
    const large = {maxBytes: 64 * 1024 * 1024, what: 'a test file'}
    for (const bytes of [await readBoundedFile('/proc/self/smaps', large), readBoundedFileSync('/proc/self/smaps', large)]) {
      expect(bytes.length).toBeGreaterThan(64 * 1024 + 1) // the buffer grew, and kept what it held
      const text = bytes.toString('utf8')
      expect(text.split('\n')[0]).toBe(readFileSync('/proc/self/smaps', 'utf8').split('\n')[0])
      expect(text.endsWith('\n')).toBe(true)
    }
  })

  it('a file that reports no size (in /proc) is still read only up to the limit', async () => {
    await expect(readBoundedFile('/proc/self/maps', {maxBytes: 10, what: 'a test file'})).rejects.toThrow('file too large (more than 10 bytes)')
    expect(() => readBoundedFileSync('/proc/self/maps', {maxBytes: 10, what: 'a test file'})).toThrow('file too large (more than 10 bytes)')
  })
})

describe('decodeUtf8', () => {
  it('drops a byte order mark and says where invalid UTF-8 starts, also when cut short at the end', () => {
    expect(decodeUtf8(Buffer.from('\uFEFFKyiv'))).toEqual({text: 'Kyiv', bom: true})
    expect(() => decodeUtf8(Buffer.from([0x63, 0x61, 0x66, 0xc3]))).toThrow('invalid UTF-8 at byte 3 (line 1)')
    expect(() => decodeUtf8(Buffer.from([0x61, 0x0a, 0xf0, 0x9f, 0x98]))).toThrow('invalid UTF-8 at byte 2 (line 2)')
    expect(() => decodeUtf8(Buffer.from('caf\xe9 au lait', 'latin1'))).toThrow('invalid UTF-8 at byte 3 (line 1)')
  })

  it('reads text synchronously', () => {
    const root = folder()
    writeFileSync(path.join(root, 'a.yaml'), '\uFEFFentries: []\n')
    expect(readBoundedTextSync(path.join(root, 'a.yaml'), limits)).toBe('entries: []\n')
  })
})

describe('formatBytes', () => {
  it('says the exact number, and MiB when round', () => {
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(4_194_305)).toBe('4,194,305 bytes')
    expect(formatBytes(4 * 1024 * 1024)).toBe('4,194,304 bytes (4 MiB)')
  })
})

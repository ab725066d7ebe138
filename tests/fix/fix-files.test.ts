/** `--fix` / `--fix-dry-run` on real files: atomic writes, line endings, BOM, a file changed meanwhile. */
import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {RunError} from '../../src/cli/errors.js'
import {createFixer, keepLineEndings, NotFixedError} from '../../src/cli/fix-files.js'
import {decodeDraft} from '../../src/cli/read.js'

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'copydesk-fix-'))
})
afterEach(async () => {
  await rm(folder, {recursive: true, force: true})
})

function sinks() {
  const out = {stdout: '', stderr: ''}
  return {out, io: {stdout: {write: (text: string) => (out.stdout += text)}, stderr: {write: (text: string) => (out.stderr += text)}}}
}

async function run(bytes: Buffer, flags: {fix?: boolean; fixDryRun?: boolean; format?: string}, change?: Buffer) {
  const file = path.join(folder, 'draft.txt')
  await writeFile(file, bytes)
  const draft = decodeDraft(await readFile(file), 'draft.txt')
  if (change) await writeFile(file, change) // someone saves the draft after copydesk read it
  const {out, io} = sinks()
  const fixer = createFixer({fix: false, fixDryRun: false, format: 'stylish', paths: ['draft.txt'], ...flags}, io)!
  const vfile = new VFile({value: draft.text, path: 'draft.txt'})
  let error: unknown
  await fixer.fixFile(vfile, draft, {kind: 'file', display: 'draft.txt', path: file}, {path: 'draft.txt'}).catch((caught) => (error = caught))
  const late = await fixer.finish()
  return {out, vfile, error, late, after: await readFile(file), fixer, io}
}

describe('createFixer', () => {
  it('is undefined without --fix or --fix-dry-run', () => {
    expect(createFixer({fix: false, fixDryRun: false, format: 'stylish', paths: []}, sinks().io)).toBeUndefined()
  })

  it('fixes a CRLF draft and keeps CRLF, and says how many problems it fixed', async () => {
    const {after, vfile, out, late} = await run(Buffer.from('Talks on the the day.\r\nWe met in in Paris.\r\n'), {fix: true})
    expect(after.toString('utf8')).toBe('Talks on the day.\r\nWe met in Paris.\r\n')
    expect(vfile.value).toBe('Talks on the day.\r\nWe met in Paris.\r\n')
    expect(vfile.messages).toEqual([])
    expect(out.stderr).toBe('copydesk: draft.txt: 2 problems fixed\n')
    expect(late).toEqual([])
  })

  it('leaves a read-only file as it is, and reports the problems it still has', async () => {
    const file = path.join(folder, 'draft.txt')
    const original = Buffer.from('Talks on the the day.\n')
    await writeFile(file, original)
    await chmod(file, 0o444)
    const draft = decodeDraft(original, 'draft.txt')
    const {out, io} = sinks()
    const fixer = createFixer({fix: true, fixDryRun: false, format: 'stylish', paths: ['draft.txt']}, io)!
    const vfile = new VFile({value: draft.text, path: 'draft.txt'})
    const error = await fixer.fixFile(vfile, draft, {kind: 'file', display: 'draft.txt', path: file}, {path: 'draft.txt'}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NotFixedError)
    expect((error as NotFixedError).message).toBe('draft.txt: read-only file (mode 0444), not fixed')
    expect((error as NotFixedError).inReport).toBe(true)
    expect(vfile.value).toBe('Talks on the the day.\n')
    expect(vfile.messages.map((message) => message.ruleId)).toEqual(['repeated-word'])
    expect((await readFile(file)).equals(original)).toBe(true)
    expect(out.stderr).toBe('')
  })

  it('keeps a byte order mark', async () => {
    const {after} = await run(Buffer.from('\uFEFFTalks on the the day.\n'), {fix: true})
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(after.subarray(3).toString('utf8')).toBe('Talks on the day.\n')
  })

  it('leaves a file that changed on disk during the run untouched, and says so', async () => {
    const changed = Buffer.from('An editor saved this version of the the draft.\n')
    const {after, error} = await run(Buffer.from('Talks on the the day.\n'), {fix: true}, changed)
    expect(after.equals(changed)).toBe(true)
    expect(error).toBeInstanceOf(RunError)
    expect((error as Error).message).toBe('draft.txt: changed on disk during the run, left untouched (run `--fix` again)')
    expect((error as NotFixedError).inReport).toBe(false)
  })

  it('--fix-dry-run writes nothing and prints a unified diff (stdout for stylish, report to stderr)', async () => {
    const original = Buffer.from('Talks on the the day.\n')
    const {after, out, fixer, io} = await run(original, {fixDryRun: true})
    expect(after.equals(original)).toBe(true)
    expect(out.stdout).toBe('--- draft.txt\n+++ draft.txt\n@@ -1,1 +1,1 @@\n-Talks on the the day.\n+Talks on the day.\n')
    expect(fixer.report).toBe(io.stderr)
  })

  it('--fix-dry-run keeps the byte order mark in the diff, so that `patch` finds the lines', async () => {
    const {out} = await run(Buffer.from('\uFEFFTalks on the the day.\n'), {fixDryRun: true})
    expect(out.stdout).toBe('--- draft.txt\n+++ draft.txt\n@@ -1,1 +1,1 @@\n-\uFEFFTalks on the the day.\n+\uFEFFTalks on the day.\n')
  })

  it('--fix-dry-run with a machine format keeps stdout for the report and sends the diff to stderr', async () => {
    const {out, fixer, io} = await run(Buffer.from('Talks on the the day.\n'), {fixDryRun: true, format: 'json'})
    expect(out.stdout).toBe('')
    expect(out.stderr).toContain('+Talks on the day.')
    expect(fixer.report).toBe(io.stdout)
  })

  it('--fix on standard input prints the fixed text (with its BOM) and moves the report to stderr', async () => {
    const {out, io} = sinks()
    const fixer = createFixer({fix: true, fixDryRun: false, format: 'json', paths: ['-']}, io)!
    const draft = decodeDraft(Buffer.from('\uFEFFWe met in in Paris.\n'), '<stdin>')
    await fixer.fixFile(new VFile({value: draft.text}), draft, {kind: 'stdin', display: '<stdin>'}, {})
    expect(out.stdout).toBe('\uFEFFWe met in Paris.\n')
    expect(fixer.report).toBe(io.stderr)
  })
})

describe('keepLineEndings', () => {
  it('gives a bare line feed a carriage return in a CRLF draft only', () => {
    expect(keepLineEndings('a\r\nb\r\n', 'a\r\nb\nc\r\n')).toBe('a\r\nb\r\nc\r\n')
    expect(keepLineEndings('a\nb\n', 'a\nb\r\n')).toBe('a\nb\r\n')
    expect(keepLineEndings('a\r\nb\n', 'a\nb\n')).toBe('a\nb\n')
  })
})

/**
 * End to end, through the built CLI as a real process: whatever it is fed, each draft gets
 * correct results or one line on standard error naming it, and the run goes on.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'

interface Entry {
  file: string
  messages: Array<{rule: string; line: number; column: number; endLine: number; endColumn: number; actual: string}>
}

/** A fresh folder with `files` (path → content). */
function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bad-input-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    writeFileSync(path.join(root, name), content)
  }
  return root
}

function lintJson(cwd: string, args: readonly string[]) {
  const result = runCli(['lint', '--format', 'json', ...args], {cwd})
  return {...result, entries: JSON.parse(result.stdout) as Entry[], errors: result.stderr.split('\n').filter(Boolean)}
}

const places = (entry: Entry) => entry.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.rule} ${m.actual}`)
const draft = 'Talks resumed on the the same day.\nThe mayor spoke,then left.\n'

describe('bad input', () => {
  it('a missing path and a folder with no drafts: one line each, the other files still linted, exit 2', () => {
    const cwd = folder({'good.txt': draft, 'empty-folder/notes.json': '{}'})
    const {status, entries, errors} = lintJson(cwd, ['missing.txt', 'good.txt', 'empty-folder'])
    expect(status).toBe(2)
    expect(errors).toEqual(['copydesk: missing.txt: no such file or directory', expect.stringMatching(/^copydesk: empty-folder: no drafts found/)])
    expect(entries.map((entry) => entry.file)).toEqual(['good.txt'])
    expect(entries[0].messages.length).toBe(2)
  })

  it('an empty file has no messages', () => {
    const {status, entries} = lintJson(folder({'empty.txt': '', 'empty.md': ''}), ['empty.txt', 'empty.md'])
    expect(status).toBe(0)
    expect(entries).toEqual([{file: 'empty.txt', messages: []}, {file: 'empty.md', messages: []}])
  })

  it('a binary file and invalid UTF-8: one line naming the file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    const cwd = folder({'image.txt': png, 'latin1.txt': Buffer.from('caf\xe9 au lait\n', 'latin1'), 'good.txt': draft})
    const {status, entries, errors} = lintJson(cwd, ['image.txt', 'latin1.txt', 'good.txt'])
    expect(status).toBe(2)
    expect(errors).toEqual(['copydesk: image.txt: binary file, expected UTF-8 text', 'copydesk: latin1.txt: invalid UTF-8 at byte 3 (line 1), expected UTF-8 text'])
    expect(entries.map((entry) => entry.file)).toEqual(['good.txt'])
  })

  it('a BOM and CRLF line endings give the same positions as the LF file', () => {
    const cwd = folder({'lf.txt': draft, 'crlf.txt': draft.replace(/\n/g, '\r\n'), 'bom.txt': '\uFEFF' + draft.replace(/\n/g, '\r\n'), 'bom.md': '\uFEFF' + draft})
    const {status, entries} = lintJson(cwd, ['lf.txt', 'crlf.txt', 'bom.txt', 'bom.md'])
    expect(status).toBe(0)
    const lf = places(entries[0])
    expect(lf).toEqual(['1:18-1:25 repeated-word the the', '2:16-2:17 punctuation-spacing ,'])
    for (const entry of entries.slice(1)) expect(places(entry)).toEqual(lf)
  })

  it('tabs, emoji and combining accents: columns count UTF-16 code units', () => {
    const text = '\tTalks on the the day.\nThe 😀 mayor spoke,then left.\nCafe\u0301 owners said the the same.\n'
    const {entries} = lintJson(folder({'a.txt': text}), ['a.txt'])
    expect(places(entries[0])).toEqual([
      '1:11-1:18 repeated-word the the',
      '2:19-2:20 punctuation-spacing ,', // the emoji is two code units
      '3:19-3:26 repeated-word the the', // the combining accent is one
    ])
  })

  it('a very long line', () => {
    const line = 'The council met on Monday and voted on the budget for the harbor. '.repeat(1500) + 'It ended the the day.\n'
    const {status, entries} = lintJson(folder({'long.txt': line}), ['long.txt'])
    expect(status).toBe(0)
    expect(places(entries[0]).filter((place) => place.includes('repeated-word'))).toEqual([`1:${line.indexOf('the the') + 1}-1:${line.indexOf('the the') + 8} repeated-word the the`])
  })

  it('a 20 MB file: a clear error at once, the run goes on', () => {
    const cwd = folder({'dump.txt': 'The mayor spoke. '.repeat(1_250_000), 'good.txt': draft})
    const started = Date.now()
    const {status, entries, errors} = lintJson(cwd, ['dump.txt', 'good.txt'])
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(status).toBe(2)
    expect(errors).toEqual([expect.stringMatching(/^copydesk: dump\.txt: file too large \(20\.3 MB\), expected a draft of at most 4\.0 MB$/)])
    expect(entries.map((entry) => entry.file)).toEqual(['good.txt'])
  })
})

describe('configuration through the CLI', () => {
  it('an invalid configuration: one line, once, exit 2', () => {
    const cwd = folder({'.copydeskrc.json': '{"rules": {"sentance-case": "error"}}', 'a.txt': draft, 'b.txt': draft})
    const {status, errors, entries} = lintJson(cwd, ['a.txt', 'b.txt'])
    expect(status).toBe(2)
    expect(errors).toEqual([expect.stringMatching(/^copydesk: \.copydeskrc\.json: rules\.sentance-case: Unknown rule `sentance-case`, expected `sentence-case` or one of /)])
    expect(entries).toEqual([])
  })

  it('severities, dictionary and ignore globs (in folders and for files named explicitly)', () => {
    const cwd = folder({
      '.copydeskrc.yaml': 'rules:\n  repeated-word: error\n  punctuation-spacing: "off"\nignore:\n  - archive/**\n',
      'desk/a.txt': draft,
      'archive/old.txt': draft,
    })
    const {status, entries} = lintJson(cwd, ['.', 'archive/old.txt'])
    expect(status).toBe(1)
    expect(entries.map((entry) => entry.file)).toEqual([path.join('desk', 'a.txt')])
    expect(places(entries[0])).toEqual(['1:18-1:25 repeated-word the the'])
  })

  it('--config FILE, and a missing one', () => {
    const cwd = folder({'house.json': '{"rules": {"repeated-word": "off"}}', 'a.txt': draft})
    expect(places(lintJson(cwd, ['--config', 'house.json', 'a.txt']).entries[0])).toEqual(['2:16-2:17 punctuation-spacing ,'])
    const missing = lintJson(cwd, ['--config', 'nope.json', 'a.txt'])
    expect(missing.status).toBe(2)
    expect(missing.errors).toEqual(['copydesk: nope.json: no such configuration file'])
  })

  it('Markdown: messages only on prose, at the right positions', () => {
    const text = '---\ntitle: the the\n---\n\n# Harbor Vote\n\nThe council met on the the day.\n\n```\nthe the\n```\n\nSee `the the` at <https://x.example/a,b>.\n'
    const {entries} = lintJson(folder({'a.md': text}), ['a.md'])
    expect(places(entries[0])).toEqual(['7:20-7:27 repeated-word the the'])
  })
})

/**
 * End to end, through the built CLI as a real process: whatever it is fed, each draft gets
 * correct results or one line on standard error naming it, and the run goes on.
 */
import {execFileSync, spawn} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {cliPath} from '../helpers/cli.js'

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

/** `copydesk lint --format json ARGS` in `cwd` (asynchronous: see `run`). */
async function lintJson(cwd: string, args: readonly string[]) {
  const result = await run(cwd, ['lint', '--format', 'json', ...args])
  return {...result, entries: JSON.parse(result.stdout) as Entry[]}
}

const places = (entry: Entry) => entry.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.rule} ${m.actual}`)
const draft = 'Talks resumed on the the same day.\nThe mayor spoke,then left.\n'

describe('bad input', () => {
  it('a missing path and a folder with no drafts: one line each, the other files still linted, exit 2', async () => {
    const cwd = folder({'good.txt': draft, 'empty-folder/notes.json': '{}'})
    const {status, entries, errors} = await lintJson(cwd, ['missing.txt', 'good.txt', 'empty-folder'])
    expect(status).toBe(2)
    expect(errors).toEqual(['copydesk: missing.txt: no such file or directory', expect.stringMatching(/^copydesk: empty-folder: no drafts found/)])
    expect(entries.map((entry) => entry.file)).toEqual(['good.txt'])
    expect(entries[0].messages.length).toBe(2)
  })

  it('a large draft that needs more memory than one draft may have: one line naming it, the others linted, exit 2', async () => {
    // A plain-text draft of 1 MiB or more is linted alone in a worker with a bounded heap
    // (`COPYDESK_MAX_HEAP_MB`, default 1,536 MB); here a bound no draft of that size fits in
    // (a draft over 1 MiB, allowed by `--max-draft-size`).
    const large = 'The delegations talked for hours in Istanbul on Monday.\n'.repeat(20_000)
    expect(large.length).toBeGreaterThan(1024 * 1024)
    const cwd = folder({'large.txt': large, 'good.txt': draft})
    const result = await run(cwd, ['lint', '--format', 'json', '--max-draft-size', '2MB', 'large.txt', 'good.txt'], {env: {COPYDESK_MAX_HEAP_MB: '24'}})
    expect(result.status).toBe(2)
    expect(result.errors).toEqual(['copydesk: large.txt: out of memory: checking this draft needed more than 24 MB, the limit for one draft (split it into smaller files)'])
    const entries = JSON.parse(result.stdout) as Entry[]
    expect(entries.map((entry) => entry.file)).toEqual(['good.txt'])
    expect(entries[0].messages.length).toBe(2)
  }, 60_000)

  it('an empty file has no messages', async () => {
    const {status, entries} = await lintJson(folder({'empty.txt': '', 'empty.md': ''}), ['empty.txt', 'empty.md'])
    expect(status).toBe(0)
    expect(entries).toEqual([
      {file: 'empty.txt', messages: []},
      {file: 'empty.md', messages: []},
    ])
  })

  it('a binary file and invalid UTF-8: one line naming the file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    const cwd = folder({'image.txt': png, 'latin1.txt': Buffer.from('caf\xe9 au lait\n', 'latin1'), 'good.txt': draft})
    const {status, entries, errors} = await lintJson(cwd, ['image.txt', 'latin1.txt', 'good.txt'])
    expect(status).toBe(2)
    expect(errors).toEqual(['copydesk: image.txt: binary file, expected UTF-8 text', 'copydesk: latin1.txt: invalid UTF-8 at byte 3 (line 1), expected UTF-8 text'])
    expect(entries.map((entry) => entry.file)).toEqual(['good.txt'])
  })

  it('a BOM and CRLF line endings give the same positions as the LF file', async () => {
    const cwd = folder({'lf.txt': draft, 'crlf.txt': draft.replace(/\n/g, '\r\n'), 'bom.txt': '\uFEFF' + draft.replace(/\n/g, '\r\n'), 'bom.md': '\uFEFF' + draft})
    const {status, entries} = await lintJson(cwd, ['lf.txt', 'crlf.txt', 'bom.txt', 'bom.md'])
    expect(status).toBe(0)
    const lf = places(entries[0])
    expect(lf).toEqual(['1:18-1:25 repeated-word the the', '2:16-2:17 punctuation-spacing ,'])
    for (const entry of entries.slice(1)) expect(places(entry)).toEqual(lf)
  })

  it('tabs, emoji and combining accents: columns count UTF-16 code units', async () => {
    const text = '\tTalks on the the day.\nThe 😀 mayor spoke,then left.\nCafe\u0301 owners said the the same.\n'
    const {entries} = await lintJson(folder({'a.txt': text}), ['a.txt'])
    expect(places(entries[0])).toEqual([
      '1:11-1:18 repeated-word the the',
      '2:19-2:20 punctuation-spacing ,', // the emoji is two code units
      '3:19-3:26 repeated-word the the', // the combining accent is one
    ])
  })

  it('a very long line', async () => {
    const line = 'The council met on Monday and voted on the budget for the harbor. '.repeat(1500) + 'It ended the the day.\n'
    const {status, entries} = await lintJson(folder({'long.txt': line}), ['long.txt'])
    expect(status).toBe(0)
    expect(places(entries[0]).filter((place) => place.includes('repeated-word'))).toEqual([
      `1:${line.indexOf('the the') + 1}-1:${line.indexOf('the the') + 8} repeated-word the the`,
    ])
  })

  it('11. 70,000 lines of one letter, plain text and Markdown: linted (the stack overflowed)', async () => {
    // One paragraph of 140,000 nodes: `push(...nodes)` overflowed the stack in both pipelines.
    const letters = Array.from({length: 70_000}, (_, index) => 'abcdefghijklmnopqrstuvwxyz'[index % 26]).join('\n') + '\nIt ended the the day.\n'
    const {status, entries, errors} = await lintJson(folder({'letters.txt': letters, 'letters.md': letters}), ['letters.txt', 'letters.md'])
    expect(errors).toEqual([])
    expect(status).toBe(0)
    for (const entry of entries) expect(places(entry).filter((place) => place.includes('repeated-word'))).toEqual(['70001:10-70001:17 repeated-word the the'])
  }, 120_000)

  it('11. Markdown nested past the cap (list markers, quotes of shrinking depth): linted, positions in the file', async () => {
    // A line's container prefix is read up to column 32 (maxPrefixColumns); past it the rest of the line is text.
    const markers = '- '.repeat(300) + 'It ended the the day.\n'
    // 100 levels down to 1, again and again: every shallower line goes on lazily with the deepest paragraph.
    const quotes = Array.from({length: 600}, (_, index) => '> '.repeat(100 - (index % 100)) + (index === 450 ? 'It ended the the day.' : 'quoted text') + '\n').join('')
    const {status, entries, errors} = await lintJson(folder({'markers.md': markers.repeat(200), 'quotes.md': quotes}), ['markers.md', 'quotes.md'])
    expect(errors).toEqual([])
    expect(status).toBe(0)
    const repeated = (entry: Entry) => places(entry).filter((place) => place.includes('repeated-word'))
    expect(repeated(entries[0])).toHaveLength(200)
    expect(repeated(entries[0])[199]).toBe('200:610-200:617 repeated-word the the')
    const column = 2 * (100 - 50) + 'It ended '.length + 1
    expect(repeated(entries[1])).toEqual([`451:${column}-451:${column + 7} repeated-word the the`])
  }, 120_000)

  it('a 20 MB file: a clear error at once, the run goes on', async () => {
    const cwd = folder({'dump.txt': 'The mayor spoke. '.repeat(1_250_000), 'good.txt': draft})
    const started = Date.now()
    const {status, entries, errors} = await lintJson(cwd, ['dump.txt', 'good.txt'])
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(status).toBe(2)
    // The real size, exactly: not "(4.0 MB), expected … at most 4.0 MB" for a file just over.
    expect(errors).toEqual([
      'copydesk: dump.txt: file too large (21,250,000 bytes), expected a draft of at most 1,048,576 bytes (1 MiB); raise it with `--max-draft-size` or `maxDraftSize` (at most 4 MiB)',
    ])
    expect(entries.map((entry) => entry.file)).toEqual(['good.txt'])
  })

  it('the size limit: 1 MiB by default; the configuration and --max-draft-size raise or lower it, up to 4 MiB', async () => {
    // Lines that differ, every tenth with a slip (a doubled word).
    const lines = (count: number) => Array.from({length: count}, (_, index) => `The council met ${index} times in ${index % 10 ? 'the' : 'the the'} capital.\n`).join('')
    const over = lines(30_000)
    expect(over.length).toBe(1_320_890)
    const small = lines(2_000).slice(0, 64 * 1024) // 64 KiB
    const slips = small.split('the the').length - 1
    expect(slips).toBe(154)
    const cwd = folder({'over.txt': over, 'small.txt': small, 'strict/.copydeskrc.yaml': 'maxDraftSize: 32K\n', 'strict/small.txt': small})
    const hint = '; raise it with `--max-draft-size` or `maxDraftSize` (at most 4 MiB)'
    const byDefault = await lintJson(cwd, ['over.txt', 'small.txt', 'strict/small.txt'])
    expect(byDefault.status).toBe(2)
    expect(byDefault.errors).toEqual([
      `copydesk: over.txt: file too large (1,320,890 bytes), expected a draft of at most 1,048,576 bytes (1 MiB)${hint}`,
      `copydesk: strict/small.txt: file too large (65,536 bytes), expected a draft of at most 32,768 bytes${hint}`,
    ])
    expect(byDefault.entries.map((entry) => [entry.file, entry.messages.length])).toEqual([['small.txt', slips]])
    // The command line is over every configuration, both ways; a draft of exactly the limit is read.
    const exact = await lintJson(cwd, ['--max-draft-size', '64K', 'over.txt', 'small.txt', 'strict/small.txt'])
    expect(exact.errors).toEqual([`copydesk: over.txt: file too large (1,320,890 bytes), expected a draft of at most 65,536 bytes${hint}`])
    expect(exact.entries.map((entry) => [entry.file, entry.messages.length])).toEqual([
      ['small.txt', slips],
      ['strict/small.txt', slips],
    ])
    const lowered = await run(cwd, ['lint', '--max-draft-size', '65535', 'small.txt'])
    expect(lowered.errors).toEqual([`copydesk: small.txt: file too large (65,536 bytes), expected a draft of at most 65,535 bytes${hint}`])
    // What is not a size, or is over 4 MiB: one line, exit 2, nothing linted.
    const expected = 'expected a size from 1 byte to 4 MiB: bytes, or a number with K, KB, KiB, M, MB or MiB (`2MB`; a K is 1,024 bytes)'
    for (const size of ['5MB', '0', '1 GB', '-1', 'big']) {
      const bad = await run(cwd, ['lint', '--max-draft-size', size, 'small.txt'])
      expect([bad.status, bad.stdout, bad.errors]).toEqual([2, '', [`copydesk: Invalid \`--max-draft-size ${size}\`, ${expected}`]])
    }
    for (const [value, shown] of [
      ['4.5MiB', '4.5MiB'],
      ['0', '0'],
      ['true', 'true'],
    ]) {
      const config = folder({'.copydeskrc.yaml': `maxDraftSize: ${value}\n`, 'a.txt': draft})
      const bad = await run(config, ['lint', 'a.txt'])
      expect([bad.status, bad.errors]).toEqual([2, [`copydesk: .copydeskrc.yaml: maxDraftSize: Unexpected \`${shown}\`, ${expected}`]])
    }
  }, 120_000)
})

describe('a reader that closes the pipe', () => {
  it("`copydesk lint | head`: the rest of the report is dropped quietly, the exit status is the run's", async () => {
    // A report far larger than a pipe's buffer (64 KB), so the CLI is still writing when the
    // reader goes away.
    const cwd = folder({'many.txt': Array.from({length: 3_000}, (_, index) => `Line ${index} met the the press.\n`).join('')})
    const result = await new Promise<{status: number | null; stderr: string; received: number}>((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, 'lint', '--format', 'json', 'many.txt'], {cwd, env: {...process.env, NO_COLOR: '1'}})
      let stderr = ''
      let received = 0
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.stdout.once('data', (chunk: Buffer) => {
        received = chunk.length
        child.stdout.destroy()
      })
      child.on('error', reject)
      child.on('close', (status) => resolve({status, stderr, received}))
    })
    expect(result.received).toBeGreaterThan(0)
    expect(result.received).toBeLessThan(500_000)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  }, 60_000)
})

describe('configuration through the CLI', () => {
  it('an invalid configuration: one line, once, exit 2', async () => {
    const cwd = folder({'.copydeskrc.json': '{"rules": {"sentance-case": "error"}}', 'a.txt': draft, 'b.txt': draft})
    const {status, errors, entries} = await lintJson(cwd, ['a.txt', 'b.txt'])
    expect(status).toBe(2)
    expect(errors).toEqual([expect.stringMatching(/^copydesk: \.copydeskrc\.json: rules\.sentance-case: Unknown rule `sentance-case`, expected `sentence-case` or one of /)])
    expect(entries).toEqual([])
  })

  it('severities, dictionary and ignore globs (in folders and for files named explicitly)', async () => {
    const cwd = folder({
      '.copydeskrc.yaml': 'rules:\n  repeated-word: error\n  punctuation-spacing: "off"\nignore:\n  - archive/**\n',
      'desk/a.txt': draft,
      'archive/old.txt': draft,
    })
    const {status, entries} = await lintJson(cwd, ['.', 'archive/old.txt'])
    expect(status).toBe(1)
    expect(entries.map((entry) => entry.file)).toEqual([path.join('desk', 'a.txt')])
    expect(places(entries[0])).toEqual(['1:18-1:25 repeated-word the the'])
  })

  it('--config FILE, and a missing one', async () => {
    const cwd = folder({'house.json': '{"rules": {"repeated-word": "off"}}', 'a.txt': draft})
    expect(places((await lintJson(cwd, ['--config', 'house.json', 'a.txt'])).entries[0])).toEqual(['2:16-2:17 punctuation-spacing ,'])
    const missing = await lintJson(cwd, ['--config', 'nope.json', 'a.txt'])
    expect(missing.status).toBe(2)
    expect(missing.errors).toEqual(['copydesk: nope.json: no such configuration file'])
  })

  it('Markdown: messages only on prose, at the right positions', async () => {
    const text = '---\ntitle: the the\n---\n\n# Harbor Vote\n\nThe council met on the the day.\n\n```\nthe the\n```\n\nSee `the the` at <https://x.example/a,b>.\n'
    const {entries} = await lintJson(folder({'a.md': text}), ['a.md'])
    expect(places(entries[0])).toEqual(['7:20-7:27 repeated-word the the'])
  })
})

/**
 * Issue 17: inputs that hung, crashed or grew without limit, and errors that said too little.
 * Each runs the CLI as a process with a time limit, so a hang fails the test instead of hanging it.
 */
/**
 * The issue's bound is 10 s per input; a whole CLI run (Node's start, the rules' data, the lint)
 * takes 2-4 s on an idle machine. The wall-clock check allows 15 s so that a loaded CI machine
 * does not fail it; what it catches (a crawl of the disk, a read of /dev/zero, a FIFO waited
 * on) never ends, and is killed at 30 s.
 */
const limitMs = 15_000

/**
 * Run the CLI with a time limit (a process still running after 30 s is killed: status null).
 * Asynchronous, so that a slow run never blocks the test worker.
 */
function run(cwd: string, args: readonly string[], options: {input?: string | Buffer; unprivileged?: boolean; env?: Record<string, string>} = {}) {
  const started = Date.now()
  return new Promise<{status: number | null; stdout: string; errors: string[]; ms: number}>((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd,
      env: {...process.env, NO_COLOR: '1', ...options.env},
      ...(options.unprivileged && isRoot ? {uid: nobody!.uid, gid: nobody!.gid} : {}),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.on('error', reject)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve({status, stdout, errors: stderr.split('\n').filter(Boolean), ms: Date.now() - started})
    })
    child.stdin.on('error', () => {}) // the CLI may stop reading (input over the limit)
    child.stdin.end(options.input)
  })
}

const isRoot = process.getuid?.() === 0
/** An unprivileged user to run the permission tests as when the tests run as root. */
const nobody = (() => {
  if (!isRoot) return undefined
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('nobody:'))
  const [, , uid, gid] = line?.split(':') ?? []
  return uid === undefined ? undefined : {uid: Number(uid), gid: Number(gid)}
})()
/** Permissions mean nothing to root: without a `nobody` user these tests cannot run. */
const permissionTest = isRoot && !nobody ? it.skip : it
if (isRoot && !nobody) console.warn('bad-input: permission tests skipped: running as root and there is no `nobody` user')

/** A folder an unprivileged user can enter (mkdtemp makes it 0700). */
function openFolder(files: Record<string, string | Buffer>): string {
  const root = folder(files)
  chmodSync(root, 0o755)
  for (const name of Object.keys(files)) {
    for (let dir = path.dirname(name); dir !== '.'; dir = path.dirname(dir)) chmodSync(path.join(root, dir), 0o755)
  }
  return root
}

const jsonFiles = (stdout: string) => (JSON.parse(stdout) as Entry[]).map((entry) => entry.file)

// Several CLI runs per test, on a machine that may be busy: more than the default 30 s each.
describe('issue 17: configuration files that are not what they seem', {timeout: 120_000}, () => {
  it('5. a `.copydeskrc.json` that is a folder: one line naming it, exit 2, other drafts still checked', async () => {
    const cwd = folder({'a/x.txt': draft, 'b/y.txt': draft})
    mkdirSync(path.join(cwd, 'a', '.copydeskrc.json'))
    const {status, errors, stdout, ms} = await run(cwd, ['lint', '--format', 'json', 'a', 'b'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual(['copydesk: a/.copydeskrc.json: cannot read configuration file: not a regular file (directory)'])
    expect(status).toBe(2)
    expect(jsonFiles(stdout)).toEqual(['b/y.txt'])
  })

  permissionTest('5. an unreadable `.copydeskrc.json`: one line, exit 2, other drafts still checked', async () => {
    const cwd = openFolder({'a/.copydeskrc.json': '{}', 'a/x.txt': draft, 'b/y.txt': draft})
    chmodSync(path.join(cwd, 'a', '.copydeskrc.json'), 0o000)
    const {status, errors, stdout} = await run(cwd, ['lint', '--format', 'json', 'a', 'b'], {unprivileged: true})
    expect(errors).toEqual(['copydesk: a/.copydeskrc.json: cannot read configuration file: permission denied'])
    expect(status).toBe(2)
    expect(jsonFiles(stdout)).toEqual(['b/y.txt'])
  })

  it.each([
    [
      'a YAML block sequence nested 20,000 levels (40 KB)',
      '.copydeskrc.yaml',
      '- '.repeat(20_000) + 'x\n',
      /^copydesk: \.copydeskrc\.yaml:1:\d+: Invalid YAML: nested more than 64 levels deep$/,
    ],
    [
      'a YAML flow sequence nested 20,000 levels',
      '.copydeskrc.yaml',
      '['.repeat(20_000) + ']'.repeat(20_000) + '\n',
      /^copydesk: \.copydeskrc\.yaml:1:65: Invalid YAML: nested more than 64 levels deep$/,
    ],
    [
      'JSON nested 20,000 levels in a rule’s options',
      '.copydeskrc.json',
      `{"rules": {"house-style": ["warning", ${'['.repeat(20_000)}${']'.repeat(20_000)}]}}`,
      /^copydesk: \.copydeskrc\.json:1:\d+: Invalid JSON: nested more than 64 levels deep$/,
    ],
  ])('6. %s: one line, exit 2, at once', async (_name, file, text, message) => {
    const cwd = folder({[file]: text, 'a.txt': draft})
    const {status, errors, ms} = await run(cwd, ['lint', 'a.txt'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual([expect.stringMatching(message)])
    expect(status).toBe(2)
  })

  it('6. a style pack nested 20,000 levels: one line, exit 2', async () => {
    const cwd = folder({'.copydeskrc.json': '{"styles": ["./deep.yaml"]}', 'deep.yaml': 'entries:\n' + '  - '.repeat(1) + '- '.repeat(20_000) + 'x\n', 'a.txt': draft})
    const {status, errors, ms} = await run(cwd, ['lint', 'a.txt'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual([
      expect.stringMatching(/^copydesk: \.copydeskrc\.json: styles\[0\]: Invalid YAML in style pack `.*deep\.yaml` \(line 2, column \d+\): nested more than 64 levels deep$/),
    ])
    expect(status).toBe(2)
  })

  it('9. `"styles": ["/dev/zero"]`, a FIFO as a word list or a configuration: refused at once, one line each', async () => {
    const cwd = folder({
      'a.txt': draft,
      'zero/.copydeskrc.json': '{"styles": ["/dev/zero"]}',
      'zero/z.txt': draft,
      'fifo/.copydeskrc.json': '{"dictionaryFiles": ["words.dic"]}',
      'fifo/f.txt': draft,
      'pack/.copydeskrc.json': '{"styles": ["house.yaml"]}',
      'pack/p.txt': draft,
    })
    execFileSync('mkfifo', [path.join(cwd, 'fifo', 'words.dic'), path.join(cwd, 'pack', 'house.yaml'), path.join(cwd, 'config.json')])
    symlinkSync('/dev/zero', path.join(cwd, 'zero.yaml'))
    const {status, errors, ms} = await run(cwd, ['lint', 'zero', 'fifo', 'pack', 'a.txt'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual([
      'copydesk: zero/.copydeskrc.json: styles[0]: Cannot read style pack `/dev/zero`: not a regular file (character device)',
      'copydesk: fifo/.copydeskrc.json: dictionaryFiles[0]: Cannot read `words.dic`: not a regular file (FIFO); expected a file of words, one per line',
      'copydesk: pack/.copydeskrc.json: styles[0]: Cannot read style pack `house.yaml`: not a regular file (FIFO)',
    ])
    expect(status).toBe(2)
    const fifoConfig = await run(cwd, ['lint', '--config', 'config.json', 'a.txt'])
    expect(fifoConfig.errors).toEqual(['copydesk: config.json: cannot read configuration file: not a regular file (FIFO)'])
    const linkToZero = await run(cwd, ['lint', '--config', 'zero.yaml', 'a.txt'])
    expect(linkToZero.errors).toEqual(['copydesk: zero.yaml: cannot read configuration file: not a regular file (character device)'])
    expect(fifoConfig.ms + linkToZero.ms).toBeLessThan(2 * limitMs)
  })

  it('9. a configuration and standard input over their size limits: the real size, no more read', async () => {
    const config = `{"dictionary": [${'"Kyiv", '.repeat(150_000)}"Kyiv"]}`
    const cwd = folder({'.copydeskrc.json': config, 'a.txt': draft})
    const big = await run(cwd, ['lint', 'a.txt'])
    expect(config.length).toBe(1_200_024)
    expect(big.errors).toEqual([
      'copydesk: .copydeskrc.json: cannot read configuration file: file too large (1,200,024 bytes), expected a configuration file of at most 1,048,576 bytes (1 MiB)',
    ])
    const elsewhere = folder({})
    const stdin = await run(elsewhere, ['lint', '-'], {input: Buffer.alloc(5 * 1024 * 1024, 'a')})
    expect(stdin.errors).toEqual([
      'copydesk: <stdin>: file too large (more than 1,048,576 bytes), expected a draft of at most 1,048,576 bytes (1 MiB); raise it with `--max-draft-size` or `maxDraftSize` (at most 4 MiB)',
    ])
    expect(stdin.status).toBe(2)
    // At the largest limit there is nothing to raise.
    const largest = await run(elsewhere, ['lint', '--max-draft-size', '4MiB', '-'], {input: Buffer.alloc(5 * 1024 * 1024, 'a')})
    expect(largest.errors).toEqual(['copydesk: <stdin>: file too large (more than 4,194,304 bytes), expected a draft of at most 4,194,304 bytes (4 MiB)'])
    expect(largest.status).toBe(2)
  })

  it('17. a style pack with a YAML error: one line, and no line of the file in it', async () => {
    const secret = 'api_token: hunter2-do-not-print'
    const cwd = folder({'.copydeskrc.yaml': 'styles: [./house.yaml]\n', 'house.yaml': `${secret}\nentries:\n  - id: x\n   avoid: [e-mail]\n`, 'a.txt': draft})
    const {status, errors} = await run(cwd, ['lint', 'a.txt'])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^copydesk: \.copydeskrc\.yaml: styles\[0\]: Invalid YAML in style pack `.*house\.yaml` \(line \d+, column \d+\): /)
    expect(errors[0]).not.toContain('hunter2')
    expect(errors[0]).not.toContain('avoid')
    expect(status).toBe(2)
  })

  it('18. an unknown YAML tag: one line, no Node warning; a JSON configuration with a BOM is read', async () => {
    const cwd = folder({
      'tag/.copydeskrc.yaml': 'names: [!person Marco Rubio]\n',
      'tag/a.txt': draft,
      'bom/.copydeskrc.json': '\uFEFF{"rules": {"repeated-word": "error"}}',
      'bom/b.txt': draft,
    })
    const tag = await run(cwd, ['lint', 'tag'])
    expect(tag.errors).toEqual(['copydesk: tag/.copydeskrc.yaml:1:9: Invalid YAML: Unresolved tag: !person'])
    const bom = await run(cwd, ['lint', '--format', 'json', 'bom'])
    expect(bom.errors).toEqual([])
    expect(bom.status).toBe(1) // repeated-word at error severity: the configuration was read
  })

  it('18. a UTF-8 sequence cut short at the end of a file: the byte where it starts', async () => {
    const cwd = folder({'cut.txt': Buffer.from([0x63, 0x61, 0x66, 0xc3]), 'cut2.txt': Buffer.from('Kyiv \xe2\x82', 'latin1')})
    const {errors} = await run(cwd, ['lint', 'cut.txt', 'cut2.txt'])
    expect(errors).toEqual([
      'copydesk: cut.txt: invalid UTF-8 at byte 3 (line 1), expected UTF-8 text',
      'copydesk: cut2.txt: invalid UTF-8 at byte 5 (line 1), expected UTF-8 text',
    ])
  })

  it('18. `--max-warnings -1` means no limit (as in ESLint); -2 is a clear error', async () => {
    const cwd = folder({'a.txt': draft})
    const none = await run(cwd, ['lint', '--max-warnings', '-1', 'a.txt'])
    expect(none.errors).toEqual([])
    expect(none.status).toBe(0)
    const negative = await run(cwd, ['lint', '--max-warnings', '-2', 'a.txt'])
    expect(negative.errors).toEqual(['copydesk: Invalid `--max-warnings -2`, expected a whole number ≥ 0, or -1 for no limit'])
    expect(negative.status).toBe(2)
  })
})

describe('issue 17: folders, links and special files', {timeout: 120_000}, () => {
  it('7. a link to `/` inside a linted folder is not followed (it is outside); the run ends at once', async () => {
    const cwd = folder({'desk/a.txt': draft})
    symlinkSync('/', path.join(cwd, 'desk', 'root'))
    const {status, stdout, errors, ms} = await run(cwd, ['lint', '--format', 'json', 'desk'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual([])
    expect(jsonFiles(stdout)).toEqual(['desk/a.txt'])
    expect(status).toBe(0)
  })

  it('7. loops: a link to an ancestor, a self-loop; a draft reached twice is linted once', async () => {
    const cwd = folder({'desk/a.txt': draft, 'desk/sub/b.md': draft})
    symlinkSync('..', path.join(cwd, 'desk', 'sub', 'up'))
    symlinkSync('.', path.join(cwd, 'desk', 'here'))
    symlinkSync('loop', path.join(cwd, 'desk', 'loop'))
    symlinkSync('self.txt', path.join(cwd, 'desk', 'self.txt'))
    symlinkSync('sub', path.join(cwd, 'desk', 'twin'))
    const {status, stdout, errors, ms} = await run(cwd, ['lint', '--format', 'json', 'desk'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual(['copydesk: desk/self.txt: symbolic link loop'])
    expect(jsonFiles(stdout)).toEqual(['desk/a.txt', 'desk/sub/b.md'])
    expect(status).toBe(2)
  })

  it('7. a link out of the folder is followed with --follow-symlinks, still without loops', async () => {
    const cwd = folder({'desk/a.txt': draft, 'shared/wire.txt': draft})
    symlinkSync('../shared', path.join(cwd, 'desk', 'shared'))
    symlinkSync('../desk', path.join(cwd, 'shared', 'back'))
    expect(jsonFiles((await run(cwd, ['lint', '--format', 'json', 'desk'])).stdout)).toEqual(['desk/a.txt'])
    const followed = await run(cwd, ['lint', '--format', 'json', '--follow-symlinks', 'desk'])
    expect(followed.errors).toEqual([])
    expect(jsonFiles(followed.stdout)).toEqual(['desk/a.txt', 'desk/shared/wire.txt'])
  })

  it('7. a glob does not leave its folder through a link either', async () => {
    const cwd = folder({'desk/a.md': draft})
    symlinkSync('/', path.join(cwd, 'desk', 'root'))
    const {stdout, ms} = await run(cwd, ['lint', '--format', 'json', 'desk/**/*.md'])
    expect(ms).toBeLessThan(limitMs)
    expect(jsonFiles(stdout)).toEqual(['desk/a.md'])
  })

  it('8. absolute and `..` ignore globs are tested against each draft, never walked', async () => {
    const cwd = folder({
      'desk/.copydeskrc.json': JSON.stringify({ignore: ['/**/*.nothing', '../**/*.txt', '**/*.skip.md', '/**/drop.md']}),
      'desk/a.md': draft,
      'desk/b.skip.md': draft,
      'desk/c.txt': draft,
      'desk/drop.md': draft,
    })
    const {stdout, errors, ms} = await run(path.join(cwd, 'desk'), ['lint', '--format', 'json', '.'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual([])
    // `../**/*.txt` matches `../desk/c.txt`; `/**/drop.md` matches the draft's absolute path.
    expect(jsonFiles(stdout)).toEqual(['a.md'])
  })

  permissionTest('15. an unreadable subfolder is reported (one line) and the run exits 2', async () => {
    const cwd = openFolder({'desk/a.txt': draft, 'desk/private/b.txt': draft})
    chmodSync(path.join(cwd, 'desk', 'private'), 0o000)
    const {status, stdout, errors} = await run(cwd, ['lint', '--format', 'json', 'desk'], {unprivileged: true})
    expect(errors).toEqual(['copydesk: desk/private: cannot read folder (permission denied)'])
    expect(jsonFiles(stdout)).toEqual(['desk/a.txt'])
    expect(status).toBe(2)
  })

  it('16. a FIFO, /dev/null, a self-looping link and a dangling one each say what they are', async () => {
    const cwd = folder({'a.txt': draft})
    execFileSync('mkfifo', [path.join(cwd, 'pipe.txt')])
    symlinkSync('loop.txt', path.join(cwd, 'loop.txt'))
    symlinkSync('gone.txt', path.join(cwd, 'dangling.txt'))
    mkdirSync(path.join(cwd, 'desk'))
    execFileSync('mkfifo', [path.join(cwd, 'desk', 'inbox.md')])
    const {status, stdout, errors, ms} = await run(cwd, ['lint', '--format', 'json', 'pipe.txt', '/dev/null', 'loop.txt', 'dangling.txt', 'desk', 'a.txt'])
    expect(ms).toBeLessThan(limitMs)
    expect(errors).toEqual([
      'copydesk: pipe.txt: not a regular file (FIFO)',
      'copydesk: /dev/null: not a regular file (character device)',
      'copydesk: loop.txt: symbolic link loop',
      'copydesk: dangling.txt: no such file or directory (a symbolic link to nothing)',
      'copydesk: desk/inbox.md: not a regular file (FIFO)',
    ])
    expect(jsonFiles(stdout)).toEqual(['a.txt'])
    expect(status).toBe(2)
  })
})

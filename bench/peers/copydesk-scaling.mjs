// Linear cost: doubling a draft at most doubles the time. A draft A of ~BYTES of State of the
// Union prose against A followed by B, as much again of different prose (not A twice, which
// would be one long repeated passage); warm, in one thread, alternated RUNS times, medians.
//   node bench/peers/copydesk-scaling.mjs [BYTES=100000] [RUNS=3]
import {readFileSync} from 'node:fs'
import {lint} from '../../dist/src/index.js'
import {corpus, countWords, sampleFile} from './common.mjs'
import {median} from '../stats.mjs'

const bytes = Number(process.argv[2] ?? 100_000)
const runs = Number(process.argv[3] ?? 3)
const text = corpus(3 * bytes).join('\n\n')
// Cut at the first sentence end after `size` characters from `from`.
const cut = (from, size) => {
  const end = text.slice(from + size).search(/[.!?]["”’]?\s/)
  return text.slice(from, end === -1 ? text.length : from + size + end + 1).trim()
}
const single = cut(0, bytes)
const double = single + '\n\n' + cut(single.length + 1, single.length)
await lint(readFileSync(sampleFile, 'utf8')) // warm up on another text
const times = {single: [], double: []}
for (let run = 0; run < runs; run++) {
  for (const [name, value] of Object.entries({single, double})) {
    const started = performance.now()
    await lint(value)
    times[name].push(performance.now() - started)
  }
}
const result = {
  singleWords: countWords(single),
  doubleWords: countWords(double),
  singleMs: median(times.single),
  doubleMs: median(times.double),
}
result.ratio = result.doubleMs / result.singleMs
result.wordRatio = result.doubleWords / result.singleWords
process.stdout.write(JSON.stringify(result) + '\n')

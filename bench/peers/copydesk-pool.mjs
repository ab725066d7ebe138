// copydesk over its worker pool (`lintAll`, the path `copydesk lint` takes for many drafts):
// the same ~1 MB as the throughput figure, one task per address, two worker threads. The
// time includes starting the workers and loading their dictionaries (nothing is warm in
// them), and the peak RSS is the whole process's, workers included.
//   node bench/peers/copydesk-pool.mjs throughput [THREADS]
import {defaultConfig, lint, lintAll} from '../../dist/src/index.js'
import {corpus, countWords} from './common.mjs'

const [mode, threadsArgument] = process.argv.slice(2)
if (mode !== 'throughput') throw new Error(`Unknown mode ${mode}, expected throughput`)
const threads = Number(threadsArgument ?? 2)
const texts = corpus()
const config = defaultConfig(process.cwd())
// Warm this thread as the single-thread figure does (it settles small runs itself).
await lint(texts[0], {config})
const words = texts.reduce((sum, text) => sum + countWords(text), 0)
const started = performance.now()
const files = await lintAll(texts.map((value) => ({value, config})), {threads})
const seconds = (performance.now() - started) / 1000
const messages = files.reduce((sum, file) => sum + file.messages.length, 0)
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
process.stdout.write(JSON.stringify({threads, words, bytes, seconds, wordsPerSecond: words / seconds, messages, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n')

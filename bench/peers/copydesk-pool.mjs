// copydesk over its worker pool (`lintAll`, the path `copydesk lint` takes for many drafts),
// 1 thread against N, always through the pool's code (minimumBytes 0): the time includes
// starting the workers and loading their modules and data (nothing is warm in them); this
// thread has loaded the modules but linted nothing. The peak RSS is the whole process's.
//   node bench/peers/copydesk-pool.mjs THREADS sotu [BYTES]     ~BYTES (default 1 MB) of State of the Union addresses
//   node bench/peers/copydesk-pool.mjs THREADS prose            the 30 prose drafts
import {readFileSync} from 'node:fs'
import {defaultConfig, lintAll} from '../../dist/src/index.js'
import {corpus, countWords, proseFiles} from './common.mjs'

const [threadsArgument, source = 'sotu', bytesArgument] = process.argv.slice(2)
const threads = Number(threadsArgument)
const tasks =
  source === 'prose' ? proseFiles().map((file) => ({value: readFileSync(file, 'utf8'), path: file})) : corpus(Number(bytesArgument ?? 1_000_000)).map((value) => ({value}))
const config = defaultConfig(process.cwd())
const started = performance.now()
const files = await lintAll(
  tasks.map((task) => ({...task, config})),
  {threads, minimumBytes: 0},
)
const seconds = (performance.now() - started) / 1000
const threadIds = new Set(files.map((file) => file.data.copydeskThread))
const words = tasks.reduce((sum, task) => sum + countWords(task.value), 0)
const bytes = tasks.reduce((sum, task) => sum + Buffer.byteLength(task.value), 0)
const messages = files.reduce((sum, file) => sum + file.messages.length, 0)
process.stdout.write(
  JSON.stringify({threads, threadsUsed: threadIds.size, files: tasks.length, words, bytes, seconds, messages, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n',
)

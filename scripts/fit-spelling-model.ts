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
 * `−ln P(slip)` (add-α smoothed), and the alignment is done again, three rounds in all. From
 * the last alignments come the substring slips of Brill and Moore (2000): each slip widened by
 * its neighbours to at most three letters a side, with `^` and `$` for the word's start and end
 * (`fitRules`); kept when seen in the misspellings of at least four words and cheaper than the
 * same change letter by letter. Then the weight of the word's frequency against the slip costs
 * is chosen by grid search on (a quarter of) the training pairs, through the shipped
 * `suggest()`, so that the figures are those of copydesk's own candidates and ranking.
 * Deterministic: the same corpus gives the same `model.ts`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {createHash} from 'node:crypto'
import {getLookup, type Lookup} from '../rules/lib/dictionary-lookup.js'
import {channelCost, encodeTrigrams, maxRuleLength, type ChannelModel} from '../rules/spelling/channel.js'
import {getWordTrie} from '../rules/spelling/candidates.js'
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

/** One step of an alignment: the intended letters (0 to 2) and what was typed for them. */
type Step = readonly [from: string, to: string]

/**
 * The slips of the cheapest alignment of `typed` with `intended` under `model`, counted into
 * `counts`; the alignment itself, letters typed as meant included, is returned in word order.
 */
function countSlips(model: ChannelModel, typed: string, intended: string, counts: Counts): Step[] {
  const steps: Step[] = []
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
      steps.push([intended[j - 1], typed[i - 1]])
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
      steps.push([intended.slice(j - 2, j), typed.slice(i - 2, i)])
      i -= 2
      j -= 2
    } else if (j > 0 && near(table[i][j], table[i][j - 1] + omit(j - 1))) {
      if (intended[j - 1] === intended[j - 2] || intended[j - 1] === intended[j]) counts.delDouble++
      else add(counts.del, intended[j - 1])
      steps.push([intended[j - 1], ''])
      j--
    } else {
      if (typed[i - 1] === typed[i - 2] || typed[i - 1] === typed[i]) counts.insDouble++
      else add(counts.ins, typed[i - 1])
      steps.push(['', typed[i - 1]])
      i--
    }
  }
  for (let k = 0; k < m; k++) {
    add(counts.letters, intended[k])
    if (k > 0) add(counts.bigrams, intended.slice(k - 1, k + 1))
    if (k > 0 && intended[k] === intended[k - 1]) counts.doubles++
  }
  counts.total += m
  return steps.reverse()
}

/**
 * The substring rules of Brill and Moore (2000): each slip of a training pair's alignment,
 * widened by the neighbouring steps (letters typed as meant, other slips, the word's start `^`
 * and end `$`) up to three intended and three typed symbols, is one observation of `α` typed as
 * `β`; `P(β | α) = count(α→β) / count(α)`, with `count(α)` the occurrences of `α` in the
 * training pairs' words. A rule is kept when it was seen in the misspellings of at least
 * `minimum` different words and is
 * cheaper, by `margin` nats, than the letter-by-letter slips of `letters` that make the same change.
 */
function fitRules(
  letters: ChannelModel,
  alignments: ReadonlyArray<{readonly intended: string; readonly steps: readonly Step[]}>,
  minimum: number,
  margin: number,
): Record<string, number> {
  const seen = new Map<string, number>()
  // The words a rule was seen in: a rule of one word's misspellings does not carry over to others.
  const words = new Map<string, Set<string>>()
  for (const {intended, steps: inner} of alignments) {
    const steps: Step[] = [['^', '^'], ...inner, ['$', '$']]
    const rules = new Set<string>()
    for (let at = 0; at < steps.length; at++) {
      if (steps[at][0] === steps[at][1]) continue
      for (let start = at; start >= 0 && at - start <= maxRuleLength; start--) {
        for (let end = at; end < steps.length && end - start <= maxRuleLength; end++) {
          const window = steps.slice(start, end + 1)
          const from = window.map((step) => step[0]).join('')
          const to = window.map((step) => step[1]).join('')
          if (from.length > maxRuleLength || to.length > maxRuleLength) continue
          if (from.length === 0 || from === to) continue
          rules.add(`${from}>${to}`)
        }
      }
    }
    for (const rule of rules) {
      add(seen, rule)
      let set = words.get(rule)
      if (!set) words.set(rule, (set = new Set()))
      set.add(intended)
    }
  }
  const occurrences = new Map<string, number>()
  for (const {intended} of alignments) {
    const marked = `^${intended}$`
    for (let start = 0; start < marked.length; start++) {
      for (let length = 1; length <= maxRuleLength && start + length <= marked.length; length++) add(occurrences, marked.slice(start, start + length))
    }
  }
  const rules: Record<string, number> = {}
  const unmarked = (text: string) => text.replace(/[$^]/g, '')
  for (const [rule, count] of [...seen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (words.get(rule)!.size < minimum) continue
    const [from, to] = rule.split('>')
    const cost = round(-Math.log(count / (occurrences.get(from) ?? count)))
    if (cost < channelCost(letters, unmarked(to), unmarked(from)) - margin) rules[rule] = cost
  }
  return rules
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

/** How `suggest()` does on `pairs` with `model`. */
interface Evaluation {
  readonly total: number
  readonly first: number
  readonly top5: number
  readonly none: number
  /** The pairs within two edits of their word, and how many of them are right first and in the top five. */
  readonly close: number
  readonly closeFirst: number
  readonly closeTop5: number
}

/** Unit costs: whether a misspelling is within two edits (letters left out, added, changed or swapped) of its word. */
const unit: ChannelModel = {...shippedModel, rules: undefined, sub: {}, del: {}, ins: {}, trans: {}, subDefault: 1, delDouble: 1, insDouble: 1, transDefault: 1, otherCost: 1}

function evaluate(model: ChannelModel, pairs: readonly Pair[], lookup: Lookup): Evaluation {
  let first = 0
  let top5 = 0
  let none = 0
  let close = 0
  let closeFirst = 0
  let closeTop5 = 0
  for (const pair of pairs) {
    const list = suggest(pair.typed, lookup, {model})
    if (list.length === 0) none++
    if (list[0] === pair.intended) first++
    if (list.includes(pair.intended)) top5++
    if (channelCost(unit, pair.typed, pair.intended, 2) <= 2) {
      close++
      if (list[0] === pair.intended) closeFirst++
      if (list.includes(pair.intended)) closeTop5++
    }
  }
  return {total: pairs.length, first, top5, none, close, closeFirst, closeTop5}
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)} %`
}

function describe(result: Evaluation): string {
  return [
    `first suggestion right ${percent(result.first, result.total)}, in the top five ${percent(result.top5, result.total)}, no suggestion ${percent(result.none, result.total)}`,
    `  within two edits of their word (${result.close}): first ${percent(result.closeFirst, result.close)}, top five ${percent(result.closeTop5, result.close)}`,
  ].join('\n')
}

/** Substring rules: seen in the misspellings of at least this many different words. */
const ruleMinimum = 4
/** Substring rules: cheaper by at least this many nats than the same change letter by letter. */
const ruleMargin = 0.3

function main(): void {
  const [corpusPath, ...flags] = process.argv.slice(2)
  if (!corpusPath) {
    console.error('usage: tsx scripts/fit-spelling-model.ts PATH/birkbeck.dat [--write|--evaluate]')
    process.exit(2)
  }
  const lookup = getLookup('dictionary-en-gb')
  const all = readCorpus(corpusPath)
  const usable = all.filter((pair) => /^[a-z]+$/.test(pair.intended) && lookup.suggestable(pair.intended) && /^[a-z]+$/.test(pair.typed) && !lookup.correct(pair.typed))
  const train = usable.filter((pair) => !isTest(pair.intended))
  const test = usable.filter((pair) => isTest(pair.intended))
  console.log(`corpus: ${all.length} misspellings; usable ${usable.length} (train ${train.length}, test ${test.length})`)

  if (flags.includes('--evaluate')) {
    // What copydesk suggests today (rules/spelling/suggest.ts with the shipped model). The
    // corpus README: many misspellings are far from their word (children's spelling tests: `o`
    // for `accordingly`), so the figures are also given for those within two edits of it, the
    // slips of edited copy.
    console.log(`suggest() on the held-out part (${test.length} misspellings of words the fit never saw, en-GB):`)
    console.log(`  ${describe(evaluate(shippedModel, test, lookup))}`)
    return
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
  const fresh = (): Counts => ({
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
  })
  // The single-letter slips: align, count, re-estimate, three rounds.
  for (let round = 0; round < 3; round++) {
    const counts = fresh()
    for (const pair of train) countSlips(model, pair.typed, pair.intended, counts)
    model = modelFrom(counts, model)
  }
  // The substring rules, from the last alignments.
  const alignments = train.map((pair) => ({intended: pair.intended, steps: countSlips(model, pair.typed, pair.intended, fresh())}))
  const rules = fitRules(model, alignments, ruleMinimum, ruleMargin)
  console.log(`substring rules: ${Object.keys(rules).length}`)
  // The letter trigrams of the words of both dictionaries (the compiled trie of suggestions).
  const trigrams = encodeTrigrams(
    (function* () {
      for (const [word] of getWordTrie().words()) yield word
    })(),
  )
  model = {...model, rules, trigrams}

  // The frequency weight: grid search on (a sample of) the training pairs, through suggest().
  const sample = train.filter((_, index) => index % 4 === 0)
  let best = {weight: model.frequencyWeight, first: -1}
  for (const weight of [0.6, 0.8, 1]) {
    const result = evaluate({...model, frequencyWeight: weight}, sample, lookup)
    console.log(`  frequency weight ${weight}: first ${percent(result.first, result.total)}, top 5 ${percent(result.top5, result.total)}`)
    if (result.first > best.first) best = {weight, first: result.first}
  }
  model = {...model, frequencyWeight: best.weight}

  const onTest = evaluate(model, test, lookup)
  console.log(`held out (${test.length} misspellings of words the fit never saw): ${describe(onTest)}`)
  const before = evaluate(shippedModel, test, lookup)
  console.log(`the shipped model on the same part: ${describe(before)}`)

  if (flags.includes('--write')) {
    const text = `/**\n * The spelling model's fitted slip costs: generated by \`scripts/fit-spelling-model.ts\` (do not edit).\n * ${model.source}.\n * Held out: first suggestion right for ${percent(onTest.first, onTest.total)}, top five for ${percent(onTest.top5, onTest.total)} of ${onTest.total} misspellings\n * (within two edits of their word: ${percent(onTest.closeFirst, onTest.close)} and ${percent(onTest.closeTop5, onTest.close)} of ${onTest.close}).\n */\nimport type {ChannelModel} from './channel.js'\n\n/** The fitted model. */\nexport const model: ChannelModel = ${JSON.stringify(model)}\n`
    writeFileSync(new URL('../rules/spelling/model.ts', import.meta.url), text)
    console.log('wrote rules/spelling/model.ts')
  }
}

main()

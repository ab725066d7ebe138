/**
 * What the rules know about names: shared by `spelling`, `proper-noun-case` and `name-spelling`.
 *
 * `spelling` asks {@link isLikelyName} about every capitalized word it does not know, so the
 * answer comes from the document's own names (`proper-nouns.ts`, cached per tree), the
 * gazetteers (`gazetteer.ts`) and the dictionary, and is cached per tree and word.
 */
import {LRUCache} from 'lru-cache'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {RuleContext} from '../../src/rule.js'
import type {Lookup} from './dictionary-lookup.js'
import {editDistance, fold, getDictionary, getPeople, getProperNouns, nameParticles, personTitles, type NounKind} from './gazetteer.js'
import {getNameIndex, type NameIndex} from './proper-nouns.js'

/**
 * How common (SUBTLEX-US count) a word one slip away must be for a capitalized word of this
 * length to be its typo: long names are rarely one letter from an English word (`Goverment`,
 * `Parliment`), short ones often are (`Modi`/`mode`, `Biden`/`bidet`).
 */
function commonCount(length: number): number {
  return length >= 7 ? 1 : length >= 5 ? 50 : 500
}
/** Gazetteer kinds whose near misses are misspellings, not names (`Tusday`, `Febuary`). */
const wordLikeKinds: ReadonlySet<NounKind> = new Set(['day', 'month', 'demonym', 'language', 'country'])
const letters = 'abcdefghijklmnopqrstuvwxyz'

/** Answers per run settings (one per processor) and tree. */
const cache = new WeakMap<RuleContext, WeakMap<Root, Map<string, boolean>>>()

/**
 * Whether the capitalized `word` (as written in the draft) should be taken as a name and so
 * never reported by `spelling`: a known name, a word the document uses consistently as a
 * name, or a word that appears once and is near no known name.
 */
export function isLikelyName(word: string, tree: Root, file: VFile, context: RuleContext): boolean {
  let byTree = cache.get(context)
  if (!byTree) cache.set(context, (byTree = new WeakMap()))
  let answers = byTree.get(tree)
  if (!answers) byTree.set(tree, (answers = new Map<string, boolean>()))
  let answer = answers.get(word)
  if (answer === undefined) answers.set(word, (answer = decide(word, getNameIndex(tree, file), context)))
  return answer
}

/** What decides about a word apart from the draft (known names, near misses of words), by run settings and word. */
interface WordVerdicts {
  readonly stem: string
  readonly isKnown: boolean
  readonly isKnownPlural: boolean
  readonly isShort: boolean
  /** The verdicts about the spellings one edit away, worked out when first asked. */
  readonly near: () => NearVerdicts
}

/**
 * What the spellings one edit from a word say (hundreds of look-ups): only a word that is no
 * known name and is not used twice with a capital needs them, so they are not worked out for
 * the others (most capitalized words of a draft dense with names).
 */
interface NearVerdicts {
  readonly isNearDayOrMonth: boolean
  readonly isNearWordLikeNoun: boolean
  readonly isNearCommonWord: boolean
}

const verdictCache = new WeakMap<RuleContext, LRUCache<string, WordVerdicts>>()

function verdictsOf(word: string, context: RuleContext): WordVerdicts {
  let byWord = verdictCache.get(context)
  if (!byWord) verdictCache.set(context, (byWord = new LRUCache({max: 20_000})))
  let verdicts = byWord.get(word)
  if (!verdicts) byWord.set(word, (verdicts = wordVerdicts(word, context)))
  return verdicts
}

function wordVerdicts(word: string, context: RuleContext): WordVerdicts {
  const stem = word.replace(/['’]s$/u, '')
  const lower = stem.toLowerCase()
  const people = getPeople(context.names)
  const nouns = getProperNouns()
  let near: NearVerdicts | undefined
  return {
    stem,
    isKnown: people.nameWords.has(fold(stem)) || nouns.has(lower) || context.dictionary.includes(stem),
    isKnownPlural: /s$/u.test(stem) && people.nameWords.has(fold(stem.slice(0, -1))),
    isShort: lower.length < 7,
    near: () => (near ??= nearVerdicts(lower, context)),
  }
}

function nearVerdicts(lower: string, context: RuleContext): NearVerdicts {
  const nouns = getProperNouns()
  const dictionary = getDictionary(context.language)
  const near = neighbours(lower)
  const kinds = [...near].map((key) => nouns.get(key)?.kind)
  return {
    isNearDayOrMonth: kinds.some((kind) => kind === 'day' || kind === 'month'),
    // Short names are often a letter from a country (`Bevin`/`Benin`): only long ones count.
    isNearWordLikeNoun: kinds.some((kind) => kind !== undefined && wordLikeKinds.has(kind) && lower.length >= 6),
    isNearCommonWord: [...near].some((key) => dictionary.has(key) && dictionary.frequency(key) >= commonCount(lower.length)),
  }
}

function decide(word: string, index: NameIndex, context: RuleContext): boolean {
  if (!/^\p{Lu}/u.test(word)) return false
  const verdicts = verdictsOf(word, context)
  const stem = verdicts.stem
  // A known name: a person's name word, a place, a nationality, a language.
  if (verdicts.isKnown) return true

  const uses = index.allCapitalized.get(stem) ?? 0
  // Used consistently as a name: written the same way with a capital twice or more.
  if (uses >= 2) return true

  // `Tusday`, `Febuary`: one slip from a day or a month.
  if (verdicts.near().isNearDayOrMonth) return false
  // `Justice Sam Alito`, `Leonard Abess`, `Hermis Moutardier`: a word beside a given name or
  // an unknown capitalized word in one name is a name, even one letter from a word.
  const people = getPeople(context.names)
  const dictionary = getDictionary(context.language)
  if (isInPersonName(stem, index, people.nameParts, dictionary)) return true
  // `G.I. Joes`, `the Kennedys`: the plural of a known name.
  if (verdicts.isKnownPlural) return true
  // `Tusday`, `Febuary`, `Britian`: one slip from a day, month, country or nationality.
  if (verdicts.near().isNearWordLikeNoun) return false
  // `Gavi, the Vaccine Alliance`, `Pompe disease`, `the Wye agreement`: a capital mid-sentence
  // is a name far more often than a slip, unless it is near a long common word (`the Goverment`).
  if (index.capitalized.has(stem) && verdicts.isShort) return true
  // `Goverment`, `Parliment`: one slip from a common word.
  if (verdicts.near().isNearCommonWord) return false
  // Once, and near no known word or name: an unknown name (`Oleksandr`, `Tsikhanouskaya`).
  return true
}

/** Whether a capitalized `word` of the draft stands in a run of names beside a name word. */
function isInPersonName(word: string, index: NameIndex, nameParts: ReadonlySet<string>, dictionary: Lookup): boolean {
  for (const other of index.neighbours.get(word) ?? []) {
    const gap = other.gap
    // `Indo-Pacific`, `Austro-Hungarian`: a capitalized compound.
    if (gap === '-' && other.isCapitalized) return true
    if (!/^[ \u00a0]$|^\.[ \u00a0]$/u.test(gap)) continue
    // `Usama bin Ladin`, `Senators Frist`, `Governor Matt Bevin`.
    if (other.step === -1 && (nameParticles.has(other.text) || (other.isCapitalized && personTitles.has(other.text.toLowerCase())))) return true
    if (!other.isCapitalized) continue
    const lower = other.text.toLowerCase()
    // “On Tusday the…”: a sentence's first word is capitalized for the sentence, not as a name.
    if (!other.isMeaningful && dictionary.has(lower)) continue
    if (nameParts.has(fold(other.text)) || (!dictionary.has(lower) && !dictionary.has(other.text))) return true
  }
  return false
}

/** Every spelling one edit (delete, transpose, replace, insert of a–z) from `word`. */
function neighbours(word: string): Set<string> {
  const result = new Set<string>()
  for (let index = 0; index <= word.length; index++) {
    const head = word.slice(0, index)
    const tail = word.slice(index)
    if (tail) result.add(head + tail.slice(1))
    if (tail.length > 1) result.add(head + tail[1] + tail[0] + tail.slice(2))
    for (const letter of letters) {
      if (tail) result.add(head + letter + tail.slice(1))
      result.add(head + letter + tail)
    }
  }
  result.delete(word)
  return result
}

/** Whether two spellings are one edit apart (exported for the name rules' tests). */
export function isOneEditApart(a: string, b: string): boolean {
  return editDistance(fold(a), fold(b), 1) === 1
}

/**
 * A key that two transliterations of one name share: `Zelensky`, `Zelenskiy`, `Zelenskyy` →
 * `zelenski`; `Lavrov`, `Lavroff` → `lavrov`; `Rublev`, `Rublyov` → `rublev`; `Dmitri`,
 * `Dmitry` → `dmitri`; `Mohammed`, `Muhammad`, `Mohamed` → `muhammad`; `Olexandr`,
 * `Oleksandr` → `olexandr`. Not a slip key: doubled letters stay (`Philips` is not `Phillips`).
 */
export function transliterationKey(word: string): string {
  let key = fold(word)
  if (/^m[ou]ha?mm?[ae]d$/.test(key)) return 'muhammad'
  key = key.replace(/ks/g, 'x').replace(/kh/g, 'h').replace(/w/g, 'v')
  key = key.replace(/(?<=.)[yj]o/g, 'e').replace(/(?<=.)[yj]/g, 'i')
  key = key.replace(/i+/g, 'i').replace(/off$/, 'ov').replace(/eff$/, 'ev')
  return key
}

/** Whether two spellings are transliterations of one name (`Zelensky`/`Zelenskiy`), not the same spelling. */
export function isTransliteration(a: string, b: string): boolean {
  return a !== b && transliterationKey(a) === transliterationKey(b)
}

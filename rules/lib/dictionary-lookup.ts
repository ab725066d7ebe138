/**
 * The English word lookup with the verdicts of `nspell` (the checker inside `retext-spell`),
 * compiled at build time.
 *
 * `npm run build:data` expands the Hunspell files of `dictionary-en` and `dictionary-en-gb`
 * (`scripts/data/hunspell.ts`), adds SUBTLEX-US frequencies, and writes one table,
 * `rules/lib/data/dictionaries.bin` (`word-table.ts`): every form once, with a bit per
 * dictionary; and the larger `word-list` as `word-list.bin`. At run time a file is read
 * once (a few milliseconds) and a lookup is a hash probe; nothing is built, expanded or
 * written.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Memo} from './memo.js'
import {getDataFolder} from './data-folder.js'
import {WordTable} from './word-table.js'

/** The dictionary packages copydesk was compiled from, per language. */
export const dictionaryPackages = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'} as const

/** The files `npm run build:data` writes under `rules/lib/data/`. */
export const dictionaryFile = 'dictionaries.bin'
export const wordListFile = 'word-list.bin'

/** What the compiler records per dictionary. */
export interface DictionaryHeader {
  readonly package: string
  readonly version: string
  /** Flag bit of the words of this dictionary. */
  readonly bit: number
  /** Flag bit of its `NOSUGGEST` words (slurs and vulgarities). */
  readonly noSuggestBit: number
  /** nspell's compound expressions (ordinals such as `21st`), case-insensitive. */
  readonly compoundRules: readonly string[]
  readonly compoundMin: number
  /** The `REP` table of the affix file (`_` as a space): common misspellings. */
  readonly replacements: ReadonlyArray<readonly [string, string]>
  /** `ICONV` of the affix file, applied to input before lookup. */
  readonly conversions: ReadonlyArray<readonly [string, string]>
}

/** The header of `dictionaries.bin`. */
export interface DictionaryTableHeader {
  readonly format: 1
  readonly dictionaries: readonly DictionaryHeader[]
  /** The frequency list the counts come from. */
  readonly frequencies: string
}

/** The header of `word-list.bin`. */
export interface WordListHeader {
  readonly format: 1
  readonly source: string
  /** The words are those of the source that neither dictionary has. */
  readonly without: 'dictionaries'
}

/** A word lookup that answers like `nspell#correct`. */
export interface Lookup {
  /** Whether nspell would accept `word` (with its case fallbacks). */
  correct(word: string): boolean
  /** Whether `word` is a stored form, exactly as written. */
  has(word: string): boolean
  /** Whether `word` may be suggested (stored and not `NOSUGGEST`). */
  suggestable(word: string): boolean
  /** How common a stored form is (SUBTLEX-US count of its lowercase form; 0 when unknown). */
  frequency(word: string): number
  /** The dictionary package this lookup answers for (`dictionary-en`). */
  readonly package: string
  /** The `REP` table of the dictionary. */
  readonly replacements: ReadonlyArray<readonly [string, string]>
  /** A lookup that also accepts `words` (as nspell's `add`: `word` also accepts `Word`, `WORD`). */
  extend(words: readonly string[]): Lookup
}

let table: WordTable | undefined
let wordList: WordTable | undefined

/** The compiled dictionaries (read on first use). */
export function getDictionaryTable(): WordTable {
  return (table ??= new WordTable(readFileSync(path.join(getDataFolder(), dictionaryFile))))
}

/** Use `bytes` as the dictionaries (the build script, before the file is written). */
export function useDictionaryTable(bytes: Uint8Array): void {
  table = new WordTable(bytes)
  lookups.clear()
}

const lookups = new Map<string, Lookup>()

/** The lookup for a dictionary package (`dictionary-en`, `dictionary-en-gb`), one per process. */
export function getLookup(packageName: string): Lookup {
  let lookup = lookups.get(packageName)
  if (!lookup) {
    const words = getDictionaryTable()
    const header = (words.header as DictionaryTableHeader).dictionaries.find((dictionary) => dictionary.package === packageName)
    if (!header)
      throw new Error(
        `Cannot find the dictionary \`${packageName}\`, expected one of ${Object.values(dictionaryPackages)
          .map((name) => `\`${name}\``)
          .join(', ')}`,
      )
    lookups.set(packageName, (lookup = createLookup(header, words)))
  }
  return lookup
}

/**
 * Whether `word` is one of the words of `word-list` (about 275,000 SCOWL-based words) that
 * neither dictionary has, exactly as written: real words Hunspell lacks (`multilateralism`,
 * `artemisinin`). Ask it only about a word both dictionaries lack.
 */
export function isInWordList(word: string): boolean {
  wordList ??= new WordTable(readFileSync(path.join(getDataFolder(), wordListFile)))
  return wordList.find(word) !== -1
}

/** Verdicts remembered per lookup: copy repeats its words, and a language server runs for hours. */
const verdictLimit = 50_000

function createLookup(header: DictionaryHeader, words: WordTable, extra?: ReadonlySet<string>): Lookup {
  const compoundRules = header.compoundRules.map((source) => new RegExp(source, 'i'))
  const conversions = header.conversions.map(([source, to]) => [new RegExp(source, 'g'), to] as const)
  const {bit, noSuggestBit} = header
  const stored = (word: string): boolean => {
    const at = words.find(word)
    return at !== -1 && (words.flags(at) & bit) !== 0
  }
  const has = (word: string): boolean => stored(word) || (extra?.has(word) ?? false)
  const exact = (value: string): boolean => {
    if (has(value)) return true
    if (value.length >= header.compoundMin) {
      for (const rule of compoundRules) if (rule.test(value)) return true
    }
    return false
  }
  // The same steps as nspell's `form`: as written, then Sentence case for an all-caps
  // word, then lowercase (these dictionaries have no KEEPCASE or FORBIDDENWORD flags).
  const decide = (word: string): boolean => {
    let normal = word.trim()
    if (!normal) return false
    for (const [pattern, to] of conversions) normal = normal.replace(pattern, to)
    if (exact(normal)) return true
    if (normal.toUpperCase() === normal) {
      const sentence = normal.charAt(0) + normal.slice(1).toLowerCase()
      if (exact(sentence)) return true
    }
    const lower = normal.toLowerCase()
    return lower !== normal && exact(lower)
  }
  const verdicts = new Memo<string, boolean>(verdictLimit)
  const lookup: Lookup = {
    correct(word) {
      let verdict = verdicts.get(word)
      if (verdict === undefined) verdicts.set(word, (verdict = decide(word)))
      return verdict
    },
    has,
    suggestable(word) {
      const at = words.find(word)
      if (at !== -1 && (words.flags(at) & bit) !== 0) return (words.flags(at) & noSuggestBit) === 0
      return extra?.has(word) ?? false
    },
    frequency(word) {
      const at = words.find(word)
      return at !== -1 && (words.flags(at) & bit) !== 0 ? words.count(at) : 0
    },
    package: header.package,
    replacements: header.replacements,
    extend(more) {
      if (more.length === 0) return lookup
      const added = new Set(extra)
      for (const word of more) added.add(word.trim().replace(/’/g, "'"))
      return createLookup(header, words, added)
    },
  }
  return lookup
}

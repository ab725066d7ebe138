/**
 * Gazetteers: the compiled name lists of `rules/lib/data/` (see `SOURCES.md` there, built by
 * `npm run build:data`), days and months, and the questions the name rules ask of them.
 *
 * Each list is read from disk the first time a rule needs it, then kept for the process.
 */
import {readFileSync} from 'node:fs'
import {LRUCache} from 'lru-cache'
import {Memo} from './memo.js'
import path from 'node:path'
import {getDataFolder} from './data-folder.js'
import {dictionaryPackages, getLookup, type Lookup} from './dictionary-lookup.js'
import {nameParticles as particleList} from './name-particles.js'
import {CompiledPeople, nameWords, NameSet, PeopleMap, peopleBits, type Person} from './people-index.js'

export {getDataFolder} from './data-folder.js'

/** The compiled lists. */
export type ListName = 'countries' | 'demonyms' | 'languages' | 'cities' | 'name-parts' | 'people' | 'regions' | 'organizations'

/** What kind of proper noun a gazetteer entry is. */
export type NounKind = 'day' | 'month' | 'demonym' | 'language' | 'country' | 'region' | 'city'

/** Days of the week. */
export const days: readonly string[] = ['Friday', 'Monday', 'Saturday', 'Sunday', 'Thursday', 'Tuesday', 'Wednesday']

/** Months of the year. */
export const months: readonly string[] = ['April', 'August', 'December', 'February', 'January', 'July', 'June', 'March', 'May', 'November', 'October', 'September']

/** Lowercase parts of names (`de Gaulle`, `van Gogh`, `von der Leyen`, `bin Salman`), as a set. */
export const nameParticles: ReadonlySet<string> = new Set(particleList)

/** Titles that stand before a person's surname (`President putin`, `Senators Frist and Breaux`). */
export const personTitles: ReadonlySet<string> = new Set([
  'ambassador',
  'cardinal',
  'chancellor',
  'congressman',
  'congresswoman',
  'dr',
  'justice',
  'general',
  'governor',
  'judge',
  'king',
  'mayor',
  'minister',
  'mr',
  'mrs',
  'ms',
  'officer',
  'pope',
  'premier',
  'president',
  'prince',
  'princess',
  'queen',
  'rep',
  'secretary',
  'sen',
  'senator',
  'senators',
  'sergeant',
  'speaker',
  'sheikh',
  'spokesman',
  'spokeswoman',
])

const lists = new Map<ListName, readonly string[]>()

/** A compiled list, sorted, as written (read on first use). */
export function getList(name: ListName): readonly string[] {
  let list = lists.get(name)
  if (!list) {
    const text = readFileSync(path.join(getDataFolder(), `${name}.txt`), 'utf8')
    lists.set(name, (list = text.split('\n').filter(Boolean)))
  }
  return list
}

/**
 * Lowercase without accents, apostrophes and hyphens, for comparing spellings: `Erdoğan` →
 * `erdogan`, `Shi'a` → `shia` (a variant of a name, not a misspelling).
 */
export function fold(word: string): string {
  let folded = folds.get(word)
  if (folded === undefined) {
    // Plain lowercase ASCII letters fold to themselves.
    // Plain ASCII names (`Smith`, `O'Neill`) need no Unicode normalization.
    folded = /^[a-z]*$/.test(word) ? word : /^[A-Za-z'’‘-]*$/.test(word) ? word.replace(/['’‘-]/g, '').toLowerCase() : foldNow(word)
    folds.set(word, folded)
  }
  return folded
}

/** Folded spellings already computed (names repeat: a draft, a list, a draft again), bounded. */
const folds = new Memo<string, string>(200_000)

function foldNow(word: string): string {
  return word
    .normalize('NFD')
    .replace(/['’‘-]/gu, '')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .toLowerCase()
}

/** A gazetteer entry found by its lowercase form. */
export interface ProperNoun {
  /** As the list writes it (`Istanbul`, `São Paulo`). */
  readonly form: string
  readonly kind: NounKind
}

let nouns: Map<string, ProperNoun> | undefined

/**
 * Days, months, demonyms, languages, countries, regions (US states, world regions, historical
 * states) and cities by lowercase form (`new york`).
 * Where two lists share a form, the earlier kind wins (a month before a city: `May`).
 */
export function getProperNouns(): ReadonlyMap<string, ProperNoun> {
  if (nouns) return nouns
  nouns = new Map()
  const add = (forms: readonly string[], kind: NounKind) => {
    for (const form of forms) {
      const key = form.toLowerCase()
      // `Georgia`: one form per key; also skip entries that are not capitalized at all.
      if (!nouns!.has(key) && /^\p{Lu}/u.test(form)) nouns!.set(key, {form, kind})
    }
  }
  add(days, 'day')
  add(months, 'month')
  add(getList('demonyms'), 'demonym')
  add(getList('languages'), 'language')
  add(getList('countries'), 'country')
  add(getList('regions'), 'region')
  add(getList('cities'), 'city')
  return nouns
}

export type {Person} from './people-index.js'

/** What is known about people: by surname, by folded full name, and every name word. */
export interface PeopleIndex {
  /** Folded surname → people with it. */
  readonly bySurname: ReadonlyMap<string, readonly Person[]>
  /** Folded given name → people with it. */
  readonly byGiven: ReadonlyMap<string, readonly Person[]>
  /** Folded full names. */
  readonly fullNames: ReadonlySet<string>
  /** Folded words of known names (given names, surnames, name parts). */
  readonly nameWords: ReadonlySet<string>
  /** Folded common given names and surnames (`name-parts`, without the notable people's). */
  readonly nameParts: ReadonlySet<string>
}

/** The file `npm run build:data` compiles the people index into. */
export const peopleIndexFile = 'people-index.bin'

let compiledPeople: CompiledPeople | undefined
let peopleLines: Person[] = []

/** The compiled index of `people.txt` and `name-parts.txt` (read on first use). */
function getCompiledPeople(): CompiledPeople {
  return (compiledPeople ??= new CompiledPeople(readFileSync(path.join(getDataFolder(), peopleIndexFile))))
}

/** The person on line `line` of `people.txt`, read when first asked for. */
function personAt(line: number): Person {
  let person = peopleLines[line]
  if (!person) {
    if (peopleLines.length === 0) peopleLines = new Array<Person>(getList('people').length)
    const name = getList('people')[line]
    person = peopleLines[line] = {name, words: nameWords(name)}
  }
  return person
}

/** Indexes per house list (a configuration's `names`), bounded. */
const peopleIndexes = new LRUCache<string, PeopleIndex>({max: 8})

/**
 * The index of notable people and name parts, with the house list `names` added: the
 * compiled index (`people-index.bin`) and, for the house names only, small maps built here.
 */
export function getPeople(houseNames: readonly string[] = []): PeopleIndex {
  const key = houseNames.join('\n')
  let index = peopleIndexes.get(key)
  if (index) return index
  const compiled = getCompiledPeople()
  const bySurname = new Map<string, Person[]>()
  const byGiven = new Map<string, Person[]>()
  const fullNames = new Set<string>()
  const words = new Set<string>()
  for (const name of houseNames) {
    const parts = nameWords(name)
    const person: Person = {name, words: parts}
    fullNames.add(fold(name))
    for (const word of parts) if (!nameParticles.has(word)) words.add(fold(word))
    if (parts.length < 2) continue
    push(bySurname, fold(parts.at(-1)!), person)
    push(byGiven, fold(parts[0]), person)
  }
  index = {
    bySurname: new PeopleMap(compiled, peopleBits.surname, personAt, bySurname),
    byGiven: new PeopleMap(compiled, peopleBits.given, personAt, byGiven),
    fullNames: new NameSet(compiled, peopleBits.fullName, fullNames),
    nameWords: new NameSet(compiled, peopleBits.nameWord, words),
    nameParts: new NameSet(compiled, peopleBits.namePart, new Set()),
  }
  peopleIndexes.set(key, index)
  return index
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The dictionary of the run's language (`dictionary-en`), shared with `spelling`. */
export function getDictionary(language: 'en-US' | 'en-GB' = 'en-US'): Lookup {
  return getLookup(dictionaryPackages[language] ?? dictionaryPackages['en-US'])
}

/**
 * Whether `word` (lowercase) is an ordinary lowercase word of the dictionary (`turkey`,
 * `may`, `reading`), so that writing it in lowercase may be right.
 */
export function isCommonWord(word: string, dictionary: Lookup): boolean {
  let answers = commonWords.get(dictionary)
  if (!answers) commonWords.set(dictionary, (answers = new Memo(100_000)))
  let answer = answers.get(word)
  if (answer === undefined) {
    const plain = word.replace(/’/g, "'")
    // `harbor` is an English word in a British draft too: any English dictionary counts.
    answer = [dictionary, ...Object.values(dictionaryPackages).map((name) => getLookup(name))].some((lookup) => lookup.has(word) || lookup.has(plain))
    answers.set(word, answer)
  }
  return answer
}

/** Answers per dictionary (a run's lookup with its house words), bounded. */
const commonWords = new WeakMap<Lookup, Memo<string, boolean>>()

/**
 * A rough sound key for comparing names: folded, with `c` before a back vowel and `ck` as
 * `k`, `ph` as `f` (`Marco`/`Mako`, `Mbappé`/`Mbape`).
 */
export function soundKey(word: string): string {
  return fold(word)
    .replace(/ck/g, 'k')
    .replace(/c(?=[aou])/g, 'k')
    .replace(/ph/g, 'f')
}

/** Edits between two names, as spelled or as they sound, whichever is fewer. */
export function nameDistance(a: string, b: string, max = 3): number {
  return Math.min(editDistance(fold(a), fold(b), max), editDistance(soundKey(a), soundKey(b), max))
}

/** Optimal string alignment distance (an adjacent transposition counts as one edit). */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) {
    rows.push([i])
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j)
        continue
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1)
      rows[i].push(value)
    }
  }
  return rows[a.length][b.length]
}

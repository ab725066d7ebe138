/**
 * The compiled data of `rules/lib/data/`: up to date with its sources, answering as nspell
 * does, and the suggestion search finding exactly the words the full scan found.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {getDataFolder} from '../../rules/lib/data-folder.js'
import {dictionaryFile, getDictionaryTable, getLookup, isInWordList, wordListFile, type DictionaryTableHeader} from '../../rules/lib/dictionary-lookup.js'
import {encodeWordTable, WordTable} from '../../rules/lib/word-table.js'
import {candidatesWithin, getWordTrie, trieFile} from '../../rules/spelling/candidates.js'
import {distance, editBounds, suggest} from '../../rules/spelling/suggest.js'
import {inputChecksums, sha256, wordTableInputs, type Checksum} from '../../scripts/data/words.js'
import {compilePeopleIndex} from '../../scripts/data/people.js'
import {fold, getList, getPeople, nameParticles, peopleIndexFile, type Person} from '../../rules/lib/gazetteer.js'

const folder = getDataFolder()

describe('compiled data', () => {
  it('is up to date with its inputs (else run `npm run build:data`)', () => {
    const recorded = JSON.parse(readFileSync(path.join(folder, 'checksums.json'), 'utf8')) as Record<string, Checksum>
    const inputs = wordTableInputs()
    for (const file of [dictionaryFile, wordListFile, trieFile]) {
      expect(recorded[file], file).toBeDefined()
      expect(inputChecksums(inputs[file]), `inputs of ${file}`).toEqual(recorded[file].inputs)
      expect(sha256(readFileSync(path.join(folder, file))), `${file} itself`).toBe(recorded[file].output)
    }
  })

  it('stays within its size budget', () => {
    const sizes = readdirSync(folder)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => statSync(path.join(folder, name)).size)
    expect(sizes).toHaveLength(4)
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(9_000_000)
  })

  it('records the source and licence of every file in SOURCES.md', () => {
    const sources = readFileSync(path.join(folder, 'SOURCES.md'), 'utf8')
    for (const file of readdirSync(folder).filter((name) => name !== 'SOURCES.md' && name !== 'checksums.json')) expect(sources, file).toContain(`\`${file}\``)
  })

  it('stores only forms nspell accepts, in both dictionaries', () => {
    const require = createRequire(import.meta.url)
    const nspell = require('nspell') as (dictionary: {aff: Buffer; dic: Buffer}) => {correct(word: string): boolean}
    const table = getDictionaryTable()
    const header = table.header as DictionaryTableHeader
    for (const dictionary of header.dictionaries) {
      const modules = path.join('node_modules', dictionary.package)
      const checker = nspell({aff: readFileSync(path.join(modules, 'index.aff')), dic: readFileSync(path.join(modules, 'index.dic'))})
      let count = 0
      const rejected: string[] = []
      for (const {word, flags} of table.entries()) {
        if (!(flags & dictionary.bit)) continue
        count++
        if (!checker.correct(word)) rejected.push(word)
      }
      expect(rejected).toEqual([])
      expect(count).toBeGreaterThan(120_000)
    }
  })

  it('answers lookups by hash, for words in any script', () => {
    const lookup = getLookup('dictionary-en')
    expect(lookup.has('government')).toBe(true)
    expect(lookup.has('goverment')).toBe(false)
    expect(lookup.has('colour')).toBe(false)
    expect(getLookup('dictionary-en-gb').has('colour')).toBe(true)
    // The dictionaries are ASCII; other scripts are compared in UTF-8 too (see the round trip).
    expect(lookup.has('naïve')).toBe(false)
    expect(lookup.has('😀')).toBe(false)
    expect(lookup.has('\ud800')).toBe(false)
    expect(lookup.frequency('the')).toBeGreaterThan(1_000_000)
    expect(lookup.frequency('goverment')).toBe(0)
    expect(isInWordList('multilateralism')).toBe(true)
    expect(isInWordList('goverment')).toBe(false)
    // Every stored word is found (a sample across the table).
    const table = getDictionaryTable()
    let index = 0
    for (const {word} of table.entries()) if (index++ % 97 === 0) expect(table.find(word), word).not.toBe(-1)
  })

  it('keeps the trie in step with the dictionaries', () => {
    const lower = new Map<string, number>()
    for (const {word, flags} of getDictionaryTable().entries()) lower.set(word.toLowerCase(), (lower.get(word.toLowerCase()) ?? 0) | (flags & 3))
    for (const [word, flags] of lower) if (flags === 0) lower.delete(word)
    const trie = new Map(getWordTrie().words())
    expect(trie.size).toBe(lower.size)
    expect([...trie].filter(([word, flags]) => lower.get(word) !== flags)).toEqual([])
  })

  it('walks only the branch of a prefix, in the order of the whole trie', () => {
    const all = [...getWordTrie().words()]
    expect([...getWordTrie().wordsWithPrefix('')]).toEqual([])
    for (const prefix of ['a', 'q', 'z', 'th', 'gover', 'government', 'governments', 'xq', 'é', "o'"]) {
      const expected = all.filter(([word]) => word.startsWith(prefix))
      expect(expected.length > 0 || ['xq', 'é'].includes(prefix), prefix).toBe(true)
      expect([...getWordTrie().wordsWithPrefix(prefix)], prefix).toEqual(expected)
    }
  })
})

describe('people index', () => {
  it('is up to date with people.txt and name-parts.txt (regenerated in memory)', () => {
    expect(compilePeopleIndex(folder).equals(readFileSync(path.join(folder, peopleIndexFile)))).toBe(true)
  })

  it('answers as the index built per run did, with house names added', () => {
    const house = ['Oleksandr Ustymenko', 'Marco Rubio', 'Zed', 'Anna von Trapp']
    // The index as it was built on every run before it was compiled.
    const bySurname = new Map<string, Person[]>()
    const byGiven = new Map<string, Person[]>()
    const fullNames = new Set<string>()
    const nameParts = new Set(getList('name-parts').map((word) => fold(word)))
    const nameWords = new Set(nameParts)
    const push = (map: Map<string, Person[]>, key: string, person: Person) => map.set(key, [...(map.get(key) ?? []), person])
    for (const name of [...getList('people'), ...house]) {
      const words = name.split(/\s+/).filter(Boolean)
      fullNames.add(fold(name))
      for (const word of words) if (!nameParticles.has(word)) nameWords.add(fold(word))
      if (words.length < 2) continue
      push(bySurname, fold(words.at(-1)!), {name, words})
      push(byGiven, fold(words[0]), {name, words})
    }
    const index = getPeople(house)
    const keys = new Set([...nameWords, ...fullNames, ...bySurname.keys(), ...byGiven.keys(), 'zzzq', 'smith jones', 'ustymenkos'])
    const differences: string[] = []
    const same = (a: readonly Person[] | undefined, b: readonly Person[] | undefined) => JSON.stringify(a) === JSON.stringify(b)
    for (const key of keys) {
      if (index.nameWords.has(key) !== nameWords.has(key)) differences.push(`nameWords ${key}`)
      if (index.nameParts.has(key) !== nameParts.has(key)) differences.push(`nameParts ${key}`)
      if (index.fullNames.has(key) !== fullNames.has(key)) differences.push(`fullNames ${key}`)
      if (index.bySurname.has(key) !== bySurname.has(key) || !same(index.bySurname.get(key), bySurname.get(key))) differences.push(`bySurname ${key}`)
      if (index.byGiven.has(key) !== byGiven.has(key) || !same(index.byGiven.get(key), byGiven.get(key))) differences.push(`byGiven ${key}`)
    }
    expect(differences).toEqual([])
    expect(keys.size).toBeGreaterThan(50_000)
    expect(index.nameParts.size).toBe(nameParts.size)
    expect(new Set(index.bySurname.keys())).toEqual(new Set(bySurname.keys()))
  })
})

describe('suggestion candidates', () => {
  /** The search the trie replaced: every word with the same first letter, by the same distance. */
  function scan(typed: string, language: 'dictionary-en' | 'dictionary-en-gb'): string[] {
    const table = getDictionaryTable()
    const bit = (table.header as DictionaryTableHeader).dictionaries.find((dictionary) => dictionary.package === language)!.bit
    const found = new Set<string>()
    const firsts = new Set([typed.charAt(0), typed.charAt(0).toUpperCase()])
    for (const {word, flags} of table.entries()) {
      if (!(flags & bit) || !firsts.has(word.charAt(0))) continue
      if (Math.abs(word.length - typed.length) > 2 || word.includes(' ')) continue
      if (distance(typed, word.toLowerCase(), 2.4) <= 2.4) found.add(word.toLowerCase())
    }
    return [...found].sort()
  }

  // Misspellings of every kind the ranker weighs, and words near nothing.
  const typos = [
    'beleiev',
    'goverment',
    'negociations',
    'tsikhanouskaya',
    'xqzvbnm',
    'annnounced',
    'ceasfire',
    'wensday',
    'accomodation',
    'rythm',
    'colur',
    'programmme',
    'pronounciation',
    'zelenskyy',
    'quizzz',
    "dont'",
    'aaa',
  ]

  for (const language of ['dictionary-en', 'dictionary-en-gb'] as const) {
    it(`finds exactly the words the full scan finds (${language})`, () => {
      const lookup = getLookup(language)
      for (const typo of typos) {
        const walked = candidatesWithin(typo, lookup, 2.4, editBounds)
        // The walk may return more (its costs are lower bounds); measured, exactly the scan's.
        const exact = walked.filter((word) => distance(typo, word, 2.4) <= 2.4).sort()
        expect(exact, typo).toEqual(scan(typo, language))
        expect(walked.length, typo).toBeLessThan(500)
      }
    })
  }

  it('finds the two-slip words through the trie', () => {
    const lookup = getLookup('dictionary-en')
    // Two slips from `believe` (the two-slip search decides these; the fitted ranker orders them
    // and keeps those close to the best).
    expect(suggest('beleiev', lookup)).toEqual(['believe'])
    expect(suggest('Tsikhanouskaya', lookup)).toEqual([])
  })
})

describe('run time', () => {
  it('writes nothing: a run with an empty home and cache folder leaves them empty', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'copydesk-home-'))
    try {
      const result = spawnSync(process.execPath, ['dist/src/cli.js', 'lint', 'samples/ukraine-talks.txt', '--format', 'json'], {
        env: {...process.env, HOME: home, XDG_CACHE_HOME: path.join(home, 'cache')},
        encoding: 'utf8',
      })
      expect(result.status, result.stderr).toBe(0)
      expect(JSON.parse(result.stdout)).toHaveLength(1)
      expect(readdirSync(home)).toEqual([])
      // The cache folder may not exist at all on a clean clone: then nothing was written there either.
      const cache = existsSync('node_modules/.cache') ? readdirSync('node_modules/.cache') : []
      expect(cache.filter((name) => name.includes('copydesk'))).toEqual([])
    } finally {
      rmSync(home, {recursive: true, force: true})
    }
  })

  it('reads nspell nowhere at run time', () => {
    const sources = ['rules', 'src'].flatMap((root) =>
      readdirSync(root, {recursive: true, encoding: 'utf8'})
        .filter((file) => file.endsWith('.ts'))
        .map((file) => path.join(root, file)),
    )
    const offenders = sources.filter((file) => /['"]nspell['"]|writeFileSync|renameSync/.test(readFileSync(file, 'utf8')) && file.startsWith('rules'))
    expect(offenders).toEqual([])
  })
})

describe('word table', () => {
  it('round-trips any words, flags and counts', () => {
    const entries = [
      {word: 'a', flags: 0, count: 0},
      {word: 'café', flags: 1, count: 127},
      {word: 'naïve', flags: 255, count: 128},
      {word: 'Σωκράτης', flags: 3, count: 2_134_713},
      {word: '😀x', flags: 2, count: 2 ** 32 + 5},
    ]
    const table = new WordTable(encodeWordTable({format: 1}, entries))
    expect(table.header).toEqual({format: 1})
    expect([...table.entries()]).toEqual([...entries].sort((a, b) => (a.word < b.word ? -1 : 1)))
    for (const entry of entries) {
      const at = table.find(entry.word)
      expect(at, entry.word).not.toBe(-1)
      expect(table.flags(at)).toBe(entry.flags)
      expect(table.count(at)).toBe(entry.count)
    }
    for (const missing of ['', 'b', 'cafe', 'caf', 'cafés', '😀', 'Σωκράτη']) expect(table.find(missing), missing).toBe(-1)
  })
})

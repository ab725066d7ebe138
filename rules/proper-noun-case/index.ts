/**
 * `proper-noun-case`: a proper noun written in lowercase (`istanbul`, `monday`, `russian`,
 * `peskov` where the draft also writes `Peskov`).
 *
 * Evidence, strongest first: the draft itself capitalizes the word mid-sentence; a known
 * person's name around it (`vladimir putin`); the gazetteers of `rules/lib/data/` (days,
 * months, demonyms, languages, countries, cities). A word that is also an ordinary word
 * (`may`, `turkey`, `polish`, `reading`, `bill`) is reported only with evidence from its
 * context: a date (`on 5 may`), a list of places (`Greece, turkey and Bulgaria`), a title
 * (`President bush`), a noun of state (`polish government`).
 */
import type {VFile} from 'vfile'
import {z} from 'zod'
import {defineRule, type DraftFact, type MessageFields, type RuleContext} from '../../src/rule.js'
import {fold, getDictionary, getList, getPeople, getProperNouns, isCommonWord, nameParticles, personTitles, type PeopleIndex, type ProperNoun} from '../lib/gazetteer.js'
import {fileLocation} from '../lib/document.js'
import {getNameIndex, getNameModel, getPartNameModel, surveyNames, type NameIndex, type NameModel, type NameToken} from '../lib/proper-nouns.js'
import {directions, placePrepositions, regionNouns, stateNouns, titlePhrases} from './data.js'

export default defineRule({
  id: 'proper-noun-case',
  meta: {
    description: 'Flag a proper noun written in lowercase.',
    why: 'Names of people, places, days, months, nationalities and languages take a capital; a lowercase one reads as a slip.',
    severity: 'warning',
    fixable: true,
    options: z.object({}).strict(),
    // Its messages flag a word a person may accept: the editor offers “Add to dictionary”.
    dictionary: true,
    examples: {bad: 'Negotiations in istanbul yielded limited results.', good: 'Negotiations in Istanbul yielded limited results.'},
    // A word's verdict depends on its sentence and on one draft-wide fact, told to the
    // language server's incremental engine: how the draft capitalizes the word elsewhere
    // (see `ownForm`).
    partial: true,
    // A large draft, a window at a time: the survey sums the name index (`surveyNames`).
    windowed: true,
  },
  plugin(_options, context: RuleContext) {
    const accepted = new Set(context.dictionary)
    return (tree, file) => {
      if (file.data.copydeskWindow?.pass === 'survey') return surveyNames(tree, file)
      // The incremental engine (`file.data.copydeskPartial`) may ask for some chunks only.
      const parts = file.data.copydeskPartial?.parts
      // The models first: the index sums its paragraphs from them.
      const models = parts ? parts.map((part) => getPartNameModel(tree, part.nodes, file)) : [getNameModel(tree, file)]
      const index = getNameIndex(tree, file)
      models.forEach((model, at) => check(model, index, file, context, accepted, parts?.[at].read))
    }
  },
})

interface Finding {
  readonly first: NameToken
  readonly last: NameToken
  readonly expected: string
}

/**
 * How the draft capitalizes a lowercase `word` elsewhere: its most frequent capitalized form
 * where the capital means something (`own`), whether the draft writes that form at least as
 * often as `word`, and whether after a given name (`Gary Whitfield`). `key` says it all in
 * one string, for the incremental engine to compare.
 */
interface OwnForm {
  readonly own: string | undefined
  readonly isMostlyCapitalized: boolean
  readonly isAfterGivenName: boolean
  readonly key: string
}

function ownForm(index: NameIndex, word: string, people: PeopleIndex): OwnForm {
  const own = capitalizedForm(index, word)
  if (own === undefined) return {own, isMostlyCapitalized: false, isAfterGivenName: false, key: ''}
  const isMostly = isMostlyCapitalized(index, own, word)
  const isAfterGiven = isAfterGivenName(index, own, people)
  return {own, isMostlyCapitalized: isMostly, isAfterGivenName: isAfterGiven, key: `${own}:${Number(isMostly)}${Number(isAfterGiven)}`}
}

/**
 * Report on the tokens of `model` (the whole draft, or a part of it for the incremental
 * engine); what the rest of the draft says comes from `index`, each such fact told to `read`.
 */
function check(model: NameModel, index: NameIndex, file: VFile, context: RuleContext, accepted: ReadonlySet<string>, read: ((fact: DraftFact) => void) | undefined): void {
  if (model.lowercase.size === 0) return
  const dictionary = getDictionary(context.language)
  const nouns = getProperNouns()
  const people = getPeople(context.names)
  const text = String(file.value ?? '')
  const place = fileLocation(file)
  const done = new Set<number>()
  const findings: Finding[] = []
  const told = new Set<string>()
  const ownOf = (word: string): OwnForm => {
    const form = ownForm(index, word, people)
    if (read && !told.has(word)) {
      told.add(word)
      read({key: `own:${word}`, answer: form.key, recheck: (tree, other) => ownForm(getNameIndex(tree, other), word, people).key})
    }
    return form
  }

  for (const token of model.tokens) {
    if (done.has(token.index) || token.isLiteral || !token.isLowercase) continue
    const word = token.text
    if (word.length < 2 || nameParticles.has(word) || accepted.has(word)) continue
    const isCommon = isCommonWord(word, dictionary)

    // `new york`, `são paulo`, `New york`: a multi-word place. `Ministry of foreign Affairs`,
    // `the european Commission`, `Secretary of state Marco Rubio`: an institution or a title.
    const phrase =
      (phraseWords(nouns).has(word) ? findPhrase(model, token, nouns, dictionary, phraseWords(nouns)) : undefined) ??
      (institutionWords().has(word) ? findInstitution(model, token) : undefined)
    if (phrase) {
      findings.push(phrase)
      for (let index = phrase.first.index; index <= phrase.last.index; index++) done.add(index)
      continue
    }

    // `Lee Jae-myung`, `Abdul-rahman`: the lowercase half of a hyphenated name is as its
    // owner writes it; only a gazetteer noun is judged there (`pro-russian`).
    const isNameHalf = token.gap === '-' && model.tokens[token.index - 1]?.isCapitalized === true
    if (isNameHalf) {
      const noun = nouns.get(word)
      if (noun && !isCommon && isPlainEnough(noun, word)) findings.push({first: token, last: token, expected: noun.form})
      continue
    }

    // `vladimir putin`, `George bush`: the rest of a known person's name beside it.
    const folded = fold(word)
    const person = people.nameWords.has(folded) ? findPerson(model, token, people, isCommon, dictionary, text) : undefined
    if (person) {
      findings.push(person)
      for (let index = person.first.index; index <= person.last.index; index++) done.add(index)
      continue
    }

    // `peskov` where the draft writes `Peskov` mid-sentence.
    // Asked only where it decides (an ordinary word rarely needs it): each answer is a fact
    // the incremental engine checks again after every edit.
    let form: OwnForm | undefined
    const own = () => (form ??= ownOf(word)).own
    if (!isCommon && own()) {
      const {isMostlyCapitalized, isAfterGivenName} = form!
      if (isMostlyCapitalized && (!isEnglishCompound(word, dictionary) || isAfterGivenName)) {
        findings.push({first: token, last: token, expected: own()!})
        continue
      }
    }

    const noun = nouns.get(word)
    if (noun && (!isCommon ? isPlainEnough(noun, word) : hasEvidence(model, token, noun, own, nouns, text))) {
      findings.push({first: token, last: token, expected: noun.form})
      continue
    }

    // `President putin`, `minister lavrov`: a title before a word no dictionary knows.
    // `President trump` where the draft writes `Trump`: an ordinary word as a surname needs both.
    const isTitled = word.length >= 4 && !personTitles.has(word) && isAfterTitle(model, token) && (own() !== undefined || people.nameWords.has(folded))
    if (isTitled && (isCommon ? own() && people.nameWords.has(fold(word)) : people.nameWords.has(fold(word)) || own())) {
      findings.push({first: token, last: token, expected: own() ?? capitalize(word)})
      continue
    }

    // `putin`, `zelensky`: the surname of a notable person, not an English word.
    if (
      !isCommon &&
      word.length >= 5 &&
      !/['’]/u.test(word) &&
      people.bySurname.has(folded) &&
      !isEnglishCompound(word, dictionary) &&
      !isAfterInitials(model, token) &&
      !isInForeignPhrase(model, token, dictionary)
    ) {
      const form = people.bySurname.get(folded)![0].words.at(-1)!
      if (fold(form) === folded) findings.push({first: token, last: token, expected: form})
      continue
    }

    // `the alentejo region`: a word no English dictionary knows, named as a region.
    if (
      !isCommon &&
      word.length >= 4 &&
      !/['’]/u.test(word) &&
      isRegionName(model, token) &&
      !isEnglishCompound(word, dictionary) &&
      !isInForeignPhrase(model, token, dictionary) &&
      !isNearCommonWord(word, dictionary)
    ) {
      findings.push({first: token, last: token, expected: capitalize(word)})
    }
  }

  for (const finding of findings) {
    const actual = text.slice(finding.first.start, finding.last.end)
    // “Add to dictionary” on `chuck schumer` writes the phrase as flagged.
    if (actual === finding.expected || accepted.has(actual)) continue
    const start = place.toPoint(finding.first.start)
    const end = place.toPoint(finding.last.end)
    if (!start || !end) continue
    const message = file.message(`\`${actual}\` is a proper noun: \`${finding.expected}\``, {place: {start, end}})
    const fields = message as typeof message & MessageFields
    fields.actual = actual
    fields.expected = [finding.expected]
  }
}

/**
 * Whether the draft writes `form` with a capital at least as often as `word` without: “the Office
 * of War Mobilization and Reconversion” once and `reconversion` twenty times is a word.
 */
function isMostlyCapitalized(index: NameIndex, form: string, word: string): boolean {
  return (index.capitalized.get(form) ?? 0) >= (index.lowercase.get(word) ?? 0)
}

const englishPrefixes = ['anti', 'counter', 'inter', 'multi', 'non', 'over', 'post', 'pre', 're', 'sub', 'super', 'under']

/** `interagency`, `prepositioning`, `frontline`: a prefix and a word, or two words, closed up. */
function isEnglishCompound(word: string, dictionary: ReturnType<typeof getDictionary>): boolean {
  // `flyers`, `arbitral`: an ending on a common word.
  for (const [ending, replacement] of [
    ['s', ''],
    ['es', ''],
    ['ers', 'er'],
    ['ing', ''],
    ['ed', ''],
    ['al', ''],
    ['al', 'ate'],
  ]) {
    if (word.endsWith(ending) && isCommonWord(word.slice(0, -ending.length) + replacement, dictionary)) return true
  }
  for (const prefix of englishPrefixes) if (word.startsWith(prefix) && isCommonWord(word.slice(prefix.length), dictionary)) return true
  for (let index = 3; index <= word.length - 3; index++) {
    if (isCommonWord(word.slice(0, index), dictionary) && isCommonWord(word.slice(index), dictionary)) return true
  }
  return false
}

/** `prima facie`, `coup d'etat`: a foreign phrase, two lowercase words no dictionary knows. */
function isInForeignPhrase(model: NameModel, token: NameToken, dictionary: ReturnType<typeof getDictionary>): boolean {
  return [neighbour(model, token, -1), neighbour(model, token, 1)].some((other) => other && other.isLowercase && !isCommonWord(other.text, dictionary))
}

const phraseWordSets = new WeakMap<ReadonlyMap<string, ProperNoun>, Set<string>>()

/** Every word of a multi-word gazetteer entry (`new`, `york`, `são`), to skip the rest fast. */
function phraseWords(nouns: ReadonlyMap<string, ProperNoun>): ReadonlySet<string> {
  let words = phraseWordSets.get(nouns)
  if (!words) {
    words = new Set([...nouns.keys()].filter((key) => key.includes(' ')).flatMap((key) => key.split(' ')))
    phraseWordSets.set(nouns, words)
  }
  return words
}

/** Cities of three letters or fewer (`Ufa`, `Ede`) are too easily another word. */
function isPlainEnough(noun: ProperNoun, word: string): boolean {
  return noun.kind !== 'city' || word.length >= 4
}

const ownForms = new WeakMap<NameIndex, Map<string, string>>()

/** The capitalized spelling the draft uses mid-sentence for `word` (`McDonald` too), the most frequent (the first on a tie). */
function capitalizedForm(index: NameIndex, word: string): string | undefined {
  let forms = ownForms.get(index)
  if (!forms) {
    const counts = new Map<string, number>()
    forms = new Map()
    for (const [form, uses] of index.capitalized) {
      const key = form.toLowerCase()
      if (uses > (counts.get(key) ?? 0)) {
        counts.set(key, uses)
        forms.set(key, form)
      }
    }
    ownForms.set(index, forms)
  }
  return forms.get(word)
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** The word before or after in the same sentence, one space (or `gap`) apart. */
function neighbour(model: NameModel, token: NameToken, step: 1 | -1): NameToken | undefined {
  const other = model.tokens[token.index + step]
  if (!other || other.sentence !== token.sentence) return undefined
  return other
}

function isJoined(left: NameToken, right: NameToken): boolean {
  return /^[ \u00a0]$/u.test(right.gap)
}

/** `new york`, `são paulo`, `New york`, `hong kong`: two or three words of a gazetteer entry. */
function findPhrase(
  model: NameModel,
  token: NameToken,
  nouns: ReadonlyMap<string, ProperNoun>,
  dictionary: ReturnType<typeof getDictionary>,
  entryWords: ReadonlySet<string>,
): Finding | undefined {
  const tokens = model.tokens
  for (const size of [3, 2]) {
    for (let offset = 0; offset < size; offset++) {
      const start = token.index - offset
      if (start < 0 || start + size > tokens.length) continue
      // Every word of the span must be a word of some entry, in the sentence, joined, not
      // literal: checked word by word before the span's key is built.
      let key = ''
      for (let index = start; index < start + size; index++) {
        const item = tokens[index]
        if (item.sentence !== token.sentence || item.isLiteral || (index > start && !/^[ \u00a0]$/u.test(item.gap))) {
          key = ''
          break
        }
        const lower = item.text.toLowerCase()
        if (!entryWords.has(lower)) {
          key = ''
          break
        }
        key = index === start ? lower : `${key} ${lower}`
      }
      if (!key) continue
      const span = tokens.slice(start, start + size)
      const noun = nouns.get(key)
      if (!noun) continue
      // `little rock`, `long beach`: every word an ordinary word, so no evidence, unless the
      // draft capitalizes one of them there (`the soviet Union`) or the place follows a
      // preposition of place and ends in a word no one uses every day (`flew to new york`).
      const words = noun.form.split(' ')
      if (words.every((word) => isCommonWord(word.toLowerCase(), dictionary))) {
        const isCapitalizedThere = span.some((item, index) => item.isCapitalized && item.isMeaningful && item.text === words[index])
        const before = neighbour(model, span[0], -1)
        const last = words.at(-1)!.toLowerCase()
        const isPlaceAfterPreposition = before !== undefined && placePrepositions.has(before.text.toLowerCase()) && dictionary.frequency(last) <= 20
        if (!isCapitalizedThere && !isPlaceAfterPreposition) continue
      }
      // Only the lowercase words of the entry are wrong; report from the first to the last.
      const wrong = span.filter((item, index) => item.text !== words[index] && item.isLowercase && !nameParticles.has(words[index]))
      if (wrong.length === 0) continue
      // `south Boston`, `east Los Angeles`: a direction before a city may describe it; the
      // Netherlands takes no capital on `the` mid-sentence. Country names keep theirs
      // (`north Korea`).
      if (wrong.some((item) => item.text === 'the' || (noun.kind !== 'country' && directions.has(item.text)))) continue
      // One message over the wrong words and what lies between (`new york` → `New York`), so
      // that a fix changes the whole name or nothing.
      return spanFinding(span, words, wrong[0], wrong.at(-1)!)
    }
  }
  return undefined
}

/**
 * The finding when a known person's name stands around `token`: the word alone (`Vladimir
 * putin`), or the whole name when both words are lowercase (`chuck schumer` → `Chuck
 * Schumer`), so that a fix never leaves half a name.
 */
function findPerson(
  model: NameModel,
  token: NameToken,
  people: ReturnType<typeof getPeople>,
  isCommon: boolean,
  dictionary: ReturnType<typeof getDictionary>,
  text: string,
): Finding | undefined {
  // `health care`, `stock market`: ordinary words that some list also has as a name; an
  // ordinary word counts only beside a capitalized name that is no ordinary word (`George bush`).
  // (`Louisiana purchase` is no person, though a list has `Louisiana Purchase`: the name
  // before an ordinary surname must be a given name.)
  const isEvidence = (other: NameToken | undefined, isGiven: boolean) =>
    other && (!isCommon || (other.isCapitalized && !isCommonWord(other.text.toLowerCase(), dictionary) && (!isGiven || people.nameParts.has(fold(other.text)))))
  const before = isEvidence(neighbour(model, token, -1), true) ? neighbour(model, token, -1) : undefined
  const after = isEvidence(neighbour(model, token, 1), false) ? neighbour(model, token, 1) : undefined
  const word = fold(token.text)
  const whole = (first: NameToken, last: NameToken, given: string, surname: string): Finding => {
    const isBothWrong = first.isLowercase && last.isLowercase && first.text !== given && last.text !== surname
    if (!isBothWrong) return token === last ? {first: last, last, expected: surname} : {first, last: first, expected: given}
    return {first, last, expected: given + text.slice(first.end, last.start) + surname}
  }
  // `vladimir putin` / `Vladimir putin`: surname after a given name.
  if (before && isJoined(before, token)) {
    for (const person of people.bySurname.get(word) ?? []) {
      if (person.words.length >= 2 && fold(person.words.at(-2)!) === fold(before.text)) return whole(before, token, person.words.at(-2)!, person.words.at(-1)!)
    }
  }
  // `vladimir Putin` / `george bush`: given name before a surname.
  if (after && isJoined(token, after)) {
    for (const person of people.byGiven.get(word) ?? []) {
      if (person.words.length >= 2 && fold(person.words[1]) === fold(after.text)) return whole(token, after, person.words[0], person.words[1])
    }
  }
  return undefined
}

/** One finding from `first` to `last` of `span`, each word as the entry `words` writes it. */
function spanFinding(span: readonly NameToken[], words: readonly string[], first: NameToken, last: NameToken): Finding {
  const from = span.indexOf(first)
  const to = span.indexOf(last)
  let expected = words[from]
  for (let index = from + 1; index <= to; index++) expected += span[index].gap + words[index]
  return {first, last, expected}
}

const institutionWordSet = new Map<string, Set<string>>()

/** Lowercase content words of the institutions and titles (`ministry`, `foreign`, `secretary`). */
function institutionWords(): ReadonlySet<string> {
  let words = institutionWordSet.get('all')
  if (!words) {
    words = new Set(
      [...getList('organizations'), ...titlePhrases]
        .flatMap((entry) => entry.split(/\s+/))
        .filter((word) => /^\p{Lu}/u.test(word))
        .map((word) => word.toLowerCase()),
    )
    institutionWordSet.set('all', words)
  }
  return words
}

/** Where a lowercase word stands in an institution or a title (`foreign` in `Ministry of Foreign Affairs`: 2). */
interface InstitutionPlace {
  readonly words: readonly string[]
  readonly isTitle: boolean
  readonly offset: number
}

let institutionIndex: ReadonlyMap<string, readonly InstitutionPlace[]> | undefined

/**
 * Every place of every word of the institutions and titles, by the word in lowercase, in the
 * order of the lists and of the words in each entry: the order {@link findInstitution} tries
 * them in (the first that fits wins), without splitting every entry for every word it checks.
 */
function institutionPlaces(): ReadonlyMap<string, readonly InstitutionPlace[]> {
  if (!institutionIndex) {
    const index = new Map<string, InstitutionPlace[]>()
    const entries = [...getList('organizations').map((entry) => [entry, false] as const), ...titlePhrases.map((entry) => [entry, true] as const)]
    for (const [entry, isTitle] of entries) {
      const words = entry.split(' ')
      words.forEach((word, offset) => {
        const places = index.get(word.toLowerCase())
        if (places) places.push({words, isTitle, offset})
        else index.set(word.toLowerCase(), [{words, isTitle, offset}])
      })
    }
    institutionIndex = index
  }
  return institutionIndex
}

/**
 * `Ministry of foreign Affairs`, `the european Commission`, `Secretary of state Marco Rubio`:
 * a lowercase word of an institution (`organizations.txt`) or a title (before a name) whose
 * other words the draft capitalizes there.
 */
function findInstitution(model: NameModel, token: NameToken): Finding | undefined {
  for (const {words, isTitle, offset} of institutionPlaces().get(token.text) ?? []) {
    const start = token.index - offset
    const span = model.tokens.slice(start, start + words.length)
    if (start < 0 || span.length !== words.length) continue
    const isSpan = span.every(
      (item, index) =>
        item.sentence === token.sentence && !item.isLiteral && item.text.toLowerCase() === words[index].toLowerCase() && (index === 0 || /^[ \u00a0]$/u.test(item.gap)),
    )
    if (!isSpan) continue
    // Evidence: another word of the name written with its capital (`Affairs`, `Commission`).
    const isCapitalized = (word: string) => /^\p{Lu}/u.test(word)
    const wrong = span.filter((item, index) => isCapitalized(words[index]) && item.isLowercase)
    const right = span.filter((item, index) => isCapitalized(words[index]) && item.text === words[index])
    if (wrong.length === 0 || right.length === 0) continue
    // `the state Department of Transportation`: part of a longer name, which is another body.
    const after = model.tokens[start + words.length]
    const afterNext = model.tokens[start + words.length + 1]
    const isJoinedAfter = after !== undefined && after.sentence === token.sentence && /^[ \u00a0]$/u.test(after.gap)
    if (!isTitle && isJoinedAfter && (after.isCapitalized || (/^(?:and|for|of|on)$/.test(after.text) && afterNext?.isCapitalized === true))) continue
    // A title only before a name (`Secretary of state Marco Rubio`, not `secretary of state
    // for health`).
    if (isTitle) {
      const next = model.tokens[start + words.length]
      if (!next || next.sentence !== token.sentence || !next.isCapitalized || !/^[ \u00a0]$/u.test(next.gap)) continue
    }
    return spanFinding(span, words, wrong[0], wrong.at(-1)!)
  }
  return undefined
}

/** `the alentejo region`, `the donbas area`: between `the` and a noun of region. */
function isRegionName(model: NameModel, token: NameToken): boolean {
  const before = neighbour(model, token, -1)
  const after = neighbour(model, token, 1)
  return Boolean(before && after && /^the$/i.test(before.text) && isJoined(before, token) && isJoined(token, after) && regionNouns.has(after.text.toLowerCase()))
}

/** `teh`, `regoin`: one slip from an English word is a misspelling (`spelling`'s), not a name. */
function isNearCommonWord(word: string, dictionary: ReturnType<typeof getDictionary>): boolean {
  for (let index = 0; index <= word.length; index++) {
    const head = word.slice(0, index)
    const tail = word.slice(index)
    if (tail && isCommonWord(head + tail.slice(1), dictionary)) return true
    if (tail.length > 1 && isCommonWord(head + tail[1] + tail[0] + tail.slice(2), dictionary)) return true
    for (let code = 97; code <= 122; code++) {
      const letter = String.fromCharCode(code)
      if ((tail && isCommonWord(head + letter + tail.slice(1), dictionary)) || isCommonWord(head + letter + tail, dictionary)) return true
    }
  }
  return false
}

/** Whether the draft writes `form` after a given name (`Gary Whitfield`): a surname, though it splits into words. */
function isAfterGivenName(index: NameIndex, form: string, people: PeopleIndex): boolean {
  return (index.capitalizedAfter.get(form) ?? []).some((before) => people.byGiven.has(fold(before)) && people.nameParts.has(fold(before)))
}

/** Whether a title (`President`, `Minister`, `Mr.`) stands just before. */
function isAfterTitle(model: NameModel, token: NameToken): boolean {
  const before = neighbour(model, token, -1)
  return Boolean(before && /^[ \u00a0]$|^\.[ \u00a0]$/u.test(token.gap) && personTitles.has(before.text.toLowerCase()) && before.isCapitalized)
}

/** `k.d. lang`: lowercase initials make a deliberately lowercase name. */
function isAfterInitials(model: NameModel, token: NameToken): boolean {
  const before = neighbour(model, token, -1)
  return Boolean(before && before.text.length === 1 && token.gap.includes('.'))
}

/**
 * Evidence that an ordinary word (`may`, `turkey`, `polish`, `nice`) is the proper noun here.
 */
function hasEvidence(model: NameModel, token: NameToken, noun: ProperNoun, own: () => string | undefined, nouns: ReadonlyMap<string, ProperNoun>, text: string): boolean {
  const before = neighbour(model, token, -1)
  const after = neighbour(model, token, 1)
  const next = after?.text.toLowerCase()
  if (noun.kind === 'month' || noun.kind === 'day') {
    const head = text.slice(token.sentence.start, token.start)
    const tail = text.slice(token.end, token.sentence.end)
    // `on 5 may`, `may 5`, `march 2024`, `5 march,`.
    const dayBefore = /(?:^|[\s(])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \u00a0]$/u.test(head)
    const numberAfter = /^[ \u00a0](?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![.:]\d)|^[ \u00a0](?:1[89]|20)\d\d\b/u.test(tail)
    // “5 may be enough”: a verb after the number is a verb.
    const verbAfter = Boolean(after && after.isLowercase && !/^(?:after|and|at|before|for|from|in|into|last|of|on|or|this|to|until|when|with)$/.test(next!))
    // `in late may.`, `by early march,`: a part of a month, ending the phrase.
    const partBefore = noun.kind === 'month' && /(?:^|\s)(?:by|from|in|since|until) (?:early|late|mid)[ \u00a0]$/iu.test(head) && /^(?:[,.;:!?)]|$)/u.test(tail)
    return numberAfter || (dayBefore && !verbAfter) || partBefore
  }
  // `600,000-man army`, `Indo-china`: short words and compounds need more than this.
  if (token.text.length < 4 || token.gap === '-') return false
  const isNation = noun.kind === 'country' || noun.kind === 'demonym' || noun.kind === 'language'
  // `polish government`, `China’s president`, `the chinese embassy` (not `a mobile army`).
  if (isNation && after && isJoined(token, after) && next && stateNouns.has(next)) return true
  if (after && isJoined(token, after) && after.isCapitalized && (noun.kind === 'demonym' || noun.kind === 'language')) return true
  // `Greece, turkey and Bulgaria`: a list of capitalized places.
  const isPlaceNoun = (key: string) => {
    // Countries and cities only: “the price of turkey and Greek yogurt” lists no places.
    const kind = nouns.get(key)?.kind
    return kind === 'country' || kind === 'region' || kind === 'city'
  }
  // `Greece`, or a place of two words (`South Korea`) starting there.
  const isPlace = (other: NameToken | undefined) => {
    if (!other || !other.isCapitalized) return false
    if (isPlaceNoun(other.text.toLowerCase())) return true
    const next = neighbour(model, other, 1)
    return Boolean(next && next.isCapitalized && isJoined(other, next) && isPlaceNoun(`${other.text} ${next.text}`.toLowerCase()))
  }
  // Both sides of the word must be the list (“since their independence, Colombia and Costa
  // Rica” is no list of places), or it ends one (`Greece and turkey`), or starts one after a
  // preposition (`in turkey, Greece and Bulgaria`).
  const listBefore = !before
    ? undefined
    : /^,\s$/u.test(token.gap) && isPlace(before)
      ? 'comma'
      : /^(?:and|or)$/.test(before.text) && isPlace(neighbour(model, before, -1))
        ? 'and'
        : undefined
  const listAfter = after && (/^,\s$/u.test(after.gap) ? isPlace(after) : /^(?:and|or)$/.test(after.text) && isPlace(neighbour(model, after, 1)))
  if (
    (listBefore && listAfter) ||
    listBefore === 'and' ||
    (listAfter && before && (placePrepositions.has(before.text.toLowerCase()) || /^(?:between|with)$/.test(before.text)))
  )
    return true
  // `in turkey.` where the draft writes `Turkey` mid-sentence elsewhere (not “the integrity
  // and independence of Iran”: the place ends its phrase).
  const endsPhrase = !after || /[,.;:!?)]/u.test(after.gap) || after.isCapitalized
  if (before && placePrepositions.has(before.text.toLowerCase()) && endsPhrase && own()) return true
  return false
}

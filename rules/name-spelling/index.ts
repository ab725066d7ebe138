/**
 * `name-spelling`: a person's name one or two slips from a known one (`Mako Rubio` →
 * `Marco`, `António Gutteres` → `Guterres`) or from the spelling the same draft uses for the
 * same person (`Zelenksy` beside `Zelensky`, `Erdogan` beside a majority of `Erdoğan`).
 *
 * Known names: the notable people of `rules/lib/data/people.txt` and the house list
 * (`names` in the configuration). Suggestions only: a name is never changed unattended.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {LRUCache} from 'lru-cache'
import {z} from 'zod'
import {defineRule, type DraftFact, type MessageFields, type PartialRun, type RuleContext, type WindowRun} from '../../src/rule.js'
import {editDistance, fold, nameDistance, nameParticles, getDictionary, getPeople, getProperNouns, isCommonWord, personTitles, type PeopleIndex} from '../lib/gazetteer.js'
import {isTransliteration, transliterationKey} from '../lib/names.js'
import {fileLocation} from '../lib/document.js'
import {
  getNameIndex,
  getNameModel,
  getPartNameModel,
  paragraphSummaries,
  surveyNames,
  titleAbbreviations,
  type NameIndex,
  type NameModel,
  type NameToken,
  withText,
} from '../lib/proper-nouns.js'
import type {Lookup} from '../lib/dictionary-lookup.js'

export default defineRule({
  id: 'name-spelling',
  meta: {
    description: 'Flag a misspelled name of a person.',
    why: 'A misspelled name is the error readers and the people named notice first; a near miss of a known name, or of the spelling the same article uses, is almost always a slip.',
    severity: 'warning',
    fixable: false,
    options: z.object({}).strict(),
    // Its messages flag a word a person may accept: the editor offers “Add to dictionary”.
    dictionary: true,
    examples: {bad: 'U.S. Secretary of State Mako Rubio spoke to Lavrov.', good: 'U.S. Secretary of State Marco Rubio spoke to Lavrov.'},
    // A name's verdict depends on its sentence and on what the draft writes of the same name
    // elsewhere, told to the language server's incremental engine as one fact per capitalized
    // word (see `analyse`); with a house list, on every name of the draft.
    partial: true,
    // A large draft, a window at a time: the survey sums the name index and the paragraphs'
    // summaries (see `surveyWindow`).
    windowed: true,
  },
  plugin(_options, context: RuleContext) {
    return (tree, file) => {
      if (file.data.copydeskWindow?.pass === 'survey') return surveyWindow(tree, file, context)
      // The incremental engine (`file.data.copydeskPartial`) may ask for some chunks only.
      const parts = file.data.copydeskPartial?.parts
      // The models first: the summaries of their paragraphs come from them.
      const models = parts ? parts.map((part) => getPartNameModel(tree, part.nodes, file)) : [getNameModel(tree, file)]
      const analysis = analysisOf(tree, file, context)
      models.forEach((model, at) => check(model, analysis, tree, file, context, parts?.[at]))
    }
  },
})

interface Finding {
  readonly token: NameToken
  readonly expected: string
  /** What the suggestion comes from: a full name, or the article itself. */
  readonly source?: string
}

/** An English word in everyday use (`bush`, `love`), unlike a rare one that is also a surname (`macron`). */
function isEverydayWord(word: string, dictionary: Lookup): boolean {
  return isCommonWord(word, dictionary) && dictionary.frequency(word) > 20
}

/** How many edits a name of this length may be off and still be a slip. */
function maxEdits(word: string): number {
  return word.length >= 5 ? 2 : 1
}

/** `XiaoAI`, `HarmonyOS`, `WeChat`: a capital inside a word makes a product or a brand, not a person's name. */
const isCamelCase = (word: string) => /\p{Ll}\p{Lu}/u.test(word)

/** A name of the house list (`names`), as the newsroom writes it. */
interface HouseName {
  readonly name: string
  /** Its words without initials (`George W. Bush` → `George`, `Bush`). */
  readonly words: readonly string[]
}

/** A given name and a surname written together in the draft (`Olaf Scholz`, `George W. Bush`, `J.R.R. Tolkien`). */
type Pair = readonly [given: NameToken, surname: NameToken]

/**
 * Report on the tokens of `model` (the whole draft, or a part of it for the incremental
 * engine); what the rest of the draft writes of each name comes from `analysis`, each such
 * fact told to `part.read`.
 */
function check(model: NameModel, analysis: Analysis, tree: Root, file: VFile, context: RuleContext, part: PartialRun['parts'][number] | undefined): void {
  if (model.allCapitalized.size === 0) return
  const people = getPeople(context.names)
  const dictionary = getDictionary(context.language)
  const nouns = getProperNouns()
  const text = String(file.value ?? '')
  // `dictionary` and `dictionaryFiles`: a spelling the newsroom accepts is never a slip.
  const accepted = new Set(context.dictionary)
  const house = houseNames(context.names)
  const houseWords = new Set(house.flatMap((name) => name.words))
  /** A word that is a name in its own right, a place, or an English word: never a slip of another. */
  const isKnownWord = (word: string) =>
    people.nameWords.has(fold(word)) ||
    nouns.has(word.toLowerCase()) ||
    isCommonWord(word.toLowerCase(), dictionary) ||
    dictionary.has(word) || // `Americas`, `Shia`: the dictionary's own proper nouns.
    accepted.has(word)
  // By the token's offset: the first finding for a token wins.
  const findings = new Map<number, Finding>()
  const report = (finding: Finding) => {
    const word = finding.token.text
    // The house spelling, an accepted word and a product name are never slips.
    if (houseWords.has(word) || accepted.has(word) || isCamelCase(word) || finding.token.isInitial) return
    if (!findings.has(finding.token.start)) findings.set(finding.token.start, finding)
  }

  const pairs = namePairs(model, text)

  // The house list first: it is the newsroom's authority, even where a slip is itself a word
  // or another surname (`Joe Bidden`, `Gavin Newsome`, `Kamala Haris`).
  if (house.length > 0) {
    const window = file.data.copydeskWindow
    if (window) checkHouse(model, pairs, house, report, {allCapitalized: getNameIndex(tree, file).allCapitalized, befores: windowState(window).befores})
    else if (!part) checkHouse(model, pairs, house, report)
    else {
      // It reads every name of the draft: the whole draft's findings, kept in this part, and
      // a fact that never holds, so that the engine asks again after every edit.
      part.read({key: 'house-list', answer: false, recheck: () => true})
      const first = model.tokens[0]?.start ?? 0
      const last = model.tokens.at(-1)?.end ?? 0
      const whole = getNameModel(tree, file)
      checkHouse(whole, namePairs(whole, text), house, (finding) => {
        if (finding.token.start >= first && finding.token.start < last) report(finding)
      })
    }
  }

  const isKnownPerson = (given: string, surname: string) =>
    people.fullNames.has(fold(`${given} ${surname}`)) || [...(people.bySurname.get(fold(surname)) ?? [])].some((person) => fold(person.words[0]) === fold(given))
  const isPlaceOrWord = (word: string) => nouns.has(word.toLowerCase()) || isCommonWord(word.toLowerCase(), dictionary) || dictionary.has(word)

  for (const [given, surname] of pairs) {
    if (given.isInitial && surname.isInitial) continue
    if (isKnownPerson(given.text, surname.text)) continue
    // `Mako Rubio`: a known surname with a given name one or two slips from its person's.
    const bySurname = people.bySurname.get(fold(surname.text)) ?? []
    // `Mark Rubio` may be another Rubio: a real given name is left alone (`Mako` is not one)
    // unless the surname is one person's alone (`Emanuel Macron`), or one letter is swapped in
    // a long given name (`Jenson Huang`, `Elisabeth Warren`: a sibling spelling, not another
    // name with a letter more or less, `Mark`/`Marco`).
    const isGivenName = people.nameParts.has(fold(given.text))
    const isDistinctive = !people.nameParts.has(fold(surname.text))
    // (`George bush` is no name, but `Elisabeth Warren` is a sibling spelling of `Elizabeth Warren`.)
    const isEveryday = isEverydayWord(surname.text.toLowerCase(), dictionary)
    if (!given.isInitial && bySurname.length > 0) {
      const candidates = bySurname.map((person) => person.words[0])
      // A surname several notable people share (`Warren`, `Trump`) takes a given name that is
      // no name of its own, or one swapped letter, to settle who it is.
      const isOnlyOne = isDistinctive && bySurname.length <= 3
      const match = closest(given.text, candidates, isGivenName && !isOnlyOne ? 1 : maxEdits(given.text))
      // (Not a surname as common as `Smith` or `Jones`: a sibling spelling there is often another person.)
      const isSibling = bySurname.length <= 15 && isSiblingSpelling(given.text, match ?? '')
      if (
        match &&
        !isTransliteration(given.text, match) &&
        (isEveryday ? isSibling : !isGivenName || isOnlyOne || (isOneSwap(given.text, match) && (bySurname.length <= 3 || isSibling)))
      ) {
        const person = bySurname.find((item) => item.words[0] === match)!
        report({token: given, expected: match, source: person.name})
        continue
      }
    }
    // `António Gutteres`: a known given name with a surname one slip from its person's.
    const byGiven = people.byGiven.get(fold(given.text)) ?? []
    if (byGiven.length === 0) continue
    // `Mohammed bin Salmon`: more of the name than the given name matches (`bin`), so even a
    // word is a slip there; otherwise a word or a name of its own is left alone, unless few
    // people have the given name (`Kamala Haris`: `Haris` is a name, but not Kamala's).
    const before = model.tokens
      .slice(given.index + 1, surname.index)
      .filter((token) => !token.isInitial)
      .map((token) => token.text)
    const isWordSlip = isPlaceOrWord(surname.text)
    const isOtherName = !isWordSlip && isKnownWord(surname.text)
    // `Gutteres` is two slips from `Guterres`; with a common given name (`John`) so many
    // surnames are within two slips that only one counts.
    const limit = byGiven.length <= 30 ? maxEdits(surname.text) : 1
    // With words between (`bin`, `Tayyip`), only people whose name has them there.
    const candidates =
      before.length === 0
        ? byGiven
        : byGiven.filter((person) => {
            const middle = person.words.slice(1, -1).filter((word) => !isInitialWord(word))
            return middle.length === before.length && middle.every((word, index) => fold(word) === fold(before[index]))
          })
    const match = closest(
      surname.text,
      candidates.map((person) => person.words.at(-1)!),
      limit,
    )
    if (!match) continue
    const hasContext = before.length > 0
    if (isWordSlip && !hasContext) continue
    if (isOtherName && !hasContext && !(byGiven.length <= 3 && nameDistance(surname.text, match, 1) <= 1)) continue
    // `Volodymyr Zelenskiy` used throughout: another transliteration, not a slip.
    if (isTransliteration(surname.text, match)) continue
    // `George W. Bsuh`: the person with the draft's initials (not `George H. W. Bush`).
    const initials = model.tokens
      .slice(given.index + 1, surname.index)
      .filter((token) => token.isInitial)
      .map((token) => token.text)
      .join('')
    const initialsOf = (name: string) => name.split(/\s+/).filter(isInitialWord).join('').replace(/[.\s]/g, '')
    const matching = candidates.filter((item) => item.words.at(-1) === match)
    const person = matching.find((item) => initialsOf(item.name) === initials) ?? matching[0]
    report({token: surname, expected: match, source: person.name})
  }

  // The draft against itself: the same person spelled two ways.
  variants(model, analysis, pairs, report, context, part?.read)

  const place = fileLocation(file)
  for (const finding of [...findings.values()].sort((a, b) => a.token.start - b.token.start)) {
    const start = place.toPoint(finding.token.start)
    const end = place.toPoint(finding.token.end)
    if (!start || !end) continue
    const actual = text.slice(finding.token.start, finding.token.end)
    // Only a possibility: the person named may be another (`Mark Rubio`).
    const reason = finding.source ? `Possible misspelling of \`${finding.source}\`` : `Possible misspelling of \`${finding.expected}\`, as written elsewhere in the text`
    const message = file.message(reason, {place: {start, end}})
    const fields = message as typeof message & MessageFields
    fields.actual = actual
    fields.expected = [finding.expected]
    fields.fix = false
  }
}

/** `F.`, `J.R.R.`, `H. W.`: initials in a listed name. */
function isInitialWord(word: string): boolean {
  return /^(?:\p{Lu}\.\s?)+$/u.test(word)
}

function houseNames(names: readonly string[]): HouseName[] {
  return names.map((name) => ({name, words: name.split(/\s+/).filter((word) => word && !isInitialWord(word) && !nameParticles.has(word))}))
}

/**
 * Given name + surname pairs of the draft: neighbouring capitalized words of a run of names,
 * over initials and particles (`George W. Bush`, `Mohammed bin Salman`); initials that open a
 * name count as its given name (`J.R.R. Tolkien`, as one token `J.R.R.`).
 */
function namePairs(model: NameModel, text: string): Pair[] {
  const pairs: Pair[] = []
  for (const run of model.runs) {
    const words: NameToken[] = []
    for (let index = 0; index < run.length; index++) {
      const token = run[index]
      if (token.isInitial) {
        let last = index
        while (last + 1 < run.length && run[last + 1].isInitial) last++
        // Only initials that open the name stand for the given name (`J.R.R. Tolkien`).
        if (words.length === 0) {
          const letters = run.slice(index, last + 1).map((item) => item.text)
          words.push(withText(token, `${letters.join('.')}.`, run[last].end + (text[run[last].end] === '.' ? 1 : 0)))
        }
        index = last
        continue
      }
      if (token.isCapitalized) words.push(token)
    }
    for (let index = 0; index + 1 < words.length; index++) {
      const [given, surname] = [words[index], words[index + 1]]
      // Only initials and particles between them (`George W. Bush`, `Mohammed bin Salman`).
      const between = model.tokens.slice(given.index + 1, surname.index).filter((token) => !(given.isInitial && token.isInitial))
      if (between.every((token) => token.isInitial || nameParticles.has(token.text))) pairs.push([given, surname])
    }
  }
  return pairs
}

/**
 * Slips of the house list's names: in a pair (`Olaf Scholtz`, `Olav Scholz`), or alone when
 * the draft names that person elsewhere (`Scholtz said` beside `Olaf Scholz`); a name of one
 * word (`Reuters`) wherever it is written capitalized.
 */
function checkHouse(
  model: NameModel,
  pairs: readonly Pair[],
  house: readonly HouseName[],
  report: (finding: Finding) => void,
  draft?: {readonly allCapitalized: ReadonlyMap<string, number>; readonly befores: ReadonlyMap<string, ReadonlySet<string>>},
): void {
  const paired = housePairs(pairs, house, report)
  // `Scholtz said` beside `Olaf Scholz`; `Reuter` for a house `Reuters`: one slip only, and
  // not a surname the draft gives to someone else (`Martin Schulz` beside `Olaf Scholz`).
  const isNearSlip = (word: string, listed: string) => isSlip(word, listed) && nameDistance(word, listed, 1) <= 1
  for (const name of house) {
    const last = name.words.at(-1)
    if (!last || last.length < 4) continue
    // A windowed lint asks the whole draft's counts and names before (`surveyWindow`).
    const names = draft?.allCapitalized ?? model.allCapitalized
    const isNamed = name.words.length === 1 || names.has(last) || names.has(name.words[0])
    if (!isNamed) continue
    for (const [form, tokens] of model.allCapitalized) {
      if (form.length < 4 || !isNearSlip(form, last)) continue
      const isSomeoneElse = draft
        ? [...(draft.befores.get(form) ?? [])].some((before) => before !== fold(name.words[0]))
        : tokens.some((token) => {
            const before = nameBefore(model, token, paired)
            return before !== undefined && fold(before.text) !== fold(name.words[0])
          })
      if (isSomeoneElse) continue
      for (const token of tokens) if (!paired.has(token.index)) report({token, expected: last, source: name.name})
    }
  }
}

/** Slips of the house list's names in the draft's name pairs, reported; the tokens reported, by index. */
function housePairs(pairs: readonly Pair[], house: readonly HouseName[], report: (finding: Finding) => void): Set<number> {
  const paired = new Set<number>()
  for (const [given, surname] of pairs) {
    for (const name of house) {
      if (name.words.length < 2) continue
      const [first, last] = [name.words[0], name.words.at(-1)!]
      if (fold(given.text) === fold(first) && isSlip(surname.text, last)) {
        report({token: surname, expected: last, source: name.name})
        paired.add(surname.index)
      } else if (fold(surname.text) === fold(last) && !given.isInitial && isSlip(given.text, first)) {
        report({token: given, expected: first, source: name.name})
        paired.add(given.index)
      }
    }
  }
  return paired
}

/** Whether `word` is a slip of the listed spelling `listed`. */
function isSlip(word: string, listed: string): boolean {
  return (
    word !== listed &&
    (fold(word) === fold(listed) ||
      (nameDistance(word, listed, maxEdits(listed)) <= maxEdits(listed) &&
        !isPlural(word, listed) &&
        (fold(word)[0] === fold(listed)[0] || nameDistance(word, listed, 1) <= 1)))
  )
}

/** The capitalized word before an unpaired use of a name that makes it someone's surname (`Martin` in `Martin Schulz`), if any. */
function nameBefore(model: NameModel, token: NameToken, paired: ReadonlySet<number>): NameToken | undefined {
  const before = model.tokens[token.index - 1]
  const is =
    before !== undefined &&
    before.sentence === token.sentence &&
    before.isCapitalized &&
    before.isMeaningful &&
    !personTitles.has(before.text.toLowerCase()) &&
    /^[ \u00a0]$/u.test(token.gap) &&
    !paired.has(token.index)
  return is ? before : undefined
}

/** `Zelenska` for `Zelensky`, `Navalnaya` for `Navalny`, `Ivanova` for `Ivanov`: the feminine of a Slavic surname. */
function isFeminineForm(feminine: string, masculine: string): boolean {
  const [a, b] = [fold(feminine), fold(masculine)]
  return (
    (/(?:sk|ck|tsk|zk)a$/.test(a) && /(?:sk|ck|tsk|zk)(?:y|i|iy|yi|yy)$/.test(b) && a.slice(0, -1) === b.replace(/(?:y|i|iy|yi|yy)$/, '')) ||
    (/(?:ov|ev|in|yn)a$/.test(a) && a.slice(0, -1) === b) ||
    (/aya$/.test(a) && a.slice(0, -3) === b.replace(/(?:y|i|iy)$/, ''))
  )
}

/** `Smiths` for `Smith`, `Reuter` for `Reuters`: a plural, not a slip. */
function isPlural(word: string, other: string): boolean {
  return fold(word).replace(/s$/, '') === fold(other).replace(/s$/, '')
}

/**
 * One letter replaced inside a name, its first two letters kept (`Elisabeth`/`Elizabeth`,
 * `Jeffery`/`Jeffrey`): a sibling spelling of one given name, not another name (`Kaden`/`Jaden`).
 */
function isSiblingSpelling(word: string, other: string): boolean {
  return isOneSwap(word, other) && fold(word).slice(0, 2) === fold(other).slice(0, 2)
}

/** One letter replaced or two swapped, in a name of five letters or more (`Jenson`/`Jensen`). */
function isOneSwap(word: string, other: string): boolean {
  const [a, b] = [fold(word), fold(other)]
  return a.length >= 5 && a.length === b.length && editDistance(a, b, 1) === 1
}

/** The one candidate within reach of `word` (the nearest; none on a tie between spellings). */
function closest(word: string, candidates: readonly string[], limit = maxEdits(word)): string | undefined {
  let best: string | undefined
  let bestDistance = limit + 1
  let tie = false
  for (const candidate of new Set(candidates)) {
    if (fold(candidate) === fold(word)) return undefined // `Antonio` for `António`: a variant.
    // Two slips that change the first letter make another name (`Amable` is not `Malle`).
    const distance = nameDistance(word, candidate, limit)
    if (distance > 1 && fold(word)[0] !== fold(candidate)[0]) continue
    if (distance < bestDistance) [best, bestDistance, tie] = [candidate, distance, false]
    else if (distance === bestDistance) tie = true
  }
  // Two letters off on a short name is another name: `Mark` is not `Marco`.
  if (!best || tie || (bestDistance > 1 && Math.min(word.length, best.length) < 5)) return undefined
  return best
}

/** The uses of a capitalized word in one role (see {@link rawRole}), as {@link analyse} groups transliterations. */
interface RoleUses {
  readonly form: string
  readonly role: string
  uses: number
  readonly givenKeys: Set<string>
  /** Where the first of these uses is: its rank among the paragraph's first uses (in the draft, see {@link analyse}). */
  first: number
}

/** What one paragraph writes of its capitalized words, for {@link analyse}. */
interface Summary {
  /** The same for two paragraphs that say the same of their names (see {@link summarize}). */
  readonly id: number
  /** Per capitalized word: written in a full name somewhere, alone everywhere, the given names before it. */
  readonly forms: ReadonlyMap<string, {readonly isInFullName: boolean; readonly isAlone: boolean; readonly givenKeys: ReadonlySet<string>}>
  /** Per capitalized word and role, in the order first written. */
  readonly roles: readonly RoleUses[]
  /** The surnames of its name pairs (`Scholz` in `Olaf Scholz`). */
  readonly surnames: ReadonlySet<string>
  /** The given names of its name pairs by folded surname, with their uses, in the order first written. */
  readonly givens: ReadonlyArray<{readonly surname: string; readonly given: string; uses: number}>
}

const summaries = new LRUCache<string, Summary>({max: 4000})
/** Summaries by what they say, so that a paragraph edited outside its names keeps its summary's id. */
const canonical = new LRUCache<string, Summary>({max: 4000})
let nextId = 0

function summarize(model: NameModel, text: string): Summary {
  const summary = summarizeNames(model, text)
  // With the counts that `analyse` reads from the name index.
  const signature = JSON.stringify([
    [...summary.forms].map(([form, item]) => [form, item.isInFullName, item.isAlone, [...item.givenKeys]]),
    summary.roles.map((item) => [item.form, item.role, item.uses, [...item.givenKeys], item.first]),
    [...summary.surnames],
    summary.givens.map((item) => [item.surname, item.given, item.uses]),
    [...model.allCapitalized].map(([form, tokens]) => [form, tokens.length]),
    [...model.capitalized.keys()],
  ])
  let same = canonical.get(signature)
  if (!same) canonical.set(signature, (same = {...summary, id: nextId++}))
  return same
}

function summarizeNames(model: NameModel, text: string): Omit<Summary, 'id'> {
  const forms = new Map<string, {isInFullName: boolean; isAlone: boolean; givenKeys: Set<string>}>()
  const roles = new Map<string, RoleUses>()
  for (const [form, tokens] of model.allCapitalized) {
    const givenKeys = new Set<string>()
    let isFull = false
    let isAloneEverywhere = true
    for (const token of tokens) {
      isFull ||= isInFullNameAt(model, token)
      isAloneEverywhere &&= isAloneAt(model, token)
      const key = givenKeyAt(model, token)
      if (key !== undefined) givenKeys.add(key)
      const role = rawRole(model, token)
      let entry = roles.get(`${role}\u0000${form}`)
      if (!entry) roles.set(`${role}\u0000${form}`, (entry = {form, role, uses: 0, givenKeys: new Set(), first: token.index}))
      entry.uses++
      if (key !== undefined) entry.givenKeys.add(key)
    }
    forms.set(form, {isInFullName: isFull, isAlone: isAloneEverywhere, givenKeys})
  }
  const pairs = namePairs(model, text)
  const givens = new Map<string, {surname: string; given: string; uses: number}>()
  for (const [given, surname] of pairs) {
    const key = `${fold(surname.text)}\u0000${given.text}`
    const entry = givens.get(key)
    if (entry) entry.uses++
    else givens.set(key, {surname: fold(surname.text), given: given.text, uses: 1})
  }
  // Only the order of first uses matters: by rank, so that words typed around the names keep the summary.
  const ordered = [...roles.values()].sort((a, b) => a.first - b.first)
  ordered.forEach((entry, rank) => (entry.first = rank))
  return {forms, roles: [...roles.values()], surnames: new Set(pairs.map(([, surname]) => surname.text)), givens: [...givens.values()]}
}

/** The given name before a capitalized word (its transliteration key), as {@link isOtherPerson} compares them. */
function givenKeyAt(model: NameModel, token: NameToken): string | undefined {
  const before = model.tokens[token.index - 1]
  const isGiven =
    before &&
    before.sentence === token.sentence &&
    before.isCapitalized &&
    /^[ \u00a0]$/u.test(token.gap) &&
    before.isMeaningful &&
    !personTitles.has(before.text.toLowerCase()) &&
    !titleAbbreviations.has(before.text) &&
    !/^(?:The|A|An)$/.test(before.text)
  return isGiven ? transliterationKey(before.text) : undefined
}

/** Whether a use of a word comes after a given name, an initial or a title (`Milei` in `Javier Milei`, `Bush` in `George W. Bush`, `Salha` in `Dr. Salha`). */
function isInFullNameAt(model: NameModel, token: NameToken): boolean {
  const before = model.tokens[token.index - 1]
  if (before === undefined || before.sentence !== token.sentence) return false
  if (/^\.[ \u00a0]$/u.test(token.gap)) return before.isInitial || titleAbbreviations.has(before.text)
  return /^[ \u00a0]$/u.test(token.gap) && (before.isCapitalized || nameParticles.has(before.text))
}

/** Whether a use of a word stands outside a run of names (`Viera informed`, not `Jenson Button`). */
function isAloneAt(model: NameModel, token: NameToken): boolean {
  return [model.tokens[token.index - 1], model.tokens[token.index + 1]].every((other) => {
    if (!other || other.sentence !== token.sentence || !other.isCapitalized) return true
    return !/^[ \u00a0]$/u.test(other.index < token.index ? token.gap : other.gap)
  })
}

/**
 * A use's role in a name, before the run settings say whether the word is a given name:
 * `given …` (a given name, by the transliteration of the surname after it, past a particle),
 * else `T` and the title before it (`mr`), if any.
 */
function rawRole(model: NameModel, token: NameToken): string {
  const next = model.tokens[token.index + 1]
  const previous = model.tokens[token.index - 1]
  const isGiven = next !== undefined && next.sentence === token.sentence && /^[ \u00a0]$/u.test(next.gap) && (next.isCapitalized || nameParticles.has(next.text))
  if (isGiven) {
    // `Mohammed bin Salman`, `Mohamed bin Zayed`: past a particle, the name after it too.
    const afterParticle = nameParticles.has(next.text) ? model.tokens[next.index + 1] : undefined
    return `given ${transliterationKey(next.text)} ${afterParticle && afterParticle.sentence === token.sentence ? transliterationKey(afterParticle.text) : ''}`
  }
  const title =
    previous !== undefined &&
    previous.sentence === token.sentence &&
    /^\.?[ \u00a0]$/u.test(token.gap) &&
    previous.isCapitalized &&
    (personTitles.has(previous.text.toLowerCase()) || titleAbbreviations.has(previous.text))
      ? previous.text.toLowerCase()
      : ''
  return `T${title}`
}

/** The role a use of `form` takes in the groups of transliterations (`''`: none). */
function roleOf(raw: string, form: string, people: PeopleIndex): string {
  if (raw.startsWith('given ')) return raw
  const title = raw.slice(1)
  return people.nameParts.has(fold(form)) ? (title ? `title ${title}` : '') : 'surname'
}

/**
 * What the whole draft says about each capitalized word, for {@link variants}: the spelling
 * its uses should take, by the pass that finds it (near spellings, long surnames,
 * transliterations by role, given names by surname), and `fact`, all of that in one string.
 */
interface Analysis {
  readonly near: ReadonlyMap<string, string>
  readonly long: ReadonlyMap<string, string>
  /** By `role transliteration-key`, NUL, form. */
  readonly transliterations: ReadonlyMap<string, string>
  /** By folded surname, NUL, given name. */
  readonly givens: ReadonlyMap<string, string>
  fact(form: string): string
}

const analyses = new WeakMap<NameIndex, WeakMap<RuleContext, Analysis>>()
/** Analyses by the ids of the paragraphs' summaries and the capitalized words the draft also writes in lowercase: what `analyse` reads. */
const analysesBySummaries = new WeakMap<RuleContext, LRUCache<string, Analysis>>()

/** The {@link Analysis} of the draft of `tree` (once per tree and run settings; the same while an edit changes no name). */
function analysisOf(tree: Root, file: VFile, context: RuleContext): Analysis {
  const index = getNameIndex(tree, file)
  // A windowed lint: the whole draft's, from the survey's sums (once per draft).
  const window = file.data.copydeskWindow
  if (window) {
    const state = windowState(window)
    return (state.analysis ??= analyse(index, state.sums, context))
  }
  let byContext = analyses.get(index)
  if (!byContext) analyses.set(index, (byContext = new WeakMap()))
  let analysis = byContext.get(context)
  if (!analysis) {
    const list = paragraphSummaries(tree, file, summaries, summarize)
    const lowercase: string[] = []
    for (const form of index.allCapitalized.keys()) if (index.lowercase.has(form.toLowerCase())) lowercase.push(form)
    const key = `${list.map((summary) => summary.id).join(',')}|${lowercase.join('\u0000')}`
    let cache = analysesBySummaries.get(context)
    if (!cache) analysesBySummaries.set(context, (cache = new LRUCache({max: 16})))
    analysis = cache.get(key)
    if (!analysis) cache.set(key, (analysis = analyse(index, sumSummaries(list, context), context)))
    byContext.set(context, analysis)
  }
  return analysis
}

/**
 * Spellings of one name that the draft mixes: `Zelenksy` once beside `Zelensky` (a slip, or
 * one edit), `Erdogan` beside `Erdoğan` (a variant: the minority is reported only when the
 * draft mixes them), `Dmitri Peskov` beside `Dmitry Peskov` (given names with one surname).
 * Decided per word from counts and summaries of the whole draft ({@link analyse}), reported
 * here on the uses in `model`.
 */
function variants(
  model: NameModel,
  analysis: Analysis,
  pairs: readonly Pair[],
  report: (finding: Finding) => void,
  context: RuleContext,
  read: ((fact: DraftFact) => void) | undefined,
): void {
  const people = getPeople(context.names)
  if (read) {
    for (const form of model.allCapitalized.keys()) {
      read({key: `variant:${form}`, answer: analysis.fact(form), recheck: (tree, file) => analysisOf(tree, file, context).fact(form)})
    }
  }
  for (const [form, tokens] of model.allCapitalized) {
    const expected = analysis.near.get(form)
    if (expected !== undefined) for (const token of tokens) report({token, expected})
  }
  for (const [form, tokens] of model.allCapitalized) {
    const expected = analysis.long.get(form)
    if (expected !== undefined) for (const token of tokens) report({token, expected})
  }
  for (const [form, tokens] of model.allCapitalized) {
    for (const token of tokens) {
      const role = roleOf(rawRole(model, token), form, people)
      const expected = role ? analysis.transliterations.get(`${role} ${transliterationKey(form)}\u0000${form}`) : undefined
      if (expected !== undefined) report({token, expected})
    }
  }
  for (const [given, surname] of pairs) {
    const expected = analysis.givens.get(`${fold(surname.text)}\u0000${given.text}`)
    if (expected !== undefined) report({token: given, expected})
  }
}

/** The paragraphs' {@link Summary summaries} summed, in the draft's order. */
interface Sums {
  readonly facts: Map<string, {isInFullName: boolean; isAlone: boolean; givenKeys: Set<string>}>
  readonly roles: Map<string, RoleUses>
  readonly surnames: Set<string>
  readonly givenBySurname: Map<string, Map<string, number>>
  /** Paragraphs summed so far. */
  paragraphs: number
}

function emptySums(): Sums {
  return {facts: new Map(), roles: new Map(), surnames: new Set(), givenBySurname: new Map(), paragraphs: 0}
}

function sumSummaries(list: readonly Summary[], context: RuleContext): Sums {
  const sums = emptySums()
  for (const summary of list) addSummary(sums, summary, context)
  return sums
}

/** What a windowed lint keeps of the draft for this rule (see `WindowRun`). */
interface WindowState {
  readonly sums: Sums
  /** Per capitalized word (4 letters or more): the capitalized words before its unpaired uses, folded (see {@link nameBefore}). */
  readonly befores: Map<string, Set<string>>
  readonly surveyed: WeakSet<object>
  analysis?: Analysis
}

function windowState(window: WindowRun): WindowState {
  let state = window.state.get('name-spelling') as WindowState | undefined
  if (!state) window.state.set('name-spelling', (state = {sums: emptySums(), befores: new Map(), surveyed: new WeakSet()}))
  return state
}

/** Windowed lint, survey pass: the window's names in the draft's name index and this rule's sums. */
function surveyWindow(tree: Root, file: VFile, context: RuleContext): void {
  const window = file.data.copydeskWindow!
  const state = windowState(window)
  if (state.surveyed.has(window)) return
  state.surveyed.add(window)
  surveyNames(tree, file)
  for (const summary of paragraphSummaries(tree, file, summaries, summarize, window.nodes)) addSummary(state.sums, summary, context)
  const house = houseNames(context.names)
  if (house.length === 0) return
  // The house list asks of each name whether the draft gives it to someone else (`checkHouse`).
  const model = getPartNameModel(tree, window.nodes, file)
  const paired = housePairs(namePairs(model, String(file.value ?? '')), house, () => {})
  for (const [form, tokens] of model.allCapitalized) {
    if (form.length < 4) continue
    for (const token of tokens) {
      const before = nameBefore(model, token, paired)
      if (!before) continue
      let set = state.befores.get(form)
      if (!set) state.befores.set(form, (set = new Set()))
      set.add(fold(before.text))
    }
  }
}

/** Add a paragraph's summary (the next in the draft) to the sums. */
function addSummary(sums: Sums, summary: Summary, context: RuleContext): void {
  const people = getPeople(context.names)
  const {facts, roles, surnames, givenBySurname} = sums
  const at = sums.paragraphs++
  for (const [form, item] of summary.forms) {
    const entry = facts.get(form)
    if (!entry) facts.set(form, {isInFullName: item.isInFullName, isAlone: item.isAlone, givenKeys: new Set(item.givenKeys)})
    else {
      entry.isInFullName ||= item.isInFullName
      entry.isAlone &&= item.isAlone
      for (const key of item.givenKeys) entry.givenKeys.add(key)
    }
  }
  for (const item of summary.roles) {
    const role = roleOf(item.role, item.form, people)
    if (!role) continue
    const key = `${role} ${transliterationKey(item.form)}\u0000${item.form}`
    // In the draft's order: by paragraph, then by token.
    const first = at * 2 ** 24 + item.first
    const entry = roles.get(key)
    if (!entry) roles.set(key, {form: item.form, role, uses: item.uses, givenKeys: new Set(item.givenKeys), first})
    else {
      entry.uses += item.uses
      entry.first = Math.min(entry.first, first)
      for (const given of item.givenKeys) entry.givenKeys.add(given)
    }
  }
  for (const surname of summary.surnames) surnames.add(surname)
  for (const {surname, given, uses} of summary.givens) {
    let map = givenBySurname.get(surname)
    if (!map) givenBySurname.set(surname, (map = new Map<string, number>()))
    map.set(given, (map.get(given) ?? 0) + uses)
  }
}

/** See {@link Analysis}: the rules of {@link variants}, on the draft's counts and summaries. */
function analyse(index: NameIndex, sums: Sums, context: RuleContext): Analysis {
  const people = getPeople(context.names)
  const dictionary = getDictionary(context.language)
  const nouns = getProperNouns()
  const accepted = new Set(context.dictionary)
  const isKnownWord = (word: string) =>
    people.nameWords.has(fold(word)) || nouns.has(word.toLowerCase()) || isCommonWord(word.toLowerCase(), dictionary) || dictionary.has(word) || accepted.has(word)
  const isPlaceOrWord = (word: string) => nouns.has(word.toLowerCase()) || isCommonWord(word.toLowerCase(), dictionary) || dictionary.has(word)
  const {facts, roles, surnames, givenBySurname} = sums
  const isInFullName = (form: string) => facts.get(form)?.isInFullName ?? false
  const isAlone = (form: string) => facts.get(form)?.isAlone ?? true
  const countOf = (form: string) => index.allCapitalized.get(form) ?? 0
  /** `Heydar Aliev` beside `Ilham Aliyev`: both written after given names, never the same one — two people. */
  const isOtherPerson = (mine: ReadonlySet<string>, theirs: ReadonlySet<string>) => mine.size > 0 && theirs.size > 0 && ![...mine].some((key) => theirs.has(key))
  const near = new Map<string, string>()
  const long = new Map<string, string>()
  const transliterations = new Map<string, string>()
  const givens = new Map<string, string>()
  const pieces = new Map<string, string[]>()
  const tell = (form: string, piece: string) => {
    const list = pieces.get(form)
    if (list) list.push(piece)
    else pieces.set(form, [piece])
  }

  // `Gdańska` beside `Gdański` (`Stocznia Gdańska`, `Uniwersytet Gdański`): a place name
  // inflected in its own language, not a slip; nor is a product name (`XiaoAI` by `Xiaomi`).
  const isInflectedPlace = (form: string) => {
    const lower = form.toLowerCase()
    for (let cut = 1; cut <= 3 && cut < lower.length - 3; cut++) if (nouns.has(lower.slice(0, -cut))) return true
    return false
  }
  const forms = [...index.allCapitalized.entries()].filter(([form]) => form.length >= 5 && !isCamelCase(form) && !isInflectedPlace(form))
  const isAccentVariant = (a: string, b: string) => a !== b && fold(a) === fold(b)
  // Forms one edit apart share a key: the folded form or it less one letter (symmetric
  // deletion), so a long draft compares only near forms, not every pair.
  const buckets = new Map<string, string[]>()
  const foldedForms = new Map(forms.map(([form]) => [form, fold(form)]))
  for (const [form, folded] of foldedForms) {
    const keys = new Set([folded])
    for (let at = 0; at < folded.length; at++) keys.add(folded.slice(0, at) + folded.slice(at + 1))
    for (const key of keys) {
      const bucket = buckets.get(key)
      if (bucket) bucket.push(form)
      else buckets.set(key, [form])
    }
  }
  const nearForms = (form: string) => {
    const folded = foldedForms.get(form)!
    const found = new Set<string>()
    for (let at = -1; at < folded.length; at++) {
      const key = at === -1 ? folded : folded.slice(0, at) + folded.slice(at + 1)
      for (const other of buckets.get(key) ?? []) found.add(other)
    }
    return found
  }
  for (const [form, uses] of forms) {
    for (const other of nearForms(form)) {
      if (other === form || near.has(form)) continue
      const otherUses = countOf(other)
      if (isAccentVariant(form, other)) {
        // `Erdogan` once, `Erdoğan` twice: the majority wins; a tie goes to the known form.
        const otherWins = otherUses > uses || (otherUses === uses && people.nameWords.has(fold(other)) && /[^\p{ASCII}]/u.test(other) && !/[^\p{ASCII}]/u.test(form))
        if (otherWins) near.set(form, other)
        continue
      }
      if (isCamelCase(other) || isInflectedPlace(other)) continue
      if (isOtherPerson(facts.get(form)?.givenKeys ?? new Set(), facts.get(other)?.givenKeys ?? new Set())) continue
      // `Russians`/`Russian`, `Smiths`/`Smith`: endings, not slips; nor is a wife's or a
      // daughter's form of a Slavic surname (`Olena Zelenska`, `Volodymyr Zelensky`).
      if (fold(form).replace(/s$/, '') === fold(other).replace(/s$/, '') || isFeminineForm(form, other) || isFeminineForm(other, form)) continue
      if (editDistance(fold(form), fold(other), 1) !== 1) continue
      // `The chancellor Viera` once beside `Mauro Vieira`: a surname alone, one slip from the
      // known surname of a full name the draft uses, is that person even without a majority.
      // (`Philips said` beside `Mark Phillips`: a surname the dictionary knows is still a slip there.)
      const isSurnameSlip =
        otherUses >= uses &&
        people.bySurname.has(fold(other)) &&
        isInFullName(other) &&
        isAlone(form) &&
        !nouns.has(form.toLowerCase()) &&
        !isCommonWord(form.toLowerCase(), dictionary)
      if (isKnownWord(form) && !isSurnameSlip) continue // `Hansen` beside `Jansen`: two people.
      // `Norte` beside `North`, `Panaman` beside `Panama`: a word or a place, not a person's
      // name (a misspelled place is `spelling`'s).
      // But a surname in a person's full name stays a name (`Jude Bellingham`, `Hans Kluge`).
      // (An everyday word there is still a word: `Norte` beside `Oliver North`.)
      const isOtherSurname = isInFullName(other) && !index.lowercase.has(other.toLowerCase()) && !isEverydayWord(other.toLowerCase(), dictionary)
      if (isPlaceOrWord(other) && !isOtherSurname) continue
      // On a tie, the known spelling wins, or the one of the full name at first mention
      // (`Javier Milei` … `Millei later said`).
      // (The full mention first: `Naim Qassem` … `Qasem said` keeps `Qassem`, though both are names.)
      const [otherFull, formFull] = [isInFullName(other), isInFullName(form)]
      const otherWinsTie = otherFull !== formFull ? otherFull : people.nameWords.has(fold(other)) && !people.nameWords.has(fold(form))
      if (!(otherUses > uses || (otherUses === uses && (otherWinsTie || isSurnameSlip)))) continue
      // Both must be used as names: capitalized where a capital means something, somewhere.
      if (!index.capitalized.has(other) && !index.capitalized.has(form)) continue
      near.set(form, other)
    }
    if (near.has(form)) tell(form, `n${near.get(form)}`)
  }
  // `Sheimbaun` beside `Claudia Sheinbaum`: two slips in a long surname that the draft writes
  // in a full name, no more often than that name.
  const longSurnames = [...surnames].filter((form) => form.length >= 8)
  for (const [form, uses] of forms) {
    if (form.length < 8 || surnames.has(form) || isKnownWord(form) || !isAlone(form)) continue
    const matches = longSurnames.filter(
      (other) => fold(other)[0] === fold(form)[0] && editDistance(fold(form), fold(other), 2) === 2 && countOf(other) >= uses && !isTransliteration(form, other),
    )
    if (matches.length === 1) {
      long.set(form, matches[0])
      tell(form, `l${matches[0]}`)
    }
  }

  // Transliterations the draft mixes: `Zelenskiy` once beside `Zelenskyy`, `Rublyov` beside
  // `Andrey Rublev`, `Sheikh Muhammad` beside `Sheikh Mohammed`. A given name counts only
  // with the same surname or title after or before it: `Mohamed Irfaan Ali` and `Mohammed bin
  // Salman` are two people. The majority wins; on a tie, the first full mention.
  const groups = new Map<string, RoleUses[]>()
  for (const entry of roles.values()) {
    const form = entry.form
    if (form.length < 4 || isCamelCase(form) || isInflectedPlace(form)) continue
    const key = `${entry.role} ${transliterationKey(form)}`
    const group = groups.get(key)
    if (group) group.push(entry)
    else groups.set(key, [entry])
  }
  for (const [key, group] of groups) {
    if (group.length < 2) continue
    // Both are used as names: one of them in a full name, or known.
    if (!group.some(({form}) => isInFullName(form) || people.nameWords.has(fold(form)))) continue
    const entries = [...group].sort((a, b) => b.uses - a.uses || Number(isInFullName(b.form)) - Number(isInFullName(a.form)) || a.first - b.first)
    const winner = entries[0]
    for (const entry of entries.slice(1)) {
      if (isPlaceOrWord(entry.form) && !people.nameWords.has(fold(entry.form))) continue
      if (isOtherPerson(entry.givenKeys, winner.givenKeys)) continue
      transliterations.set(`${key}\u0000${entry.form}`, winner.form)
      tell(entry.form, `t${key}\u0000${winner.form}`)
    }
  }

  // `Dmitri Peskov` beside `Dmitry Peskov`: given names one letter apart, one surname.
  for (const [surname, map] of givenBySurname) {
    // `Jon Smith` and `Joe Smith`: a common surname is shared by different people.
    if (isCommonWord(surname, dictionary) || (people.bySurname.get(surname)?.length ?? 0) > 5) continue
    for (const [form, uses] of map) {
      for (const [other, otherUses] of map) {
        if (other === form || editDistance(fold(form), fold(other), 1) !== 1) continue
        // The majority wins; on a tie, only a known spelling over an unknown one.
        if (otherUses > uses || (otherUses === uses && isKnownWord(other) && !isKnownWord(form))) {
          givens.set(`${surname}\u0000${form}`, other)
          tell(form, `g${surname}\u0000${other}`)
          break
        }
      }
    }
  }
  return {near, long, transliterations, givens, fact: (form) => pieces.get(form)?.join('\u0001') ?? ''}
}

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
import {location} from 'vfile-location'
import {defineRule, type MessageFields, type RuleContext} from '../../src/rule.js'
import {editDistance, fold, nameDistance, getDictionary, getPeople, getProperNouns, isCommonWord, type PeopleIndex} from '../lib/gazetteer.js'
import {getNameModel, type NameModel, type NameToken} from '../lib/proper-nouns.js'
import type {Lookup} from '../lib/dictionary-lookup.js'

export default defineRule({
  id: 'name-spelling',
  meta: {
    description: 'Flag a misspelled name of a person.',
    why: 'A misspelled name is the error readers and the people named notice first; a near miss of a known name, or of the spelling the same article uses, is almost always a slip.',
    severity: 'warning',
    fixable: false,
    examples: {bad: 'U.S. Secretary of State Mako Rubio spoke to Lavrov.', good: 'U.S. Secretary of State Marco Rubio spoke to Lavrov.'},
  },
  plugin(_options, context: RuleContext) {
    return (tree, file) => {
      check(tree, file, context)
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

function check(tree: Root, file: VFile, context: RuleContext): void {
  const model = getNameModel(tree, file)
  if (model.allCapitalized.size === 0) return
  const people = getPeople(context.names)
  const dictionary = getDictionary(context.language)
  const nouns = getProperNouns()
  /** A word that is a name in its own right, a place, or an English word: never a slip of another. */
  const isKnownWord = (word: string) =>
    people.nameWords.has(fold(word)) ||
    nouns.has(word.toLowerCase()) ||
    isCommonWord(word.toLowerCase(), dictionary) ||
    dictionary.has(word) || // `Americas`, `Shia`: the dictionary's own proper nouns.
    context.dictionary.includes(word)
  const findings = new Map<number, Finding>()
  const report = (finding: Finding) => {
    if (!findings.has(finding.token.index)) findings.set(finding.token.index, finding)
  }

  // Given name + surname pairs of the draft.
  const pairs: Array<readonly [NameToken, NameToken]> = []
  for (const run of model.runs) {
    const words = run.filter((token) => token.isCapitalized)
    for (let index = 0; index + 1 < words.length; index++) {
      if (words[index + 1].index === words[index].index + 1) pairs.push([words[index], words[index + 1]])
    }
  }
  const isKnownPerson = (given: string, surname: string) => people.fullNames.has(fold(`${given} ${surname}`)) || [...people.bySurname.get(fold(surname)) ?? []].some((person) => fold(person.words[0]) === fold(given))

  for (const [given, surname] of pairs) {
    if (isKnownPerson(given.text, surname.text)) continue
    // `Mako Rubio`: a known surname with a given name one or two slips from its person's.
    const bySurname = people.bySurname.get(fold(surname.text)) ?? []
    // `Mark Rubio` may be another Rubio: a real given name is left alone (`Mako` is not one)
    // unless the surname is one person's alone (`Emanuel Macron`), and then one slip only.
    const isGivenName = people.nameParts.has(fold(given.text))
    const isDistinctive = !people.nameParts.has(fold(surname.text))
    // `Jenson Huang` for `Jensen Huang`: one letter swapped in a long given name is a slip,
    // even when the slip is a name too (not a letter more or less: `Mark`/`Marco`).
    if (bySurname.length > 0 && bySurname.length <= 3 && !isEverydayWord(surname.text.toLowerCase(), dictionary)) {
      const match = closest(given.text, bySurname.map((person) => person.words[0]), isGivenName ? 1 : maxEdits(given.text))
      if (match && (!isGivenName || isDistinctive || isOneSwap(given.text, match))) {
        const person = bySurname.find((item) => item.words[0] === match)!
        report({token: given, expected: match, source: person.name})
        continue
      }
    }
    // `António Gutteres`: a known given name with a surname one slip from its person's.
    const byGiven = people.byGiven.get(fold(given.text)) ?? []
    if (byGiven.length > 0 && !isKnownWord(surname.text)) {
      // `Gutteres` is two slips from `Guterres`; with a common given name (`John`) so many
      // surnames are within two slips that only one counts.
      const limit = byGiven.length <= 30 ? maxEdits(surname.text) : 1
      const match = closest(surname.text, byGiven.map((person) => person.words.at(-1)!), limit)
      if (match) {
        const person = byGiven.find((item) => item.words.at(-1) === match)!
        // Only when the draft never writes the person correctly is the list the authority;
        // otherwise the draft's own majority decides below.
        report({token: surname, expected: match, source: person.name})
      }
    }
  }

  // The draft against itself: the same person spelled two ways.
  const isPlaceOrWord = (word: string) => nouns.has(word.toLowerCase()) || isCommonWord(word.toLowerCase(), dictionary) || dictionary.has(word)
  variants(model, people, isKnownWord, isPlaceOrWord, dictionary, report, pairs)

  const text = String(file.value ?? '')
  const place = location(file)
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

/** One letter replaced or two swapped, in a name of five letters or more (`Jenson`/`Jensen`). */
function isOneSwap(word: string, other: string): boolean {
  const [a, b] = [fold(word), fold(other)]
  return a.length >= 5 && a.length === b.length && editDistance(a, b, 1) === 1
}

/** Whether the draft writes `form` after a given name (`Milei` in `Javier Milei`). */
function isInFullName(model: NameModel, form: string): boolean {
  return (model.allCapitalized.get(form) ?? []).some((token) => {
    const before = model.tokens[token.index - 1]
    return before !== undefined && before.sentence === token.sentence && before.isCapitalized && /^[ \u00a0]$/u.test(token.gap)
  })
}

/** Whether the draft writes `form` only outside runs of names (`Viera informed`, not `Jenson Button`). */
function isAlone(model: NameModel, form: string): boolean {
  return (model.allCapitalized.get(form) ?? []).every((token) =>
    [model.tokens[token.index - 1], model.tokens[token.index + 1]].every((other) => {
      if (!other || other.sentence !== token.sentence || !other.isCapitalized) return true
      return !/^[ \u00a0]$/u.test(other.index < token.index ? token.gap : other.gap)
    }),
  )
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

/**
 * Spellings of one name that the draft mixes: `Zelenksy` once beside `Zelensky` (a slip, or
 * one edit), `Erdogan` beside `Erdoğan` (a variant: the minority is reported only when the
 * draft mixes them), `Dmitri Peskov` beside `Dmitry Peskov` (given names with one surname).
 */
function variants(
  model: NameModel,
  people: PeopleIndex,
  isKnownWord: (word: string) => boolean,
  isPlaceOrWord: (word: string) => boolean,
  dictionary: Lookup,
  report: (finding: Finding) => void,
  pairs: ReadonlyArray<readonly [NameToken, NameToken]>,
): void {
  const forms = [...model.allCapitalized.entries()].filter(([form]) => form.length >= 5)
  const countOf = (form: string) => model.allCapitalized.get(form)?.length ?? 0
  const isAccentVariant = (a: string, b: string) => a !== b && fold(a) === fold(b)
  // Forms one edit apart share a key: the folded form or it less one letter (symmetric
  // deletion), so a long draft compares only near forms, not every pair.
  const buckets = new Map<string, string[]>()
  const foldedForms = new Map(forms.map(([form]) => [form, fold(form)]))
  for (const [form, folded] of foldedForms) {
    const keys = new Set([folded])
    for (let index = 0; index < folded.length; index++) keys.add(folded.slice(0, index) + folded.slice(index + 1))
    for (const key of keys) {
      const list = buckets.get(key)
      if (list) list.push(form)
      else buckets.set(key, [form])
    }
  }
  const nearForms = (form: string) => {
    const folded = foldedForms.get(form)!
    const near = new Set<string>()
    for (let index = -1; index < folded.length; index++) {
      const key = index === -1 ? folded : folded.slice(0, index) + folded.slice(index + 1)
      for (const other of buckets.get(key) ?? []) near.add(other)
    }
    return near
  }
  for (const [form, tokens] of forms) {
    for (const other of nearForms(form)) {
      if (other === form) continue
      const uses = tokens.length
      const otherUses = countOf(other)
      if (isAccentVariant(form, other)) {
        // `Erdogan` once, `Erdoğan` twice: the majority wins; a tie goes to the known form.
        const otherWins = otherUses > uses || (otherUses === uses && people.nameWords.has(fold(other)) && /[^\p{ASCII}]/u.test(other) && !/[^\p{ASCII}]/u.test(form))
        if (otherWins) for (const token of tokens) report({token, expected: other})
        continue
      }
      // `Russians`/`Russian`, `Smiths`/`Smith`: endings, not slips.
      if (fold(form).replace(/s$/, '') === fold(other).replace(/s$/, '')) continue
      if (editDistance(fold(form), fold(other), 1) !== 1) continue
      // `The chancellor Viera` once beside `Mauro Vieira`: a surname alone, one slip from the
      // known surname of a full name the draft uses, is that person even without a majority.
      const isSurnameSlip = otherUses >= uses && people.bySurname.has(fold(other)) && isInFullName(model, other) && isAlone(model, form) && !isPlaceOrWord(form)
      if (isKnownWord(form) && !isSurnameSlip) continue // `Hansen` beside `Jansen`: two people.
      // `Norte` beside `North`, `Panaman` beside `Panama`: a word or a place, not a person's
      // name (a misspelled place is `spelling`'s).
      // But a surname in a person's full name stays a name (`Jude Bellingham`, `Hans Kluge`).
      // (An everyday word there is still a word: `Norte` beside `Oliver North`.)
      const isOtherSurname = isInFullName(model, other) && !model.lowercase.has(other.toLowerCase()) && !isEverydayWord(other.toLowerCase(), dictionary)
      if (isPlaceOrWord(other) && !isOtherSurname) continue
      // On a tie, the known spelling wins, or the one of the full name at first mention
      // (`Javier Milei` … `Millei later said`).
      const otherWinsTie = people.nameWords.has(fold(other)) || (isInFullName(model, other) && !isInFullName(model, form))
      if (!(otherUses > uses || (otherUses === uses && (otherWinsTie || isSurnameSlip)))) continue
      // Both must be used as names: capitalized where a capital means something, somewhere.
      if (!model.capitalized.has(other) && !model.capitalized.has(form)) continue
      for (const token of tokens) report({token, expected: other})
    }
  }
  // `Dmitri Peskov` beside `Dmitry Peskov`: given names one letter apart, one surname.
  const givenBySurname = new Map<string, Map<string, NameToken[]>>()
  for (const [given, surname] of pairs) {
    const key = fold(surname.text)
    let map = givenBySurname.get(key)
    if (!map) givenBySurname.set(key, (map = new Map()))
    const list = map.get(given.text)
    if (list) list.push(given)
    else map.set(given.text, [given])
  }
  for (const [surname, map] of givenBySurname) {
    // `Jon Smith` and `Joe Smith`: a common surname is shared by different people.
    if (isCommonWord(surname, dictionary) || (people.bySurname.get(surname)?.length ?? 0) > 5) continue
    for (const [form, tokens] of map) {
      for (const [other, otherTokens] of map) {
        if (other === form || editDistance(fold(form), fold(other), 1) !== 1) continue
        // The majority wins; on a tie, only a known spelling over an unknown one.
        if (otherTokens.length > tokens.length || (otherTokens.length === tokens.length && isKnownWord(other) && !isKnownWord(form))) {
          for (const token of tokens) report({token, expected: other})
        }
      }
    }
  }
}

/**
 * `spelling`: an ordinary misspelled word (`ther`, `goverment`, `Tusday`), checked against
 * `dictionary-en` (or `dictionary-en-gb`) with the verdicts of `retext-spell`.
 *
 * retext-spell builds its nspell checker from the Hunspell files on every start (~0.4 s),
 * so this rule asks the same questions of the expanded forms compiled at build time
 * (`rules/lib/dictionary-lookup.ts`, `rules/lib/data/dictionaries.bin`) and ranks its own
 * suggestions (`suggest.ts`, candidates from `candidates.ts`) only for the words it flags. What it leaves alone goes beyond retext-spell, because news copy is full
 * of names, acronyms, numbers, addresses and run-together words: see `docs/rules/spelling.md`.
 */
import {LRUCache} from 'lru-cache'
import type {Parent, Root, Word} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import {pointEnd, pointStart} from 'unist-util-position'
import {textOf, walk as visit} from '../lib/walk.js'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {defineRule, hasStopped, mayReport, type DraftFact, type MessageFields, type RuleContext} from '../../src/rule.js'
import {lowercaseNames} from '../lib/lowercase-names.js'
import {nameParticles} from '../lib/name-particles.js'
import {isLikelyName} from '../lib/names.js'
import {surveyNames} from '../lib/proper-nouns.js'

import {closedUpExceptions as closedUpList, compoundPrefixes, derivationPrefixes, foreignPhrases, interjections, newsWords} from './data.js'
import {dictionaryPackages, getLookup, isInWordList, type Lookup} from '../lib/dictionary-lookup.js'
import {easySlip, frequencyOf, likelierWord, maxSuggestions, type LikelierWordLimits, maxWordLength, nearestSlip, suggest} from './suggest.js'

/** One word of a word node: `Russia’s` in `Russia’s`, `beforehand` and `The` in `beforehand.The`. */
interface Unit {
  /** The text as written. */
  readonly text: string
  /** The children it spans. */
  readonly nodes: Word['children']
  /** The punctuation just before and after it inside the word node (`.`, `-`), if any. */
  readonly before: string | undefined
  readonly after: string | undefined
}

const prefixes = new Set(compoundPrefixes)
const closedUpExceptions = new Set(closedUpList)
const phrases = new Set(foreignPhrases)
const interjectionSet = new Set(interjections)
/** Words that occur only inside a foreign phrase (`se`, `facto`, `et`). */
const phraseWords = new Set(foreignPhrases.flatMap((phrase) => phrase.split(' ')))
const apostrophes = new Set(["'", '’'])

/**
 * Offsets `[start, end)` of text that is not prose: URLs, e-mail addresses, `code` in
 * backticks. nlcst splits these into word nodes (`https`, `x`, `com`), so they are found on
 * the source text; only done for a file that has an unknown word.
 */
// The e-mail branch starts only where a run of its letters starts: tried at every letter of
// a run, it cost time quadratic in the run's length (a 16,000-letter “word”: 1.5 s). The
// leftmost match is the same, since a match inside a run extends back to the run's start.
const notProse = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)[^\s<>"”)]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`\n]+`/giu

export default defineRule({
  id: 'spelling',
  meta: {
    description: 'Flag a misspelled ordinary word.',
    why: 'A misspelling tells readers the copy was not checked; names, acronyms, numbers and addresses are left alone so that the misspellings stand out.',
    severity: 'warning',
    fixable: false,
    options: z.object({}).strict(),
    // Its messages flag a word a person may accept: the editor offers “Add to dictionary”.
    dictionary: true,
    examples: {bad: 'Peskov confirmed that ther are no plans to change the delegation.', good: 'Peskov confirmed that there are no plans to change the delegation.'},
    // A word's verdict depends on its sentence and on two draft-wide facts, told to the
    // language server's incremental engine: whether a capitalized word is a likely name, and
    // whether the draft writes a lowercase word with a capital (see `check`).
    partial: true,
    windowed: true,
  },
  plugin(_options, context: RuleContext) {
    let lookup: Lookup | undefined
    // Built on the first file, so that listing the rules (`copydesk rules`) loads nothing.
    const getWords = () =>
      (lookup ??= getLookup(dictionaryPackages[context.language] ?? dictionaryPackages['en-US']).extend([...newsWords, ...nameParticles, ...context.dictionary]))
    // Per-word answers, once per run (CLI) or session (language server), bounded.
    const suggestions = new LRUCache<string, string[]>({max: 10_000})
    const wellFormed = new LRUCache<string, boolean>({max: 50_000})
    // `deep: false` when the capitalized word is already the answer (`istanbul`).
    const suggestFor = (word: string, deep: boolean): string[] => {
      const key = `${deep}:${word}`
      let list = suggestions.get(key)
      if (!list) suggestions.set(key, (list = suggest(word, getWords(), {deep})))
      return list
    }
    const isWellFormedWord = (word: string): boolean => {
      let answer = wellFormed.get(word)
      if (answer === undefined) wellFormed.set(word, (answer = isWellFormed(word, getWords(), context)))
      return answer
    }

    return (tree, file) => {
      // Windowed lint: the name index that `isLikelyName` reads is summed in the survey.
      if (file.data.copydeskWindow?.pass === 'survey') return surveyNames(tree, file)
      // The draft's message limit reached in an earlier window: its report ends before this one.
      if (hasStopped(file, 'spelling')) return
      const words = getWords()
      const isInNotProse = (start: number, end: number) => notProseRanges(file).some(([from, to]) => start < to && end > from)

      // The incremental engine (`file.data.copydeskPartial`) may ask for some chunks only.
      const parts = file.data.copydeskPartial?.parts ?? [{nodes: [tree], read: undefined}]
      for (const part of parts)
        for (const root of part.nodes) {
          if (hasStopped(file, 'spelling')) return
          visit(root, 'WordNode', (node, index, parent) => {
            if (!parent || index === undefined) return
            const whole = textOf(node)
            // retext-spell's first question: the whole word, smart apostrophes as straight.
            if (words.correct(whole.includes('’') ? whole.replace(/’/g, "'") : whole)) return
            const units = split(node)
            // `example.com`, `report.pdf`, `e.g.`, `a.m.`, `2.1.3`: a point inside a word followed
            // by a lowercase letter is an address, a file name or an abbreviation, not a sentence.
            if (units.some((unit) => unit.before === '.' && /^\p{Ll}/u.test(unit.text))) return
            // `news@example.org`, `S&P`, `AT&T`, `c=d`: symbols make a code, not a word.
            if (node.children.some((child) => child.type === 'SymbolNode')) return
            const isCompound = units.length > 1 && units.some((unit) => unit.before === '-')
            // `bell hooks`, `k.d. lang`: names their bearers write in lowercase.
            if (isInLowercaseName(parent, index)) return

            for (const [at, unit] of units.entries()) {
              // `Lee Jae-myung`, `Abu al-Assad`: the parts of a hyphenated name after a capitalized one.
              if (unit.before === '-' && at > 0 && /^\p{Lu}/u.test(units[at - 1].text)) continue
              const verdict = check(unit, isCompound, words, tree, file, context, isWellFormedWord, part.read)
              if (verdict === undefined) continue
              const start = pointStart(unit.nodes[0])
              const end = pointEnd(unit.nodes.at(-1))
              if (!start || !end) continue
              if (isMention(parent, index)) return
              if (isInForeignPhrase(unit.text, parent, index)) continue
              if (start.offset !== undefined && end.offset !== undefined && isInNotProse(start.offset, end.offset)) continue
              if (isHandle(parent, index)) return
              // Suggestions cost a search: past the draft's message limit, stop looking (`mayReport`).
              if (!mayReport(file, 'spelling', start.offset ?? 0)) return false
              report(file, node, parent, unit, {start, end}, verdict, suggestFor)
            }
          })
        }
    }
  },
})

/** Whether the word at `index` is part of a name written in lowercase (`k.d. lang`). */
function isInLowercaseName(parent: Parent, index: number): boolean {
  const word = (offset: number) => {
    const node = parent.children[index + offset]
    return node?.type === 'WordNode' ? textOf(node) : undefined
  }
  const pairs = [
    [word(-2), word(0)],
    [word(0), word(2)],
  ]
  return pairs.some(([first, second]) => first !== undefined && second !== undefined && lowercaseNames.includes(`${first} ${second}`))
}

/** Split a word node into its words: text joined by apostrophes, apart at other punctuation. */
function split(node: Word): Unit[] {
  const units: Unit[] = []
  let nodes: Word['children'] = []
  let before: string | undefined
  const children = node.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    const joins = child.type === 'PunctuationNode' && apostrophes.has(child.value) && children[index - 1]?.type === 'TextNode' && children[index + 1]?.type === 'TextNode'
    if (child.type === 'TextNode' || joins) {
      nodes.push(child)
      continue
    }
    const value = textOf(child)
    if (nodes.length > 0) units.push({text: nodes.map((n) => textOf(n)).join(''), nodes, before, after: value})
    nodes = []
    before = value
  }
  if (nodes.length > 0) units.push({text: nodes.map((n) => textOf(n)).join(''), nodes, before, after: undefined})
  return units
}

/** What is wrong with a unit: `undefined` when nothing is, else the kind of report. */
type Verdict = {
  readonly stem: string
  readonly suffix: string
  /** The form with a capital, when the dictionary or the draft has it (`istanbul`). */
  readonly capital?: string
  /** The spelling with a dotted `i` for a dotless `ı` (`hıs`: `his`). */
  readonly dotted?: string
}

function check(
  unit: Unit,
  isCompound: boolean,
  words: Lookup,
  tree: Root,
  file: VFile,
  context: RuleContext,
  isWellFormedWord: (word: string) => boolean,
  read: ((fact: DraftFact) => void) | undefined,
): Verdict | undefined {
  const text = unit.text
  if (words.correct(text.replace(/’/g, "'"))) return undefined
  // `Russia’s`, `Zelensky's`, `goverment’s`: judge the word without its possessive.
  const possessive = /(?:['’]s)$/iu.exec(text)
  const stem = possessive ? text.slice(0, possessive.index) : text
  const suffix = possessive ? possessive[0] : ''
  if (possessive && words.correct(stem)) return undefined
  // `U.S.`, `e.g.`, `x-ray`, `U-turn`: single letters.
  if ([...stem].length < 2) return undefined
  // `5km`, `1990s`, `3.5bn`, `21st`, `COVID-19`.
  if (/\d/u.test(stem)) return undefined
  // `NATO`, `UNESCO`: acronyms. `iPhone`, `eBay`, `McDonald`, `O'Neill`: a capital inside.
  if (!/\p{Ll}/u.test(stem) || /.\p{Lu}/u.test(stem)) return undefined
  // `Ph.D.`, `Gen.`, `Sept.`, `Corp.`: a short or capitalized part before a point abbreviates.
  if (unit.after === '.' && (/^\p{Lu}/u.test(stem) || stem.length <= 3)) return undefined
  // `re-elect`, `pre-war`, `e-mail`.
  if (isCompound && unit.after === '-' && prefixes.has(stem.toLowerCase())) return undefined
  // `hıs`, `polıcy`: machine translation from Turkish writes the dotless `ı` for `i`. Only when
  // the dotted spelling is an English word and the word is no name (`Yıldırım`, `Sarı`).
  if (stem.includes('ı')) {
    const dotted = stem.replace(/ı/gu, 'i')
    if (!/^[a-z'’-]+$/iu.test(dotted) || !words.correct(dotted)) return undefined
    if (/^\p{Lu}/u.test(stem)) {
      const isName = isLikelyName(stem, tree, file, context)
      read?.({key: `name:${stem}`, answer: isName, recheck: (other, otherFile) => isLikelyName(stem, other, otherFile, context)})
      if (isName) return undefined
    }
    return {stem, suffix, dotted}
  }
  // `naïve`, `São`, `jihadist`: a word with letters beyond a–z is accepted when its plain
  // spelling is known, and otherwise taken as foreign (or a name) and left alone.
  if (/[^a-z'’-]/iu.test(stem)) return undefined
  // A run of letters longer than any English word the dictionaries lack (`antidisestablish-
  // mentarianism` is 28): no slip, compound or name model applies, and they cost more than
  // linear time in the length (a 4,000-letter run took 20 s). Reported, without suggestions.
  if (stem.length > maxWordLength) return {stem, suffix}
  // “Eeek”, “Aaargh!”, “Noooo”: a letter held for effect, as speech is written.
  if (isStretched(stem, words, unit, file)) return undefined
  if (isWellFormedWord(stem.toLowerCase())) return undefined
  if (/^\p{Lu}/u.test(stem)) {
    const isName = isLikelyName(stem, tree, file, context)
    // The only draft-wide fact read for a capitalized word (incremental engine).
    read?.({key: `name:${stem}`, answer: isName, recheck: (other, otherFile) => isLikelyName(stem, other, otherFile, context)})
    if (isName) return undefined
    return {stem, suffix}
  }
  // `istanbul`, `monday`, `russian`: known only with a capital.
  // `peskov` where the draft also writes `Peskov`: a name the document itself capitalizes.
  const capital = stem.charAt(0).toUpperCase() + stem.slice(1)
  const isCapitalized = isWrittenCapitalized(capital, words, file)
  // The only draft-wide fact read for a lowercase word (incremental engine).
  read?.({key: `capital:${capital}`, answer: isCapitalized, recheck: (_, otherFile) => isWrittenCapitalized(capital, words, otherFile)})
  return isCapitalized ? {stem, suffix, capital} : {stem, suffix}
}

/**
 * Whether `stem` holds a letter three times or more for effect: the word with each such run
 * shortened to one or two letters is an interjection (`Eeek`, `Aaargh`, `Hmmm`), or, inside
 * a quotation, any dictionary word (“Noooo”, “Sooo good”). Outside quotation marks a tripled
 * letter in an ordinary word is a slip (`programmme`).
 */
function isStretched(stem: string, words: Lookup, unit: Unit, file: VFile): boolean {
  if (!/(\p{L})\1\1/iu.test(stem)) return false
  const lower = stem.toLowerCase()
  const forms = [lower.replace(/(\p{L})\1{2,}/gu, '$1'), lower.replace(/(\p{L})\1{2,}/gu, '$1$1')]
  if (forms.some((form) => interjectionSet.has(form))) return true
  const offset = pointStart(unit.nodes[0])?.offset
  return offset !== undefined && forms.some((form) => words.correct(form)) && isInQuotation(String(file.value ?? ''), offset)
}

/**
 * Whether `offset` of `text` is inside quotation marks opened on its line. Only the line: the
 * language server keeps a chunk's verdicts while its text is the same, and a chunk ends at a
 * line end.
 */
function isInQuotation(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1
  const before = text.slice(start, offset)
  const curly = (before.match(/[“]/gu)?.length ?? 0) - (before.match(/[”]/gu)?.length ?? 0)
  return curly > 0 || (before.match(/"/gu)?.length ?? 0) % 2 === 1
}

/** Whether `capital` is a dictionary word, or the draft writes it (as a whole word). */
function isWrittenCapitalized(capital: string, words: Lookup, file: VFile): boolean {
  if (words.correct(capital)) return true
  const text = String(file.value ?? '')
  // A word of letters only is written when it is one of the draft's runs of letters: one pass
  // over the draft, not one per word asked (a draft of many unknown words was quadratic).
  if (onlyLetters.test(capital)) return letterRuns(file, text).has(capital)
  // `includes` first: the language server asks this again on every edit (the same answer, cheaper).
  return text.includes(capital) && new RegExp(`(?<!\\p{L})${capital}(?!\\p{L})`, 'u').test(text)
}

const onlyLetters = /^\p{L}+$/u

/** Each draft's addresses and code spans, while its text is the same (a windowed lint runs the rule once per window). */
const notProseByFile = new WeakMap<VFile, {text: string; ranges: Array<[number, number]>}>()

function notProseRanges(file: VFile): Array<[number, number]> {
  const text = String(file.value ?? '')
  let entry = notProseByFile.get(file)
  if (entry?.text !== text) notProseByFile.set(file, (entry = {text, ranges: [...text.matchAll(notProse)].map((match) => [match.index, match.index + match[0].length])}))
  return entry.ranges
}

/** Each draft's runs of letters, while its text is the same. */
const runsByFile = new WeakMap<VFile, {text: string; runs: Set<string>}>()

/** The runs of letters in the draft: the words a whole-word search of letters can find. */
function letterRuns(file: VFile, text: string): Set<string> {
  let entry = runsByFile.get(file)
  if (entry?.text !== text) runsByFile.set(file, (entry = {text, runs: new Set(text.match(/\p{L}+/gu))}))
  return entry.runs
}

/**
 * Words the dictionary lacks that are still well formed, so edited copy uses them:
 * `there'll`; the other English's spelling (`travelled` in American copy: a variant, not a
 * misspelling; `house-style` rules on variants); `reauthorization`, `counterterrorism`
 * (a prefix and a word); `homeownership`, `drawdown`, `policymaking` (two words closed up).
 */
function isWellFormed(word: string, words: Lookup, context: RuleContext): boolean {
  const contraction = /^(.{2,})'(?:ll|d|ve|re|m)$/u.exec(word.replace(/’/g, "'"))
  if (contraction && words.correct(contraction[1])) return true
  if (otherEnglish(context)?.correct(word)) return true
  // Before the slips: `legislations` is one apostrophe from `legislation's`.
  if (isPluralOfNoun(word, words)) return true
  // `untill`, `coleague`, `pasttime`, `persue`: one easy slip from a common word is a
  // misspelling, even when the letters also split into a prefix and a word, or two words.
  if (nearestSlip(word, words) <= easySlip) return false
  // `multilateralism`, `artemisinin`, `insourcing`: real words Hunspell's list lacks, in the
  // larger SCOWL-based list of `word-list`; `reauthorization`, `homeownership`: a prefix and a
  // word, two words closed up. But not when a common word is one slip away, or two slips away
  // and sounds the same: SCOWL also lists `alledged` and `publically`, and `concensus`
  // (con+census), `valueable` (value+able), `deside` (de+side), `prepair` (pre+pair) split.
  if (isInWordList(word)) return word.length < listedSlipLength || likelierWord(word, words, listedSlip) === undefined
  if (isPrefixed(word, words) || isClosedUp(word, words)) return likelierWord(word, words, compoundSlip) === undefined
  return false
}

/**
 * A word of the larger list is a slip only for a much more common word (`alledged`: `alleged`,
 * 203 uses; `shapers` is a word, not `shoppers`, 62), but that slip may be two letters
 * (`publically`: channel cost 10.4); a compound is a slip for any common word that sounds the
 * same and is a likely slip (`deside`: `decide`, 2.1; `prepair`: `prepare`, 7.1), but not a
 * far one (`newtown`: `newton`, 8.1; `copays`: `copies`, 8.4).
 */
const listedSlip: LikelierWordLimits = {minimum: 100, channel: 11}
/**
 * A shorter word of the larger list shares its sound with too many common words to be judged
 * by it (`homie`: `home`, `playa`: `play`, `miso`: `miss`); a misspelling of it needs the
 * easy slip that `nearestSlip` finds. On the training part of the Birkbeck corpus, the words of
 * the list that are misspellings: 95 of 950 flagged (and 14 of 267 listed words that subtitles
 * use); from 5 letters on, 286 of 950 (and 41 of 267).
 */
const listedSlipLength = 7
const compoundSlip: LikelierWordLimits = {minimum: 20, channel: 7.5}

/**
 * `legislations`, `curriculums`, `sponsorships`, `flexibilities`: the regular plural of a
 * noun (the dictionary has its possessive) that Hunspell lists without one, mostly a mass noun
 * whose plural edited copy still uses. Not after a hissing sound (`churchs` is a slip for
 * `churches`), and not for a short noun, whose plural is often irregular (`womans`, `childs`).
 */
function isPluralOfNoun(word: string, words: Lookup): boolean {
  const noun = /[^aeiou]ies$/u.test(word) ? word.slice(0, -3) + 'y' : /[^s]s$/u.test(word) ? word.slice(0, -1) : undefined
  if (noun === undefined || noun.length < 6 || /(?:[sxz]|[cs]h|[^aeiou]y)$/u.test(noun) !== word.endsWith('ies')) return false
  return words.has(`${noun}'s`)
}

/** `reauthorization`, `counterterrorism`: a prefix that derives words, and a word. */
function isPrefixed(word: string, words: Lookup): boolean {
  return derivationPrefixes.some((prefix) => word.length - prefix.length >= 4 && word.startsWith(prefix) && isCommonWord(word.slice(prefix.length), words, 1))
}

/** `homeownership`, `drawdown`, `policymaking`: two common words closed up (no tiny fragment, no function word). */
function isClosedUp(word: string, words: Lookup): boolean {
  for (let at = 3; at <= word.length - 3; at++) {
    const head = word.slice(0, at)
    const tail = word.slice(at)
    if (!closedUpExceptions.has(head) && !closedUpExceptions.has(tail) && isCommonWord(head, words) && isCommonWord(tail, words)) return true
  }
  return false
}

/** The dictionary of the other English, when it is installed (`dictionary-en-gb` is optional). */
function otherEnglish(context: RuleContext): Lookup | undefined {
  try {
    return getLookup(context.language === 'en-GB' ? dictionaryPackages['en-US'] : dictionaryPackages['en-GB'])
  } catch {
    return undefined
  }
}

/** A lowercase dictionary word (not only a name) that people use. */
function isCommonWord(word: string, words: Lookup, minimum = 20): boolean {
  return words.has(word) && frequencyOf(words, word) >= minimum
}

/** `per se`, `de facto`, `et al.`: `word` with the words around it makes a known phrase. */
function isInForeignPhrase(word: string, parent: Parent, index: number): boolean {
  const lower = word.toLowerCase()
  if (!phraseWords.has(lower)) return false
  const around = (step: number, count: number): string[] => {
    const found: string[] = []
    for (let at = index + step; at >= 0 && at < parent.children.length && found.length < count; at += step) {
      const child = parent.children[at]
      if (child.type === 'WordNode') found.push(textOf(child).toLowerCase().replace(/\.$/, ''))
      else if (child.type !== 'WhiteSpaceNode') break
    }
    return step < 0 ? found.reverse() : found
  }
  const before = around(-1, 2)
  const words = [...before, lower, ...around(1, 2)]
  const at = before.length
  for (let start = Math.max(0, at - 2); start <= at; start++) {
    for (let end = at + 1; end <= Math.min(words.length, start + 3); end++) {
      if (phrases.has(words.slice(start, end).join(' '))) return true
    }
  }
  return false
}

/**
 * Whether the word at `index` is mentioned rather than used: `the word “teh”`, `(sic)`, a
 * label before a colon (`nlcst-is-literal`). Not a word between commas, which that package
 * also counts: `Officials, yesturday, said` is a parenthetical word, used.
 */
function isMention(parent: Parameters<typeof isLiteral>[0], index: number): boolean {
  if (!isLiteral(parent, index)) return false
  const beside = (step: number) => {
    for (let at = index + step; at >= 0 && at < parent.children.length; at += step) {
      const child = parent.children[at]
      if (child.type !== 'WhiteSpaceNode') return child.type === 'PunctuationNode' ? child.value : undefined
    }
    return undefined
  }
  return !(beside(-1) === ',' && beside(1) === ',')
}

/** `@handle`, `#hashtag`: a word glued to a preceding `@` or `#`. */
function isHandle(parent: Parent, index: number): boolean {
  const previous = parent.children[index - 1]
  return previous?.type === 'SymbolNode' && (previous.value === '@' || previous.value === '#')
}

/**
 * The message for an unknown word: its suggestions are only possibilities (`ther`: `there`,
 * `the` or `other`?), so they read as such.
 */
function unknownWord(actual: string, suggestions: readonly string[]): string {
  const quoted = suggestions.map((word) => `\`${word}\``)
  if (quoted.length === 0) return `Unknown word \`${actual}\``
  const choices = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
  return `Unknown word \`${actual}\`: possibly ${choices}`
}

function report(
  file: VFile,
  node: Word,
  parent: Parent,
  unit: Unit,
  place: {start: ReturnType<typeof pointStart> & object; end: ReturnType<typeof pointEnd> & object},
  verdict: Verdict,
  suggestFor: (word: string, deep: boolean) => string[],
): void {
  // `goverment’s`: `government’s`, never a plural with a possessive added (`governments’s`).
  const isPossessive = /^['’]s$/.test(verdict.suffix)
  const found = verdict.dotted
    ? []
    : suggestFor(verdict.stem, verdict.capital === undefined)
        .filter((word) => !isPossessive || !/s$/i.test(word) || /s$/i.test(verdict.stem))
        .map((word) => word + verdict.suffix)
  const expected = verdict.dotted
    ? [verdict.dotted + verdict.suffix]
    : verdict.capital
      ? [verdict.capital + verdict.suffix, ...found.filter((word) => word !== verdict.capital + verdict.suffix)]
      : found
  expected.length = Math.min(expected.length, maxSuggestions)
  const actual = unit.text
  const message = file.message(unknownWord(actual, expected), {ancestors: [parent, node], place})
  const fields = message as typeof message & MessageFields
  fields.actual = actual
  fields.expected = expected
  // A person chooses a spelling: never applied unattended, even with one suggestion.
  fields.fix = false
}

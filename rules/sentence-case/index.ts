/**
 * `sentence-case`: a sentence that starts with a lowercase letter (`following this, Trump
 * plans…`).
 *
 * retext starts a new sentence only before a capital, so `…a week. following this…` stays one
 * SentenceNode: a sentence start is the start of a paragraph (in plain text, of a line) or a
 * word after a period and white space. Words lowercase by design (`iPhone`, `bell hooks`,
 * `de Gaulle`), addresses (`example.com`, `http://…`), list markers (`a)`, `ii.`) and the word
 * after an abbreviation (`Sen.`, `a.m.`, `etc.`) pass. A quoted sentence starts with a capital
 * too (`He said: "the talks…`), and a sentence may end in a figure (`in 2026. the court`).
 *
 * Capitals in the middle of a sentence are checked where they cannot be a name: a pronoun or an
 * auxiliary verb capitalized after a conjunction or a verb of saying (`said that It was`), a
 * verb in the past tense after its subject (`officials Banned`), and the pronoun `i`.
 */
import type {Root, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import {checkedFrom, getDocument, type DocParagraph, type Document} from '../lib/document.js'
import {lowercaseNames} from '../lib/lowercase-names.js'
import {textOf} from '../lib/walk.js'
import {nameParticles} from '../lib/name-particles.js'
import {dictionaryPackages, getLookup, type Lookup} from '../lib/dictionary-lookup.js'
import {abbreviations, clauseOpeners, midSentenceLowercase, notPluralNouns, pronounVerbs, sentenceOpeners} from './data.js'

const abbreviationSet = new Set(abbreviations)
const lowercaseWords = new Map(midSentenceLowercase.map((word) => [word.charAt(0).toUpperCase() + word.slice(1), word]))
const afterPronoun = new Set(pronounVerbs)
const openers = new Set(clauseOpeners)
const sentenceOpenerSet = new Set(sentenceOpeners)
const subjectPronouns = new Set(['he', 'i', 'it', 'she', 'they', 'we', 'who'])
const notPlurals = new Set(notPluralNouns)
const particleSet = new Set(nameParticles)

/** A paragraph's content as one sequence (retext's sentence breaks do not matter here). */
type Node = DocParagraph['sentences'][number]['node']['children'][number]

export default defineRule({
  id: 'sentence-case',
  meta: {
    description: 'Flag a sentence that starts with a lowercase letter, and a capital in mid-sentence that is no name (`said that It was`, `i think`).',
    why: 'A sentence starts with a capital; a lowercase start is left over from an edit or a paste, and readers take it for a run-on.',
    severity: 'warning',
    fixable: true,
    options: z.object({}).strict(),
    // Reads one paragraph, the paragraph before it (does it go on?) and 40 characters on.
    scope: 'paragraph',
    examples: {
      bad: 'Putin spoke first.\nfollowing this, Trump plans to call Zelensky.',
      good: 'Putin spoke first.\nFollowing this, Trump plans to call Zelensky.',
    },
  },
  plugin(_options, context) {
    // The dictionary, loaded only when a capitalized verb needs it (`officials Banned it`).
    let words: Lookup | undefined
    const lookup = () => (words ??= getLookup(dictionaryPackages[context.language]))
    return (tree: Root, file: VFile) => {
      const document = getDocument(tree, file)
      const paragraphs = document.paragraphs
      const from = checkedFrom(file)
      for (let index = 0; index < paragraphs.length; index++) {
        const paragraph = paragraphs[index]
        if (paragraph.end <= from) continue // the paragraph before a window (see `checkedFrom`)
        // The nodes of its sentences in order (of its one sentence, mostly, as they are).
        const sentences = paragraph.sentences
        const nodes: readonly Node[] = sentences.length === 1 ? sentences[0].node.children : sentences.flatMap((sentence) => sentence.node.children)
        // Where a sentence may start: the paragraph's first node, and words after a period.
        let isStart = !continuesPrevious(document, index)
        let afterPeriod = false
        // Whether the last node was `: ` (a quotation after it starts a sentence).
        let afterColon = false
        // Whether the period before is a figure's (`in 2026.`): only some words start a sentence.
        let afterFigure = false
        for (let at = 0; at < nodes.length; at++) {
          const node = nodes[at]
          if (node.type === 'WhiteSpaceNode') {
            if (afterPeriod) isStart = true
            continue
          }
          if (node.type === 'WordNode') {
            // “in 2026. the court”, not “by 1835. and the debt” (a stray period).
            if (afterFigure && !sentenceOpenerSet.has(textOf(node))) isStart = false
            if (isStart && startsLowercase(document.text, node)) report(file, node)
            else if (!paragraph.isHeadline) checkMidSentence(file, nodes, at, lookup)
            afterPeriod = endsSentence(node, at > 0) && !isAbbreviationAt(nodes, at)
            afterFigure = afterPeriod && !endsSentence(node, false)
            afterColon = false
          } else if (isOpeningQuote(nodes, at) && (isStart || afterColon)) {
            // “He said: "the talks…”, a paragraph that opens “the talks…”: a quoted sentence
            // starts with a capital too; a quoted word or two (`"woke" is…`) may not.
            afterPeriod = false
            afterColon = false
            isStart = isQuotedClause(nodes, at)
            continue
          } else {
            afterColon = node.type === 'PunctuationNode' && node.value === ':'
            // “(the)”, “"the”, “@user”, “— the”: not a word to capitalize.
            const before = nodes[at - 1]
            afterPeriod = node.type === 'PunctuationNode' && node.value === '.' && before?.type === 'WordNode' && isSentenceEnd(before) && !isAbbreviationAt(nodes, at - 1)
          }
          isStart = false
        }
      }
    }
  },
})

function report(file: VFile, word: Word): void {
  const actual = textOf(word)
  const expected = actual.charAt(0).toUpperCase() + actual.slice(1)
  // `ᵫ`, `ß`-like letters with no single capital: nothing to suggest, so nothing to report.
  if (expected === actual || [...expected].length !== [...actual].length) return
  const message = file.message(`Lowercase \`${actual}\` at the start of a sentence: \`${expected}\``, {
    place: {start: word.position!.start, end: word.position!.end},
  })
  Object.assign(message, {actual, expected: [expected]})
}

/**
 * Whether the paragraph at `index` goes on from the one before: in plain text, a line that
 * follows a line ending in no sentence punctuation (hard-wrapped prose) or a colon.
 */
function continuesPrevious(document: Document, index: number): boolean {
  const previous = document.paragraphs[index - 1]
  if (!previous) return false
  const between = document.text.slice(previous.end, document.paragraphs[index].start)
  // A blank line (or Markdown block) in between: a paragraph of its own.
  if ((between.match(/\n/g) ?? []).length !== 1) return false
  const last = previous.text.trimEnd()
  // “He listed three demands:\nwithdrawal of troops…”: a list after a colon.
  if (/:["”’)]*$/.test(last)) return true
  // “He paused...\nand then left.”: a sentence that trails off and goes on.
  if (/(?:\.\.\.|…)["”’)]*$/.test(last)) return true
  if (previous.isHeadline) return false
  return !/[.!?…]["”’)\]]*$/.test(last)
}

/** Whether a word starts a sentence in lowercase and is not written so by design. */
function startsLowercase(text: string, word: Word): boolean {
  const value = textOf(word)
  if (!/^\p{Ll}/u.test(value)) return false
  // “iPhone”, “eBay”, “iOS”, “macOS”, “mRNA”: a capital inside.
  if (/\p{Lu}/u.test(value)) return false
  // “example.com is…”, “e.g. the”, “k.d. lang”, “covid19”, “news@example.org”: not a plain word.
  if (!/^[\p{L}'’-]+$/u.test(value.replace(/[.]$/, ''))) return false
  const start = word.position?.start.offset ?? 0
  const rest = text.slice(start, start + 40)
  // “http://example.com is down”: the word is the scheme of an address.
  if (/^[a-z][a-z\d+.-]*:\/\/|^(?:mailto|tel):/i.test(rest)) return false
  // “a) first”, “ii. second”: list markers.
  if (/^(?:[a-z]|[ivx]+)[.)]/.test(rest)) return false
  // “bell hooks”, “danah boyd”.
  if (lowercaseNames.some((name) => rest.startsWith(name) && !/\p{L}/u.test(rest.charAt(name.length)))) return false
  // “de Gaulle”, “van Gogh”, “von der Leyen”, “al-Assad”: a particle before a name.
  const particle = /^(\p{Ll}+)[\s-]+(\p{L})/u.exec(rest)
  if (particle && particleSet.has(particle[1]) && (/\p{Lu}/u.test(particle[2]) || /^\p{Ll}+\s+\p{Lu}/u.test(rest.slice(particle[1].length).trim()))) return false
  if (particleSet.has(value.split('-')[0]) && /-\p{Lu}/u.test(value)) return false
  return true
}

/**
 * Whether a word ends with a period that ends a sentence (`spoke.`, `in 2026.`), not an
 * abbreviation; a figure only in mid-paragraph (`1. the first` is a list).
 */
function endsSentence(word: Word, isInside: boolean): boolean {
  const children = word.children
  const last = children[children.length - 1]
  if (last?.type !== 'PunctuationNode' || last.value !== '.') return false
  const stem = textOf(children.slice(0, -1))
  return isSentenceEndText(stem) || (isInside && isFigure(stem))
}

/** Whether the word before a period makes the period end a sentence. */
function isSentenceEnd(word: Word | undefined): boolean {
  return word !== undefined && isSentenceEndText(textOf(word))
}

/** {@link isSentenceEnd} of a word's text. */
function isSentenceEndText(value: string): boolean {
  // “a.m.”, “U.S.”, “D.C.”, “e.g.”: periods inside; “J.”: an initial; “1.”: a list number.
  if (!/^\p{L}[\p{L}'’-]+$/u.test(value)) return false
  if (abbreviationSet.has(value)) return false
  if (abbreviationSet.has(value.toLowerCase())) return false
  return true
}

/**
 * Whether the word at `at` is, by its place, an abbreviation or a marker: a list marker that
 * starts the paragraph (`ii. second`, `Step. one`), or a unit after a number (`5 in. tall`).
 */
function isAbbreviationAt(nodes: readonly Node[], at: number): boolean {
  const word = nodes[at]
  if (at === 0) return /^(?:[ivxlc]+|[IVXLC]+)\.?$/.test(textOf(word))
  const number = nodes[at - 2]
  const unit = textOf(word).replace(/\.$/, '')
  return nodes[at - 1]?.type === 'WhiteSpaceNode' && number?.type === 'WordNode' && /^[\d.,]+$/.test(textOf(number)) && /^\p{Ll}{1,4}$/u.test(unit)
}

/** Whether the node at `at` is a double quote that opens a quotation (a word right after it). */
function isOpeningQuote(nodes: readonly Node[], at: number): boolean {
  const node = nodes[at]
  if (node.type !== 'PunctuationNode' || (node.value !== '"' && node.value !== '“')) return false
  const before = nodes[at - 1]
  if (before !== undefined && before.type === 'WordNode') return false
  return nodes[at + 1]?.type === 'WordNode'
}

/**
 * Whether the quotation opened at `at` is a clause, not a quoted word or two (`"woke" is a
 * slur`): three words or more before its closing quote (or the paragraph's end).
 */
function isQuotedClause(nodes: readonly Node[], at: number): boolean {
  let words = 0
  for (let index = at + 1; index < nodes.length; index++) {
    const node = nodes[index]
    if (node.type === 'PunctuationNode' && (node.value === '"' || node.value === '”')) return words >= 3
    if (node.type === 'WordNode') words++
    if (words >= 3) return true
  }
  return true
}

/** Whether a word is a figure that may end a sentence (`in 2026.`), not a list number (`1.`). */
function isFigure(value: string): boolean {
  return /^(?:\d{2,}|\d{1,3}(?:,\d{3})+)$/.test(value)
}

/**
 * Capitals in mid-sentence that are no name: a pronoun or an auxiliary after a word that
 * cannot end a sentence and before a lowercase word (`said that It was`), a past-tense verb
 * after its subject (`officials Banned the import`), and the pronoun `i`.
 */
function checkMidSentence(file: VFile, nodes: readonly Node[], at: number, lookup: () => Lookup): void {
  const word = nodes[at] as Word
  const value = textOf(word)
  // Only these words are checked (every other word of the draft comes here too).
  const lower = lowercaseWords.get(value)
  // Cheap tests first: every word of the draft comes here.
  const isPastTense = value.length >= 6 && value.endsWith('ed') && /^\p{Lu}\p{Ll}{3,}ed$/u.test(value)
  const pronoun = value.charCodeAt(0) === 105 && /^i(?:['’](?:m|ve|ll|d))?$/.test(value)
  if (lower === undefined && !isPastTense && !pronoun) return
  const space = nodes[at - 1]
  const previous = nodes[at - 2]
  const gap = nodes[at + 1]
  const next = nodes[at + 2]
  // Both neighbours on the same line, one space away: `Gone With The Wind`, a line break,
  // a bracket or a quotation mark may capitalize the word rightly.
  const isBetweenWords =
    space?.type === 'WhiteSpaceNode' &&
    space.value === ' ' &&
    previous?.type === 'WordNode' &&
    gap?.type === 'WhiteSpaceNode' &&
    gap.value === ' ' &&
    next?.type === 'WordNode'
  if (!isBetweenWords) return
  const before = textOf(previous)
  const after = textOf(next)
  if (!/^\p{Ll}+$/u.test(before)) return
  if (lower !== undefined && /^\p{Ll}+$/u.test(after) && openers.has(before)) {
    say(file, word, `Capital \`${value}\` in mid-sentence: \`${lower}\``, lower)
    return
  }
  // “officials Banned the import”: a verb in the past tense after its subject (a pronoun or
  // a plural noun), which the dictionary knows in lowercase only (not `Ahmed`, `Reed`).
  if (isPastTense && /^\p{Ll}+$/u.test(after) && isSubject(before)) {
    const lower = value.toLowerCase()
    if (!lookup().has(value) && lookup().has(lower)) {
      say(file, word, `Capital \`${value}\` in mid-sentence: \`${lower}\``, lower)
      return
    }
  }
  // “i think”, “i’m sure”: the pronoun, not a letter (`the letter i`, `i.e.`, `(i)`).
  if (pronoun && (value !== 'i' || afterPronoun.has(after.toLowerCase())) && !/^(?:the|letter|an?|dotted)$/.test(before)) {
    const expected = 'I' + value.slice(1)
    say(file, word, `\`${value}\` is the pronoun \`${expected}\``, expected)
  }
}

function say(file: VFile, word: Word, reason: string, expected: string): void {
  const message = file.message(reason, {place: {start: word.position!.start, end: word.position!.end}})
  Object.assign(message, {actual: textOf(word), expected: [expected]})
}

/** Whether a lowercase word may be the subject of a verb after it: a pronoun or a plural noun. */
function isSubject(word: string): boolean {
  if (subjectPronouns.has(word)) return true
  // Not `courageous Allied airlift`, `the crisis`, `status`: adjectives and singulars in -s.
  return word.length >= 4 && /[^isu]s$/.test(word) && !notPlurals.has(word)
}

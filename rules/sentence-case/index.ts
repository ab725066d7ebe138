/**
 * `sentence-case`: a sentence that starts with a lowercase letter (`following this, Trump
 * plans…`).
 *
 * retext starts a new sentence only before a capital, so `…a week. following this…` stays one
 * SentenceNode: a sentence start is the start of a paragraph (in plain text, of a line) or a
 * word after a period and white space. Words lowercase by design (`iPhone`, `bell hooks`,
 * `de Gaulle`), addresses (`example.com`), list markers (`a)`, `ii.`) and the word after an
 * abbreviation (`Sen.`, `a.m.`, `etc.`) pass.
 */
import type {Root, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {defineRule} from '../../src/rule.js'
import {getDocument, type DocParagraph, type Document} from '../lib/document.js'
import {lowercaseNames} from '../lib/lowercase-names.js'
import {nameParticles} from '../lib/name-particles.js'
import {abbreviations} from './data.js'

const abbreviationSet = new Set(abbreviations)
const particleSet = new Set(nameParticles)

/** A paragraph's content as one sequence (retext's sentence breaks do not matter here). */
type Node = DocParagraph['sentences'][number]['node']['children'][number]

export default defineRule({
  id: 'sentence-case',
  meta: {
    description: 'Flag a sentence that starts with a lowercase letter.',
    why: 'A sentence starts with a capital; a lowercase start is left over from an edit or a paste, and readers take it for a run-on.',
    severity: 'warning',
    fixable: true,
    // Reads one paragraph, the paragraph before it (does it go on?) and 40 characters on.
    scope: 'paragraph',
    examples: {
      bad: 'Putin spoke first.\nfollowing this, Trump plans to call Zelensky.',
      good: 'Putin spoke first.\nFollowing this, Trump plans to call Zelensky.',
    },
  },
  plugin() {
    return (tree: Root, file: VFile) => {
      const document = getDocument(tree, file)
      document.paragraphs.forEach((paragraph, index) => {
        const nodes: Node[] = paragraph.sentences.flatMap((sentence) => sentence.node.children)
        // Where a sentence may start: the paragraph's first node, and words after a period.
        let isStart = !continuesPrevious(document, index)
        let afterPeriod = false
        nodes.forEach((node, at) => {
          if (node.type === 'WhiteSpaceNode') {
            if (afterPeriod) isStart = true
            return
          }
          if (node.type === 'WordNode') {
            if (isStart && startsLowercase(document.text, node)) report(file, node)
            afterPeriod = endsSentence(node) && !isAbbreviationAt(nodes, at)
          } else {
            // “(the)”, “"the”, “@user”, “— the”: not a word to capitalize.
            const before = nodes[at - 1]
            afterPeriod =
              node.type === 'PunctuationNode' &&
              node.value === '.' &&
              before?.type === 'WordNode' &&
              isSentenceEnd(before) &&
              !isAbbreviationAt(nodes, at - 1)
          }
          isStart = false
        })
      })
    }
  },
})

function report(file: VFile, word: Word): void {
  const actual = toString(word)
  const expected = actual.charAt(0).toUpperCase() + actual.slice(1)
  // `ᵫ`, `ß`-like letters with no single capital: nothing to suggest, so nothing to report.
  if (expected === actual || [...expected].length !== [...actual].length) return
  const message = file.message(`Unexpected lowercase \`${actual}\` at the start of a sentence, expected \`${expected}\``, {
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
  const value = toString(word)
  if (!/^\p{Ll}/u.test(value)) return false
  // “iPhone”, “eBay”, “iOS”, “macOS”, “mRNA”: a capital inside.
  if (/\p{Lu}/u.test(value)) return false
  // “example.com is…”, “e.g. the”, “k.d. lang”, “covid19”, “news@example.org”: not a plain word.
  if (!/^[\p{L}'’-]+$/u.test(value.replace(/[.]$/, ''))) return false
  const start = word.position?.start.offset ?? 0
  const rest = text.slice(start, start + 40)
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

/** Whether a word ends with a period that ends a sentence (`spoke.`), not an abbreviation. */
function endsSentence(word: Word): boolean {
  const last = word.children.at(-1)
  if (last?.type !== 'PunctuationNode' || last.value !== '.') return false
  return isSentenceEnd({...word, children: word.children.slice(0, -1)})
}

/** Whether the word before a period makes the period end a sentence. */
function isSentenceEnd(word: Word | undefined): boolean {
  if (!word) return false
  const value = toString(word)
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
  if (at === 0) return /^(?:[ivxlc]+|[IVXLC]+)\.?$/.test(toString(word))
  const number = nodes[at - 2]
  const unit = toString(word).replace(/\.$/, '')
  return nodes[at - 1]?.type === 'WhiteSpaceNode' && number?.type === 'WordNode' && /^[\d.,]+$/.test(toString(number)) && /^\p{Ll}{1,4}$/u.test(unit)
}

/**
 * `punctuation-spacing`: a missing space after `, ; : . ! ?` before a word (`media,stating`,
 * `beforehand.The`, `U.S.President`) and a stray space before them (`Istanbul ,`).
 *
 * retext keeps `beforehand.The` inside one WordNode and `media,stating` as word,
 * punctuation, word, so every single-character PunctuationNode is checked, wherever it sits,
 * against the source text around it. Numbers, initials, domains, file names, URLs, e-mail
 * addresses, handles, emoticons and ellipses pass.
 */
import type {Root} from 'nlcst'
import type {Point} from 'unist'
import {walk as visit} from '../lib/walk.js'
import type {VFile} from 'vfile'
import {defineRule} from '../../src/rule.js'
import {clauseStarters as clauseStarterList, fileExtensions, topLevelDomains} from './data.js'

const clauseStarters = new Set(clauseStarterList)

/** Marks this rule checks. */
const marks = new Set([',', ';', ':', '.', '!', '?'])
/** Names after a dot that make `x.y` a domain or a file name, not two sentences. */
const dotNames = new Set([...topLevelDomains, ...fileExtensions])
/** Closing quotes and brackets that may stand before a mark. */
const closers = new Set(['"', '”', '’', "'", ')', ']', '%'])

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char)
const isUpper = (char: string | undefined) => char !== undefined && /\p{Lu}/u.test(char)
const isLower = (char: string | undefined) => char !== undefined && /\p{Ll}/u.test(char)
const isDigit = (char: string | undefined) => char !== undefined && /\d/.test(char)
const isSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\u00A0'

export default defineRule({
  id: 'punctuation-spacing',
  meta: {
    description: 'Flag a missing space after `, ; : . ! ?` and a space before them.',
    why: 'A mark run into the next word (`media,stating`, `beforehand.The`) or set off by a space (`Istanbul ,`) is a keyboard slip that readers notice and that breaks search and hyphenation.',
    severity: 'warning',
    fixable: true,
    // Reads the marks of one paragraph and the characters around them, up to white space.
    scope: 'paragraph',
    examples: {
      bad: 'Talks were reached beforehand.The details remain undisclosed.',
      good: 'Talks were reached beforehand. The details remain undisclosed.',
    },
  },
  plugin() {
    return (tree: Root, file: VFile) => {
      const text = String(file.value ?? '')
      visit(tree, 'PunctuationNode', (node) => {
        if (!marks.has(node.value)) return
        const at = node.position?.start.offset
        if (at === undefined || text[at] !== node.value) return
        if (isMissingSpace(text, at)) {
          const actual = node.value
          const expected = `${actual} `
          const message = file.message(`Unexpected missing space after \`${actual}\`, expected \`${expected}\``, {
            place: {start: node.position!.start, end: node.position!.end},
          })
          Object.assign(message, {actual, expected: [expected]})
          return
        }
        const from = strayStart(text, at)
        if (from !== undefined) {
          const actual = text.slice(from, at + 1)
          const start = pointBefore(node.position!.start, at - from)
          const message = file.message(`Unexpected space before \`${node.value}\`, remove it`, {
            place: {start, end: node.position!.end},
          })
          Object.assign(message, {actual, expected: [node.value]})
        }
      })
    }
  },
})

/** The point `count` characters before `point` on the same line (spaces never cross lines). */
function pointBefore(point: Point, count: number): Point {
  return {line: point.line, column: point.column - count, offset: point.offset === undefined ? undefined : point.offset - count}
}

/** The run of non-space characters around `at`. */
function tokenAround(text: string, at: number): string {
  let start = at
  while (start > 0 && !/\s/.test(text[start - 1])) start--
  let end = at + 1
  while (end < text.length && !/\s/.test(text[end])) end++
  return text.slice(start, end)
}

/** Whether a token is a URL, an e-mail address, a handle or a hashtag. */
function isAddress(token: string): boolean {
  const bare = token.replace(/^[("“‘'[]+/, '')
  return /@|:\/\/|^www\.|^[#@]|^(mailto|tel|https?):/i.test(bare)
}

/** The letters (and digits) just before `at`, back to the previous non-alphanumeric. */
function wordBefore(text: string, at: number): string {
  let start = at
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) start--
  return text.slice(start, at)
}

/** The letters (and digits) just after `at`. */
function wordAfter(text: string, at: number): string {
  let end = at + 1
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) end++
  return text.slice(at + 1, end)
}

/** Whether the mark at `at` runs into the word after it. */
function isMissingSpace(text: string, at: number): boolean {
  const mark = text[at]
  const before = text[at - 1]
  const after = text[at + 1]
  // “said,“I will”: a curly opening quote can only start a quotation.
  const opensQuote = after === '“' && (mark === ',' || mark === ':')
  // “in Kyiv,2024”: a comma between a word and a number (digit groups have digits both sides).
  const beforeNumber = isDigit(after) && isLetter(before) && (mark === ',' || mark === ';')
  if (!isLetter(after) && !opensQuote && !beforeNumber) return false
  if (!(isLetter(before) || isDigit(before) || closers.has(before))) return false
  if (isAddress(tokenAround(text, at))) return false
  if (opensQuote || beforeNumber) return true
  const left = wordBefore(text, at)
  const right = wordAfter(text, at)
  switch (mark) {
    case ',':
    case ';':
      // “&quot;National”: an HTML entity, not a semicolon.
      if (mark === ';' && /&#?\w+$/.test(text.slice(Math.max(0, at - 10), at))) return false
      // “RTS,S/AS01”, “H5N1,H7N9”: a code of capitals, digits and slashes, not prose.
      if (!/\p{Ll}/u.test(left + right) && /[/\d]/.test(tokenAround(text, at))) return false
      // “media,stating”, “undisclosed,with”, “stating,I”.
      return true
    case ':':
      // “Note:the”; `a:b` and `fe80::1` are not prose.
      return left.length >= 2 && /^\p{L}+$/u.test(right) && right.length >= 2
    case '!':
    case '?':
      // “What?No”; `Yahoo!` only when a capitalized word follows.
      return isUpper(right[0]) && isLower(right[1]) && left.length >= 2
    case '.':
      return isSentenceDot(text, at, left, right)
    default:
      return false
  }
}

/** Whether `left.right` is two sentences (or an abbreviation and a word), not one name. */
function isSentenceDot(text: string, at: number, left: string, right: string): boolean {
  if (!/^\p{L}+$/u.test(right)) return false
  // “(NATO).The”, “"over".The”: a sentence that ends in a bracket or a quote.
  if (left === '') return closers.has(text[at - 1]) && /^\p{Lu}\p{Ll}+$/u.test(right)
  if (text[at - 1] === '.' || text[at + right.length + 1] === '.' && right.length === 1) return false
  if (isLower(right[0])) {
    // “example.com”, “report.pdf”, “Node.js”, “e.g.”, “k.d. lang”.
    if (dotNames.has(right.toLowerCase())) return false
    if (!/^\p{Ll}+$/u.test(right) || right.length < 3) return false
    // “U.S.officials”, “i.e.the”: after an initialism, a word.
    if (left.length === 1 && text[at - 2] === '.') return true
    // “Dilma Rousseff.the return”: a name, then a word that only starts a clause.
    if (/^\p{Lu}\p{Ll}{2,}$/u.test(left) && clauseStarters.has(right)) return true
    // Another dot in the token (`os.path.join`, `dw.welt.de`): a name.
    if ((tokenAround(text, at).match(/\p{L}\.(?=\p{L})/gu) ?? []).length > 1) return false
    return /^\p{Ll}+$/u.test(left) && left.length >= 3
  }
  // `ASP.NET`, `J.R.R.`, `U.S.A`: capitals only after the dot.
  if (!/\p{Ll}/u.test(right)) return false
  // “U.S.President”, “beforehand.The”, “p.m.Friday”, “2024.The”.
  if (!/^\p{Lu}\p{Ll}+$/u.test(right)) return false // “McDonald”, “iPhone”-like names
  return true
}

/** Where the stray space before the mark at `at` starts, if there is one to flag. */
function strayStart(text: string, at: number): number | undefined {
  let from = at
  while (from > 0 && isSpace(text[from - 1])) from--
  if (from === at || from === 0) return undefined
  const before = text[from - 1]
  if (!(isLetter(before) || isDigit(before) || closers.has(before))) return undefined
  const mark = text[at]
  const after = text[at + 1]
  // “. . .”: a spaced ellipsis.
  if (mark === '.' && (after === '.' || (isSpace(after) && text[at + 2] === '.'))) return undefined
  if (text[at + 1] === mark) return undefined
  // “.NET”, “.5”, “.com”: a dot that starts a name or a number.
  if (mark === '.' && after !== undefined && /[\p{L}\p{N}]/u.test(after)) return undefined
  // “Istanbul ,then”: the comma still belongs to the word before it.
  if (mark === ',' && isLetter(after)) return from
  if (after === undefined || /\s/.test(after)) return from
  // “:)”, “;-)”, “:P”: emoticons; “(…the end .)”: a mark before a closing bracket or quote.
  if (mark === ':' || mark === ';') return undefined
  return closers.has(after) ? from : undefined
}

/**
 * `punctuation-spacing`: a missing space after `, ; : . ! ?` before a word (`media,stating`,
 * `beforehand.The`, `U.S.President`, `said:"We`) and a stray space before them (`Istanbul ,`);
 * the slips of wire copy and machine translation around other marks: brackets (`Staff(JS)`,
 * `( UN)`, `(UN )`), a hyphen spaced on one side only (`Addis -Ababa`, `Kuala- Lumpur`),
 * doubled and stray marks (`,,`, `;;`, `..`, `. .`, `,.`) and the lost last period of `a.m.`,
 * `p.m.` and `U.S.` (`9 a.m,`, `the U.S`).
 *
 * retext keeps `beforehand.The` inside one WordNode and `media,stating` as word,
 * punctuation, word, so every single-character PunctuationNode is checked, wherever it sits,
 * against the source text around it. Numbers, initials, domains, file names, URLs, e-mail
 * addresses, handles, emoticons and ellipses pass.
 */
import type {Punctuation, Root, Symbol as SymbolNode, Word} from 'nlcst'
import type {Point} from 'unist'
import {dictionaryPackages, getLookup, type Lookup} from '../lib/dictionary-lookup.js'
import {checkedNodes, fileLocation} from '../lib/document.js'
import {textOf, walk as visit} from '../lib/walk.js'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {defineRule} from '../../src/rule.js'
import {clauseStarters as clauseStarterList, fileExtensions, hyphenPrefixes as hyphenPrefixList, suspendingWords, topLevelDomains, truncatedAbbreviations} from './data.js'

const clauseStarters = new Set(clauseStarterList)
const suspending = new Set(suspendingWords)
const hyphenPrefixes = new Set(hyphenPrefixList)
const truncated = new Map(truncatedAbbreviations.map((abbreviation) => [abbreviation.slice(0, -1), abbreviation]))

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
    description:
      'Flag a missing space after `, ; : . ! ?` and a space before them, brackets and hyphens spaced wrongly, doubled marks and `a.m`, `U.S` without their last period.',
    why: 'A mark run into the next word (`media,stating`, `beforehand.The`) or set off by a space (`Istanbul ,`) is a keyboard slip that readers notice and that breaks search and hyphenation.',
    severity: 'warning',
    fixable: true,
    options: z.object({}).strict(),
    // Reads the marks of one paragraph and the characters around them, up to white space.
    scope: 'paragraph',
    examples: {
      bad: 'Talks were reached beforehand.The details remain undisclosed.',
      good: 'Talks were reached beforehand. The details remain undisclosed.',
    },
  },
  plugin(_options, context) {
    // The dictionary, loaded only when a hyphen needs it (`Addis -Ababa` is no word).
    let words: Lookup | undefined
    const lookup = () => (words ??= getLookup(dictionaryPackages[context.language]))
    return (tree: Root, file: VFile) => {
      const text = String(file.value ?? '')
      // Shared by the rules (a windowed lint runs them once per window over the same draft).
      const place = fileLocation(file)
      const reported = new Set<number>()
      const report = (slip: Slip) => {
        if (reported.has(slip.start)) return
        reported.add(slip.start)
        const message = file.message(slip.reason, {place: {start: place.toPoint(slip.start)!, end: place.toPoint(slip.end)!}})
        Object.assign(message, {actual: text.slice(slip.start, slip.end), expected: slip.expected})
      }
      // One walk collects what the three passes below read, in the order each used to walk.
      const others: Array<Punctuation | SymbolNode> = []
      const words: Word[] = []
      const punctuation: Punctuation[] = []
      // Not the paragraph before a window (see `checkedFrom`).
      for (const root of checkedNodes(tree, file))
        visit(root, (node) => {
          if (node.type === 'PunctuationNode') {
            others.push(node)
            punctuation.push(node)
          } else if (node.type === 'SymbolNode') others.push(node)
          else if (node.type === 'WordNode') words.push(node)
        })
      // Marks other than the six: brackets, hyphens, doubled marks (`,,` is one node).
      for (const node of others) {
        const start = node.position?.start.offset
        if (start === undefined) continue
        for (let at = start; at < start + node.value.length; at++) {
          if (text[at] !== node.value[at - start]) break
          const slip = markSlip(text, at, lookup)
          if (slip) report(slip)
        }
      }
      // `9 a.m,`, `the U.S`: an abbreviation that lost its last period.
      for (const node of words) {
        const end = node.position?.end.offset
        // Every abbreviation there has a point inside: a word of one or two nodes has none.
        if (end === undefined || node.children.length < 3) continue
        const expected = truncated.get(textOf(node))
        if (expected === undefined || /[.\p{L}\p{N}'’-]/u.test(text[end] ?? '') || isAddress(tokenAround(text, end - 1))) continue
        const start = end - expected.length + 1
        report({start, end, reason: `Missing \`.\` after \`${text.slice(start, end)}\``, expected: [expected]})
      }
      for (const node of punctuation) {
        if (!marks.has(node.value)) continue
        const at = node.position?.start.offset
        if (at === undefined || text[at] !== node.value) continue
        if (isMissingSpace(text, at)) {
          const actual = node.value
          const expected = `${actual} `
          const message = file.message(`Missing space after \`${actual}\``, {
            place: {start: node.position!.start, end: node.position!.end},
          })
          Object.assign(message, {actual, expected: [expected]})
          continue
        }
        const from = strayStart(text, at)
        if (from !== undefined) {
          const actual = text.slice(from, at + 1)
          const start = pointBefore(node.position!.start, at - from)
          const message = file.message(`Space before \`${node.value}\``, {
            place: {start, end: node.position!.end},
          })
          Object.assign(message, {actual, expected: [node.value]})
        }
      }
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
  // “said:"We”: after a colon, a straight quote before a word opens a quotation too (after a
  // comma it may close one: `"Yes,"he said`).
  const opensQuote = (after === '“' && (mark === ',' || mark === ':')) || (after === '"' && mark === ':' && isLetter(before) && isLetter(text[at + 2]))
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
  if (text[at - 1] === '.' || (text[at + right.length + 1] === '.' && right.length === 1)) return false
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
  // “Congress.A new”: a word, then `A` or `I` and a lowercase word, is two sentences.
  if ((right === 'A' || right === 'I') && /^\p{Lu}?\p{Ll}{3,}$/u.test(left) && / \p{Ll}/u.test(text.slice(at + 2, at + 4))) return true
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
  // “said ,“We”: the comma before a quotation.
  if (mark === ',' && (after === '“' || after === '"') && isLetter(text[at + 2])) return from
  if (after === undefined || /\s/.test(after)) return from
  // “:)”, “;-)”, “:P”: emoticons; “(…the end .)”: a mark before a closing bracket or quote.
  if (mark === ':' || mark === ';') return undefined
  return closers.has(after) ? from : undefined
}

/** A slip to report: the range, the message and the replacements (one: a certain fix). */
interface Slip {
  readonly start: number
  readonly end: number
  readonly reason: string
  readonly expected: string[]
}

/** The slip at the mark at `at` that is not one of the six (brackets, hyphens, doubles), if any. */
function markSlip(text: string, at: number, lookup: () => Lookup): Slip | undefined {
  const mark = text[at]
  if (mark === '(' || mark === ')') return bracketSlip(text, at)
  if (mark === '-') return hyphenSlip(text, at, lookup)
  const slip = doubledSlip(text, at)
  // `http://example.com/a,,b`, `../docs`: addresses are not prose.
  return slip && !isAddress(tokenAround(text, at)) ? slip : undefined
}

/** `,,`, `;;`, `..`, `,.` and `. .`: a doubled or stray mark at `at`, if any. */
function doubledSlip(text: string, at: number): Slip | undefined {
  const mark = text[at]
  const before = text[at - 1]
  const after = text[at + 1]
  // “talks,, he said”, “energy;; food”: a doubled mark (three or more is someone's choice).
  if ((mark === ',' || mark === ';') && after === mark && before !== mark && text[at + 2] !== mark) {
    return {start: at, end: at + 2, reason: `Doubled \`${mark}\``, expected: [mark]}
  }
  if (mark !== '.' && mark !== ',') return undefined
  const isEnd = (char: string | undefined) => char === undefined || /\s/.test(char) || closers.has(char) || char === '”'
  const endsWord = isLetter(before) || isDigit(before) || closers.has(before)
  // “the talks.. Officials”: two periods are no ellipsis.
  if (mark === '.' && after === '.' && before !== '.' && endsWord && isEnd(text[at + 2])) {
    return {start: at, end: at + 2, reason: 'Doubled `.`', expected: ['.']}
  }
  // “in Washington,. The”: a comma left before the period.
  if (mark === ',' && after === '.' && text[at + 2] !== '.' && (isLetter(before) || closers.has(before)) && isEnd(text[at + 2])) {
    return {start: at, end: at + 2, reason: 'Stray `,` before `.`', expected: ['.']}
  }
  // “…partnership”. .”, “the talks. .”: a stray second period, not a spaced ellipsis `. . .`.
  if (mark === '.' && before !== '.' && endsWord) {
    let next = at + 1
    while (isSpace(text[next])) next++
    if (next > at + 1 && text[next] === '.' && text[next + 1] !== '.' && !(isSpace(text[next + 1]) && text[next + 2] === '.') && isEnd(text[next + 1])) {
      return {start: at + 1, end: next + 1, reason: 'Stray `.` after `.`', expected: ['']}
    }
  }
  return undefined
}

/** “the Joint Staff(JS)”, “( UN)”, “(UN )”: a bracket run into a word or set off inside. */
function bracketSlip(text: string, at: number): Slip | undefined {
  const slip = bracketSpacing(text, at)
  return slip && !isAddress(tokenAround(text, at)) ? slip : undefined
}

function bracketSpacing(text: string, at: number): Slip | undefined {
  // Every search stops at the nearest bracket or line break: a line of 4 MB with a bracket
  // every few characters must not be searched end to end at each one.
  if (text[at] === '(') {
    // The closing bracket of this pair on this line, with no other `(` before it.
    const close = nearest(text, at + 1, 1)
    if (close === undefined || text[close] !== ')') return undefined
    const inside = text.slice(at + 1, close)
    // “Staff(JS)”: a word of two letters or more, then a bracket with a word in it; not
    // `name(s)`, `f(x)`, `Article 5(2)`, `print()`, `iPhone(TM)`.
    // Nor a formula, `Ca(OH)2`.
    const isFormula = /^[\p{Lu}\d]+$/u.test(inside) && isDigit(text[close + 1])
    // Two letters (four code units at most) before the bracket, on this line: a line break is no letter.
    if (/\p{L}{2}$/u.test(text.slice(Math.max(0, at - 4), at)) && /^\p{L}{2}/u.test(inside) && !/^(?:e?s|ies|TM|SM)$/.test(inside) && !isFormula) {
      return {start: at, end: at + 1, reason: 'Missing space before `(`', expected: [' (']}
    }
    // “( UN)”, “Staff( JS)”: not `:( ` or `:-( `, an emoticon.
    const space = /^[ \t\u00A0]+/.exec(inside)
    if (space && /[\p{L}\p{N}"“]/u.test(inside[space[0].length] ?? '') && (at === 0 || /[\s\p{L}"“]$/u.test(text.slice(Math.max(0, at - 2), at)))) {
      return {start: at, end: at + 1 + space[0].length, reason: 'Space after `(`', expected: ['(']}
    }
    return undefined
  }
  // “(UN )”: a space before the closing bracket of a pair on this line.
  // The opening bracket of this pair on this line, with no other `)` after it.
  const open = nearest(text, at - 1, -1)
  if (open === undefined || text[open] !== '(') return undefined
  let from = at
  while (from > open + 1 && isSpace(text[from - 1])) from--
  if (from === at || from === open + 1) return undefined
  if (!/[\p{L}\p{N}.!?"”’]/u.test(text[from - 1])) return undefined
  return {start: from, end: at + 1, reason: 'Space before `)`', expected: [')']}
}

/** From `from` in `step`'s direction, the offset of the first `(`, `)` or line break, if any. */
function nearest(text: string, from: number, step: 1 | -1): number | undefined {
  for (let at = from; at >= 0 && at < text.length; at += step) {
    const code = text.charCodeAt(at)
    if (code === 40 || code === 41 || code === 10) return at
  }
  return undefined
}

/**
 * “Addis -Ababa”, “Kuala- Lumpur”, “self- defense”: a hyphen between two words with a space on
 * one side only. In a name either the hyphen or the space is the slip (`Addis Ababa`,
 * `Hewlett-Packard`), so both are offered and neither is applied unattended; a prefix takes
 * its hyphen. A suspended hyphen (`pre- and post-war`, `10- to 15-year-olds`) and a dash
 * spaced on both sides (`talks - which` is house style) pass.
 */
function hyphenSlip(text: string, at: number, lookup: () => Lookup): Slip | undefined {
  const before = text[at - 1]
  const after = text[at + 1]
  if (before === '-' || after === '-') return undefined
  let left: string
  let right: string
  let start: number
  let end: number
  if (isSpace(before) && isLetter(after) && !isSpace(text[at - 2])) {
    // “Addis -Ababa”: not `-v`, `-ing` or a bullet at the start of a line.
    left = wordBefore(text, at - 1)
    right = wordAfter(text, at)
    if (left.length === 0 || !/\p{L}/u.test(left) || right.length < 2 || !isLetter(text[at - 2])) return undefined
    start = at - 1 - left.length
    end = at + 1 + right.length
  } else if (isLetter(before) && isSpace(after) && isLetter(text[at + 2])) {
    left = wordBefore(text, at)
    right = wordAfter(text, at + 1)
    // “pre- and post-war”, “short- or long-term”, “10- to 15-year-olds”.
    if (suspending.has(right.toLowerCase()) || left.length < 2) return undefined
    start = at - left.length
    end = at + 2 + right.length
  } else {
    return undefined
  }
  if (/[\p{L}\p{N}@]/u.test(text[end] ?? '') || isAddress(tokenAround(text, at))) return undefined
  // Transcripts type a dash as a hyphen and one space (“every year- every year”, “by Iran-
  // were wreaking”): only a name split in two (`Addis -Ababa`) or a prefix cut off its word
  // (`self- defense`) is a slip of the hyphen.
  // `Africa- Nigeria`, `Constitution- It`: two words the dictionary knows, a dash again.
  const isName = isUpper(left[0]) && isUpper(right[0]) && !(lookup().correct(left) && lookup().correct(right))
  if (!isName && !(hyphenPrefixes.has(left.toLowerCase()) && isLower(right[0]))) return undefined
  // “-Ababa.” or a hyphen in a list of suffixes: only whole words on both sides.
  if (/[\p{L}\p{N}_]/u.test(text[start - 1] ?? '')) return undefined
  // `self- defense`: the prefix takes its hyphen, so that fix is certain.
  const expected = isName ? [`${left}-${right}`, `${left} ${right}`] : [`${left}-${right}`]
  return {start, end, reason: 'Space on one side of `-`', expected}
}

/**
 * `quotation`: quotation marks that do not pair up, straight and curly quotes mixed in one
 * document, and a direct quotation run into the text without marks (`adding, The theme…`).
 *
 * Only double quotes are checked: a single `’` is far more often an apostrophe. A backtick or
 * an acute accent typed for an apostrophe (`Iran`s`, `Iran´s`, `don´t`) is flagged too.
 */
import type {Root, Sentence} from 'nlcst'
import {LRUCache} from 'lru-cache'
import {textOf, walk as visit} from '../lib/walk.js'
import type {VFile} from 'vfile'
import {z} from 'zod'
import {defineRule, type WindowRun} from '../../src/rule.js'
import {fileLocation, getDocument, getPartDocument, type DocParagraph} from '../lib/document.js'
import {clauseStarters, indirectMarkers, speechVerbs, subordinators as subordinatorList} from './data.js'

/** A double quotation mark in the text. */
interface Mark {
  readonly value: '"' | '“' | '”'
  readonly offset: number
  /** Whether its place says it opens a quotation (after a space or the start, before a word). */
  readonly isOpening: boolean
  /** Whether its place says it closes one (after a word, before a space or punctuation). */
  readonly isClosing: boolean
}

const verbs = new Set(speechVerbs)
const starters = new Set(clauseStarters)
const indirect = new Set(indirectMarkers)
const subordinators = new Set(subordinatorList)

export default defineRule({
  id: 'quotation',
  meta: {
    description: 'Flag quotation marks that do not pair up, mixed straight and curly quotes, quotations without marks, and a backtick or accent typed for an apostrophe.',
    why: 'A missing closing mark leaves the reader unsure where a speaker’s words end, and a quotation without marks puts words in the reporter’s mouth.',
    severity: 'warning',
    fixable: true,
    options: z.object({}).strict(),
    examples: {
      bad: 'He emphasized the urgency of the situation, adding, The theme of this is to end the war.',
      good: 'He emphasized the urgency of the situation, adding: “The theme of this is to end the war.”',
    },
    // A large draft, a window at a time: the survey counts the draft's straight and curly
    // quotes; a paragraph's verdict reads the paragraphs around it, which the window's context holds.
    windowed: true,
  },
  plugin() {
    return (tree, file) => {
      const window = file.data.copydeskWindow
      if (window?.pass === 'survey') return survey(window, tree, file)
      const document = getDocument(tree, file)
      const text = document.text
      const place = fileLocation(file)
      const flagged = new Set<number>()
      const say = (start: number, end: number, reason: string, expected?: string) => {
        if (flagged.has(start)) return
        flagged.add(start)
        const message = file.message(reason, {place: {start: place.toPoint(start)!, end: place.toPoint(end)!}})
        message.actual = text.slice(start, end)
        if (expected !== undefined) message.expected = [expected]
      }

      const found = document.paragraphs.map((paragraph) => paragraphQuotes(paragraph, text, file))
      // Most paragraphs have no quotation mark: their empty lists are passed on, not copied.
      const marksOf = found.map((quotes, index) =>
        quotes.isRelative && quotes.marks.length > 0 ? quotes.marks.map((mark) => ({...mark, offset: mark.offset + document.paragraphs[index].start})) : quotes.marks,
      )
      // The whole draft's counts: in a windowed lint, the survey's.
      const {straight, curly} = window ? windowState(window) : countMarks(marksOf.flat(), text)
      // Mixed styles: flag the minority (straight quotes on a tie: curly is typeset copy).
      const minority = straight > 0 && curly > 0 ? (straight <= curly ? 'straight' : 'curly') : undefined

      // Curly quotes turned the wrong way: `“Hello,“ he said`.
      const fixedOf = marksOf.map((marks) =>
        marks.length === 0
          ? marks
          : marks.map((mark): Mark => {
              if (mark.value === '“' && !mark.isOpening && mark.isClosing) {
                say(mark.offset, mark.offset + 1, 'Opening quote `“` at the end of a quotation: use `”`', '”')
                return {...mark, value: '”'}
              }
              if (mark.value === '”' && mark.isOpening) {
                say(mark.offset, mark.offset + 1, 'Closing quote `”` at the start of a quotation: use `“`', '“')
                return {...mark, value: '“'}
              }
              return mark
            }),
      )
      const balances = fixedOf.map(curlyBalance)
      // The document's apostrophe: straight when it writes straight quotes or apostrophes and
      // no curly one (in a windowed lint, asked of the draft once).
      const findApostrophe = () => ((/\p{L}'\p{L}/u.test(text) || straight > 0) && !/[’“”]/u.test(text) ? "'" : '’')
      const apostrophe = window ? (windowState(window).apostrophe ??= findApostrophe()) : findApostrophe()
      const oddStraight = fixedOf.map((marks) => isOddStraight(marks, text))

      for (const [index, paragraph] of document.paragraphs.entries()) {
        const marks = fixedOf[index]
        // In a windowed lint, the paragraph after the window's last is the next window's first, as the survey saw it.
        const next = document.paragraphs[index + 1]
        const following = next ? nextFacts(next, balances[index + 1], oddStraight[index + 1]) : window ? windowState(window).firsts.get(window.end) : undefined
        const continues = following?.continues === true
        // A quotation hard-wrapped over two lines (`…out in every town.\nNot hours,” said…`)
        // that the plain-text reader took for two paragraphs: its halves pair up.
        const wrapsOn = following !== undefined && !/\n\s*\n/.test(text.slice(paragraph.end, following.start))
        const previous = document.paragraphs[index - 1]
        const wrapsIn = previous !== undefined && !/\n\s*\n/.test(text.slice(previous.end, paragraph.start))

        if (minority) {
          for (const mark of marks) {
            if (minority === 'straight' && mark.value === '"' && !isInchMark(mark, text)) {
              const expected = mark.isOpening ? '“' : '”'
              say(mark.offset, mark.offset + 1, `Straight quote: use \`${expected}\``, expected)
            } else if (minority === 'curly' && mark.value !== '"') {
              say(mark.offset, mark.offset + 1, `Curly quote \`${mark.value}\`: use \`"\``, '"')
            }
          }
        }

        // Curly: pair `“` with `”`.
        const {opens, strayCloses} = balances[index]
        if (!(wrapsIn && balances[index - 1].opens.length > 0)) {
          for (const mark of strayCloses) {
            say(mark.offset, mark.offset + 1, 'Closing quote `”` without an opening `“`')
          }
        }
        // A quotation that runs on into the next paragraph has no closing mark (news style).
        if (!(opens.length === 1 && continues) && !(wrapsOn && following.hasStrayCloses)) {
          for (const mark of opens) say(mark.offset, mark.offset + 1, 'Opening quote `“` without a closing `”`')
        }

        // Straight: an odd number of `"`, unless some may be inch marks (`5'10"`).
        const isWrapped = (wrapsOn && following.isOddStraight) || (wrapsIn && oddStraight[index - 1])
        if (oddStraight[index] && !isWrapped) {
          const straights = marks.filter((mark) => mark.value === '"')
          const first = straights[0]
          // “"It was a long night," she said. "But we won.⏎"And…”: the last quotation runs on
          // into the next paragraph, which opens with a quote (news style, as with curly quotes).
          const lone = unpairedStraight(straights)
          const isContinued = (straights.length === 1 && first.isOpening && continues) || (lone === straights.at(-1) && lone.isOpening && !lone.isClosing && continues)
          if (!isContinued) {
            if (lone.isOpening) say(lone.offset, lone.offset + 1, 'Opening quote `"` without a closing `"`')
            else say(lone.offset, lone.offset + 1, 'Closing quote `"` without an opening `"`')
          }
        }

        const shift = found[index].isRelative ? paragraph.start : 0
        for (const mark of found[index].apostrophes) {
          const name = mark.value === '`' ? 'Backtick' : 'Acute accent'
          say(mark.offset + shift, mark.offset + shift + 1, `${name} used as an apostrophe: \`${apostrophe}\``, apostrophe)
        }

        for (const item of found[index].runIns) say(item.start + shift, item.end + shift, item.reason)
      }
    }
  },
})

/** Straight quotes (not inch marks) and curly ones among `marks`. */
function countMarks(marks: readonly Mark[], text: string): {straight: number; curly: number} {
  const straight = marks.filter((mark) => mark.value === '"' && !isInchMark(mark, text)).length
  return {straight, curly: marks.length - marks.filter((mark) => mark.value === '"').length}
}

/** What a paragraph after another tells about it (see the rule's loop). */
interface NextFacts {
  readonly start: number
  /** It opens with a quote: a quotation may run on into it. */
  readonly continues: boolean
  readonly hasStrayCloses: boolean
  readonly isOddStraight: boolean
}

function nextFacts(paragraph: DocParagraph, balance: ReturnType<typeof curlyBalance>, isOdd: boolean): NextFacts {
  return {start: paragraph.start, continues: /^\s*["“]/.test(paragraph.text), hasStrayCloses: balance.strayCloses.length > 0, isOddStraight: isOdd}
}

/** Whether a paragraph's straight quotes are odd in number, none of them maybe an inch mark. */
function isOddStraight(marks: readonly Mark[], text: string): boolean {
  if (marks.length === 0) return false
  const straights = marks.filter((mark) => mark.value === '"')
  return straights.length % 2 === 1 && !straights.some((mark) => isInchMark(mark, text))
}

/** A curly quote turned the wrong way, turned right (`“Hello,“`). */
function turned(mark: Mark): Mark {
  if (mark.value === '“' && !mark.isOpening && mark.isClosing) return {...mark, value: '”'}
  if (mark.value === '”' && mark.isOpening) return {...mark, value: '“'}
  return mark
}

/**
 * What a windowed lint keeps of the draft (see `WindowRun`): the counts of straight and curly
 * quotes, each window's first paragraph as the paragraph before it sees it (by the window's
 * start), and the draft's apostrophe once asked.
 */
interface WindowState {
  straight: number
  curly: number
  readonly firsts: Map<number, NextFacts>
  apostrophe?: string
}

function windowState(window: WindowRun): WindowState {
  let state = window.state.get('quotation') as WindowState | undefined
  if (!state) window.state.set('quotation', (state = {straight: 0, curly: 0, firsts: new Map()}))
  return state
}

/** Windowed lint, survey pass: add the quotes of the window's paragraphs to the draft's counts. */
function survey(window: WindowRun, tree: Root, file: VFile): void {
  const document = getPartDocument(tree, window.nodes, file)
  const state = windowState(window)
  for (const [index, paragraph] of document.paragraphs.entries()) {
    const quotes = paragraphQuotes(paragraph, document.text, file)
    const marks = quotes.isRelative ? quotes.marks.map((mark) => ({...mark, offset: mark.offset + paragraph.start})) : quotes.marks
    const found = countMarks(marks, document.text)
    state.straight += found.straight
    state.curly += found.curly
    if (index === 0) {
      const fixed = marks.map(turned)
      state.firsts.set(window.start, nextFacts(paragraph, curlyBalance(fixed), isOddStraight(fixed, document.text)))
    }
  }
}

/**
 * What a paragraph holds for this rule: its quotation marks, its false apostrophes and its
 * quotations run in, at offsets in the file, or from the paragraph's start when `isRelative`.
 */
interface ParagraphQuotes {
  readonly isRelative: boolean
  readonly marks: readonly Mark[]
  readonly apostrophes: readonly FalseApostrophe[]
  readonly runIns: ReadonlyArray<{readonly start: number; readonly end: number; readonly reason: string}>
}

/**
 * {@link ParagraphQuotes} of plain-text paragraphs, by whether each is a headline, the
 * characters around it (they decide whether a mark opens or closes) and its text: the
 * language server asks again after every keystroke.
 */
const quotesByText = new LRUCache<string, ParagraphQuotes>({max: 4000})

function paragraphQuotes(paragraph: DocParagraph, text: string, file: VFile): ParagraphQuotes {
  // Markdown: a paragraph's prose depends on more than its source text (code, references).
  const key =
    file.data.headingRanges === undefined ? `${paragraph.isHeadline ? 'H' : 'P'}${text.charAt(paragraph.start - 1)}${text.charAt(paragraph.end)}${paragraph.text}` : undefined
  let quotes = key === undefined ? undefined : quotesByText.get(key)
  if (!quotes) {
    const runIns: Array<{start: number; end: number; reason: string}> = []
    if (!paragraph.isHeadline) {
      for (const sentence of paragraph.sentences) runIn(sentence.node, text, (start, end, reason) => runIns.push({start, end, reason}))
    }
    const {marks, apostrophes} = marksOf(paragraph, text)
    const found = {isRelative: false, marks, apostrophes, runIns}
    if (key === undefined) return found
    // Kept relative to the paragraph, to serve it wherever it moves.
    const start = paragraph.start
    quotes = {
      isRelative: true,
      marks: found.marks.map((mark) => ({...mark, offset: mark.offset - start})),
      apostrophes: found.apostrophes.map((mark) => ({...mark, offset: mark.offset - start})),
      runIns: runIns.map((item) => ({...item, start: item.start - start, end: item.end - start})),
    }
    quotesByText.set(key, quotes)
  }
  return quotes
}

/**
 * The double quotation marks of a paragraph and its false apostrophes (see
 * {@link isFalseApostrophe}), in one walk: only those the tree proofreads (not code).
 */
function marksOf(paragraph: DocParagraph, text: string): {marks: Mark[]; apostrophes: FalseApostrophe[]} {
  const marks: Mark[] = []
  const apostrophes: FalseApostrophe[] = []
  visit(paragraph.node, (node) => {
    if (node.type !== 'PunctuationNode' && node.type !== 'SymbolNode') return
    const start = node.position?.start.offset
    if (start === undefined) return
    const value = node.value
    // Most marks are no quotation mark: no characters to list.
    if (value.includes('"') || value.includes('“') || value.includes('”'))
      for (const [index, char] of [...value].entries()) {
        if (char !== '"' && char !== '“' && char !== '”') continue
        const offset = start + index
        marks.push({value: char, offset, isOpening: isOpeningPlace(offset, text), isClosing: isClosingPlace(offset, text)})
      }
    if ((value === '`' || value === '´') && isFalseApostrophe(value, start, text)) apostrophes.push({value, offset: start})
  })
  return {marks, apostrophes}
}

/** Pair `“` with `”` in order: the openings left unclosed, and closings with no opening. */
function curlyBalance(marks: readonly Mark[]): {readonly opens: readonly Mark[]; readonly strayCloses: readonly Mark[]} {
  if (marks.length === 0) return noMarksBalance
  const opens: Mark[] = []
  const strayCloses: Mark[] = []
  for (const mark of marks) {
    if (mark.value === '“') opens.push(mark)
    else if (mark.value === '”' && opens.pop() === undefined) strayCloses.push(mark)
  }
  return {opens, strayCloses}
}

/** {@link curlyBalance} of a paragraph without quotation marks (most of them). */
const noMarksBalance = Object.freeze({opens: Object.freeze([]), strayCloses: Object.freeze([])})

/** After a space, a bracket, a dash or the start; before a word: an opening quote. */
function isOpeningPlace(offset: number, text: string): boolean {
  const before = offset === 0 ? ' ' : text[offset - 1]
  const after = text[offset + 1] ?? ' '
  return /[\s([{—–‘]/u.test(before) && /[\p{L}\p{N}‘'.…$£€(]/u.test(after)
}

/** After a word or punctuation, before a space, punctuation or the end: a closing quote. */
function isClosingPlace(offset: number, text: string): boolean {
  const before = offset === 0 ? ' ' : text[offset - 1]
  const after = text[offset + 1] ?? ' '
  return /[\p{L}\p{N}.,!?…’'—-]/u.test(before) && /[\s.,;:!?)\]—–]/u.test(after)
}

/** `5'10"`, `a 15" screen`: a straight quote right after a figure may be an inch mark. */
function isInchMark(mark: Mark, text: string): boolean {
  return mark.value === '"' && /\d/.test(text[mark.offset - 1] ?? '')
}

/** Of an odd number of straight quotes, the one left over when they pair up in order. */
function unpairedStraight(marks: readonly Mark[]): Mark {
  let open: Mark | undefined
  for (const mark of marks) {
    if (open === undefined) {
      // A closing quote where an opening one is due: that one has no partner.
      if (!mark.isOpening && mark.isClosing) return mark
      open = mark
    } else {
      open = undefined
    }
  }
  return open ?? marks.at(-1)!
}

/** Whether the clause of the verb at `index` starts with a subordinator (`As I said, …`). */
function isSubordinate(nodes: Sentence['children'], index: number): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const node = nodes[at]
    if (node.type === 'PunctuationNode' && /[,;:—–(]/.test(node.value)) return false
    if (node.type === 'WordNode' && subordinators.has(textOf(node).toLowerCase())) return true
  }
  return false
}

/**
 * A quotation run into the text: a speech verb (with up to four words of its own: `told
 * Reuters`), a comma, then a capitalized word that starts a clause (`The`, `We`, `I`), and a
 * lowercase word after it (`The Hague` and `The New York Times` are names).
 */
function runIn(
  sentence: Sentence,
  text: string,
  // No fix: marks around the whole quotation are the writer's call (where does it end?).
  say: (start: number, end: number, reason: string) => void,
): void {
  const nodes = sentence.children
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]
    // As written, in lowercase: “the United States, I…” is no speech verb.
    if (node.type !== 'WordNode' || !verbs.has(textOf(node))) continue
    // “As I told the Speaker this summer, I'm prepared to…”: the comma ends a clause of the
    // writer's own (`as`, `when`, `after`…), and what follows is the main clause, not a quote.
    if (isSubordinate(nodes, index)) continue
    let at = index + 1
    let words = 0
    // Skip the verb's own words (`told Reuters`, `said on Tuesday`) up to the comma.
    while (at < nodes.length && words <= 4) {
      const child = nodes[at]
      if (child.type === 'WhiteSpaceNode') at++
      else if (child.type === 'WordNode' && !indirect.has(textOf(child).toLowerCase())) {
        words++
        at++
      } else break
    }
    const comma = nodes[at]
    if (comma?.type !== 'PunctuationNode' || comma.value !== ',' || words > 4) continue
    const space = nodes[at + 1]
    const word = nodes[at + 2]
    const gap = nodes[at + 3]
    const following = nodes[at + 4]
    if (space?.type !== 'WhiteSpaceNode' || word?.type !== 'WordNode' || !starters.has(textOf(word))) continue
    if (gap?.type !== 'WhiteSpaceNode' || following?.type !== 'WordNode' || !/^\p{Ll}/u.test(textOf(following))) continue
    const start = word.position?.start.offset
    const end = word.position?.end.offset
    const from = node.position?.start.offset
    const to = comma.position?.end.offset
    if (start === undefined || end === undefined || from === undefined || to === undefined) continue
    // Already inside a quotation: `“He told me, This is it,” she said.` is not run in.
    const before = text.slice(0, from)
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1
    const line = text.slice(lineStart, from)
    if (line.split('“').length - line.split('”').length > 0 || (line.split('"').length - 1) % 2 === 1) continue
    const lead = text.slice(from, to)
    say(start, end, `Quotation without quotation marks after \`${lead}\``)
  }
}

/** A backtick or an acute accent typed for an apostrophe (`Iran`s`, `don´t`). */
interface FalseApostrophe {
  readonly value: '`' | '´'
  readonly offset: number
}

/**
 * Whether a backtick or an acute accent at `offset` stands between a word and the ending of a
 * contraction or possessive (`Iran`s`, `Iran´s`, `don´t`, `they´re`).
 */
function isFalseApostrophe(value: '`' | '´', offset: number, text: string): boolean {
  if (text[offset] !== value) return false
  if (!/\p{L}$/u.test(text.slice(Math.max(0, offset - 1), offset))) return false
  // “`code`s” in plain text: the backtick closes a pair opened in the same word.
  if (/\S*$/u.exec(text.slice(Math.max(0, offset - 40), offset))![0].includes(value)) return false
  return /^(?:s|t|re|ve|ll|d|m)(?![\p{L}\p{N}`´])/u.test(text.slice(offset + 1, offset + 4))
}

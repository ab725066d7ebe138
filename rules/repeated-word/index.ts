/**
 * `repeated-word`: the same word twice in a row (`the the`), as retext-repeated-words finds
 * it, and the doubles that plugin lets pass because they may be grammar: `that that` before a
 * word that cannot follow the pronoun (`that that the`, not `that that was`) and `can can`
 * before a verb (`can can attend`, not `can-can`). A name before the same word in
 * lowercase (`Theresa May may`, `Will will`) is no repeat.
 *
 * The plugin's test is done here, in the rules' own walk of the sentences (`checkRepeats`):
 * its generic visit made a closure per node and a message for every double the rule then
 * dropped, a sixth of the rules' time on a draft of short lines.
 */
import type {Sentence} from 'nlcst'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {z} from 'zod'
import {defineRule, type MessageFields} from '../../src/rule.js'
import {checkedNodes} from '../lib/document.js'
import {SKIP, textOf, walk} from '../lib/walk.js'
import {functionWords, legitimateDoubles, notAfterThat} from './data.js'

const functionWordSet = new Set(functionWords)
const notAfterThatSet = new Set(notAfterThat)
/** Words retext-repeated-words lets stand twice (`had had`, `that that`, `can can`), lowercase. */
const pluginDoubles = new Set(['had', 'that', 'can', 'blah', 'beep', 'yadda', 'sapiens', 'tse', 'mau'])

export default defineRule({
  id: 'repeated-word',
  meta: {
    description: 'Flag a word written twice in a row.',
    why: 'A doubled word is almost always a slip of the keyboard or of an edit, and the eye skips it when reading.',
    severity: 'warning',
    fixable: true,
    options: z.object({}).strict(),
    // Compares the words of one sentence.
    scope: 'paragraph',
    examples: {bad: 'Talks resumed on the the same day.', good: 'They had had enough of the talks.'},
  },
  plugin() {
    return (tree, file) => {
      const before = file.messages.length
      // Not the paragraph before a window (see `checkedFrom`).
      for (const root of checkedNodes(tree, file))
        walk(root, 'SentenceNode', (sentence) => {
          checkRepeats(sentence, file)
          // The doubles retext-repeated-words lets pass (`that`, `can`): repeated only by context.
          checkGrammaticalDoubles(sentence, file)
          // A sentence holds no sentence.
          return SKIP
        })
      // In text order, whichever pass found them.
      const ours = file.messages.splice(before)
      const offset = (message: (typeof ours)[number]) => (message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0)
      // One at a time: a spread of 100,000 messages overflows the stack.
      for (const message of ours.sort((a, b) => offset(a) - offset(b))) file.messages.push(message)
    }
  },
})

/** The message for a word written twice in a row: “`the` is repeated”. */
function repeated(word: string): string {
  return `\`${word}\` is repeated`
}

/**
 * Words twice in a row, one space apart, as retext-repeated-words finds them (the same word
 * in any case; not the doubles it lets pass, nor `D. D.` or `Duran Duran`), less those that
 * are no slip: set phrases (`bye bye`) and a name before the word (`Theresa May may`).
 */
function checkRepeats(sentence: Sentence, file: VFile): void {
  const nodes = sentence.children
  // The last word and the one before it (with only white space after it), by index.
  let previous = -1
  let previousValue = ''
  let current = -1
  let currentValue = ''
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]
    if (node.type === 'WordNode') {
      const value = textOf(node)
      current = index
      currentValue = value.toLowerCase()
      if (previous !== -1 && previousValue === currentValue && !isPluginDouble(value)) reportRepeat(nodes, previous, index, file)
    } else if (node.type === 'WhiteSpaceNode') {
      previous = current
      previousValue = currentValue
      current = -1
    } else {
      previous = -1
      current = -1
    }
  }
}

/** Whether retext-repeated-words lets a double pass: its list, an initial (`D. D.`), a capitalized word (`Duran Duran`). */
function isPluginDouble(value: string): boolean {
  if (pluginDoubles.has(value.toLowerCase())) return true
  const head = value.charAt(0)
  if (head === head.toUpperCase()) {
    if (value.length === 2 && value.charAt(1) === '.') return true
    const tail = value.slice(1)
    if (tail === tail.toLowerCase()) return true
  }
  return false
}

/** Report the words from `from` to `to` (indexes in `nodes`) as a repeat, unless a set phrase or a name comes first. */
function reportRepeat(nodes: Sentence['children'], from: number, to: number, file: VFile): void {
  const actual = textOf(nodes.slice(from, to + 1))
  const [word, second = ''] = actual.split(/\s+/)
  if (legitimateDoubles.includes(word.toLowerCase())) return
  // “Theresa May may attend”: a capitalized name, then the word; only a function word
  // (`The the`, `We we`) is repeated whatever its case.
  if (/^\p{Lu}/u.test(word) && /^\p{Ll}/u.test(second) && !functionWordSet.has(second)) return
  const start = pointOf(nodes[from].position?.start)
  const end = pointOf(nodes[to].position?.end)
  const message = file.message(repeated(word), {place: start && end ? {start, end} : undefined})
  Object.assign(message, {actual, expected: [word]})
  if (/[\n\r]/.test(actual)) acrossLineBreak(message, String(file.value))
}

/** A copy of a point of the tree (as unist-util-position gives it), or `undefined` when it has none. */
function pointOf(point: Point | undefined): Point | undefined {
  if (!point || typeof point.line !== 'number' || typeof point.column !== 'number' || point.line < 1 || point.column < 1) return undefined
  return {line: point.line, column: point.column, offset: typeof point.offset === 'number' && point.offset > -1 ? point.offset : undefined}
}

/** `that that the`, `can can attend`: a double the plugin skips, by the word after it. */
function checkGrammaticalDoubles(sentence: Sentence, file: VFile): void {
  const nodes = sentence.children
  for (let at = 0; at + 4 < nodes.length; at++) {
    const first = nodes[at]
    const space = nodes[at + 1]
    const second = nodes[at + 2]
    const gap = nodes[at + 3]
    const next = nodes[at + 4]
    if (first.type !== 'WordNode' || second.type !== 'WordNode' || next.type !== 'WordNode') continue
    if (space.type !== 'WhiteSpaceNode' || gap.type !== 'WhiteSpaceNode') continue
    const word = textOf(first)
    const lower = word.toLowerCase()
    // Only these two doubles are the plugin's blind spot.
    if (lower !== 'that' && lower !== 'can') continue
    if (textOf(second) !== lower) continue
    const after = textOf(next)
    // “He said that that was the end”: the second `that` is a pronoun or a determiner; before
    // an article or a subject pronoun (`that that the`, `that that we`) it cannot be.
    const isThat = lower === 'that' && notAfterThatSet.has(after.toLowerCase())
    // “You can can attend”: the modal twice before a verb (`a can-can show` has a hyphen;
    // `will will` and the other modals the plugin reports itself).
    const isModal = lower === 'can' && /^\p{Ll}+$/u.test(after)
    if (!isThat && !isModal) continue
    // “Can can be opened”: a name or a sentence start before the modal; let it pass.
    if (isModal && word !== lower) continue
    const message = file.message(repeated(word), {
      ancestors: [sentence],
      place: {start: first.position!.start, end: second.position!.end},
    })
    Object.assign(message, {actual: textOf(nodes.slice(at, at + 3)), expected: [word]})
    if (/[\n\r]/.test(String(message.actual))) acrossLineBreak(message, String(file.value))
  }
}

/**
 * A repeat across a line break (`…flew to the` / `the capital…`): replacing `the\nthe` by `the`
 * would join the two lines. Flag the second word and the spaces after it instead, to be
 * deleted (`the\ncapital`); where it has none (`the\nthe.`), the first word and the spaces
 * before it (`to\nthe.`); and where neither can go without touching markup or the break,
 * suggest without fixing.
 */
function acrossLineBreak(message: VFileMessage, text: string): void {
  const fields = message as VFileMessage & MessageFields
  const place = message.place
  const actual = String(message.actual)
  const [first, second] = [actual.match(/^\S+/)?.[0] ?? '', actual.match(/\S+$/)?.[0] ?? '']
  if (!place || !('start' in place) || place.start.offset === undefined || place.end.offset === undefined || !first || !second) {
    fields.fix = false
    return
  }
  const {start, end} = place
  const after = /^[ \t]+/.exec(text.slice(end.offset))?.[0] ?? ''
  // The spaces before the first word, found backwards (a pattern anchored at the end of the
  // text before it reads all of that text, for every such message).
  let spaces = start.offset!
  while (spaces > 0 && (text[spaces - 1] === ' ' || text[spaces - 1] === '\t')) spaces--
  const before = text.slice(spaces, start.offset)
  // After the second word comes a word (no punctuation, markup or line end): remove it and its spaces.
  if (after && /^[\p{L}\p{N}]/u.test(text.slice(end.offset! + after.length))) {
    const from = end.offset! - second.length
    message.place = {
      start: {line: end.line, column: end.column - second.length, offset: from},
      end: {line: end.line, column: end.column + after.length, offset: end.offset! + after.length},
    }
    message.actual = text.slice(from, end.offset! + after.length)
  } else if (before) {
    message.place = {
      start: {line: start.line, column: start.column - before.length, offset: start.offset! - before.length},
      end: {line: start.line, column: start.column + first.length, offset: start.offset! + first.length},
    }
    message.actual = text.slice(start.offset! - before.length, start.offset! + first.length)
  } else {
    fields.fix = false
    return
  }
  message.expected = ['']
}

/**
 * `repeated-word`: the same word twice in a row (`the the`), wrapping retext-repeated-words,
 * and the doubles that plugin lets pass because they may be grammar: `that that` before a
 * word that cannot follow the pronoun (`that that the`, not `that that was`) and `can can`
 * before a verb (`can can attend`, not `can-can`). A name before the same word in
 * lowercase (`Theresa May may`, `Will will`) is no repeat.
 */
import type {Root, Sentence} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {z} from 'zod'
import {defineRule, type MessageFields} from '../../src/rule.js'
import {textOf, walk} from '../lib/walk.js'
import {functionWords, legitimateDoubles, notAfterThat} from './data.js'

const functionWordSet = new Set(functionWords)
const notAfterThatSet = new Set(notAfterThat)

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
    const transform = retextRepeatedWords() as (tree: Root, file: VFile) => void
    return (tree, file) => {
      const before = file.messages.length
      transform(tree, file)
      // Drop grammatical doubles the plugin does not know, and word our message.
      const added = file.messages.splice(before)
      for (const message of added) {
        const actual = String(message.actual ?? '')
        const [word, second = ''] = actual.split(/\s+/)
        if (legitimateDoubles.includes(word.toLowerCase())) continue
        // “Theresa May may attend”: a capitalized name, then the word; only a function word
        // (`The the`, `We we`) is repeated whatever its case.
        if (/^\p{Lu}/u.test(word) && /^\p{Ll}/u.test(second) && !functionWordSet.has(second)) continue
        message.reason = repeated(word)
        message.expected = [word]
        if (/[\n\r]/.test(actual)) acrossLineBreak(message, String(file.value))
        file.messages.push(message)
      }
      // The doubles retext-repeated-words lets pass (`that`, `can`): repeated only by context.
      walk(tree, 'SentenceNode', (sentence) => {
        checkGrammaticalDoubles(sentence, file)
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

/**
 * `repeated-word`: the same word twice in a row (`the the`), wrapping retext-repeated-words.
 */
import type {Root} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import type {VFile} from 'vfile'
import {defineRule} from '../../src/rule.js'
import {legitimateDoubles} from './data.js'

export default defineRule({
  id: 'repeated-word',
  meta: {
    description: 'Flag a word written twice in a row.',
    why: 'A doubled word is almost always a slip of the keyboard or of an edit, and the eye skips it when reading.',
    severity: 'warning',
    fixable: true,
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
        const word = actual.split(/\s+/)[0]
        if (legitimateDoubles.includes(word.toLowerCase())) continue
        message.reason = `Unexpected repeated \`${word}\`, remove one`
        message.expected = [word]
        file.messages.push(message)
      }
    }
  },
})

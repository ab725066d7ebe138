/**
 * `repeated-word` finds the doubles retext-repeated-words finds (it once wrapped the plugin, and
 * now does its test in its own walk of the sentences): on crafted doubles and on the prose
 * corpus, the rule's messages equal those of the plugin filtered as the rule did before.
 */
import {readdirSync, readFileSync} from 'node:fs'
import type {Root} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {createProcessor} from '../../src/pipeline/processor.js'
import {functionWords, legitimateDoubles} from '../../rules/repeated-word/data.js'

const config = defaultConfig(process.cwd())
const rule = createProcessor(config, 'text', {select: (candidate) => candidate.id === 'repeated-word'})
const parser = createProcessor(config, 'text', {select: () => false})

/** The plugin's messages, less the doubles the rule lets pass (set phrases, `May may`), worded as the rule words them. */
function pluginRepeats(text: string): unknown[] {
  const file = new VFile({value: text, path: 'draft.txt'})
  const tree = parser.runSync(parser.parse(file), file)
  ;(retextRepeatedWords() as (tree: Root, file: VFile) => void)(tree, file)
  const functionWordSet = new Set(functionWords)
  return file.messages.flatMap((message) => {
    const actual = String(message.actual)
    const [word, second = ''] = actual.split(/\s+/)
    if (legitimateDoubles.includes(word.toLowerCase())) return []
    if (/^\p{Lu}/u.test(word) && /^\p{Ll}/u.test(second) && !functionWordSet.has(second)) return []
    return [{reason: `\`${word}\` is repeated`, place: message.place, actual, expected: [word]}]
  })
}

/** The rule's messages about doubles the plugin finds (not `that that`, `can can`, which it lets pass), before a double across a line break is moved. */
function ruleRepeats(text: string): unknown[] {
  const file = new VFile({value: text, path: 'draft.txt'})
  rule.runSync(rule.parse(file), file)
  return file.messages
    .filter((message: VFileMessage & {actual?: string}) => !/^(that|can)\s/i.test(String(message.actual)))
    .map((message: VFileMessage & {actual?: string; expected?: string[]}) => ({
      reason: message.reason,
      place: message.place,
      actual: message.actual,
      expected: message.expected,
    }))
}

const crafted = [
  'Talks resumed on the the same day. The the talks. It is is a deal.\nWe we agree.',
  'They had had enough. Blah blah. D. D. Smith came. Duran Duran played. Bora Bora is far.',
  'Theresa May may attend, and Will will come. Bye bye, knock knock, no no.',
  'THE THE end. tHe the case. a, a comma. "so" so quoted. one-one hyphen. 3 3 figures. x x.',
  'It went to the\u00a0the capital. Ça ça va. Éte éte été été. naïve naïve.',
]

describe('repeated-word and retext-repeated-words', () => {
  it('report the same doubles in crafted text', () => {
    for (const text of crafted) expect(ruleRepeats(text)).toEqual(pluginRepeats(text))
    expect(crafted.flatMap((text) => ruleRepeats(text)).length).toBeGreaterThan(5)
  })

  it('report the same doubles in the prose corpus', () => {
    const folder = new URL('../../bench/corpus/prose/', import.meta.url)
    const names = readdirSync(folder).filter((name) => name.endsWith('.txt'))
    // Each article with its words doubled every seventh word, so that there is something to find.
    const texts = names.map((name) =>
      readFileSync(new URL(name, folder), 'utf8').replace(/(\p{L}+)( )/gu, (whole, word: string, space: string, at: number) =>
        at % 7 === 0 ? `${word}${space}${word}${space}` : whole,
      ),
    )
    let found = 0
    for (const text of texts) {
      const expected = pluginRepeats(text)
      found += expected.length
      expect(ruleRepeats(text)).toEqual(expected)
    }
    expect(found).toBeGreaterThan(100)
  })
})

/**
 * Issue 13: no more than 1 % of a control list of correct words may be flagged by `spelling`.
 * The list (`tests/fixtures/spelling-control/words.txt`, built by `build.ts` beside it, which
 * names its sources): everyday words, words of edited prose that neither dictionary has, and
 * names; and, bounded apart, the words of the larger word list that subtitles use, many of
 * which are no words of edited copy (`tellin`, `bein`).
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import spelling from '../../rules/spelling/index.js'
import {onlyRule, run} from '../helpers/rule-table.js'

const entries = readFileSync('tests/fixtures/spelling-control/words.txt', 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [kind, word] = line.split(' ')
    return {kind, word}
  })

/** The flagged words of the control list, by kind, each with its message. */
async function flaggedByKind(): Promise<Record<string, string[]>> {
  // One sentence per line, the word inside it: `They said annum again.`, `They met Abrom again.`
  const text = entries.map(({kind, word}) => (kind === 'name' ? `They met ${word} again.` : `They said ${word} again.`)).join('\n')
  const messages = await run(spelling, text, onlyRule(spelling))
  const flagged: Record<string, string[]> = {word: [], prose: [], name: [], listed: []}
  for (const message of messages) {
    const {kind, word} = entries[message.line! - 1]
    flagged[kind].push(`${word}: ${message.reason}`)
  }
  return flagged
}

describe('spelling control list', () => {
  const count = (kind: string) => entries.filter((entry) => entry.kind === kind).length

  it('holds words of each source', () => {
    expect(count('word')).toBe(5000)
    expect(count('prose')).toBeGreaterThan(90)
    expect(count('name')).toBeGreaterThan(400)
    expect(count('listed')).toBeGreaterThan(200)
  })

  it('flags at most 1 % of the correct words, and no more of the listed words than today', async () => {
    const flagged = await flaggedByKind()
    const correct = flagged.word.length + flagged.prose.length + flagged.name.length
    const total = count('word') + count('prose') + count('name')
    // The flagged words go with a failure, so that a change in them is easy to judge.
    expect({rate: correct / total <= 0.01, flagged: [...flagged.word, ...flagged.prose, ...flagged.name]}).toEqual({
      rate: true,
      flagged: [...flagged.word, ...flagged.prose, ...flagged.name],
    })
    // Measured when the list was made: 41 of 5,584 (0.7 %): 8 everyday words (`ain`, `tellin`),
    // 20 words of prose (`exprest`, `intrusted`, `tures`), 13 names (`Sandall`: `Randall`).
    expect(correct).toBeLessThanOrEqual(41)
    // 104 of the 258 listed words are flagged today, mostly dialect spellings and fragments
    // (`takin`, `ers`) but also words (`donut`, `sheik`): a bound, so that it only goes down.
    expect(flagged.listed.length).toBeLessThanOrEqual(104)
  })
})

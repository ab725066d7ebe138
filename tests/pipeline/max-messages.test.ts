/**
 * A draft's message limit (`maxMessages`, `limitMessages` in src/pipeline/lint.ts): the report
 * of a draft with more messages is exactly the first `max` messages of an unlimited run, or
 * fewer where a rule stopped at the limit (spelling, whose messages cost a search: see
 * `mayReport` in src/rule.ts), never a message that an unlimited run would not give at that place;
 * `file.data.copydeskStopped` says where it ends. Whole drafts and drafts in windows alike, on
 * seeded generated drafts (`MAX_MESSAGES_SEED=N` replays one).
 */
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import {lint, maxMessagesOf} from '../../src/pipeline/lint.js'
import {defaultMaxMessages} from '../../src/pipeline/limits.js'
import {VFile} from 'vfile'
import {budgetCut, createBudget, hasStopped, mayReport} from '../../src/rule.js'
import {random, shown} from '../helpers/equivalence.js'

const seed = Number(process.env.MAX_MESSAGES_SEED ?? Date.now() % 2 ** 31)
console.log(`max-messages: seed ${seed} (MAX_MESSAGES_SEED=${seed} to replay)`)

const base = defaultConfig('/')
const limited = (maxMessages: number): ResolvedConfig => ({...base, maxMessages})
const unlimited = limited(-1)

/** A draft of made-up words, slips and clean sentences, with lines that start in lowercase. */
function draft(next: () => number, lines: number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]
  const made = () => Array.from({length: 3 + Math.floor(next() * 6)}, () => pick('bcdfghjklmnpqrstvwxz'.split('')) + pick('aeiou'.split(''))).join('')
  const parts = [
    () => 'The talks resumed on Monday in Istanbul.',
    () => `${made()} ${made()} went to the the market.`,
    () => `following this, ${made()} said the delegation was ready.`,
    () => 'Peskov said the meeting in istanbul went well,adding that peskov would return.',
    () => `${made()}.`,
    () => 'The same sentence is here again.',
  ]
  return Array.from({length: lines}, () => Array.from({length: 1 + Math.floor(next() * 3)}, () => pick(parts)()).join(' ')).join('\n') + '\n'
}

type Way = {name: string; window: {threshold: number; size?: number}}
const ways: Way[] = [
  {name: 'whole', window: {threshold: Infinity}},
  {name: 'in windows', window: {threshold: 0, size: 256}},
]

describe('maxMessages', () => {
  it('defaults to 10,000; -1 is no limit', () => {
    expect(defaultMaxMessages).toBe(10_000)
    expect(maxMessagesOf(base)).toBe(10_000)
    expect(maxMessagesOf(limited(-1))).toBeUndefined()
    expect(maxMessagesOf(limited(7))).toBe(7)
  })

  for (const way of ways) {
    it(`${way.name}: the report is the start of an unlimited run's, and says where it stops`, async () => {
      const next = random(seed)
      for (let round = 0; round < 6; round++) {
        const text = draft(next, 40 + Math.floor(next() * 40))
        const all = shown(await lint(text, {config: unlimited, path: 'draft.txt', window: way.window}))
        expect(all.length).toBeGreaterThan(20)
        for (const max of [1, 2 + Math.floor(next() * 10), Math.floor(all.length / 2), all.length - 1, all.length, all.length + 5]) {
          const file = await lint(text, {config: limited(max), path: 'draft.txt', window: way.window})
          const some = shown(file)
          expect(some.length).toBeLessThanOrEqual(max)
          expect(some, `seed ${seed}, round ${round}, max ${max}`).toEqual(all.slice(0, some.length))
          const stopped = file.data.copydeskStopped
          if (all.length <= max) {
            expect(some.length).toBe(all.length)
            expect(stopped).toBeUndefined()
          } else {
            // Cut: the first `max`, or fewer where spelling stopped (then every message up to its last one).
            expect(stopped).toEqual({messages: some.length, line: some.at(-1)!.line, column: some.at(-1)!.column})
            if (some.length < max) {
              const last = file.messages.at(-1)!.place as {start: {offset: number}}
              const unlimitedUpTo = all.filter((message) => (message.place as {start: {offset: number}}).start.offset <= last.start.offset)
              expect(some).toEqual(unlimitedUpTo)
            }
          }
        }
      }
    })
  }

  it('spelling stops looking once it has reported the limit (made-up words: suggestions cost a search)', async () => {
    const words = Array.from({length: 400}, (_, index) => `zq${(index * 7919).toString(36)}x`).join(' ')
    const text = `${words}.\n`
    const file = await lint(text, {config: limited(25), path: 'draft.txt'})
    expect(file.messages).toHaveLength(25)
    expect(file.messages.every((message) => message.ruleId === 'spelling')).toBe(true)
    expect(file.data.copydeskStopped).toEqual({messages: 25, line: 1, column: file.messages[24].column})
    // Not left on the file: a second lint starts afresh.
    expect(file.data.copydeskBudget).toBeUndefined()
    const again = await lint(file, {config: limited(30)})
    expect(again.messages).toHaveLength(30)
  })

  it('a rule may report up to the limit, then stops where its last message starts', () => {
    const file = new VFile('')
    expect(mayReport(file, 'spelling', 5)).toBe(true) // no budget: no limit
    file.data.copydeskBudget = createBudget(2)
    expect(budgetCut(file.data.copydeskBudget)).toBeUndefined()
    expect([mayReport(file, 'spelling', 3), mayReport(file, 'spelling', 9), hasStopped(file, 'spelling')]).toEqual([true, true, false])
    expect(mayReport(file, 'spelling', 12)).toBe(false)
    expect(hasStopped(file, 'spelling')).toBe(true)
    expect(mayReport(file, 'spelling', 20)).toBe(false)
    expect(mayReport(file, 'name-spelling', 1)).toBe(true)
    expect(budgetCut(file.data.copydeskBudget)).toBe(9)
  })

  it('a draft with exactly the limit is reported whole, without a stop', async () => {
    const text = 'Talks resumed on the the same day.\nThey met in istanbul.\n'
    const all = await lint(text, {config: unlimited, path: 'a.txt'})
    const file = await lint(text, {config: limited(all.messages.length), path: 'a.txt'})
    expect(shown(file)).toEqual(shown(all))
    expect(file.data.copydeskStopped).toBeUndefined()
  })

  it('Markdown drafts are cut the same way', async () => {
    const text = Array.from({length: 30}, (_, index) => `- item ${index}: the the qzxv${index}k went to istanbul`).join('\n') + '\n'
    const all = shown(await lint(text, {config: unlimited, path: 'a.md'}))
    const file = await lint(text, {config: limited(10), path: 'a.md'})
    expect(shown(file)).toEqual(all.slice(0, file.messages.length))
    expect(file.data.copydeskStopped?.messages).toBe(file.messages.length)
  })
})

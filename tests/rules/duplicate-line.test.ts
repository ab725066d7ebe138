import rule from '../../rules/duplicate-line/index.js'
import type {Rule} from '../../src/rule.js'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {defaultConfig} from '../../src/config/defaults.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import {lint} from '../../src/pipeline/lint.js'
import {lintInWindows} from '../../src/pipeline/windowed.js'
import {shown} from '../helpers/equivalence.js'
import {ruleTable} from '../helpers/rule-table.js'

/** The rule, with its options widened as the registry holds it. */
const duplicateLine = rule as Rule

const a = 'Talks resumed in Istanbul on Monday after a long pause.'

ruleTable(duplicateLine, {
  valid: [
    // A formulaic start with different endings.
    'The company said in a statement that it would cut 500 jobs by March.\nThe company said in a statement that it would open a new plant in Ohio.',
    'Officials said the vote would take place on Monday in the capital.\nOfficials said the vote would take place on Tuesday in the capital.',
    'Shares of the company rose 3 percent in early trading on Monday.\nShares of the company rose 5 percent in early trading on Monday.',
    // Headlines repeated, and a headline repeated in the body.
    'Russia and Ukraine Meet in Istanbul\n\nThe talks began on Monday.\n\nRussia and Ukraine Meet in Istanbul\n\nThe talks ended on Tuesday.',
    'Talks Resume in Istanbul After Long Pause\n\nTalks resume in Istanbul after long pause, officials said on Monday in a statement.',
    // Attribution lines and short repeats.
    '“We want peace,” he said in a long interview.\nDmitry Peskov, Kremlin Spokesman\n“We are ready to talk about a real ceasefire,” he added.\nDmitry Peskov, Kremlin Spokesman',
    '"No," he said. Then he left the room in a hurry.\n"No," he said. Later he called back to apologize.',
    'The talks continue.\nThe talks continue.',
    // Different quotes sharing words.
    '“We will not give up our land,” Zelensky said on Monday.\n“We will not give up our freedom,” Zelensky said on Tuesday.',
    // List-like lines.
    '- Russia will send a delegation led by Vladimir Medinsky.\n- Ukraine will send a delegation led by Rustem Umerov.',
    'It was not immediately clear why.\nIt was not immediately clear why the talks failed.',
    'Russia said it was ready to resume the talks.\nUkraine said it was ready to resume the talks.',
    'Russia said it was ready to resume the talks.\nRussia said it was not ready to resume the talks.',
    a,
  ],
  invalid: [
    {
      text: `${a}\n${a}`,
      messages: ['2:1-2:56: Sentence repeated from line 1'],
      suggestions: [[]],
    },
    {
      // The sample's lines 14–15: a line repeating the end of the line before.
      text: 'U.S. Secretary of State Mako Rubio reportedly had a telephone call with Russian Foreign Minister Sergei Lavrov, emphasizing that President Trump was calling for immediate truce and ending violence.\nPresident Trump was calling for immediate truce and ending violence.',
      messages: ['2:1-2:69: Sentence repeated from line 1'],
    },
    {
      // The last sentence of an earlier line.
      text: `The delegations met for two hours. ${a}\n${a}`,
      messages: ['2:1-2:56: Sentence repeated from line 1'],
    },
    {
      text: `${a}\ntalks  resumed in istanbul on Monday, after a long pause`,
      messages: ['2:1-2:57: Sentence repeated from line 1'],
    },
    {
      // A clause added.
      text: `${a}\nTalks resumed in Istanbul on Monday after a long pause, officials said.`,
      messages: ['2:1-2:72: Sentence repeated from line 1'],
    },
    {
      // A clause dropped.
      text: `Talks resumed in Istanbul on Monday after a long pause, officials said.\n${a}`,
      messages: ['2:1-2:56: Sentence repeated from line 1'],
    },
    {
      // Within one paragraph.
      text: `${a} The delegations met for two hours. ${a}`,
      messages: ['1:92-1:147: Sentence repeated from line 1'],
    },
    {
      text: `${a}\r\n\r\nThe delegations met for two hours.\r\n\r\n${a}\r\n`,
      messages: ['5:1-5:56: Sentence repeated from line 1'],
    },
    {
      // A whole line of two sentences repeated.
      text: `${a} The delegations met for two hours in the palace.\nMore text follows here.\n${a} The delegations met for two hours in the palace.`,
      messages: ['3:1-3:105: Line repeated from line 1'],
    },
  ],
})

describe('duplicate-line in a windowed lint', () => {
  // Repeats and near repeats (a clause dropped, a word changed in a long sentence) of sentences
  // many windows apart, of lines with several sentences, and of a sentence within its window.
  const long = 'The delegations met for six hours in the palace on the Bosphorus and agreed to exchange prisoners of war before the end of the month.'
  const parts = [
    a,
    'Officials said the vote would take place on Monday in the capital.',
    `${a} ${a}`,
    long,
    'Filler line number one about the weather in the region today.',
    long.replace('six hours', 'seven hours'),
    'Talks resumed in Istanbul on Monday.',
    `Officials said the vote would take place on Monday in the capital. ${a}`,
    'Talks resumed in Istanbul on Monday after a long pause, officials said.',
    'Filler line number two about the markets in the region today.',
    a,
  ]
  const text = Array.from({length: 4}, () => parts.join('\n')).join('\n\n')
  const config = {
    ...defaultConfig('/'),
    rules: Object.fromEntries(Object.keys(defaultConfig('/').rules).map((id) => [id, id === 'duplicate-line' ? ['warning'] : ['off']])),
  } as ResolvedConfig
  const said = (file: VFile) => file.messages.map((message) => `${message.place && 'start' in message.place ? message.place.start.offset : ''} ${message.reason}`)

  it('reports on windows [k, n) alone, or one window alone, what the whole run reports there', async () => {
    for (const size of [1, 150, 700]) {
      const all = new VFile({value: text, path: 'draft.txt'})
      expect(await lintInWindows(all, config, size)).toBe(true)
      const full = said(all)
      expect(full.length).toBeGreaterThan(20)
      for (const of of [2, 3, 5, 1000]) {
        const shares: string[][] = []
        for (let index = 0; index < of; index++) {
          const file = new VFile({value: text, path: 'draft.txt'})
          expect(await lintInWindows(file, config, size, {index, of})).toBe(true)
          shares.push(said(file))
        }
        expect(shares.flat(), `windows of ${size}, ${of} shares`).toEqual(full)
        // The later shares repeat what earlier ones hold.
        expect(shares.slice(1).flat().length, `windows of ${size}, ${of} shares`).toBeGreaterThan(0)
      }
    }
  })

  it('gives the whole-draft lint its messages', async () => {
    const whole = await lint(text, {config, path: 'draft.txt', window: {threshold: Infinity}})
    for (const size of [1, 150]) {
      const windowed = await lint(text, {config, path: 'draft.txt', window: {threshold: 0, size}})
      expect(shown(windowed), `windows of ${size}`).toEqual(shown(whole))
    }
  })
})

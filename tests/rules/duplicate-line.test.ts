import rule from '../../rules/duplicate-line/index.js'
import type {Rule} from '../../src/rule.js'
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

import {readFileSync} from 'node:fs'
import headlineCase from '../../rules/headline-case/index.js'
import {ruleTable} from '../helpers/rule-table.js'

const sample = readFileSync(new URL('../../samples/ukraine-talks.txt', import.meta.url), 'utf8')
const sampleLines = sample.split('\n')

ruleTable(headlineCase, {
  valid: [
    // The sample's subheadings.
    sampleLines.slice(2, 13).join('\n'),
    readFileSync(new URL('../../samples/eu-summit-clean.txt', import.meta.url), 'utf8'),
    'Trump Seeks to Mediate as Russia Confirms Planning for Talks\nThe war goes on.',
    'EU Leaders Agree on Energy Plan After Late-Night Talks\nThe leaders agreed on a plan.',
    'Talks Resume after the Ceasefire in Gaza\nThe talks resumed on Monday.',
    'Apple Unveils a New iPhone for Fans of eBay\nThe phone goes on sale on Friday.',
    'A Museum for de Gaulle, van Gogh and von der Leyen\nThe museum opens in May.',
    'Leaders agree on energy plan after late-night talks\nThe leaders agreed on a plan.',
    // Sentence case full of names reads as title case by counting capitals alone.
    'Biden meets Xi Jinping in Hawaii\nBiden and Xi met in Hawaii on Tuesday.',
    'Remembering bell hooks: The Writer Who Changed a Field\nShe wrote many books.',
    {text: '# Talks resume in Geneva\n\nThe talks resumed.\n\n## Leaders agree on a plan\n\nThey agreed.', path: 'story.md'},
    {text: 'Leaders agree on energy plan\nThe plan was agreed.', options: {style: 'sentence'}},
  ],
  invalid: [
    {
      // The sample, line 1.
      text: sample,
      messages: ['1:29-1:36: Lowercase `mediate` in a title-case headline: `Mediate`'],
      suggestions: [['Mediate']],
      output: sample.replace('to mediate', 'to Mediate'),
    },
    {
      text: 'City Council Approves Budget After Long debate\nThe council voted on the budget after a long debate.',
      messages: ['1:41-1:47: Lowercase `debate` in a title-case headline: `Debate`'],
      output: 'City Council Approves Budget After Long Debate\nThe council voted on the budget after a long debate.',
    },
    {
      text: 'Talks Resume after the mediate Ceasefire Deal\nThe talks resumed in Paris.',
      messages: ['1:24-1:31: Lowercase `mediate` in a title-case headline: `Mediate`'],
      output: 'Talks Resume after the Mediate Ceasefire Deal\nThe talks resumed in Paris.',
    },
    {
      text: 'Leaders agree on trade deal\nThe leaders agreed on a trade deal after long talks.\nLeaders Agree on Trade Talks\nThe talks resumed.',
      options: {style: 'sentence'},
      messages: ['3:18-3:23: Capital `Trade` in a sentence-case headline: `trade`', '3:24-3:29: Capital `Talks` in a sentence-case headline: `talks`'],
      output: 'Leaders agree on trade deal\nThe leaders agreed on a trade deal after long talks.\nLeaders Agree on trade talks\nThe talks resumed.',
    },
    {
      text: '# Leaders agree on trade deal\n\nThe leaders agreed.\n\n## Talks begin in Geneva\n\nThe talks began.\n\n## Ministers Hold Talks on trade\n\nMinisters met for talks on trade.',
      path: 'story.md',
      // `Hold` is not written in lowercase elsewhere in the story: left alone (it may be a name).
      messages: ['9:19-9:24: Capital `Talks` in a sentence-case headline: `talks`'],
      output:
        '# Leaders agree on trade deal\n\nThe leaders agreed.\n\n## Talks begin in Geneva\n\nThe talks began.\n\n## Ministers Hold talks on trade\n\nMinisters met for talks on trade.',
    },
  ],
})

import repeatedWord from '../../rules/repeated-word/index.js'
import {ruleTable} from '../helpers/rule-table.js'

ruleTable(repeatedWord, {
  valid: [
    'They had had enough of the talks.',
    'He said that that was the end of it.',
    'It was a very, very long night.',
    'Knock knock, who is there?',
    'The the-word is not a repeat.',
    'Bora Bora is an island.',
    // A name, then the same word in lowercase.
    'Theresa May may attend, and Will will come.',
    // `that that` as conjunction and pronoun or determiner; `can-can` with a hyphen.
    'She asked that that plan be dropped.',
    'He said that that, the deal, was done.',
    'They saw the can-can show.',
    'Can can openers work?',
  ],
  invalid: [
    {
      text: 'Talks resumed on the the same day.',
      messages: ['1:18-1:25: `the` is repeated'],
      suggestions: [['the']],
      output: 'Talks resumed on the same day.',
    },
    {
      text: 'The the talks resumed.',
      messages: ['1:1-1:8: `The` is repeated'],
      suggestions: [['The']],
      output: 'The talks resumed.',
    },
    {
      text: 'It is is a deal.\nWe we agree.',
      messages: ['1:4-1:9: `is` is repeated', '2:1-2:6: `We` is repeated'],
      output: 'It is a deal.\nWe agree.',
    },
    {
      // Machine translation: “the ministry said that that the talks would continue”.
      text: 'He said that that the deal was done, and that that we would win.',
      messages: ['1:9-1:18: `that` is repeated', '1:42-1:51: `that` is repeated'],
      suggestions: [['that'], ['that']],
      output: 'He said that the deal was done, and that we would win.',
    },
    {
      text: 'You can can attend the can-can show, and it will will be fun.',
      messages: ['1:5-1:12: `can` is repeated', '1:45-1:54: `will` is repeated'],
      output: 'You can attend the can-can show, and it will be fun.',
    },
    // Issue 17: “…to the” / “the capital…” became one line. The fix removes the second word
    // and its space, never the line break (LF and CRLF).
    {
      text: 'In the long negotiations that lasted late into the night they flew to the\nthe capital on Monday.',
      messages: ['2:1-2:5: `the` is repeated'],
      suggestions: [['']],
      output: 'In the long negotiations that lasted late into the night they flew to the\ncapital on Monday.',
    },
    {
      text: 'In the long negotiations that lasted late into the night they flew to the\r\nthe capital on Monday.\r\n',
      messages: ['2:1-2:5: `the` is repeated'],
      output: 'In the long negotiations that lasted late into the night they flew to the\r\ncapital on Monday.\r\n',
    },
    {
      text: 'They flew to the\nthe capital on Monday.',
      path: 'draft.md',
      messages: ['2:1-2:5: `the` is repeated'],
      output: 'They flew to the\ncapital on Monday.',
    },
    // No word after the second one: the first goes, with the space before it.
    {
      text: 'They flew to the\nthe.',
      path: 'draft.md',
      messages: ['1:13-1:17: `the` is repeated'],
      output: 'They flew to\nthe.',
    },
    // Neither can go without touching the markup: suggested, not fixed.
    {
      text: '*the*\nthe.',
      path: 'draft.md',
      messages: ['1:2-2:4: `the` is repeated'],
    },
  ],
})

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
  ],
  invalid: [
    {
      text: 'Talks resumed on the the same day.',
      messages: ['1:18-1:25: Unexpected repeated `the`, remove one'],
      suggestions: [['the']],
      output: 'Talks resumed on the same day.',
    },
    {
      text: 'The the talks resumed.',
      messages: ['1:1-1:8: Unexpected repeated `The`, remove one'],
      suggestions: [['The']],
      output: 'The talks resumed.',
    },
    {
      text: 'It is is a deal.\nWe we agree.',
      messages: ['1:4-1:9: Unexpected repeated `is`, remove one', '2:1-2:6: Unexpected repeated `We`, remove one'],
      output: 'It is a deal.\nWe agree.',
    },
  ],
})

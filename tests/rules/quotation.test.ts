import {readFileSync} from 'node:fs'
import quotation from '../../rules/quotation/index.js'
import {ruleTable} from '../helpers/rule-table.js'

const sample = readFileSync(new URL('../../samples/ukraine-talks.txt', import.meta.url), 'utf8')

ruleTable(quotation, {
  valid: [
    readFileSync(new URL('../../samples/eu-summit-clean.txt', import.meta.url), 'utf8'),
    // The sample's block quote on its own line, with the attribution line after it (lines 18–19).
    sample.split('\n').slice(16, 20).join('\n'),
    '“This is a good day for Europe,” she told reporters.',
    'He said "we will win" and left.',
    'He is 5\'10" tall and owns a 15" laptop.',
    'Trump’s plan and the Kremlin’s reply were both ’90s ideas.',
    '“It was a long night,” she said. “But we won.\n“And we will win again,” she said.',
    'Peskov said that the talks would continue.',
    // A quotation hard-wrapped at a sentence end: the plain-text reader splits the lines.
    '“We have crews out in every town. It will take days.\nNot hours,” said Maria Lopez.',
    'She called the plan "a good start. A first step.\nNothing more" and left.',
    'He said Tuesday that the talks would continue.',
    'The spokesman said, however, that talks would go on.',
    'As I told the Speaker this summer, I’m prepared to make more reforms.',
    'When I asked, I was told to wait.',
    'On behalf of the United States, I signed the treaty in May.',
    'She wrote a novel, The Road Home, in 2010.',
    'He said, The Hague would rule on it.',
    'Officials told Reuters, The New York Times and the BBC that the talks had failed.',
    'The minister added, Peskov said, that nothing would change.',
    '“He told me, This is it,” she said.',
    {text: 'Type `say "hi` to start, as the manual said.', path: 'guide.md'},
    // A quotation that runs on into the next paragraph, with straight quotes as with curly ones.
    '"It was a long night," she said. "But we won.\n"And we will win again," she said.',
    // Backticks and accents that are no apostrophe.
    'The accent ´ and the backtick ` stand alone; café and `code`s.',
    {text: 'Run `Iran`s` code, and the `rm`s too.', path: 'guide.md'},
  ],
  invalid: [
    {
      // The sample, line 5.
      text: 'He emphasized the urgency of the situation, adding, The theme of this currency is to end the massacre that kills more than 5,000 Russians and Ukrainian soldiers a week.',
      messages: ['1:53-1:56: Quotation without quotation marks after `adding,`'],
      suggestions: [[]],
    },
    {
      text: 'She told Reuters, We will not sign this deal.',
      messages: ['1:19-1:21: Quotation without quotation marks after `told Reuters,`'],
    },
    {
      text: 'The mayor said "we are ready" and then wrote, This is our plan.',
      messages: ['1:47-1:51: Quotation without quotation marks after `wrote,`'],
    },
    {
      text: '“We heard you,“ said Raman. ”This is what the people asked for.”',
      messages: ['1:15-1:16: Opening quote `“` at the end of a quotation: use `”`', '1:29-1:30: Closing quote `”` at the start of a quotation: use `“`'],
      output: '“We heard you,” said Raman. “This is what the people asked for.”',
    },
    {
      text: '“We heard you, said Raman.\nThe council voted on Tuesday.',
      messages: ['1:1-1:2: Opening quote `“` without a closing `”`'],
    },
    {
      text: 'We heard you,” said Raman.',
      messages: ['1:14-1:15: Closing quote `”` without an opening `“`'],
    },
    {
      text: 'Bass said the budget was "a responsible plan for hard times.\nThe vote came later.',
      messages: ['1:26-1:27: Opening quote `"` without a closing `"`'],
    },
    {
      text: 'Bass said the budget was a responsible plan," she said.',
      messages: ['1:45-1:46: Closing quote `"` without an opening `"`'],
    },
    {
      text: '“This is a good day,” she said. “We acted together,” he said. He called it "a step."',
      messages: ['1:76-1:77: Straight quote: use `“`', '1:84-1:85: Straight quote: use `”`'],
      output: '“This is a good day,” she said. “We acted together,” he said. He called it “a step.”',
    },
    {
      text: '"This is a good day," she said. "We acted together," he said. He called it “a step.”',
      messages: ['1:76-1:77: Curly quote `“`: use `"`', '1:84-1:85: Curly quote `”`: use `"`'],
      output: '"This is a good day," she said. "We acted together," he said. He called it "a step."',
    },
    {
      // The quotation that runs on must run on into a paragraph that opens with a quote.
      text: '"It was a long night," she said. "But we won.\nThe council voted.',
      messages: ['1:34-1:35: Opening quote `"` without a closing `"`'],
    },
    {
      // Wire copy: “Iran`s foreign minister”, “Iran´s position”.
      text: 'Iran`s plan and Iran´s reply. They don´t know.',
      messages: ['1:5-1:6: Backtick used as an apostrophe: `’`', '1:21-1:22: Acute accent used as an apostrophe: `’`', '1:39-1:40: Acute accent used as an apostrophe: `’`'],
      suggestions: [['’'], ['’'], ['’']],
      output: 'Iran’s plan and Iran’s reply. They don’t know.',
    },
    {
      // The document writes straight apostrophes: so does the fix.
      text: "Iran´s plan. It's here.",
      messages: ["1:5-1:6: Acute accent used as an apostrophe: `'`"],
      output: "Iran's plan. It's here.",
    },
    {
      text: 'Run `Iran`s` code, but Iran´s plan.',
      path: 'guide.md',
      messages: ['1:28-1:29: Acute accent used as an apostrophe: `’`'],
      output: 'Run `Iran`s` code, but Iran’s plan.',
    },
  ],
})

import sentenceCase from '../../rules/sentence-case/index.js'
import {ruleTable} from '../helpers/rule-table.js'

const midSentence = (word: string) => `Capital \`${word}\` in mid-sentence: \`${word.toLowerCase()}\``
const lowercase = (word: string) => `Lowercase \`${word}\` at the start of a sentence: \`${word.charAt(0).toUpperCase() + word.slice(1)}\``

ruleTable(sentenceCase, {
  valid: [
    // Found by the property test: a lowercase letter with no capital form.
    'ᵫ is a letter with no capital.',
    // The contract's “never flagged” list.
    '5,000 people marched. 3.5 percent voted.',
    '"The talks are over," he said.',
    '“We will win,” she said.',
    'iPhone sales rose. eBay shares fell.',
    'iOS and macOS updates shipped.\nmacOS users were told to update.',
    'bell hooks wrote about love.',
    'danah boyd studies social media.',
    'k.d. lang sang. e.e. cummings wrote.',
    'de Gaulle led France. van Gogh painted. von der Leyen spoke. da Silva won.',
    'al-Assad fled to Moscow.',
    'They had had enough.',
    'U.S. Diplomacy: A Broader Effort',
    // Digits, symbols, quotes, brackets.
    '2024 was a hard year.',
    '$3.5bn was raised.',
    '(the vote was close) Officials said so.',
    '[the text] was missing.',
    '‘the end’ was near.',
    '— and then it ended.',
    '@user replied within minutes.',
    '#ukraine trended all day.',
    // URLs, domains, e-mail addresses.
    'example.com is down.',
    'news@example.org is the address.',
    'www.example.org was hacked.',
    // Abbreviations inside a sentence.
    'Sen. Warren spoke at 10 a.m. local time on Friday.',
    'The U.S. military and the U.K. navy met in Washington, D.C. on Friday.',
    'Supplies ran low, e.g. food and fuel, i.e. the basics.',
    'Researchers (Smith et al. found) agreed.',
    'It ran 5 in. long and 3 ft. wide.',
    'It cost $5 vs. $10 and apples, pears, etc. were sold.',
    'Gen. Milley met Lt. Col. Vindman and Gov. DeSantis at St. Louis Cathedral, Mo. and left.',
    'Rates fell 5 per cent. of the total in 1905.',
    'Downing Street said at No. 10 that talks were over.',
    // Lists, colons, line breaks.
    'a) food\nb) water\nii. fuel',
    'i. food and water',
    'He listed three demands:\nwithdrawal of troops\nreparations',
    'Note: the talks resumed.',
    'He paused...\nand then he left.',
    'He paused… and then he left.',
    '• the first point\n* the second point',
    '(Reporting by Andrew MacAskill; editing by Alex Richardson)',
    'The talks resumed on Friday after a break of several weeks, and the\ndelegates said progress was made.',
    'WASHINGTON (Reuters) - The U.S. Senate voted 51-49 on Tuesday.',
    // Questions and exclamations run on in quoted speech.
    'What now? he asked.',
    'Yahoo! shares rose.',
    // Quoted words and phrases, quotations that start mid-sentence, names in quotes.
    '"woke" is a word, and "the deal" was the phrase.',
    'He said: "iPhone sales are up."',
    'He said: “...the talks are over.”',
    'He called it "a good start" and left.',
    // Markdown code is never proofread.
    {text: 'Run `He said: "the talks are over"` and `said that It was` or `i think` in code.', path: 'guide.md'},
    // Addresses at the start of a line.
    'The site was down.\nhttp://example.com is back, and https://x.org too.',
    'The site was down.\nwww.example.com is back.',
    // Capitals in mid-sentence that may be right: God, titles, names, the letter i.
    'The blessings which He has bestowed are many.',
    'Gone With The Wind aired, and It Follows did too.',
    'The letter i was dotted; see (i) and i. below, i.e. the list.',
    'Officials said The Hague would rule.',
    // Names that end in -ed, a team, a capitalized subject.
    'He told Ahmed that fans of Leeds United were there, and officials Reed and Ted agreed.',
    'The church was Reformed in 1560, and its members Blessed Are The Meek sang.',
    // Truman, 1953: “the blockade was thwarted by the courageous Allied airlift”.
    'The blockade was thwarted by the courageous Allied airlift.',
    // A capital after a lost period is not this check's (`this epidemic It is`).
    'The cost of this epidemic It is to be reckoned.',
    // A figure and a period before a word that does not start a sentence: a stray period.
    'The debt was paid by 1835. and the rest in 1840.',
    '1. the first item\n2. the second item',
    // The sample's clean lines.
    'Trump’s Plan: A Three-Way Conversation',
    'He emphasized the urgency of the situation, adding, The theme of this currency is to end the massacre.',
  ],
  invalid: [
    {
      // The sample, line 6.
      text: 'He emphasized the urgency of the situation.\nfollowing this, Trump plans to engage with Ukrainian President Volodymyr Zelensky.',
      messages: [`2:1-2:10: ${lowercase('following')}`],
      suggestions: [['Following']],
      output: 'He emphasized the urgency of the situation.\nFollowing this, Trump plans to engage with Ukrainian President Volodymyr Zelensky.',
    },
    {
      text: 'the talks ended on Friday.',
      messages: [`1:1-1:4: ${lowercase('the')}`],
      output: 'The talks ended on Friday.',
    },
    {
      text: 'The talks ended. the delegates left.',
      messages: [`1:18-1:21: ${lowercase('the')}`],
      output: 'The talks ended. The delegates left.',
    },
    {
      text: 'Sen. Warren spoke first. after that, the vote began.',
      messages: [`1:26-1:31: ${lowercase('after')}`],
      output: 'Sen. Warren spoke first. After that, the vote began.',
    },
    {
      text: 'Kremlin Confirms Preparations\ndmitry Peskov spoke on Monday.',
      messages: [`2:1-2:7: ${lowercase('dmitry')}`],
      output: 'Kremlin Confirms Preparations\nDmitry Peskov spoke on Monday.',
    },
    {
      text: 'Officials met at 10 a.m. The talks ran late.\n\nin a statement, the ministry said nothing.',
      messages: [`3:1-3:3: ${lowercase('in')}`],
      output: 'Officials met at 10 a.m. The talks ran late.\n\nIn a statement, the ministry said nothing.',
    },
    {
      text: 'Prices rose sharply. it’s the third rise this year.',
      messages: [`1:22-1:26: ${lowercase('it’s')}`],
      output: 'Prices rose sharply. It’s the third rise this year.',
    },
    {
      text: 'well-known analysts disagreed.',
      messages: [`1:1-1:11: ${lowercase('well-known')}`],
      output: 'Well-known analysts disagreed.',
    },
    {
      text: 'Putin offered a 30-day truce. but Kyiv refused. and talks stalled.',
      messages: [`1:31-1:34: ${lowercase('but')}`, `1:49-1:52: ${lowercase('and')}`],
      output: 'Putin offered a 30-day truce. But Kyiv refused. And talks stalled.',
    },
    {
      text: 'Russia’s Conditions for a Summit\ndespite these efforts, Russia’s stance remains conditional.',
      messages: [`2:1-2:8: ${lowercase('despite')}`],
      output: 'Russia’s Conditions for a Summit\nDespite these efforts, Russia’s stance remains conditional.',
    },
    {
      // A quoted sentence starts with a capital: after a colon, and at a paragraph's start.
      text: 'He said: "the talks are over." And “the talks will go on,” she said.',
      messages: [`1:11-1:14: ${lowercase('the')}`],
      output: 'He said: "The talks are over." And “the talks will go on,” she said.',
    },
    {
      text: '“the talks will resume on Monday,” he said.',
      messages: [`1:2-1:5: ${lowercase('the')}`],
      output: '“The talks will resume on Monday,” he said.',
    },
    {
      text: 'The talks ended.\n"the talks are over," he said.\n“we will win,” she said.',
      messages: [`2:2-2:5: ${lowercase('the')}`, `3:2-3:4: ${lowercase('we')}`],
      output: 'The talks ended.\n"The talks are over," he said.\n“We will win,” she said.',
    },
    {
      text: 'He said:"the talks are over."',
      messages: [`1:10-1:13: ${lowercase('the')}`],
      output: 'He said:"The talks are over."',
    },
    {
      // Machine translation: “the spokesman said that It was a matter for the court”.
      text: 'He said that It was over, and officials said They would stay.',
      messages: [`1:14-1:16: ${midSentence('It')}`, `1:46-1:50: ${midSentence('They')}`],
      suggestions: [['it'], ['they']],
      output: 'He said that it was over, and officials said they would stay.',
    },
    {
      // Machine translation: “the officials Banned the import of…”.
      text: 'The officials Banned the import, and they Arrested him.',
      messages: [`1:15-1:21: ${midSentence('Banned')}`, `1:43-1:51: ${midSentence('Arrested')}`],
      output: 'The officials banned the import, and they arrested him.',
    },
    {
      text: 'He was sure i think so, and i’m sure i was right.',
      messages: ['1:13-1:14: `i` is the pronoun `I`', '1:29-1:32: `i’m` is the pronoun `I’m`', '1:38-1:39: `i` is the pronoun `I`'],
      suggestions: [['I'], ['I’m'], ['I']],
      output: 'He was sure I think so, and I’m sure I was right.',
    },
    {
      // A sentence after one that ends in a figure.
      text: 'The case began in 2026. the court ruled on it.',
      messages: [`1:25-1:28: ${lowercase('the')}`],
      output: 'The case began in 2026. The court ruled on it.',
    },
  ],
})

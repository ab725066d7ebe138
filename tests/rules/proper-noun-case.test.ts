import properNounCase from '../../rules/proper-noun-case/index.js'
import {ruleTable} from '../helpers/rule-table.js'

ruleTable(properNounCase, {
  valid: [
    // The contract's never-flagged names.
    'The author bell hooks spoke after the singer k.d. lang.',
    'A biography of Charles de Gaulle sat beside letters of Vincent van Gogh.',
    'Ursula von der Leyen met Luiz Inácio Lula da Silva and Mohammed bin Salman.',
    // Accents and possessives.
    'Recep Tayyip Erdoğan met Kylian Mbappé in Gdańsk, then flew to São Paulo.',
    'Volodymyr Zelensky’s office said Zelensky’s aides would travel to Kyiv.',
    // Names no list knows, once or many times.
    'Thandiwe Mkhabela, a nurse, said Dr. Oyelaran Adebayo-Whitfield ignored her.',
    'Iryna Kovalchuk-Darmoros teaches in a village school. Kovalchuk-Darmoros has taught there since 2009.',
    'South Korean President Lee Jae-myung met the delegation.',
    // Ordinary words that are also places, months and names.
    'Farmers near reading rooms said the turkey harvest was poor this year.',
    'A nice day may bring crowds, and shoppers polish the china before the holiday.',
    'Voters will march on the capital to protest the bill.',
    'The council said it may vote in August, and the 5 may be enough.',
    'It is late, may I go? Results came in late, may they say.',
    'They said it was a bush fire, and the reading was nice.',
    // A title with no name after it, an office in lowercase, an all-lowercase ordinary phrase.
    'The secretary of state for health resigned, and the foreign ministry declined to comment.',
    'He said the soviet union of workers had voted, and the little rock garden was closed.',
    'The Secretary of state affairs met no one.',
    'Crowds gathered in south Boston and east Los Angeles.',
    'Her father was a smith in Georgia, and her mother sold china.',
    'The lacquer, called japan, and the china came from Kyoto.',
    // Common English words that some list holds as a name (`Pearl Harbor`, `Girls' Frontline`),
    // in a British draft too (`harbor` is American spelling, still an English word).
    {text: 'The council voted on the harbor plan today.', config: {language: 'en-GB'}},
    'The council voted on the harbor plan today. Survivors of Pearl Harbor came.',
    'He wrote of how proud he was to be on the frontline against terror.',
    'The PBS show Frontline aired. He was proud to be on the frontline against terror.',
    // A slip of an English word before `region` is `spelling`'s.
    'It was the teh region of France.',
  ],
  invalid: [
    {
      text: 'The company will report results in late may. Its conference is in March.',
      messages: ['1:41-1:44: `may` is a proper noun: `May`'],
      output: 'The company will report results in late May. Its conference is in March.',
    },
    {
      text: 'The vote came from Council Member Gary Whitfield. "One bid was $4 million higher," whitfield said.',
      messages: ['1:84-1:93: `whitfield` is a proper noun: `Whitfield`'],
      output: 'The vote came from Council Member Gary Whitfield. "One bid was $4 million higher," Whitfield said.',
    },
    {
      text: '- Highs of 44°C from Thursday, with the peak on Saturday in the alentejo region and in Andalusia.',
      messages: ['1:65-1:73: `alentejo` is a proper noun: `Alentejo`'],
      suggestions: [['Alentejo']],
      output: '- Highs of 44°C from Thursday, with the peak on Saturday in the Alentejo region and in Andalusia.',
      path: 'x.md',
    },
    {
      text: 'Negotiations between Russia and Ukraine in istanbul yielded limited results.',
      messages: ['1:44-1:52: `istanbul` is a proper noun: `Istanbul`'],
      suggestions: [['Istanbul']],
      output: 'Negotiations between Russia and Ukraine in Istanbul yielded limited results.',
    },
    {
      text: 'Trump stated he would speak with russian President Vladimir Putin on monday.',
      messages: ['1:34-1:41: `russian` is a proper noun: `Russian`', '1:70-1:76: `monday` is a proper noun: `Monday`'],
      output: 'Trump stated he would speak with Russian President Vladimir Putin on Monday.',
    },
    {
      text: 'Dmitry Peskov said the talks were closed, with peskov emphasizing the need for secrecy.',
      messages: ['1:48-1:54: `peskov` is a proper noun: `Peskov`'],
      output: 'Dmitry Peskov said the talks were closed, with Peskov emphasizing the need for secrecy.',
    },
    {
      text: 'The minister will travel on 5 may to warsaw and return in march 2026.',
      messages: ['1:31-1:34: `may` is a proper noun: `May`', '1:38-1:44: `warsaw` is a proper noun: `Warsaw`', '1:59-1:64: `march` is a proper noun: `March`'],
      output: 'The minister will travel on 5 May to Warsaw and return in March 2026.',
    },
    {
      text: 'Greece, turkey and Bulgaria signed the accord, and the polish government objected.',
      messages: ['1:9-1:15: `turkey` is a proper noun: `Turkey`', '1:56-1:62: `polish` is a proper noun: `Polish`'],
      output: 'Greece, Turkey and Bulgaria signed the accord, and the Polish government objected.',
    },
    {
      text: 'The summit with vladimir putin was delayed, and President putin blamed the West.',
      // Both words of the name: one message over the whole name, so a fix never half-fixes it.
      messages: ['1:17-1:31: `vladimir putin` is a proper noun: `Vladimir Putin`', '1:59-1:64: `putin` is a proper noun: `Putin`'],
      output: 'The summit with Vladimir Putin was delayed, and President Putin blamed the West.',
    },
    {
      text: 'Talks in são paulo were held in english and spanish.',
      messages: [
        '1:10-1:19: `são paulo` is a proper noun: `São Paulo`',
        '1:33-1:40: `english` is a proper noun: `English`',
        '1:45-1:52: `spanish` is a proper noun: `Spanish`',
      ],
      output: 'Talks in São Paulo were held in English and Spanish.',
    },
    {
      text: 'The ministers met in New york and visited the chinese embassy on tuesday.',
      messages: ['1:26-1:30: `york` is a proper noun: `York`', '1:47-1:54: `chinese` is a proper noun: `Chinese`', '1:66-1:73: `tuesday` is a proper noun: `Tuesday`'],
      output: 'The ministers met in New York and visited the Chinese embassy on Tuesday.',
    },
    {
      text: 'Australia would sign the pact with japan and South Korea.',
      messages: ['1:36-1:41: `japan` is a proper noun: `Japan`'],
      output: 'Australia would sign the pact with Japan and South Korea.',
    },
    {
      // `Chinese-language`: a nationality keeps its capital inside a compound.
      text: 'The chinese-language edition sold out.',
      messages: ['1:5-1:12: `chinese` is a proper noun: `Chinese`'],
      output: 'The Chinese-language edition sold out.',
    },
    {
      // A name the document capitalizes, and a possessive.
      text: 'Officials said Tsikhanouskaya would speak. Later tsikhanouskaya’s aides denied it.',
      messages: ['1:50-1:64: `tsikhanouskaya` is a proper noun: `Tsikhanouskaya`'],
      output: 'Officials said Tsikhanouskaya would speak. Later Tsikhanouskaya’s aides denied it.',
    },
    {
      // Issue 15: `--fix` wrote `new York` and reported nothing; the whole name or nothing.
      text: 'He flew to new york.',
      messages: ['1:12-1:20: `new york` is a proper noun: `New York`'],
      output: 'He flew to New York.',
    },
    {
      // Issue 15: the report flagged `schumer` while `--fix` changed both words.
      text: 'Senate Minority Leader chuck schumer said Democrats would not vote for the bill.',
      messages: ['1:24-1:37: `chuck schumer` is a proper noun: `Chuck Schumer`'],
      output: 'Senate Minority Leader Chuck Schumer said Democrats would not vote for the bill.',
    },
    {
      // A word of an institution whose other words keep their capitals.
      text: 'The Russian Ministry of foreign Affairs said in a statement that it had handed over a list.',
      messages: ['1:25-1:32: `foreign` is a proper noun: `Foreign`'],
      output: 'The Russian Ministry of Foreign Affairs said in a statement that it had handed over a list.',
    },
    {
      text: 'The president of the european Commission said the response would be firm.',
      messages: ['1:22-1:30: `european` is a proper noun: `European`'],
      output: 'The president of the European Commission said the response would be firm.',
    },
    {
      // A historical state: `Union` keeps its capital, so `soviet` is the slip.
      text: 'Both were part of the soviet Union then.',
      messages: ['1:23-1:29: `soviet` is a proper noun: `Soviet`'],
      output: 'Both were part of the Soviet Union then.',
    },
    {
      // A title before a name.
      text: 'Secretary of state Marco Rubio said the embassies would stay open.',
      messages: ['1:14-1:19: `state` is a proper noun: `State`'],
      output: 'Secretary of State Marco Rubio said the embassies would stay open.',
    },
    {
      // US states and world regions are proper nouns, not misspellings.
      text: 'Farm groups in iowa said the future of the americas was at stake.',
      messages: ['1:16-1:20: `iowa` is a proper noun: `Iowa`', '1:44-1:52: `americas` is a proper noun: `Americas`'],
      output: 'Farm groups in Iowa said the future of the Americas was at stake.',
    },
  ],
})

import punctuationSpacing from '../../rules/punctuation-spacing/index.js'
import {ruleTable} from '../helpers/rule-table.js'

const missing = (mark: string) => `Missing space after \`${mark}\``
const stray = (mark: string) => `Space before \`${mark}\``
const oneSided = 'Space on one side of `-`'

ruleTable(punctuationSpacing, {
  valid: [
    // Codes of capitals, digits and slashes: “The vaccine, known as RTS,S/AS01, was recommended”.
    'The vaccine, known as RTS,S/AS01, was recommended in 2021.',
    'Strains H5N1,H7N9 and H9N2 were sequenced.',
    'The files are in os.path.join and dw.welt.de.',
    // The contract's “never flagged” list.
    'They paid 5,000 or 3.5 or 1,250.75 at 10:30, a 3:1 vote.',
    'The U.S. and the U.K. agreed, e.g. on trade, i.e. on tariffs.',
    'Dr. Smith, a Ph.D. student, spoke at 10 a.m. about J.R.R. Tolkien.',
    'Write to news@example.org or see example.com for report.pdf and version 2.1.3 notes.',
    'He paused... then went on… and stopped — briefly — before leaving.',
    // Numbers, times, ratios, scores, references.
    'Turnout was 61.4% and the vote 3:1 in favour; the score was 3-1.',
    'The meeting starts at 9:45 and ends at 11:00.',
    'Read John 3:16 and Section 2.3.1 of the report.',
    'The company reported a $3.5bn loss and a €1,250.75 fee.',
    'Prices fell 0.5 percent, or .5 of a point.',
    'The 1,000,000th visitor came at 12:30:15.',
    // Abbreviations and initials.
    'Gen. Mark Milley and Sen. Elizabeth Warren met Rep. Nancy Pelosi.',
    'St. Louis, Mo., and Washington, D.C., are cities.',
    'Downing Street (No. 10) said the U.S.-led coalition met at 4 p.m. Friday.',
    'She sang with k.d. lang and read e.e. cummings.',
    'The U.S.A. and the U.S.S.R. signed; E.U. leaders agreed.',
    'George W. Bush met J.K. Rowling and H.G. Wells fans.',
    'It costs $5 vs. $10, etc., as the Inc. filing said.',
    // Names, domains, files, versions and code words.
    'He uses Node.js, ASP.NET and .NET on Amazon.com and Booking.com sites.',
    'Download setup.exe, data.csv and photo.jpg from gov.uk or bbc.co.uk.',
    'Run version 2.1.3 or v10.4 of the app.',
    'Visit https://www.example.com/path?a=1,b=2 or www.example.org.',
    'Mail news@example.org or j.smith@example.co.uk today.',
    'Follow @user_name and #Ukraine,Russia on X.',
    'The brand Yahoo! and the show Jeopardy! aired.',
    'Web sites such as Bit.ly and Socket.io were used.',
    // Quotes, brackets, emoticons, question and exclamation marks.
    '"Yes," he said. "No!" she replied.',
    '“Yes,” he said, “we will talk.”',
    'He asked, "Why?" and left (quietly).',
    'What?! That is it?!',
    'Thanks :) or :-( or ;) or :P were the replies.',
    'The list [sic] was long (see p. 5).',
    'He wrote: "We will win."',
    'Wait . . . what happened?',
    // Datelines and news forms.
    'WASHINGTON (Reuters) - The U.S. Senate voted 51-49 on Tuesday.',
    'KYIV, Ukraine (AP) — Russia fired 40 missiles overnight, officials said.',
    'The S&P 500 rose 1.2% to 4,500.25; the Dow fell.',
    'Markets: Stocks rose; bonds fell.',
    'Trump’s Plan: A Three-Way Conversation',
    'Former U.S. President Donald Trump has announced his intention to engage with both sides.',
    'HTML text with &quot;quotes&quot; and &amp;c survives.',
    'Code words such as os.path.join and dw.welt.de pass.',
    'It happened on March 5,2024, a chemist said of 1,2-dichloroethane.',
    'Reuters reported it at reuters.com/world and on pic.twitter.com/AbC123.',
    'The IPv6 address fe80::1 and the drive C:\\Users were named.',
    // Things this rule leaves to others.
    'He said,"yes" and left.',
    // Brackets: plurals, functions, clauses, trademarks, emoticons, code and addresses.
    'The plan(s) and f(x) and print() and Article 5(2) were cited; so was Section 3(a).',
    'She has an iPhone(TM) and an eBay account, and a tub of Ca(OH)2.',
    'Smiles :-( and ( :) and “:)” were sent.',
    'Mr. Smith (the envoy) met the (new) team (see below).',
    {text: 'Run `print(x)` and `a,,b` or `p.m` in code, then see [the docs](http://example.com/a,,b).', path: 'guide.md'},
    'Visit http://example.com/a,,b/(draft) or ../docs or write to john,,doe@example.com.',
    // Hyphens: suspended hyphens, dashes typed as hyphens (house style), names the dictionary knows.
    'Pre- and post-war budgets, short- or long-term loans and 10- to 15-year-olds.',
    'The talks - which began in May - ended.',
    'Three countries in Africa- Nigeria, Ghana and Uganda- have voted.',
    'The score was 3-1 and the U.S.-led force crossed at -5 degrees.',
    // Periods: ellipses, initialisms, complete abbreviations.
    'At 9 a.m., the U.S. and the U.K. met; at 5 p.m. they left the U.S.',
    'He paused... then went on. Wait . . . what? Then…. And so on.',
    'The talks ended. “We are done.” . . . Nothing followed.',
    'Officials at the U.N. and the E.U., e.g. in Washington, D.C., agreed.',
  ],
  invalid: [
    {
      // Machine translation: “presided by the former president Dilma Rousseff.the return to Brasília”.
      text: 'It was presided by Dilma Rousseff.the return to Brasília followed.',
      messages: [`1:34-1:35: ${missing('.')}`],
      suggestions: [['. ']],
      output: 'It was presided by Dilma Rousseff. the return to Brasília followed.',
    },
    {
      // The sample, line 2.
      text: 'Former U.S.President Donald Trump has announced his intention.',
      messages: [`1:11-1:12: ${missing('.')}`],
      suggestions: [['. ']],
      output: 'Former U.S. President Donald Trump has announced his intention.',
    },
    {
      // The sample, line 4.
      text: 'Trump outlined his strategy via social media,stating,I will talk to Russia.',
      messages: [`1:45-1:46: ${missing(',')}`, `1:53-1:54: ${missing(',')}`],
      output: 'Trump outlined his strategy via social media, stating, I will talk to Russia.',
    },
    {
      // The sample, line 17.
      text: 'Agreements are reached beforehand.The details of these conditions remain undisclosed,with Peskov.',
      messages: [`1:34-1:35: ${missing('.')}`, `1:85-1:86: ${missing(',')}`],
      output: 'Agreements are reached beforehand. The details of these conditions remain undisclosed, with Peskov.',
    },
    {
      text: 'Negotiations between Russia and Ukraine in Istanbul , yielded limited results.',
      messages: [`1:52-1:54: ${stray(',')}`],
      suggestions: [[',']],
      output: 'Negotiations between Russia and Ukraine in Istanbul, yielded limited results.',
    },
    {
      text: 'The talks ended .',
      messages: [`1:16-1:18: ${stray('.')}`],
      output: 'The talks ended.',
    },
    {
      text: 'Is this the end ? No !',
      messages: [`1:16-1:18: ${stray('?')}`, `1:21-1:23: ${stray('!')}`],
      output: 'Is this the end? No!',
    },
    {
      text: 'Three issues remain : trade, energy and borders ; talks go on.',
      messages: [`1:20-1:22: ${stray(':')}`, `1:48-1:50: ${stray(';')}`],
      output: 'Three issues remain: trade, energy and borders; talks go on.',
    },
    {
      text: 'He arrived at 4 p.m.Friday and left.',
      messages: [`1:20-1:21: ${missing('.')}`],
      output: 'He arrived at 4 p.m. Friday and left.',
    },
    {
      text: 'The vote passed.Lawmakers then adjourned.',
      messages: [`1:16-1:17: ${missing('.')}`],
      output: 'The vote passed. Lawmakers then adjourned.',
    },
    {
      text: 'Prices rose in 2024.The trend continued.',
      messages: [`1:20-1:21: ${missing('.')}`],
      output: 'Prices rose in 2024. The trend continued.',
    },
    {
      text: 'Officials met Dr.Smith and Sen.Warren.',
      messages: [`1:17-1:18: ${missing('.')}`, `1:31-1:32: ${missing('.')}`],
      output: 'Officials met Dr. Smith and Sen. Warren.',
    },
    {
      text: 'The talks ended.the delegates left.',
      messages: [`1:16-1:17: ${missing('.')}`],
      output: 'The talks ended. the delegates left.',
    },
    {
      text: 'Food, fuel;and water ran short.',
      messages: [`1:11-1:12: ${missing(';')}`],
      output: 'Food, fuel; and water ran short.',
    },
    {
      text: 'Three issues remain:trade, energy and borders.',
      messages: [`1:20-1:21: ${missing(':')}`],
      output: 'Three issues remain: trade, energy and borders.',
    },
    {
      text: 'Is this the end?No, officials said.',
      messages: [`1:16-1:17: ${missing('?')}`],
      output: 'Is this the end? No, officials said.',
    },
    {
      text: 'It was a shock!Nobody expected it.',
      messages: [`1:15-1:16: ${missing('!')}`],
      output: 'It was a shock! Nobody expected it.',
    },
    {
      text: 'He said,“We will win.”',
      messages: [`1:8-1:9: ${missing(',')}`],
      output: 'He said, “We will win.”',
    },
    {
      text: 'The fund raised $5,000,in cash (about 4,600 euros),from donors.',
      messages: [`1:23-1:24: ${missing(',')}`, `1:51-1:52: ${missing(',')}`],
      output: 'The fund raised $5,000, in cash (about 4,600 euros), from donors.',
    },
    {
      text: 'Kyiv , Kharkiv and Odesa were hit.\nOfficials said so .',
      messages: [`1:5-1:7: ${stray(',')}`, `2:18-2:20: ${stray('.')}`],
      output: 'Kyiv, Kharkiv and Odesa were hit.\nOfficials said so.',
    },
    {
      text: 'The U.S.officials said talks would resume, i.e.the deal was alive.',
      messages: [`1:8-1:9: ${missing('.')}`, `1:47-1:48: ${missing('.')}`],
      output: 'The U.S. officials said talks would resume, i.e. the deal was alive.',
    },
    {
      text: 'Officials met the North Atlantic Treaty Organization (NATO).The talks went on.',
      messages: [`1:60-1:61: ${missing('.')}`],
      output: 'Officials met the North Atlantic Treaty Organization (NATO). The talks went on.',
    },
    {
      text: 'Officials met the North Atlantic Treaty Organization (NATO),expressing hope.',
      messages: [`1:60-1:61: ${missing(',')}`],
      output: 'Officials met the North Atlantic Treaty Organization (NATO), expressing hope.',
    },
    {
      text: 'In 2024,the economy grew;however,inflation rose.',
      messages: [`1:8-1:9: ${missing(',')}`, `1:25-1:26: ${missing(';')}`, `1:33-1:34: ${missing(',')}`],
      output: 'In 2024, the economy grew; however, inflation rose.',
    },
    {
      text: 'Talks opened in Kyiv,2024 was the deadline.',
      messages: [`1:21-1:22: ${missing(',')}`],
      output: 'Talks opened in Kyiv, 2024 was the deadline.',
    },
    {
      text: 'Putin and Zelensky met in Istanbul ,then left.',
      messages: [`1:35-1:37: ${stray(',')}`],
      // Fixing the space gives `Istanbul,then`, which the next pass fixes too.
      output: 'Putin and Zelensky met in Istanbul, then left.',
    },
    {
      // Wire copy: “a meeting with the Joint Staff(JS)”.
      text: 'The Joint Staff(JS) said the ( UN) and the (UN ) agreed.',
      messages: ['1:16-1:17: Missing space before `(`', '1:30-1:32: Space after `(`', '1:47-1:49: Space before `)`'],
      suggestions: [[' ('], ['('], [')']],
      output: 'The Joint Staff (JS) said the (UN) and the (UN) agreed.',
    },
    {
      // A name split by a hyphen with one space: the hyphen or the space may be the slip.
      text: 'He flew to Addis -Ababa and Kuala- Lumpur.',
      messages: [`1:12-1:24: ${oneSided}`, `1:29-1:42: ${oneSided}`],
      suggestions: [
        ['Addis-Ababa', 'Addis Ababa'],
        ['Kuala-Lumpur', 'Kuala Lumpur'],
      ],
    },
    {
      text: 'They spoke of self- defense and non- aligned states.',
      messages: [`1:15-1:28: ${oneSided}`, `1:33-1:45: ${oneSided}`],
      suggestions: [['self-defense'], ['non-aligned']],
      output: 'They spoke of self-defense and non-aligned states.',
    },
    {
      text: 'The talks,, he said;; went on.',
      messages: ['1:10-1:12: Doubled `,`', '1:20-1:22: Doubled `;`'],
      suggestions: [[','], [';']],
      output: 'The talks, he said; went on.',
    },
    {
      text: 'The talks went on.. Officials agreed, etc.. The end.',
      messages: ['1:18-1:20: Doubled `.`', '1:42-1:44: Doubled `.`'],
      output: 'The talks went on. Officials agreed, etc. The end.',
    },
    {
      text: 'The talks ended. . They left.',
      messages: ['1:17-1:19: Stray `.` after `.`'],
      suggestions: [['']],
      output: 'The talks ended. They left.',
    },
    {
      // Wire copy: “…a comprehensive strategic partnership”. .”
      text: '“We seek partnership”. . The talks went on.',
      messages: ['1:23-1:25: Stray `.` after `.`'],
      output: '“We seek partnership”. The talks went on.',
    },
    {
      text: 'They met in Washington,. The talks went on.',
      messages: ['1:23-1:25: Stray `,` before `.`'],
      suggestions: [['.']],
      output: 'They met in Washington. The talks went on.',
    },
    {
      text: 'He said:"We will win."',
      messages: [`1:8-1:9: ${missing(':')}`],
      output: 'He said: "We will win."',
    },
    {
      // The space goes first; the next pass adds the one after the comma.
      text: 'He said ,“We will win.”',
      messages: [`1:8-1:10: ${stray(',')}`],
      output: 'He said, “We will win.”',
    },
    {
      text: 'We met at 9 a.m, and at 5 p.m in the U.S',
      messages: ['1:13-1:16: Missing `.` after `a.m`', '1:27-1:30: Missing `.` after `p.m`', '1:38-1:41: Missing `.` after `U.S`'],
      suggestions: [['a.m.'], ['p.m.'], ['U.S.']],
      output: 'We met at 9 a.m., and at 5 p.m. in the U.S.',
    },
    {
      // Not an initialism `S.A`: two sentences run together.
      text: 'The bill passed Congress.A new law followed.',
      messages: [`1:25-1:26: ${missing('.')}`],
      output: 'The bill passed Congress. A new law followed.',
    },
  ],
})

import nameSpelling from '../../rules/name-spelling/index.js'
import {ruleTable} from '../helpers/rule-table.js'

ruleTable(nameSpelling, {
  valid: [
    // Correct names, known or not, accented, with particles and possessives.
    'U.S. Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov.',
    'Ricky Rubio scored 20 points, and Mark Rubio, a plumber, watched.',
    'António Guterres met Recep Tayyip Erdoğan and Kylian Mbappé in Gdańsk.',
    'Volodymyr Zelensky’s office said Zelensky’s aides would travel to São Paulo.',
    'Ursula von der Leyen, Charles de Gaulle, Vincent van Gogh and Luiz Inácio Lula da Silva.',
    'Mohammed bin Salman hosted bell hooks and k.d. lang.',
    // A variant alone is not an error: `Erdogan` for `Erdoğan`, `Antonio` for `António`.
    'Erdogan met Merz in Ankara, and Antonio Guterres flew to Geneva.',
    // Names no list knows, once or many times, and near each other.
    'Thandiwe Mkhabela told the inquiry that Oyelaran Adebayo-Whitfield ignored her.',
    'Iryna Kovalchuk-Darmoros teaches there. Kovalchuk-Darmoros said the school closed.',
    'Officials said Tsikhanouskaya and her husband Tsikhanouski met in Vilnius.',
    // Two people with one common surname; a family.
    'Jon Smith and Joe Smith are brothers, Joe Smith said.',
    'Brigitte Macron and Emmanuel Macron arrived. The Macrons left early.',
    // Dictionary proper nouns and plurals.
    'The Americas and Americans; the Kennedys and Kennedy.',
    "Extremists blew up one of the most sacred places in Shi'a Islam.",
    "Shia clerics met. Extremists blew up one of the most sacred places in Shi'a Islam.",
    // Two people: a surname one letter from another's, both full names.
    'Ashley Jensen met Jenson Button.',
    // A word one slip from an everyday word in a full name is no slip of that name.
    'Oliver North testified. The Norte cartel was named.',
    // One transliteration used throughout is no slip of the list's (`Volodymyr Zelensky`).
    'Ukrainian President Volodymyr Zelenskiy spoke. Zelenskiy thanked Poland.',
    'Russian Foreign Minister Sergey Lavrov met Volodymyr Zelenskyy, and Zelenskyy left.',
    // Two people with two transliterations of one given name.
    'Guyana’s president, Mohamed Irfaan Ali, met Mohammed bin Salman and Mohamed bin Zayed.',
    // Two people: a surname in two transliterations after two given names.
    'President Ilham Aliyev spoke of his father, Heydar Aliev, and of Aliyev family rule.',
    // A wife’s form of a Slavic surname.
    'Olena Zelenska and Volodymyr Zelensky visited London, where Zelensky met King Charles.',
    // Product names and a place inflected in its own language.
    'Xiaomi said its assistant, XiaoAI, would improve. Xiaomi shares rose.',
    'Students of the Uniwersytet Gdański met at the Politechnika Gdańska in Gdańsk.',
    // Names with initials, with and without them.
    'George W. Bush and George H. W. Bush; J.R.R. Tolkien and John F. Kennedy.',
    // A surname the house list gives someone else is left alone, and two people stay two.
    {text: 'Olaf Scholz met Martin Schulz. Schulz said the talks went well.', config: {names: ['Olaf Scholz']}},
    // `dictionary` silences a spelling (the editor’s “add to dictionary” writes there).
    {text: 'Chancellor Olaf Scholtz met the press.', config: {names: ['Olaf Scholz'], dictionary: ['Scholtz']}},
  ],
  invalid: [
    {
      text: 'He finished a pass from Jude Bellingham after a counterattack. Bellingam was later substituted.',
      messages: ['1:64-1:73: Possible misspelling of `Bellingham`, as written elsewhere in the text'],
    },
    {
      text: 'Its director, Hans Kluge, urged governments to act. "Heat is a silent killer," Kluege said.',
      messages: ['1:80-1:86: Possible misspelling of `Kluge`, as written elsewhere in the text'],
    },
    {
      text: 'Chief Executive Jenson Huang told analysts on a conference call that demand was strong.',
      messages: ['1:17-1:23: Possible misspelling of `Jensen Huang`'],
    },
    {
      text: 'The Minister of Foreign Affairs, Mauro Vieira, spoke first. The chancellor Viera informed that the two governments also discussed Ukraine.',
      messages: ['1:76-1:81: Possible misspelling of `Vieira`, as written elsewhere in the text'],
    },
    {
      text: 'U.S. Secretary of State Mako Rubio reportedly had a telephone call with Sergei Lavrov.',
      messages: ['1:25-1:29: Possible misspelling of `Marco Rubio`'],
      suggestions: [['Marco']],
    },
    {
      text: 'Secretary-General António Gutteres urged restraint.',
      messages: ['1:27-1:35: Possible misspelling of `António Guterres`'],
      suggestions: [['Guterres']],
    },
    {
      text: 'President Emanuel Macron spoke in Paris.',
      messages: ['1:11-1:18: Possible misspelling of `Emmanuel Macron`'],
    },
    {
      text: 'Kylian Mbapé scored twice in Madrid.',
      messages: ['1:8-1:13: Possible misspelling of `Kylian Mbappé`'],
    },
    {
      text: 'Zelensky said the talks had failed. Later, Zelenksy added that Kyiv would not give up.',
      messages: ['1:44-1:52: Possible misspelling of `Zelensky`, as written elsewhere in the text'],
      suggestions: [['Zelensky']],
    },
    {
      // A tie between unknown spellings: the full name at first mention wins.
      text: 'Argentine President Javier Milei met Lula. Millei later said the meeting went well.',
      messages: ['1:44-1:50: Possible misspelling of `Milei`, as written elsewhere in the text'],
    },
    {
      // A variant the draft mixes: the majority decides.
      text: 'Erdoğan met Merz. Later Erdoğan flew home, and Erdogan’s aides briefed reporters.',
      messages: ['1:48-1:55: Possible misspelling of `Erdoğan`, as written elsewhere in the text'],
    },
    {
      text: 'Dmitry Peskov spoke first. Dmitri Peskov spoke again, and Dmitry Peskov closed.',
      messages: ['1:28-1:34: Possible misspelling of `Dmitry`, as written elsewhere in the text'],
    },
    {
      // The house list of names counts as a known list.
      text: 'Oleksandra Kovalenka said the plant would reopen.',
      config: {names: ['Oleksandra Kovalenko']},
      messages: ['1:12-1:21: Possible misspelling of `Oleksandra Kovalenko`'],
    },
    {
      // Issue 12: the house list wins even where the slip is a word or another surname.
      text: 'Chancellor Olaf Scholtz met Gov. Gavin Newsome. President Joe Bidden and Vice President Kamala Haris sent a message.',
      config: {names: ['Olaf Scholz', 'Gavin Newsom', 'Joe Biden', 'Kamala Harris']},
      messages: [
        '1:17-1:24: Possible misspelling of `Olaf Scholz`',
        '1:40-1:47: Possible misspelling of `Gavin Newsom`',
        '1:63-1:69: Possible misspelling of `Joe Biden`',
        '1:96-1:101: Possible misspelling of `Kamala Harris`',
      ],
      suggestions: [['Scholz'], ['Newsom'], ['Biden'], ['Harris']],
    },
    {
      // The house list: a slip in the given name, a dropped accent, and a surname alone.
      text: 'Olav Scholz spoke after Maros Šefčovič. Later Scholtz left.',
      config: {names: ['Olaf Scholz', 'Maroš Šefčovič']},
      messages: ['1:1-1:5: Possible misspelling of `Olaf Scholz`', '1:25-1:30: Possible misspelling of `Maroš Šefčovič`', '1:47-1:54: Possible misspelling of `Olaf Scholz`'],
    },
    {
      // Initials inside a name: the slip is found with them.
      text: 'Others cited President George W. Bsuh and President John F. Kenedy.',
      messages: ['1:34-1:38: Possible misspelling of `George W. Bush`', '1:61-1:67: Possible misspelling of `John F. Kennedy`'],
    },
    {
      text: 'A letter from J.R.R. Tolkein to his publisher was shown.',
      messages: ['1:22-1:29: Possible misspelling of `J.R.R. Tolkien`'],
    },
    {
      // A sibling spelling of a given name before a surname several people share.
      text: 'Sen. Elisabeth Warren, a Massachusetts Democrat, spoke.',
      messages: ['1:6-1:15: Possible misspelling of `Elizabeth Warren`'],
    },
    {
      // A slip that is itself a word, where more of the name matches (`bin`).
      text: 'Saudi Crown Prince Mohammed bin Salmon spoke by phone.',
      messages: ['1:33-1:39: Possible misspelling of `Mohammed bin Salman`'],
    },
    {
      // A slip that is another surname, alone, beside the full name.
      text: 'Mark Phillips, a collector, lent six drawings. Philips said he would give them away.',
      messages: ['1:48-1:55: Possible misspelling of `Phillips`, as written elsewhere in the text'],
    },
    {
      // Two slips in a long surname the draft writes in full.
      text: 'Mexican President Claudia Sheinbaum met Lula. Sheimbaun said the talks went well.',
      messages: ['1:47-1:56: Possible misspelling of `Sheinbaum`, as written elsewhere in the text'],
    },
    {
      // Transliterations mixed in one draft: the majority wins.
      text: 'President Volodymyr Zelenskyy spoke. Zelenskyy said so. Aides to Zelenskiy agreed.',
      messages: ['1:66-1:75: Possible misspelling of `Zelenskyy`, as written elsewhere in the text'],
    },
    {
      // A tie: the first full mention wins (`-ev`/`-yov`).
      text: 'The player Andrey Rublev visited. Rublyov laughed.',
      messages: ['1:35-1:42: Possible misspelling of `Rublev`, as written elsewhere in the text'],
    },
    {
      // One given name after one title: the same person, two transliterations.
      text: 'Sheikh Mohammed bin Abdulrahman Al Thani met them. Sheikh Mohammed said talks were hard. Sheikh Muhammad had proposed a draft.',
      messages: ['1:97-1:105: Possible misspelling of `Mohammed`, as written elsewhere in the text'],
    },
    {
      // The correct form only after a title (`Dr.`): a tie, and the full mention wins.
      text: 'The acting director, Dr. Salha, said fuel was short. Salhah said doctors worked on.',
      messages: ['1:54-1:60: Possible misspelling of `Salha`, as written elsewhere in the text'],
    },
  ],
})

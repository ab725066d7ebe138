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
  ],
})

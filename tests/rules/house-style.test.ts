import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import houseStyle from '../../rules/house-style/index.js'
import {builtInPacks, compileTerms, loadPack, resolvePack} from '../../rules/house-style/packs.js'
import {lint} from '../../src/pipeline/lint.js'
import {onlyRule, ruleTable, show} from '../helpers/rule-table.js'

const ap = {styles: ['ap']}

ruleTable(houseStyle, {
  valid: [
    'The briefing starts at 10 a.m. in Kyiv.',
    'Talks resumed at 10:30 p.m. on Monday.',
    'I am sure of it, and I am told 10 people came.',
    'They met at 10am and left at 10:00.', // the default pack leaves other houses' styles alone
    'The 10 AM meeting was moved.',
    'Send us an e-mail on January 5.', // AP items apply only when AP is chosen
    'Prices rose 5% in March, and 3 people were hurt.',
    'Scores of 5,000 and 3.5 and version 2.1.3 pass.',
    {text: 'The briefing starts at 10 a.m. and ends at 2 p.m.', options: ap},
    {text: 'It happened in January, in January 2024 and on March 5.', options: ap},
    {text: 'The vote is on Jan. 5, 2025, not on Jan. 15.', options: ap},
    {text: 'Prices rose 5% and the rate is 3.5 percent.', options: ap},
    {text: 'The girl, 5, has 2,000 followers and 3 million views.', options: ap},
    {text: 'He is 3 years old and she scored 3 points.', options: ap},
    {text: 'Room 3 beds, grade 2 students and 1 in 5 adults.', options: ap},
    {text: 'The 2-1 win came after three days and 10 games.', options: ap},
    {text: 'The OK from the board came by email via the internet.', options: ap},
    {text: 'Internet access is spreading.', options: ap},
    {text: 'She works for the Internet Archive.', options: ap},
    {text: '“It was a past history we regret,” she said.', options: ap},
    {text: 'The new website went live at noon.', options: ap},
    {text: 'He met them at 10 a.m. on Jan. 5.', config: {styles: ['ap']}},
    // A hyphen typed for a dash is a matter of house style: the default pack leaves it alone.
    'The talks - which began in May - ended.',
    {text: 'The talks — which began in May — ended 3 - 1, in a U.S.-led well-known plan.', options: ap},
  ],
  invalid: [
    {
      // AP: an em dash with a space on each side, not a hyphen or two (scores keep theirs).
      text: 'The talks - which began in May - ended 3 - 1, and -- as expected -- nothing changed.',
      options: ap,
      messages: [
        '1:11-1:12: House style: `—`, not `-`',
        '1:32-1:33: House style: `—`, not `-`',
        '1:51-1:53: House style: `—`, not `--`',
        '1:66-1:68: House style: `—`, not `--`',
      ],
      output: 'The talks — which began in May — ended 3 - 1, and — as expected — nothing changed.',
    },
    {
      // The sample, line 4.
      text: 'Trump outlined his strategy via social media,stating,I will talk to Russia at 10 am on monday.',
      messages: ['1:79-1:84: House style: `10 a.m.`, not `10 am`'],
      suggestions: [['10 a.m.']],
      output: 'Trump outlined his strategy via social media,stating,I will talk to Russia at 10 a.m. on monday.',
    },
    {
      text: 'The vote is at 3:30 pm.',
      messages: ['1:16-1:24: House style: `3:30 p.m.`, not `3:30 pm.`'],
      output: 'The vote is at 3:30 p.m.',
    },
    {
      text: 'Doors open at 9am and 10 PM, not 11 A.M.',
      options: ap,
      messages: ['1:15-1:18: House style: `9 a.m.`, not `9am`', '1:23-1:28: House style: `10 p.m.`, not `10 PM`', '1:34-1:41: House style: `11 a.m.`, not `11 A.M.`'],
      output: 'Doors open at 9 a.m. and 10 p.m., not 11 a.m.',
    },
    {
      text: 'We met at 10:00 a.m. and at 12 noon.',
      options: ap,
      messages: ['1:11-1:21: House style: `10 a.m.`, not `10:00 a.m.`', '1:29-1:36: House style: `noon`, not `12 noon`'],
      output: 'We met at 10 a.m. and at noon.',
    },
    {
      text: 'The vote is on January 5, 2025, and the count on September 12th.',
      options: ap,
      messages: ['1:16-1:23: House style: `Jan.`, not `January`', '1:50-1:59: House style: `Sept.`, not `September`'],
      output: 'The vote is on Jan. 5, 2025, and the count on Sept. 12.',
    },
    {
      text: 'Turnout rose 2 per cent.',
      config: {styles: ['ap']},
      messages: ['1:16-1:24: House style: `percent`, not `per cent`'],
      output: 'Turnout rose 2 percent.',
    },
    {
      text: 'The fire destroyed 3 homes and left 7 families without power for 2 days.',
      options: ap,
      messages: ['1:20-1:21: House style: `three`, not `3`', '1:37-1:38: House style: `seven`, not `7`', '1:66-1:67: House style: `two`, not `2`'],
      output: 'The fire destroyed three homes and left seven families without power for two days.',
    },
    {
      text: 'Okay, the deal is ok with us, he wrote in an E-mail to the Web site.',
      options: ap,
      messages: [
        '1:1-1:5: House style: `OK`, not `Okay`',
        '1:19-1:21: House style: `OK`, not `ok`',
        '1:46-1:52: House style: `Email`, not `E-mail`',
        '1:60-1:68: House style: `Website`, not `Web site`',
      ],
      output: 'OK, the deal is OK with us, he wrote in an Email to the Website.',
    },
    {
      text: 'Most news now arrives over the Internet.',
      options: ap,
      messages: ['1:32-1:40: House style: `internet`, not `Internet`'],
      output: 'Most news now arrives over the internet.',
    },
    {
      text: 'The end result of the past history is that the town was completely destroyed.',
      options: ap,
      messages: [
        '1:5-1:15: House style: `result`, not `end result`',
        '1:23-1:35: House style: `history`, not `past history`',
        '1:57-1:77: House style: `destroyed`, not `completely destroyed`',
      ],
      output: 'The result of the history is that the town was destroyed.',
    },
    {
      text: 'The camps sit in close proximity to the border.',
      options: ap,
      messages: ['1:18-1:33: House style: `proximity`, not `close proximity`'],
      suggestions: [['proximity']],
    },
    {
      text: 'Send an e-mail, e-mail or E-MAIL.',
      options: ap,
      messages: ['1:9-1:15: House style: `email`, not `e-mail`', '1:17-1:23: House style: `email`, not `e-mail`', '1:27-1:33: House style: `EMAIL`, not `E-MAIL`'],
      output: 'Send an email, email or EMAIL.',
    },
    {
      text: 'Please log in to vote.',
      options: {terms: [{id: 'log-on', avoid: ['log in'], use: 'log on'}]},
      messages: ['1:8-1:14: House style: `log on`, not `log in`'],
      output: 'Please log on to vote.',
    },
    {
      text: 'The plan will utilize new funds.',
      options: {terms: [{avoid: ['utilize'], message: 'write a plainer word such as `use`'}]},
      messages: ['1:15-1:22: House style avoids `utilize`: write a plainer word such as `use`'],
      suggestions: [[]],
    },
    {
      text: 'Call 555-0100 ext 12 now.',
      options: {terms: [{pattern: '\\bext (\\d+)', use: 'extension $1'}]},
      messages: ['1:15-1:21: House style: `extension 12`, not `ext 12`'],
      output: 'Call 555-0100 extension 12 now.',
    },
  ],
})

describe('house-style packs', () => {
  it('ships `ap.yaml`, which parses, and every entry is well formed', () => {
    const file = resolvePack('ap', '/')
    const data = parse(readFileSync(file, 'utf8')) as {name: string; entries: Array<Record<string, unknown>>}
    expect(data.name).toBe('ap')
    expect(data.entries.length).toBeGreaterThan(30)
    const terms = loadPack('ap', '/')
    expect(terms).toHaveLength(data.entries.length)
    const ids = terms.map((term) => term.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const term of terms) {
      expect(term.id).toMatch(/^[a-z][a-z0-9-]*$/)
      expect(term.phrases.length > 0 || term.regex.groupCount() >= 0).toBe(true)
      expect(term.use.length > 0 || term.message !== undefined).toBe(true)
    }
  })

  it('ships every built-in pack', () => {
    for (const name of builtInPacks) expect(loadPack(name, '/').length).toBeGreaterThan(0)
  })

  it('refuses an unsafe user pattern with the pack file and the entry', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-pack-'))
    writeFileSync(path.join(folder, 'newsroom.yaml'), "entries:\n  - id: fine\n    avoid: [e-mail]\n    use: email\n  - id: doubled\n    pattern: '(\\w+) \\1'\n    use: $1\n")
    expect(() => loadPack('newsroom.yaml', folder)).toThrow(
      /Invalid entry 2 \(`doubled`\) in style pack `.*newsroom\.yaml`: unsupported pattern `\(\\w\+\) \\1`.*RE2 syntax, without backreferences or lookaround/,
    )
    expect(() => compileTerms([{id: 'ahead', pattern: 'news(?=room)', use: 'x'}], 'options.terms')).toThrow(/`ahead`.*unsupported pattern/)
    expect(() => compileTerms([{id: 'empty', pattern: 'a*', use: 'x'}], 'options.terms')).toThrow(/matches empty text/)
    expect(() => compileTerms([{id: 'typo', avoid: ['x'], usr: 'y'}], 'options.terms')).toThrow(/unknown key `usr`/)
  })

  it('reads a newsroom pack relative to the configuration folder', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-pack-'))
    writeFileSync(path.join(folder, 'house.yaml'), 'entries:\n  - id: cooperate\n    avoid: [co-operate]\n    use: cooperate\n')
    const config = onlyRule(houseStyle, undefined, {styles: ['ap', './house.yaml'], cwd: folder})
    const file = await lint('They co-operate at 10am.', {config})
    expect(file.messages.map(show)).toEqual(['1:6-1:16: House style: `cooperate`, not `co-operate`', '1:20-1:25: House style: `10 a.m.`, not `10am.`'])
  })

  it('names the packs it knows when one is unknown', () => {
    expect(() => resolvePack('apx', '/')).toThrow('Unknown style pack `apx`, expected one of `ap`, `default` or a path to a YAML file')
  })
})

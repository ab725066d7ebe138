import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import spelling from '../../rules/spelling/index.js'
import {getLookup} from '../../rules/lib/dictionary-lookup.js'
import {frequencyOf, suggest} from '../../rules/spelling/suggest.js'
import {ruleTable} from '../helpers/rule-table.js'

ruleTable(spelling, {
  valid: [
    // The contract's never-flagged names, and hyphenated given names.
    'Songs by k.d. lang and essays by bell hooks were read aloud.',
    'South Korean President Lee Jae-myung, the host, opened the summit.',
    // Real words Hunspell lacks, found in word-list: “the two leaders defended the multilateralism”.
    'The two leaders defended multilateralism and the strengthening of the group.',
    'Resistance to artemisinin, the main drug used to treat malaria, is spreading.',
    'Manufacturers are thinking of insourcing jobs from abroad.',
    // The contract's “never flagged” list.
    'They paid 5,000 or 3.5 or 1,250.75 at 10:30, a 3:1 vote.',
    'The U.S. and the U.K. agreed, e.g. on trade, i.e. on tariffs.',
    'Dr. Smith, a Ph.D. student, spoke at 10 a.m. about J.R.R. Tolkien.',
    'Write to news@example.org or see example.com for report.pdf and version 2.1.3 notes.',
    'The iPhone and eBay were mentioned by bell hooks.',
    'Charles de Gaulle, Vincent van Gogh, Ursula von der Leyen and Lula da Silva … — all named.',
    'They had had enough; it was a very, very long night.',
    // Ordinary news sentences.
    'Former U.S. President Donald Trump has announced his intention to engage with both sides.',
    'Putin offered only a 30-day cessation of attacks rather than a full truce.',
    'Trump’s Plan: A Three-Way Conversation',
    'Russia’s stance remains conditional, and officials don’t expect a deal.',
    "Russia's stance remains conditional, and officials don't expect a deal.",
    'Specific agreements must be reached beforehand.The details remain undisclosed.',
    'Former U.S.President Donald Trump spoke.',
    'He wrote on social media,stating,I will talk.',
    'The company reported a $3.5bn loss in the 1990s and a 5km queue on the 21st.',
    'COVID-19 cases rose; NATO and UNESCO met at the OSCE.',
    'Follow @nytimes and #Ukraine, or read https://www.example.com/news/a-b?id=3 today.',
    'The pre-war, anti-war and re-elect campaigns sent an e-mail after the U-turn.',
    'Lawmakers passed the reauthorization of counterterrorism programs for homeownership.',
    'The prime minister travelled to the theatre to discuss the programme.',
    'He wrote “ceasefire” and there’ll be talks, she said.',
    'She said the word “teh” is a typo.',
    'Zelensky’s office and Peskov’s remarks were noted.',
    'It is per se legal, a de facto ban, as Smith et al. wrote; it’s OK, ok.',
    'The reformers ate at the café, a naïve move in São Paulo.',
    {text: 'The colour of the organisation’s flag was realised.', config: {language: 'en-GB'}},
    {text: 'The draft mentions a frobnicator twice.', config: {dictionary: ['frobnicator']}},
    {text: 'Talks on the `sdfgh` setting continued.', path: 'a.md'},
    // Words of the larger list and compounds that only sound like a common word two slips
    // away, or are a far slip from it (State of the Union, 1995–2015).
    'More shapers of policy, more copays and more leaguers, said the stalags survivor.',
    'We remember the children of Newtown.',
    // The plural of a noun Hunspell lists without one (State of the Union, 2008 and 2014).
    'Congress set the legislations to expire on February the 1st.',
    'It requires everything from more challenging curriculums and more demanding parents.',
    // Turkish names written correctly: the dotless `ı` is no slip there.
    'Kemal Kılıçdaroğlu and Binali Yıldırım met Sarı in Ankara.',
    // Stretched interjections, and any word stretched inside a quotation.
    '“Eeek,” she said. “Aaargh! Noooo! It was sooo cold.”',
    'Hmmm, he thought, and said nothing.',
  ],
  invalid: [
    {
      text: 'Peskov confirmed that ther are no plans.',
      messages: ['1:23-1:27: Unknown word `ther`: possibly `there`, `their`, `the`, `other` or `them`'],
      suggestions: [['there', 'their', 'the', 'other', 'them']],
    },
    {
      text: 'Officials would recieve teh report.',
      messages: [
        '1:17-1:24: Unknown word `recieve`: possibly `receive`, `received`, `receiver` or `receives`',
        '1:25-1:28: Unknown word `teh`: possibly `the`, `teeth`, `to`, `teach` or `tech`',
      ],
    },
    {
      text: 'The negociations occured after the goverment acted.',
      messages: [
        '1:5-1:17: Unknown word `negociations`: possibly `negotiations`',
        '1:18-1:25: Unknown word `occured`: possibly `occurred`',
        '1:36-1:45: Unknown word `goverment`: possibly `government` or `governments`',
      ],
    },
    {
      text: 'It was definately a seperate issue, wich is thier concern.',
      messages: [
        '1:8-1:18: Unknown word `definately`: possibly `definitely`',
        '1:21-1:29: Unknown word `seperate`: possibly `separate`, `separated` or `separates`',
        '1:37-1:41: Unknown word `wich`: possibly `which`, `wish`, `with`, `witch` or `watch`',
        '1:45-1:50: Unknown word `thier`: possibly `their`, `there`, `this` or `thinner`',
      ],
    },
    {
      text: 'Talks in istanbul resumed on monday.',
      messages: ['1:10-1:18: Unknown word `istanbul`: possibly `Istanbul`', '1:30-1:36: Unknown word `monday`: possibly `Monday` or `Mondays`'],
    },
    {
      text: 'Dmitry Peskov spoke, and peskov said no.',
      messages: ['1:26-1:32: Unknown word `peskov`: possibly `Peskov`'],
    },
    {
      text: 'The goverment’s plan was a nonexistant one.',
      messages: ['1:5-1:16: Unknown word `goverment’s`: possibly `government’s`', '1:28-1:39: Unknown word `nonexistant`: possibly `nonexistent`'],
    },
    {
      // Run together: the parts are checked, never the whole run.
      text: 'Peskov said ther.The talks,stating,continue.',
      messages: ['1:13-1:17: Unknown word `ther`: possibly `there`, `their`, `the`, `other` or `them`'],
    },
    {
      // Words of a foreign phrase only inside it.
      text: 'But se is wrong.',
      messages: ['1:5-1:7: Unknown word `se`: possibly `Se`, `see`, `she`, `s` or `so`'],
    },
    {
      // A prefix and a word, or two words, but one easy slip from a common word.
      text: 'A coleague waited untill the pasttime ended.',
      messages: [
        '1:3-1:11: Unknown word `coleague`: possibly `colleague` or `colleagues`',
        '1:19-1:25: Unknown word `untill`: possibly `until`',
        '1:30-1:38: Unknown word `pasttime`: possibly `pastime`, `peacetime`, `pastimes` or `past time`',
      ],
    },
    {
      text: 'This wouldnt work.',
      messages: ["1:6-1:13: Unknown word `wouldnt`: possibly `wouldn't`, `would` or `wouldst`"],
    },
    {
      text: 'The ful-time job.',
      messages: ['1:5-1:8: Unknown word `ful`: possibly `full`, `feel`, `fuel`, `fool` or `fun`'],
    },
    {
      text: 'A colour and a flavour, said the programmme.',
      // Under en-GB `programme` counts as often as `program`: `programmer` is too far behind.
      messages: ['1:34-1:44: Unknown word `programmme`: possibly `programme`, `programmed` or `programmes`'],
      config: {language: 'en-GB'},
    },
    {
      // Issue 13: a plural, not a possessive; never a plural after a hissing sound or of a short noun.
      text: 'The churchs and the womans were full.',
      messages: [
        "1:5-1:12: Unknown word `churchs`: possibly `churches`, `church` or `church's`",
        "1:21-1:27: Unknown word `womans`: possibly `woman`, `woman's`, `women`, `womanish` or `women's`",
      ],
    },
    {
      // Issue 13: a misspelling that splits into two words or a prefix and a word.
      text: 'There is a broad concensus that the land is valueable.',
      messages: ['1:18-1:27: Unknown word `concensus`: possibly `consensus`', '1:45-1:54: Unknown word `valueable`: possibly `valuable` or `valuables`'],
    },
    {
      text: 'They will deside whether to prepair a bid.',
      messages: ['1:11-1:17: Unknown word `deside`: possibly `decide`, `decided`, `beside` or `decides`', '1:29-1:36: Unknown word `prepair`: possibly `prepare`'],
    },
    {
      // Issue 13: in the larger word list, but a slip for a much more common word.
      text: 'He was alledged to have publically lied.',
      messages: ['1:8-1:16: Unknown word `alledged`: possibly `alleged` or `allegedly`', '1:25-1:35: Unknown word `publically`: possibly `publicly` or `publicity`'],
    },
    {
      // Issue 13: a word between commas is used, not mentioned.
      text: 'Officials, yesturday, said no.',
      messages: ['1:12-1:21: Unknown word `yesturday`: possibly `yesterday`'],
    },
    {
      // Issue 13: machine translation from Turkish writes a dotless `ı` for `i`.
      text: 'He said hıs new polıcy was final.',
      messages: ['1:9-1:12: Unknown word `hıs`: possibly `his`', '1:17-1:23: Unknown word `polıcy`: possibly `policy`'],
      suggestions: [['his'], ['policy']],
    },
    {
      text: 'Hıs office declined to comment on the polıcy’s cost.',
      messages: ['1:1-1:4: Unknown word `Hıs`: possibly `His`', '1:39-1:47: Unknown word `polıcy’s`: possibly `policy’s`'],
    },
    {
      // A tripled letter outside a quotation is a slip.
      text: 'It was sooo late, and the programmme ended.',
      messages: [
        '1:8-1:12: Unknown word `sooo`: possibly `soon`, `so`, `sou`, `shoot` or `shoo`',
        '1:27-1:37: Unknown word `programmme`: possibly `programmed`, `programmer`, `programming`, `programmers` or `program`',
      ],
    },
    {
      // Issue 13: British suggestions under en-GB (frequencies of the American spelling) ...
      text: 'The colur of the theatr was changed by the organisaton.',
      messages: [
        '1:5-1:10: Unknown word `colur`: possibly `colour`, `colours`, `cooler` or `collar`',
        '1:18-1:24: Unknown word `theatr`: possibly `theatre`, `that`, `theatres` or `their`',
        '1:44-1:55: Unknown word `organisaton`: possibly `organisation` or `organisations`',
      ],
      config: {language: 'en-GB'},
    },
    {
      // ... and American ones under en-US.
      text: 'The colur of the theatr was changed by the organisaton.',
      messages: [
        '1:5-1:10: Unknown word `colur`: possibly `color`, `cooler`, `collar`, `clear` or `court`',
        '1:18-1:24: Unknown word `theatr`: possibly `theater`, `that`, `their` or `theaters`',
        '1:44-1:55: Unknown word `organisaton`: possibly `organization`',
      ],
    },
  ],
})

describe('spelling suggestions', () => {
  const lookup = getLookup('dictionary-en')
  const intended: Record<string, string> = {
    ther: 'there',
    teh: 'the',
    negociations: 'negotiations',
    recieve: 'receive',
    goverment: 'government',
    Goverment: 'Government',
    occured: 'occurred',
    definately: 'definitely',
    seperate: 'separate',
    wich: 'which',
    thier: 'their',
    Tusday: 'Tuesday',
    beleive: 'believe',
    accomodate: 'accommodate',
    untill: 'until',
    enviroment: 'environment',
    existance: 'existence',
    independant: 'independent',
    neccessary: 'necessary',
    tommorow: 'tomorrow',
    statment: 'statement',
    presidant: 'president',
    agreemnt: 'agreement',
    ceasfire: 'ceasefire',
    annnounced: 'announced',
    peple: 'people',
    becuase: 'because',
    Wenesday: 'Wednesday',
    alot: 'a lot',
    beleiev: 'believe',
    // Issue 13's kinds: a likelier word two slips away beats a rarer one at one slip; the
    // typical slip beats a commoner word; a plural, not a possessive; sounds alike.
    govement: 'government',
    definatly: 'definitely',
    theif: 'thief',
    faught: 'fought',
    churchs: 'churches',
    beaurocracy: 'bureaucracy',
    nessecary: 'necessary',
    // The substring slips of the fitted model (a letter moved, a silent `e` added): once
    // `lounge` (one letter changed) and `developed` (one letter changed, a commoner word).
    tounge: 'tongue',
    develope: 'develop',
    // Three edits or more, when nothing nearer is likely.
    acomodasion: 'accommodation',
    esspeshally: 'especially',
    chemishter: 'chemistry',
    enuff: 'enough',
  }
  for (const [typo, word] of Object.entries(intended)) {
    it(`ranks \`${word}\` first for \`${typo}\``, () => {
      const list = suggest(typo, lookup)
      expect(list[0]).toBe(word)
      expect(list.length).toBeLessThanOrEqual(5)
    })
  }
})

describe('spelling frequencies per language', () => {
  const american = getLookup('dictionary-en')
  const british = getLookup('dictionary-en-gb')
  it('counts a British-only spelling as its American one under en-GB', () => {
    for (const [gb, us] of [
      ['colour', 'color'],
      ['organisation', 'organization'],
      ['centre', 'center'],
      ['programme', 'program'],
      ['travelled', 'traveled'],
      ['defence', 'defense'],
      ['analyse', 'analyze'],
      ['catalogue', 'catalog'],
    ]) {
      expect(british.frequency(gb)).toBeLessThan(american.frequency(us))
      expect(frequencyOf(british, gb)).toBe(american.frequency(us))
    }
  })
  it('leaves the counts of words both Englishes spell alike, and of en-US, as they are', () => {
    for (const word of ['four', 'tour', 'advise', 'colour']) expect(frequencyOf(american, word)).toBe(american.frequency(word))
    for (const word of ['four', 'hour', 'tour', 'advise', 'theatre']) if (american.has(word)) expect(frequencyOf(british, word)).toBe(british.frequency(word))
  })
})

describe('spelling lookup', () => {
  const require = createRequire(import.meta.url)
  const nspell = require('nspell') as (dictionary: {aff: Buffer; dic: Buffer}) => {correct(word: string): boolean}

  for (const name of ['dictionary-en', 'dictionary-en-gb']) {
    it(`gives nspell's verdict on words of the samples and generated misspellings (${name})`, () => {
      const folder = path.join('node_modules', name)
      const checker = nspell({aff: readFileSync(path.join(folder, 'index.aff')), dic: readFileSync(path.join(folder, 'index.dic'))})
      const lookup = getLookup(name)
      const samples = readdirSync('samples').map((file) => readFileSync(path.join('samples', file), 'utf8'))
      const shared = path.join('..', 'shared', 'samples', 'ukraine-talks.txt')
      const text = samples.join('\n') + (safeRead(shared) ?? '')
      const words = new Set(text.match(/[\p{L}\p{N}'’.-]+/gu) ?? [])
      // Misspellings: each sample word with a letter dropped, doubled, swapped; case variants.
      for (const word of [...words]) {
        for (let index = 0; index < word.length; index++) {
          words.add(word.slice(0, index) + word.slice(index + 1))
          words.add(word.slice(0, index) + word[index] + word.slice(index))
          words.add(word.slice(0, index) + (word[index + 1] ?? '') + word[index] + word.slice(index + 2))
        }
        words.add(word.toUpperCase())
        words.add(word.toLowerCase())
      }
      for (const word of ['21st', '11th', '1th', '101st', 'ABC', "don't", 'don’t', 'e.g.', 'colour', 'color', 'Istanbul', 'istanbul', 'ISTANBUL']) words.add(word)
      expect(words.size).toBeGreaterThan(3000)
      const differences = [...words].filter((word) => lookup.correct(word) !== checker.correct(word))
      expect(differences).toEqual([])
    })
  }
})

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

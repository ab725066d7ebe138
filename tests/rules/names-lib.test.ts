/**
 * The shared name model (`rules/lib/proper-nouns.ts`), `isLikelyName` (`rules/lib/names.ts`)
 * and the compiled gazetteers (`rules/lib/data/`).
 */
import {readFileSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {getProcessor} from '../../src/pipeline/processor.js'
import type {RuleContext} from '../../src/rule.js'
import {editDistance, fold, getDataFolder, getList, getProperNouns, type ListName} from '../../rules/lib/gazetteer.js'
import {isLikelyName, isTransliteration, transliterationKey} from '../../rules/lib/names.js'
import {getNameModel, withText, type NameToken} from '../../rules/lib/proper-nouns.js'

const context: RuleContext = {language: 'en-US', dictionary: [], names: [], styles: [], cwd: '/'}

async function parse(text: string): Promise<{tree: Root; file: VFile}> {
  const file = new VFile({value: text})
  const processor = getProcessor(defaultConfig('/'))
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return {tree, file}
}

describe('name model', () => {
  it('counts capitals that mean something: mid-sentence, not sentence starts or title-case headlines', async () => {
    const {tree, file} = await parse('Talks Resume in Geneva\nDmitry Peskov said Peskov’s team met. Officials met peskov later.\n')
    const model = getNameModel(tree, file)
    expect(model.capitalized.get('Peskov')?.length).toBe(2) // `Zelensky’s` counts as `Zelensky`.
    expect(model.capitalized.has('Dmitry')).toBe(false) // sentence start
    expect(model.capitalized.has('Geneva')).toBe(false) // title-case headline
    expect(model.allCapitalized.get('Geneva')?.length).toBe(1)
    expect(model.lowercase.get('peskov')?.length).toBe(1)
    expect(model.runs.map((run) => run.map((token) => token.text).join(' '))).toContain('Dmitry Peskov')
  })

  it('keeps a token’s six facts in one field (one token per word of the draft, as long as its tree), and `withText` keeps them', async () => {
    const {tree, file} = await parse('Talks Resume in Geneva\nDmitry Peskov met J. R. R. Tolkien and “peskov” at example.com today.\n')
    const model = getNameModel(tree, file)
    const facts = (token: NameToken) => [token.isSentenceStart, token.isCapitalized, token.isLowercase, token.isMeaningful, token.isLiteral, token.isInitial]
    const byText = new Map(model.tokens.map((token) => [token.text, facts(token)]))
    expect(byText.get('Dmitry')).toEqual([true, true, false, false, false, false])
    expect(byText.get('Peskov')).toEqual([false, true, false, true, false, false])
    expect(byText.get('R')).toEqual([false, false, false, true, false, true])
    expect(byText.get('peskov')).toEqual([false, false, true, false, true, false])
    expect(byText.get('Geneva')).toEqual([false, true, false, false, false, false])
    for (const token of model.tokens) {
      expect(Object.keys(token).length).toBeLessThanOrEqual(7)
      const renamed = withText(token, `${token.text}.`, token.end + 1)
      expect([renamed.text, renamed.end, renamed.start, renamed.index, renamed.gap, renamed.sentence]).toEqual([
        `${token.text}.`,
        token.end + 1,
        token.start,
        token.index,
        token.gap,
        token.sentence,
      ])
      expect(facts(renamed)).toEqual(facts(token))
    }
  })

  it('keeps particles inside names', async () => {
    const {tree, file} = await parse('They met Ursula von der Leyen and Charles de Gaulle’s heirs.')
    const runs = getNameModel(tree, file).runs.map((run) => run.map((token) => token.text).join(' '))
    expect(runs).toEqual(['Ursula von der Leyen', 'Charles de Gaulle'])
  })

  it('keeps initials inside names and reads the capital after a title or an initial as the name’s', async () => {
    const {tree, file} = await parse('Others cited George W. Bush, J.R.R. Tolkien and J. R. R. Tolkien. The director, Dr. Salha, spoke.')
    const model = getNameModel(tree, file)
    const runs = model.runs.map((run) => run.map((token) => token.text).join(' '))
    expect(runs).toEqual(['George W Bush', 'J R R Tolkien', 'J R R Tolkien'])
    expect(model.capitalized.get('Bush')?.length).toBe(1)
    expect(model.capitalized.get('Salha')?.length).toBe(1)
    expect(
      model.tokens
        .filter((token) => token.isInitial)
        .map((token) => token.text)
        .join(''),
    ).toBe('WJRRJRR')
  })

  it('is cached per tree', async () => {
    const {tree, file} = await parse('Peskov spoke.')
    expect(getNameModel(tree, file)).toBe(getNameModel(tree, file))
  })
})

describe('isLikelyName', () => {
  const cases: Array<[string, string, boolean]> = [
    ['Peskov confirmed that the talks would go on.', 'Peskov', true], // known, and near no word
    ['Oleksandr Tkachenko-Vyshnevsky spoke. Tkachenko-Vyshnevsky left.', 'Vyshnevsky', true], // repeated
    ['The nurse, Thandiwe Mkhabela, spoke.', 'Mkhabela', true], // once, near nothing
    ['Officials in Zaporizhzhia said so.', 'Zaporizhzhia', true],
    ['Governor Matt Bevin of Kentucky spoke.', 'Bevin', true], // beside a given name
    ['We struck at Usama bin Ladin’s network.', 'Ladin', true], // after a particle
    ['Forces stayed in the Indo-Pacific region.', 'Indo', true], // a capitalized compound
    ['Erdoğan and Mbappé met in Gdańsk.', 'Gdańsk', true],
    ['Tusday was a quiet day.', 'Tusday', false], // one slip from a day
    ['Goverment officials said nothing.', 'Goverment', false], // one slip from a common word
    ['On Tusday the talks resumed.', 'Tusday', false],
    // A capital mid-sentence is a name far more often than a slip (`Gavi`, `Pompe`, `Wye`).
    ['The study was funded by Gavi, the Vaccine Alliance.', 'Gavi', true],
    ['Megan was diagnosed with Pompe disease, a rare illness.', 'Pompe', true],
    ['All parties can implement the Wye agreement.', 'Wye', true],
    ['The Vchip requirement is part of the law.', 'Vchip', true],
    // Unless it is near a day, a month or a long common word.
    ['The Goverment said nothing.', 'Goverment', false],
    ['Talks resume on Tusday in Geneva.', 'Tusday', false],
  ]
  for (const [text, word, expected] of cases) {
    it(`${word} in ${JSON.stringify(text)}: ${expected}`, async () => {
      const {tree, file} = await parse(text)
      expect(isLikelyName(word, tree, file, context)).toBe(expected)
    })
  }

  it('takes the house list and dictionary of the configuration as known', async () => {
    const {tree, file} = await parse('Goverment said so.')
    expect(isLikelyName('Goverment', tree, file, {...context, dictionary: ['Goverment']})).toBe(true)
  })
})

describe('transliterations', () => {
  it('gives the spellings of one name one key, and keeps slips apart', () => {
    for (const group of [
      ['Zelensky', 'Zelenskiy', 'Zelenskyy'],
      ['Lavrov', 'Lavroff'],
      ['Rublev', 'Rublyov'],
      ['Dmitri', 'Dmitry'],
      ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad'],
      ['Oleksandr', 'Olexandr'],
      ['Sergei', 'Sergey'],
    ]) {
      expect(new Set(group.map(transliterationKey)).size).toBe(1)
    }
    expect(isTransliteration('Zelenskiy', 'Zelensky')).toBe(true)
    expect(isTransliteration('Zelensky', 'Zelensky')).toBe(false)
    expect(isTransliteration('Philips', 'Phillips')).toBe(false)
    expect(isTransliteration('Scholtz', 'Scholz')).toBe(false)
    expect(isTransliteration('Zelenska', 'Zelensky')).toBe(false)
  })
})

describe('gazetteers', () => {
  const lists: ListName[] = ['countries', 'demonyms', 'languages', 'cities', 'name-parts', 'people']

  for (const name of lists) {
    it(`${name}.txt is sorted, unique and non-empty`, () => {
      const list = getList(name)
      expect(list.length).toBeGreaterThan(100)
      expect([...list].sort()).toEqual(list)
      expect(new Set(list).size).toBe(list.length)
    })
  }

  for (const name of ['regions', 'organizations'] as const) {
    it(`${name}.txt is sorted, unique and non-empty`, () => {
      const list = getList(name)
      expect(list.length).toBeGreaterThan(40)
      expect([...list].sort()).toEqual(list)
      expect(new Set(list).size).toBe(list.length)
    })
  }

  it('knows today’s officials and names with initials, and no bridges or banks among people', () => {
    const people = getList('people')
    for (const name of ['Sergei Lavrov', 'Dmitry Peskov', 'Andrii Sybiha', 'Friedrich Merz', 'John F. Kennedy', 'George W. Bush', 'J.R.R. Tolkien', 'Lee Jae-myung'])
      expect(people).toContain(name)
    for (const name of ['Golden Gate Bridge', 'London Bridge', 'Tower Bridge', 'Chase Bank', 'Lee Jae-Myung']) expect(people).not.toContain(name)
  })

  it('knows US states, world regions and historical states', () => {
    const nouns = getProperNouns()
    for (const word of ['iowa', 'new hampshire', 'americas', 'middle east', 'sahel', 'soviet union', 'yugoslavia', 'ottoman empire'])
      expect(nouns.get(word)?.kind).toBe('region')
  })

  it('stays small, with its sources recorded', () => {
    const folder = getDataFolder()
    // The name lists (the compiled word tables have their own budget: tests/data/).
    const total = readdirSync(folder)
      .filter((name) => name.endsWith('.txt'))
      .reduce((sum, name) => sum + statSync(path.join(folder, name)).size, 0)
    expect(total).toBeLessThan(1_500_000)
    const sources = readFileSync(path.join(folder, 'SOURCES.md'), 'utf8')
    for (const name of [...lists, 'regions', 'organizations']) expect(sources).toContain(`\`${name}.txt\``)
    expect(sources).toContain('`curated/people`')
  })

  it('knows the places, days and nationalities news copy uses', () => {
    const nouns = getProperNouns()
    for (const word of ['istanbul', 'monday', 'russian', 'são paulo', 'gdańsk', 'turkey', 'may', 'washington']) expect(nouns.has(word)).toBe(true)
    expect(getList('people')).toContain('Marco Rubio')
  })

  it('compares names without accents and counts a transposition as one edit', () => {
    expect(fold('Erdoğan')).toBe('erdogan')
    expect(editDistance('zelenksy', 'zelensky')).toBe(1)
  })
})

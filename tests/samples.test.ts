/**
 * Every draft in `samples/`, linted with no configuration: the stylish report is a snapshot,
 * so that an optimization or a refactoring that changes any message shows up here.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {defaultConfig} from '../src/config/defaults.js'
import {stylish} from '../src/formatters/stylish.js'
import {lint} from '../src/pipeline/lint.js'

const folder = new URL('../samples/', import.meta.url)
const drafts = readdirSync(folder)
  .filter((name) => /\.(txt|md|markdown)$/.test(name))
  .sort()

describe('samples', () => {
  it('has clean and dirty drafts', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(3)
  })

  for (const name of drafts) {
    it(`samples/${name}`, async () => {
      const file = new VFile({value: readFileSync(new URL(name, folder), 'utf8'), path: `samples/${name}`})
      await lint(file, {config: defaultConfig('/')})
      expect(stylish([file], {rules, cwd: '/', color: false})).toMatchSnapshot()
    })
  }
})

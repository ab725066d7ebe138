/**
 * `lint()` without a configuration reuses one default configuration (and so one processor and
 * its rules' caches) per folder: a draft's messages must not depend on the drafts linted before.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, it, vi} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {lint} from '../../src/pipeline/lint.js'

vi.mock('../../src/config/defaults.js', async (original) => {
  const actual = await original<typeof import('../../src/config/defaults.js')>()
  return {...actual, defaultConfig: vi.fn(actual.defaultConfig)}
})

const folder = new URL('../../bench/corpus/prose/', import.meta.url)
const names = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .slice(0, 4)
const drafts = names.map((name) => ({path: `bench/corpus/prose/${name}`, text: readFileSync(new URL(name, folder), 'utf8')}))

const report = async (draft: {path: string; text: string}, config?: ReturnType<typeof defaultConfig>) =>
  (await lint(draft.text, {path: draft.path, config})).messages.map((message) => ({...message, file: undefined}))

describe('lint without a configuration', () => {
  it('gives each draft the messages of a fresh configuration, in any order', async () => {
    const fresh = []
    for (const draft of drafts) fresh.push(await report(draft, defaultConfig(process.cwd())))
    expect(fresh.flat().length).toBeGreaterThan(0)
    for (const order of [
      [0, 1, 2, 3],
      [3, 2, 1, 0],
      [1, 3, 0, 2],
    ]) {
      for (const index of order) expect(await report(drafts[index])).toEqual(fresh[index])
    }
  })

  it('builds the default configuration once per folder', async () => {
    vi.mocked(defaultConfig).mockClear()
    for (const draft of drafts) await lint(draft.text, {path: draft.path})
    await lint(new VFile({value: drafts[0].text, path: drafts[0].path, cwd: '/elsewhere'}))
    await lint(new VFile({value: drafts[1].text, path: drafts[1].path, cwd: '/elsewhere'}))
    expect(vi.mocked(defaultConfig).mock.calls).toEqual([['/elsewhere']])
  })
})

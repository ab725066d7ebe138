/**
 * End to end, through the built CLI as a real process: the house list of names is the
 * newsroom's authority, `dictionary` silences a name, and a lowercase name is fixed whole.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'

interface Entry {
  file: string
  messages: Array<{rule: string; line: number; column: number; message: string; actual: string; suggestions: string[]}>
}

/** A fresh folder with `files` (path → content). */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'copydesk-names-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(root, name), content)
  return root
}

function lintJson(cwd: string, args: readonly string[]) {
  const result = runCli(['lint', '--format', 'json', ...args], {cwd})
  return {...result, entries: JSON.parse(result.stdout) as Entry[]}
}

const houseDraft = 'Chancellor Olaf Scholtz met Gov. Gavin Newsome in Sacramento. President Joe Bidden and Vice President Kamala Haris sent a message.\n'
const houseNames = ['Olaf Scholz', 'Gavin Newsom', 'Joe Biden', 'Kamala Harris']

describe('names', () => {
  it('the house list: exactly one name-spelling message per slip, with the listed spelling, even where the slip is a word or a surname', () => {
    const cwd = folder({'.copydeskrc.json': JSON.stringify({names: houseNames}), 'draft.txt': houseDraft})
    const {entries} = lintJson(cwd, ['draft.txt'])
    const names = entries[0].messages.filter((message) => message.rule === 'name-spelling')
    expect(names.map((message) => [message.actual, message.suggestions, message.message])).toEqual([
      ['Scholtz', ['Scholz'], 'Possible misspelling of `Olaf Scholz`'],
      ['Newsome', ['Newsom'], 'Possible misspelling of `Gavin Newsom`'],
      ['Bidden', ['Biden'], 'Possible misspelling of `Joe Biden`'],
      ['Haris', ['Harris'], 'Possible misspelling of `Kamala Harris`'],
    ])
  })

  it('a word in `dictionary` or `dictionaryFiles` (as "add to dictionary" writes it) silences name-spelling for that spelling', () => {
    const cwd = folder({
      '.copydeskrc.json': JSON.stringify({names: houseNames, dictionary: ['Scholtz'], dictionaryFiles: ['words.txt']}),
      'words.txt': '# newsroom words\nHaris\n',
      'draft.txt': houseDraft,
    })
    const {entries} = lintJson(cwd, ['draft.txt'])
    expect(entries[0].messages.filter((message) => message.rule === 'name-spelling').map((message) => message.actual)).toEqual(['Newsome', 'Bidden'])
  })

  it('issue 15: `--fix` fixes a lowercase name whole (`new york`, `chuck schumer`) and the report flags what it fixes', () => {
    const text = 'He flew to new york with chuck schumer.\n'
    const cwd = folder({'ny.txt': text})
    const {entries} = lintJson(cwd, ['ny.txt'])
    expect(entries[0].messages.map((message) => [message.rule, message.actual, message.suggestions])).toEqual([
      ['proper-noun-case', 'new york', ['New York']],
      ['proper-noun-case', 'chuck schumer', ['Chuck Schumer']],
    ])
    const fixed = runCli(['lint', '--fix', 'ny.txt'], {cwd})
    expect(fixed.status).toBe(0)
    expect(readFileSync(path.join(cwd, 'ny.txt'), 'utf8')).toBe('He flew to New York with Chuck Schumer.\n')
  })
})

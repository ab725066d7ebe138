/**
 * End to end, through the built CLI as a real process: a rule's options are checked against
 * the rule's schema when the configuration is loaded; a bad or misspelled option is one line
 * on standard error naming the file, the rule, the option and what is allowed, and exit 2.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'

const draft = 'Talks Resume in Istanbul\nNo, he said.\nNo, he said.\n'

/** Lint `a.txt` (the draft above) in a fresh folder with `.copydeskrc.json` = `config`. */
function lintWith(config: unknown) {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'copydesk-options-'))
  writeFileSync(path.join(cwd, '.copydeskrc.json'), JSON.stringify(config))
  writeFileSync(path.join(cwd, 'a.txt'), draft)
  const result = runCli(['lint', '--format', 'json', 'a.txt'], {cwd})
  return {status: result.status, stdout: result.stdout, errors: result.stderr.split('\n').filter(Boolean)}
}

describe('rule options through the CLI', () => {
  it('a wrong type (`"minWords": "six"`): one line, exit 2, nothing linted', () => {
    const {status, errors, stdout} = lintWith({rules: {'duplicate-line': ['warning', {minWords: 'six'}]}})
    expect(errors).toEqual(['copydesk: .copydeskrc.json: rules.duplicate-line.minWords: Expected a whole number ≥ 2, got `"six"`'])
    expect(status).toBe(2)
    expect(JSON.parse(stdout)).toEqual([])
  })

  it('a value out of range (`"minWords": 1`)', () => {
    const {status, errors} = lintWith({rules: {'duplicate-line': ['warning', {minWords: 1}]}})
    expect(errors).toEqual(['copydesk: .copydeskrc.json: rules.duplicate-line.minWords: Expected a whole number ≥ 2, got `1`'])
    expect(status).toBe(2)
  })

  it('a misspelled key: did you mean', () => {
    const {status, errors} = lintWith({rules: {'duplicate-line': ['warning', {minWord: 3}]}})
    expect(errors).toEqual(['copydesk: .copydeskrc.json: rules.duplicate-line.minWord: Unknown option `minWord`, expected `minWords`'])
    expect(status).toBe(2)
  })

  it('a bad headline style: no internal error, the closest style first', () => {
    const {status, errors} = lintWith({rules: {'headline-case': ['warning', {style: 'titel'}]}})
    expect(errors).toEqual(['copydesk: .copydeskrc.json: rules.headline-case.style: Unexpected `titel`, expected `title` or one of `sentence`, `consistent`'])
    expect(status).toBe(2)
  })

  it('an option to a rule that takes none', () => {
    const {status, errors} = lintWith({rules: {spelling: ['warning', {ignore: ['x']}]}})
    expect(errors).toEqual(['copydesk: .copydeskrc.json: rules.spelling.ignore: Unknown option `ignore`, `spelling` takes no options'])
    expect(status).toBe(2)
  })

  it('options that are not an object', () => {
    const {status, errors} = lintWith({rules: {'duplicate-line': ['warning', 6]}})
    expect(errors).toEqual(['copydesk: .copydeskrc.json: rules.duplicate-line: Unexpected options `6`, expected an object of options'])
    expect(status).toBe(2)
  })

  it('a bad entry of a house-style option: the key path into the list', () => {
    const {status, errors} = lintWith({rules: {'house-style': ['info', {terms: [{avoid: 'am', usr: 'a.m.'}]}]}})
    expect(errors).toEqual(['copydesk: .copydeskrc.json: rules.house-style.terms[0].usr: Unknown option `usr`, expected `use`'])
    expect(status).toBe(2)
  })

  it('good options are applied: `minWords: 3` flags a repeated three-word sentence', () => {
    const {status, stdout, errors} = lintWith({rules: {'duplicate-line': ['warning', {minWords: 3}]}})
    expect(errors).toEqual([])
    expect(status).toBe(0) // warnings only
    const [entry] = JSON.parse(stdout) as Array<{messages: Array<{rule: string; line: number}>}>
    expect(entry.messages.filter((message) => message.rule === 'duplicate-line').map((message) => message.line)).toEqual([3])
  })
})

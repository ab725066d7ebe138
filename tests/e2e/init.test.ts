/** `copydesk init`: a commented, valid `.copydeskrc.yaml`; never an overwrite. */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {rules} from '../../rules/index.js'
import {runCli} from '../helpers/cli.js'

const tempFolder = () => mkdtempSync(path.join(os.tmpdir(), 'copydesk-init-'))

describe('copydesk init', () => {
  it('writes a commented configuration that copydesk then reads as valid', () => {
    const folder = tempFolder()
    const result = runCli(['init'], {cwd: folder})
    expect(result).toMatchObject({status: 0, stdout: 'Wrote .copydeskrc.yaml\n', stderr: ''})
    const text = readFileSync(path.join(folder, '.copydeskrc.yaml'), 'utf8')
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/copydesk/schema/copydeskrc.schema.json')
    const config = parse(text) as {rules: Record<string, string>; language: string}
    expect(Object.keys(config.rules)).toEqual(rules.map((rule) => rule.id))
    for (const rule of rules) expect(config.rules[rule.id]).toBe(rule.meta.severity)
    expect(config.language).toBe('en-US')
    // The written file is a configuration copydesk accepts: a draft is linted with it.
    writeFileSync(path.join(folder, 'draft.txt'), 'Talks resumed on the the same day.\n')
    const lint = runCli(['lint', 'draft.txt', '--format', 'json'], {cwd: folder})
    expect(lint.stderr).toBe('')
    expect(lint.status).toBe(0)
    expect(JSON.parse(lint.stdout)[0].messages.map((message: {rule: string}) => message.rule)).toEqual(['repeated-word'])
  })

  it('writes into a named folder', () => {
    const folder = tempFolder()
    const result = runCli(['init', 'sub'], {cwd: folder, env: {}})
    // The folder must exist: init makes no folders.
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/^copydesk: sub\/\.copydeskrc\.yaml: cannot write \(ENOENT\)\n$/)
    expect(runCli(['init', '.'], {cwd: folder}).status).toBe(0)
  })

  it('refuses to overwrite any configuration in the folder, and leaves it as it was', () => {
    for (const name of ['.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml']) {
      const folder = tempFolder()
      writeFileSync(path.join(folder, name), '{"language": "en-GB"}\n')
      const result = runCli(['init'], {cwd: folder})
      expect(result).toMatchObject({status: 2, stdout: '', stderr: `copydesk: ${name}: a configuration already exists, left as it is\n`})
      expect(readFileSync(path.join(folder, name), 'utf8')).toBe('{"language": "en-GB"}\n')
    }
  })

  it('rejects options it does not know', () => {
    const result = runCli(['init', '--force'], {cwd: tempFolder()})
    expect(result).toMatchObject({status: 2, stderr: 'copydesk: Unknown option `--force` for `copydesk init`, expected `copydesk init [FOLDER]`\n'})
  })
})

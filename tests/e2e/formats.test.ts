/** End to end: the machine formats of the built CLI on the sample; SARIF against the official schema. */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {root, runCli} from '../helpers/cli.js'

const sample = 'samples/ukraine-talks.txt'
const validator = path.resolve(root, '../shared/harness/sarif-validate')
const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-e2e-formats-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('--format sarif on the sample', () => {
  const result = runCli(['lint', '--format', 'sarif', sample])
  const log = JSON.parse(result.stdout)

  it('reports the sample’s problems with relative locations', () => {
    const results = log.runs[0].results
    expect(results.length).toBeGreaterThan(0)
    for (const entry of results) {
      expect(entry.locations[0].physicalLocation.artifactLocation).toEqual({uri: sample, uriBaseId: '%SRCROOT%'})
    }
  })

  it('titles each fix in words, white space named (`Insert a space after `,``)', () => {
    const comma = log.runs[0].results.find((entry: {message: {text: string}}) => entry.message.text === 'Missing space after `,`')
    expect(comma.fixes.map((fix: {description: {text: string}}) => fix.description.text)).toEqual(['Insert a space after `,`'])
  })

  // The harness installs ajv and the OASIS schema on first use; it lives beside the project.
  it('passes ../shared/harness/sarif-validate (official SARIF 2.1.0 schema)', (context) => {
    if (!existsSync(validator)) {
      console.warn(`skipped: ${validator} is not on this machine (the harness lives beside the project)`)
      context.skip()
    }
    const file = path.join(folder, 'sample.sarif')
    writeFileSync(file, result.stdout)
    const check = spawnSync(validator, [file], {encoding: 'utf8', timeout: 120_000})
    expect(check.stderr + check.stdout).toMatch(/^valid: /m)
    expect(check.status).toBe(0)
  }, 150_000)
})

describe('--format github on the sample', () => {
  it('prints one annotation per problem, with the path relative to the working folder', () => {
    const json = JSON.parse(runCli(['lint', '--format', 'json', sample]).stdout)[0].messages as unknown[]
    const lines = runCli(['lint', '--format', 'github', sample]).stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(json.length)
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=samples\/ukraine-talks\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/)
  })
})

describe('--format lsp and html on the sample', () => {
  it('lsp: one entry with the file URI and 0-based ranges', () => {
    const [entry] = JSON.parse(runCli(['lint', '--format', 'lsp', sample]).stdout)
    expect(entry.uri).toBe('file://' + path.join(root, sample))
    const json = JSON.parse(runCli(['lint', '--format', 'json', sample]).stdout)[0].messages
    expect(entry.diagnostics[0].range.start).toEqual({line: json[0].line - 1, character: json[0].column - 1})
  })

  it('html: a page with the sample’s text and its problems highlighted', () => {
    const page = runCli(['lint', '--format', 'html', sample]).stdout
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).toContain('Kremlin Confirms Preparations')
    expect(page).toMatch(/<mark class="hl (error|warning|info) r\d+">istanbul<span class="tip"/)
  })
})

describe('--format json on the sample', () => {
  it('prints the message of docs/contract.md’s example as the contract shows it', () => {
    const docs = readFileSync(path.join(root, 'docs/contract.md'), 'utf8')
    const [example] = JSON.parse(/```json\n([\s\S]*?)```/.exec(docs)![1]) as Array<{file: string; messages: Array<{line: number; column: number}>}>
    const [file] = JSON.parse(runCli(['lint', '--format', 'json', example.file]).stdout)
    const shown = example.messages[0]
    const printed = file.messages.find((message: {line: number; column: number}) => message.line === shown.line && message.column === shown.column)
    expect(printed).toMatchObject(shown)
  })
})

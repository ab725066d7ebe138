/** Configuration files: found by searching up, validated, resolved once per file. */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {ConfigError, isIgnored, isIgnoredBy, loadConfigFor} from '../../src/config/load.js'
import {lint} from '../../src/pipeline/lint.js'

/** A fresh folder with `files` (path → content). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'copydesk-config-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), {recursive: true})
    writeFileSync(path.join(root, name), content)
  }
  return root
}

async function errorOf(root: string, file = 'draft.txt', configPath?: string): Promise<string> {
  try {
    await loadConfigFor(path.join(root, file), {cwd: root, configPath})
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a configuration error')
}

describe('loadConfigFor', () => {
  it('uses the defaults when there is no configuration file', async () => {
    const root = project({'draft.txt': 'x'})
    const config = await loadConfigFor(path.join(root, 'draft.txt'), {cwd: root})
    expect(config.language).toBe('en-US')
    expect(config.rules['repeated-word']).toEqual(['warning', {}])
    expect(config.path).toBeUndefined()
  })

  it('finds the nearest file up from the draft and resolves every key', async () => {
    const root = project({
      '.copydeskrc.json': JSON.stringify({
        $schema: './node_modules/copydesk/schema/copydeskrc.schema.json',
        rules: {'repeated-word': 'error', spelling: 'off', 'duplicate-line': ['info', {minWords: 3}]},
        dictionary: ['Zelensky'],
        dictionaryFiles: ['words.txt'],
        names: ['Marco Rubio'],
        ignore: ['archive/**'],
        language: 'en-GB',
        styles: ['ap', './house.yaml'],
      }),
      'words.txt': '# newsroom words\nKyiv\n\n  Peskov  \r\n',
      'house.yaml': 'entries: []\n',
      'desk/today/draft.txt': 'x',
    })
    const config = await loadConfigFor(path.join(root, 'desk/today/draft.txt'), {cwd: root})
    expect(config.path).toBe(path.join(root, '.copydeskrc.json'))
    expect(config.cwd).toBe(root)
    expect(config.rules['repeated-word']).toEqual(['error', {}])
    expect(config.rules.spelling).toEqual(['off', {}])
    expect(config.rules['duplicate-line']).toEqual(['info', {minWords: 3}])
    expect(config.rules['punctuation-spacing']).toEqual(['warning', {}])
    expect(config.dictionary).toEqual(['Zelensky', 'Kyiv', 'Peskov'])
    expect(config.names).toEqual(['Marco Rubio'])
    expect(config.ignore).toEqual(['archive/**'])
    expect(config.language).toBe('en-GB')
    expect(config.styles).toEqual(['ap', path.join(root, 'house.yaml')])
  })

  it('reads YAML (.yaml and .yml), and an empty file sets nothing', async () => {
    const yaml = project({'.copydeskrc.yaml': 'rules:\n  repeated-word: [error]\nlanguage: en-GB\n', 'a.txt': ''})
    expect((await loadConfigFor(path.join(yaml, 'a.txt'), {cwd: yaml})).rules['repeated-word']).toEqual(['error', {}])
    const yml = project({'.copydeskrc.yml': 'names: [Marco Rubio]\n', 'a.txt': ''})
    expect((await loadConfigFor(path.join(yml, 'a.txt'), {cwd: yml})).names).toEqual(['Marco Rubio'])
    const empty = project({'.copydeskrc.yaml': '', 'a.txt': ''})
    expect((await loadConfigFor(path.join(empty, 'a.txt'), {cwd: empty})).path).toBe(path.join(empty, '.copydeskrc.yaml'))
  })

  it('prefers the nearest file: a folder’s own configuration wins over its parent’s', async () => {
    const root = project({'.copydeskrc.json': '{"language": "en-GB"}', 'us/.copydeskrc.json': '{}', 'us/a.txt': '', 'b.txt': ''})
    expect((await loadConfigFor(path.join(root, 'us/a.txt'), {cwd: root})).language).toBe('en-US')
    expect((await loadConfigFor(path.join(root, 'b.txt'), {cwd: root})).language).toBe('en-GB')
  })

  it('searches from the working folder for standard input', async () => {
    const root = project({'.copydeskrc.json': '{"names": ["Dmitry Peskov"]}'})
    expect((await loadConfigFor(undefined, {cwd: root})).names).toEqual(['Dmitry Peskov'])
  })

  it('uses --config FILE instead of searching', async () => {
    const root = project({'.copydeskrc.json': '{"language": "en-GB"}', 'other.yaml': 'names: [Ann Lee]\n', 'a.txt': ''})
    const config = await loadConfigFor(path.join(root, 'a.txt'), {cwd: root, configPath: 'other.yaml'})
    expect(config.names).toEqual(['Ann Lee'])
    expect(config.language).toBe('en-US')
  })

  it('gives one stable object per configuration file (the processor cache is keyed by it)', async () => {
    const root = project({'.copydeskrc.json': '{}', 'a/x.txt': '', 'b/y.md': ''})
    const first = await loadConfigFor(path.join(root, 'a/x.txt'), {cwd: root})
    const second = await loadConfigFor(path.join(root, 'b/y.md'), {cwd: root})
    expect(second).toBe(first)
    const bare = project({'x.txt': ''})
    expect(await loadConfigFor(path.join(bare, 'x.txt'), {cwd: bare})).toBe(await loadConfigFor(undefined, {cwd: bare}))
  })

  it('changes what lint reports: severity, off, dictionary', async () => {
    const root = project({'.copydeskrc.json': '{"rules": {"repeated-word": "error", "punctuation-spacing": "off"}}'})
    const config = await loadConfigFor(undefined, {cwd: root})
    const file = await lint('Talks resumed on the the same day,officials said.', {config})
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['repeated-word', true]])
  })
})

describe('invalid configuration: one line with the file, the key and what is allowed', () => {
  it('a misspelled rule id, with the closest id', async () => {
    const root = project({'.copydeskrc.json': '{"rules": {"sentance-case": "error"}}'})
    const message = await errorOf(root)
    expect(message).toMatch(/^\.copydeskrc\.json: rules\.sentance-case: Unknown rule `sentance-case`, expected `sentence-case` or one of `punctuation-spacing`, /)
    expect(message).not.toContain('\n')
  })

  it('an invalid severity, in a string or a list', async () => {
    expect(await errorOf(project({'.copydeskrc.json': '{"rules": {"spelling": "eror"}}'}))).toBe(
      '.copydeskrc.json: rules.spelling: Invalid severity `eror`, expected `error`, or one of `off`, `info`, `warning`, `error` (or `[severity, options]`)',
    )
    expect(await errorOf(project({'.copydeskrc.yaml': 'rules:\n  spelling: [2]\n'}))).toBe(
      '.copydeskrc.yaml: rules.spelling: Invalid severity `2`, expected one of `off`, `info`, `warning`, `error` (or `[severity, options]`)',
    )
    expect(await errorOf(project({'.copydeskrc.json': '{"rules": {"spelling": ["error", {}, 3]}}'}))).toBe(
      '.copydeskrc.json: rules.spelling: Unexpected list of 3 items, expected `[severity, options]`',
    )
  })

  it('an unknown key, wrong types, an unknown language', async () => {
    expect(await errorOf(project({'.copydeskrc.json': '{"dictonary": []}'}))).toMatch(
      /^\.copydeskrc\.json: dictonary: Unknown key `dictonary`, expected `dictionary` or one of /,
    )
    expect(await errorOf(project({'.copydeskrc.json': '{"names": "Marco Rubio"}'}))).toBe('.copydeskrc.json: names: Unexpected `Marco Rubio`, expected a list of strings')
    expect(await errorOf(project({'.copydeskrc.json': '{"dictionary": ["Kyiv", 3]}'}))).toBe('.copydeskrc.json: dictionary[1]: Unexpected `3`, expected a non-empty string')
    expect(await errorOf(project({'.copydeskrc.json': '{"language": "en-gb"}'}))).toBe('.copydeskrc.json: language: Unexpected `en-gb`, expected `en-GB` or one of `en-US`')
    expect(await errorOf(project({'.copydeskrc.json': '[]'}))).toMatch(/^\.copydeskrc\.json: Unexpected a list, expected an object of settings/)
  })

  it('invalid JSON and YAML, with line and column', async () => {
    expect(await errorOf(project({'.copydeskrc.json': '{\n  "rules": {"spelling": "off",}\n}'}))).toMatch(/^\.copydeskrc\.json:2:31: Invalid JSON: /)
    expect(await errorOf(project({'.copydeskrc.yaml': 'rules:\n  spelling: off\n   bad: [\n'}))).toMatch(/^\.copydeskrc\.yaml:\d+:\d+: Invalid YAML: /)
  })

  it('a missing dictionary file or style pack, a missing or non-data --config', async () => {
    expect(await errorOf(project({'.copydeskrc.json': '{"dictionaryFiles": ["words.txt"]}'}))).toBe(
      '.copydeskrc.json: dictionaryFiles[0]: Cannot read `words.txt`: no such file or directory; expected a file of words, one per line',
    )
    expect(await errorOf(project({'.copydeskrc.json': '{"styles": ["./house.yaml"]}'}))).toMatch(/^\.copydeskrc\.json: styles\[0\]: Cannot read style pack `\.\/house\.yaml`/)
    // A pack is checked with the configuration: an unknown name, an unsafe pattern.
    expect(await errorOf(project({'.copydeskrc.json': '{"styles": ["apx"]}'}))).toBe(
      '.copydeskrc.json: styles[0]: Unknown style pack `apx`, expected one of `ap`, `default` or a path to a YAML file',
    )
    expect(await errorOf(project({'.copydeskrc.json': '{"styles": ["./house.yaml"]}', 'house.yaml': 'entries:\n  - pattern: "(?=x)y"\n    use: z\n'}))).toMatch(
      /^\.copydeskrc\.json: styles\[0\]: Invalid entry 1 in style pack `.*house\.yaml`: unsupported pattern `\(\?=x\)y`/,
    )
    expect(await errorOf(project({}), 'a.txt', 'missing.json')).toBe('missing.json: no such configuration file')
    expect(await errorOf(project({'copydesk.config.js': 'export default {}'}), 'a.txt', 'copydesk.config.js')).toMatch(
      /^copydesk\.config\.js: Unexpected configuration file type, expected `\.json`, `\.yaml` or `\.yml` \(configuration is data, not code\)$/,
    )
  })
})

describe('isIgnored', () => {
  it('matches globs relative to the configuration file', async () => {
    const root = project({'.copydeskrc.json': '{"ignore": ["archive/**", "*.draft.md"]}', 'archive/old.txt': '', 'desk/new.txt': '', 'x.draft.md': ''})
    expect(await isIgnored(path.join(root, 'archive/old.txt'), {cwd: path.join(root, 'desk')})).toBe(true)
    expect(await isIgnored(path.join(root, 'x.draft.md'), {cwd: root})).toBe(true)
    expect(await isIgnored(path.join(root, 'desk/new.txt'), {cwd: root})).toBe(false)
  })

  it('tests `..`, absolute and literal globs against the path, without reading the disk', () => {
    const folder = '/srv/desk'
    const config = {...defaultConfig(folder), ignore: ['../wire/*.txt', '/tmp/**/*.md', 'notes/todo.txt', '.drafts/**']}
    const ignored = (file: string) => isIgnoredBy(config, file)
    expect(ignored('/srv/wire/a.txt')).toBe(true)
    expect(ignored('/srv/wire/deeper/a.txt')).toBe(false)
    expect(ignored('/srv/desk/a.txt')).toBe(false)
    expect(ignored('/tmp/x/y/z.md')).toBe(true)
    expect(ignored('/srv/desk/notes/todo.txt')).toBe(true)
    expect(ignored('/srv/desk/notes/todo.txt.bak')).toBe(false)
    expect(ignored('/srv/desk/.drafts/a.md')).toBe(true) // dot paths match too
    expect(ignored('/srv/other/desk/notes/todo.txt')).toBe(false)
  })
})

describe('configuration files that are not plain data', () => {
  it('accepts a JSON file that starts with a byte order mark', async () => {
    const root = project({'.copydeskrc.json': '\uFEFF{"language": "en-GB"}'})
    expect((await loadConfigFor(undefined, {cwd: root})).language).toBe('en-GB')
  })

  it('refuses nesting deeper than 64 levels, in JSON and YAML, with the place', async () => {
    expect(await errorOf(project({'.copydeskrc.yaml': 'names:\n' + '  - '.repeat(1) + '- '.repeat(20_000) + 'x\n'}))).toMatch(
      /^\.copydeskrc\.yaml:2:\d+: Invalid YAML: nested more than 64 levels deep$/,
    )
    expect(await errorOf(project({'.copydeskrc.json': `{"names": ${'['.repeat(100)}${']'.repeat(100)}}`}))).toBe(
      '.copydeskrc.json:1:74: Invalid JSON: nested more than 64 levels deep',
    )
    // Brackets inside strings do not count.
    const root = project({'.copydeskrc.json': `{"names": ["${'[{'.repeat(100)}"]}`})
    expect((await loadConfigFor(undefined, {cwd: root})).names).toEqual(['[{'.repeat(100)])
  })

  it('refuses unknown YAML tags and duplicate keys', async () => {
    expect(await errorOf(project({'.copydeskrc.yaml': 'language: !lang en-GB\n'}))).toBe('.copydeskrc.yaml:1:11: Invalid YAML: Unresolved tag: !lang')
    expect(await errorOf(project({'.copydeskrc.yaml': 'language: en-GB\nlanguage: en-US\n'}))).toBe('.copydeskrc.yaml:2:1: Invalid YAML: Map keys must be unique')
  })

  it('a folder named like a configuration file is found, and reported', async () => {
    const root = project({'desk/a.txt': '', '.copydeskrc.json': '{"language": "en-GB"}'})
    mkdirSync(path.join(root, 'desk', '.copydeskrc.yaml'))
    expect(await errorOf(root, 'desk/a.txt')).toBe('desk/.copydeskrc.yaml: cannot read configuration file: not a regular file (directory)')
  })
})

describe('clearConfigCache', () => {
  it('reads a changed configuration file again', async () => {
    const {clearConfigCache} = await import('../../src/config/load.js')
    const root = project({'.copydeskrc.json': '{"language": "en-GB"}'})
    expect((await loadConfigFor(undefined, {cwd: root})).language).toBe('en-GB')
    writeFileSync(path.join(root, '.copydeskrc.json'), '{"language": "en-US"}')
    expect((await loadConfigFor(undefined, {cwd: root})).language).toBe('en-GB')
    clearConfigCache()
    expect((await loadConfigFor(undefined, {cwd: root})).language).toBe('en-US')
  })
})

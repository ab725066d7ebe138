/**
 * The server's handlers on their own, without a connection: which documents are prose, the
 * `ignore` globs, workspace folders, code-action kinds, and the linting loop (never a result
 * for a version older than the newest, pull requests answered for the version asked).
 */
import {describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {defaultConfig} from '../../src/config/defaults.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import {isCertain} from '../../src/fix/apply.js'
import {toDiagnostic} from '../../src/formatters/diagnostic.js'
import {codeActions} from '../../src/lsp/actions.js'
import {isIgnoredBy, isProse, type DocumentSetup} from '../../src/lsp/configuration.js'
import {Diagnostics, type Results} from '../../src/lsp/diagnostics.js'
import {Workspace} from '../../src/lsp/workspace.js'
import {lint} from '../../src/pipeline/lint.js'

describe('isProse', () => {
  it('goes by extension, and by language id without one', () => {
    const prose = (uri: string, languageId = 'plaintext') => isProse({uri, languageId})
    expect(prose('file:///d/story.txt')).toBe(true)
    expect(prose('file:///d/story.md', 'markdown')).toBe(true)
    expect(prose('file:///d/story.markdown', 'plaintext')).toBe(true)
    expect(prose('file:///d/NOTES')).toBe(true)
    expect(prose('file:///d/code.ts', 'typescript')).toBe(false)
    expect(prose('file:///d/data.json', 'plaintext')).toBe(false)
    expect(prose('file:///d/script.py', 'python')).toBe(false)
    expect(prose('untitled:Untitled-1', 'plaintext')).toBe(true)
    expect(prose('untitled:Untitled-2', 'python')).toBe(false)
  })
})

describe('isIgnoredBy', () => {
  const config: ResolvedConfig = {...defaultConfig('/desk'), ignore: ['archive/**', '*.draft.txt']}
  it('matches globs relative to the configuration folder', () => {
    expect(isIgnoredBy(config, '/desk/archive/2024/old.txt')).toBe(true)
    expect(isIgnoredBy(config, '/desk/notes.draft.txt')).toBe(true)
    expect(isIgnoredBy(config, '/desk/story.txt')).toBe(false)
    expect(isIgnoredBy(config, '/elsewhere/archive/old.txt')).toBe(false)
  })
})

describe('Workspace', () => {
  it('finds the deepest folder holding a draft', () => {
    const workspace = new Workspace('/cwd')
    workspace.set(['file:///a', 'file:///a/b'])
    expect(workspace.rootFor('/a/b/story.txt')).toBe('/a/b')
    expect(workspace.rootFor('/a/story.txt')).toBe('/a')
    expect(workspace.rootFor('/z/story.txt')).toBe('/z')
    workspace.change([], ['file:///a/b'])
    expect(workspace.rootFor('/a/b/story.txt')).toBe('/a')
    expect(workspace.rootFor(undefined)).toBe('/a')
  })
})

describe('codeActions', () => {
  it('answers fix-all from the results it is given, and nothing without them', async () => {
    const text = 'The media,stating that.\n'
    const document = TextDocument.create('file:///d/a.txt', 'plaintext', 1, text)
    const {messages} = await lint(text)
    const context = {diagnostics: [], only: ['source.fixAll']}
    expect(codeActions(document, context, messages, false)).toMatchObject([{kind: 'source.fixAll', title: 'Fix all certain problems'}])
    expect(codeActions(document, context, undefined, false)).toEqual([])
  })

  it('titles each quick fix as an editor would, with white space named', async () => {
    // One problem per rule that carries a fix; the titles of STYLE.md's table.
    const text = [
      'Talks resumed on the the same day in istanbul ,with officials.',
      'The media,stating that “We heard you,“ said Raman.',
      'Mako Rubio spoke.',
      'Staff(JS) came to Addis -Ababa at 10 am.',
      'The talks,, he said.',
      '',
    ].join('\n')
    const document = TextDocument.create('file:///d/a.txt', 'plaintext', 1, text)
    const {messages} = await lint(text)
    const diagnostics = messages.map((message) => toDiagnostic(message, isCertain))
    const titles = codeActions(document, {diagnostics, only: ['quickfix']}, messages, false)
      .filter((action) => action.edit)
      .map((action) => `${String(action.diagnostics?.[0].code)}: ${action.title}`)
    expect(titles).toEqual([
      'repeated-word: Remove the second `the`',
      'proper-noun-case: Change to `Istanbul`',
      'punctuation-spacing: Remove the space before `,`',
      'punctuation-spacing: Insert a space after `,`',
      // `you,“ said`: the rule reads the wrong-way quote as one that opens.
      'punctuation-spacing: Insert a space after `,`',
      'quotation: Change to `”`',
      'name-spelling: Change to `Marco`',
      'punctuation-spacing: Insert a space before `(`',
      'punctuation-spacing: Remove the space before `-`',
      'punctuation-spacing: Remove `-`',
      'house-style: Change to `10 a.m.`',
      'punctuation-spacing: Remove the second `,`',
    ])
    // A repeat across a line break is flagged on the second line; the title still sees the first.
    const wrapped = 'In the long negotiations that lasted late into the night they flew to the\nthe capital on Monday.\n'
    const second = TextDocument.create('file:///d/b.txt', 'plaintext', 1, wrapped)
    const found = (await lint(wrapped)).messages
    const repeat = found.filter((message) => message.ruleId === 'repeated-word').map((message) => toDiagnostic(message, isCertain))
    expect(codeActions(second, {diagnostics: repeat, only: ['quickfix']}, found, false).map((action) => action.title)).toEqual(['Remove the second `the`'])
  })
})

describe('Diagnostics', () => {
  const config = defaultConfig('/')
  const setup = (): Promise<DocumentSetup> => Promise.resolve({config, kind: 'text', path: undefined, root: '/'})

  it('publishes only the newest version, and a pull gets the version it asked for', async () => {
    let document = TextDocument.create('untitled:a', 'plaintext', 1, 'It is is late.\n')
    const published: Results[] = []
    const diagnostics = new Diagnostics({
      document: () => document,
      setup,
      publish: (_uri, results) => published.push(results),
      error: (text) => {
        throw new Error(text)
      },
    })
    diagnostics.changed('untitled:a')
    // Three edits while the first lint runs: only the last is published after the first.
    for (const [version, text] of [
      [2, 'It is is late. We we left.\n'],
      [3, 'It is late. We we left.\n'],
      [4, 'It is late. We left.\n'],
    ] as const) {
      await new Promise((resolve) => setImmediate(resolve))
      document = TextDocument.create('untitled:a', 'plaintext', version, text)
      diagnostics.changed('untitled:a')
    }
    const pulled = await diagnostics.pull('untitled:a')
    expect(pulled?.version).toBe(4)
    expect(pulled?.diagnostics).toEqual([])
    const versions = published.map((results) => results.version)
    expect(versions.at(-1)).toBe(4)
    expect([...versions].sort((a, b) => a - b)).toEqual(versions)
    expect(diagnostics.current('untitled:a')).toBe(pulled)
  })

  it.each(['text', 'markdown'] as const)('%s: a document with more messages than `maxMessages` shows the first ones, then where it stopped', async (kind) => {
    const limited = {...config, maxMessages: 3}
    const text = 'It is is late.\nWe we left.\nThey they came.\nShe she went.\nHe he ran.\n'
    const document = TextDocument.create('untitled:many', kind === 'text' ? 'plaintext' : 'markdown', 1, text)
    const diagnostics = new Diagnostics({
      document: () => document,
      setup: () => Promise.resolve({config: limited, kind, path: undefined, root: '/'}),
      error: (error) => {
        throw new Error(error)
      },
    })
    diagnostics.changed('untitled:many')
    const results = await diagnostics.pull('untitled:many')
    expect(results?.messages).toHaveLength(3)
    expect(results?.diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.severity, diagnostic.message])).toEqual([
      [0, 2, '`is` is repeated'],
      [1, 2, '`We` is repeated'],
      [2, 2, '`They` is repeated'],
      [
        2,
        3,
        'stopped after 3 messages, at line 3: the rest of the draft is not reported (the limit is `maxMessages` in the configuration, or `--max-messages`; -1 reports every message)',
      ],
    ])
  })

  it("reports a document over its configuration's maxDraftSize (default 1 MiB) instead of linting it", async () => {
    const messagesOf = async (text: string, limited = config) => {
      const document = TextDocument.create('untitled:big', 'plaintext', 1, text)
      const diagnostics = new Diagnostics({
        document: () => document,
        setup: () => Promise.resolve({config: limited, kind: 'text', path: undefined, root: '/'}),
        error: () => undefined,
      })
      diagnostics.changed('untitled:big')
      return (await diagnostics.pull('untitled:big'))?.diagnostics.map((diagnostic) => diagnostic.message)
    }
    const hint = '; raise it with `maxDraftSize` in the configuration (at most 4 MiB)'
    const at1MiB = 'expected a draft of at most 1,048,576 bytes (1 MiB)'
    expect(await messagesOf('x'.repeat(1024 * 1024 + 1))).toEqual([`Document too large to proofread (1,048,577 bytes), ${at1MiB}${hint}`])
    // Counted in UTF-8 bytes, as the CLI counts a file: 350,000 three-byte characters.
    expect(await messagesOf('€'.repeat(350_000))).toEqual([`Document too large to proofread (1,050,000 bytes), ${at1MiB}${hint}`])
    expect(await messagesOf('Talks went on on Monday.\n', {...config, maxDraftBytes: 16})).toEqual([
      `Document too large to proofread (25 bytes), expected a draft of at most 16 bytes${hint}`,
    ])
    expect(await messagesOf('x'.repeat(4 * 1024 * 1024 + 1), {...config, maxDraftBytes: 4 * 1024 * 1024})).toEqual([
      'Document too large to proofread (4,194,305 bytes), expected a draft of at most 4,194,304 bytes (4 MiB)',
    ])
  })
})

/** Markdown drafts: only prose is proofread, positions point into the file, control comments. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import type {Nodes as NlcstNodes} from 'nlcst'
import remarkParse from 'remark-parse'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {EditMap} from 'micromark-util-edit-map'
import {certainEdits, fix} from '../src/fix/apply.js'
import {getFormatter} from '../src/formatters/index.js'
import {consume, originalConsume} from '../src/pipeline/edit-map.js'
import {alignSpans, alignText, capNesting, markdownToNlcst, maxPrefixColumns} from '../src/pipeline/markdown.js'
import {lint} from '../src/pipeline/lint.js'
import {defaultConfig} from '../src/config/defaults.js'
import {rules} from '../rules/index.js'
import type {MessageFields} from '../src/rule.js'

async function check(text: string) {
  const file = await lint(text, {path: 'draft.md'})
  return file.messages.map((message) => {
    const place = message.place as {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}
    const actual = (message as typeof message & MessageFields).actual
    // The flagged text is exactly the file's text at the message's place.
    if (message.ruleId) expect(text.slice(place.start.offset, place.end.offset)).toBe(actual)
    return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column} ${message.ruleId ?? ''} ${actual}`
  })
}

describe('Markdown', () => {
  it('flags prose and nothing in code, inline code, front matter, HTML, URLs or autolinks', async () => {
    const text = [
      '---',
      'title: the the draft,with errors',
      '---',
      '',
      'Talks resumed on the the same day,officials said.',
      '',
      'Run `npm install the the` and see <https://example.com/a,b>, <news@example.org> or [the site](https://x.com/the,the).',
      '',
      '```',
      'the the code,block',
      '```',
      '',
      '    indented the the code',
      '',
      '<div>the the html,here</div>',
      '',
      '+++',
    ].join('\n')
    expect(await check(text)).toEqual(['5:18-5:25 repeated-word the the', '5:34-5:35 punctuation-spacing ,'])
  })

  it('reads TOML front matter as front matter', async () => {
    expect(await check('+++\ntitle = "the the"\n+++\n\nA clean line.\n')).toEqual([])
  })

  it('points into the file where Markdown dropped characters (quotes, lists, escapes, references)', async () => {
    const text = [
      '> The quote starts here',
      '> and the the quote goes on.',
      '',
      '- A list item',
      '  that continues on the the next line.',
      '',
      'AT&amp;T and \\*stars\\* said the the thing.',
      '',
      'A line with spaces   ',
      'then the the break.',
    ].join('\n')
    expect(await check(text)).toEqual([
      '2:7-2:14 repeated-word the the',
      '5:21-5:28 repeated-word the the',
      '7:29-7:36 repeated-word the the',
      '10:6-10:13 repeated-word the the',
    ])
  })

  it('gives the same positions with CRLF line endings', async () => {
    const lf = '# Title\n\n> The quote\n> and the the end.\n'
    const crlf = lf.replace(/\n/g, '\r\n')
    expect(await check(crlf)).toEqual(await check(lf))
  })

  it('treats headings as headlines and paragraphs as prose', async () => {
    const file = await lint('# Trump Seeks Talks\n\nTalks resumed today.\n', {path: 'a.md'})
    expect(file.data.headingRanges).toEqual([[0, 19]])
  })

  it('does not end a sentence at an abbreviation (parse-english, not parse-latin)', async () => {
    expect(await check('Dr. Smith met U.S. officials on Monday.\n')).toEqual([])
  })

  it('applies control comments: disable, enable, disable-next-line, with and without ids', async () => {
    const text = [
      '<!-- copydesk-disable repeated-word -->',
      '',
      'One the the here.',
      '',
      '<!-- copydesk-enable repeated-word -->',
      '',
      'Two the the here.',
      '',
      '<!-- copydesk-disable-next-line -->',
      'Three the the here,now.',
      'Four the the here.',
      '',
      '<!-- copydesk-disable -->',
      '',
      'Five the the here,now.',
      '',
      '<!-- copydesk-enable -->',
      '',
      'Six the the here.',
      '',
      '<!-- copydesk-disable-next-line punctuation-spacing -->',
      'Seven the the here,now.',
    ].join('\n')
    expect(await check(text)).toEqual([
      '7:5-7:12 repeated-word the the',
      '11:6-11:13 repeated-word the the',
      '19:5-19:12 repeated-word the the',
      '22:7-22:14 repeated-word the the',
    ])
  })

  it('warns about an unknown rule in a control comment', async () => {
    const file = await lint('<!-- copydesk-disable sentance-case -->\n\nText.\n', {path: 'a.md'})
    expect(file.messages.map((message) => message.reason)).toEqual([
      expect.stringMatching(/^Unknown rule `sentance-case` in control comment, expected one of `punctuation-spacing`/),
    ])
    expect(file.messages[0].fatal).toBe(false)
  })

  it('proofreads the Markdown samples: the clean one has no messages, the dirty one only prose', async () => {
    const clean = readFileSync(new URL('../samples/press-freedom-clean.md', import.meta.url), 'utf8')
    expect(await check(clean)).toEqual([])
    const dirty = readFileSync(new URL('../samples/harbor-vote-dirty.md', import.meta.url), 'utf8')
    const lines = dirty.split('\n')
    const messages = await check(dirty)
    expect(messages.length).toBeGreaterThan(0)
    // No message falls in front matter, a code block or on a line that is only a link or HTML.
    const fence = lines.findIndex((line) => line.startsWith('```'))
    const fenceEnd = lines.findIndex((line, index) => index > fence && line.startsWith('```'))
    const frontEnd = lines.indexOf('---', 1)
    for (const message of messages) {
      const line = Number(message.split(':')[0])
      expect(line > frontEnd + 1).toBe(true)
      expect(line > fence && line <= fenceEnd + 1).toBe(false)
    }
  })
})

describe('alignText', () => {
  it('maps parsed characters back to the source', () => {
    expect(alignText('a\nb', 'a\n> b')).toEqual([0, 1, 4, 5])
    expect(alignText('AT&T', 'AT&amp;T')).toEqual([0, 1, 2, 7, 8])
    expect(alignText('*x*', '\\*x\\*')).toEqual([1, 2, 4, 5])
    expect(alignText('©!', '&copy;!')).toEqual([0, 6, 7])
  })
})

/** The text at a message's place. */
function placed(text: string, message: {place?: unknown}): string {
  const place = message.place as {start: {offset: number}; end: {offset: number}}
  return text.slice(place.start.offset, place.end.offset)
}

describe('positions realigned to the file', () => {
  it('places every token of a block quote on its text, with one point object per token boundary', () => {
    // Realigning made two new points for every node (a quote of 1 MB: some 100 MB of them).
    const text = '> a b\n> c *d*\n> > e &amp; f\n\n'.repeat(500)
    const file = new VFile({value: text, path: 'quote.md'})
    const root = markdownToNlcst(unified().use(remarkParse).parse(file), file, unified().use(retextEnglish))
    const points = new Set<object>()
    let tokens = 0
    const walk = (node: NlcstNodes) => {
      if (node.position) points.add(node.position.start).add(node.position.end)
      if ('children' in node) for (const child of node.children) walk(child)
      else {
        tokens++
        if (node.type === 'TextNode') expect(text.slice(node.position?.start.offset, node.position?.end.offset)).toBe(node.value === '&' ? '&amp;' : node.value)
      }
    }
    walk(root)
    expect(tokens).toBeGreaterThan(5000)
    expect(points.size).toBeLessThan(tokens * 1.5)
  })
})

describe('a range covers exactly its `actual`, or the message carries no fix (issue 17, finding 13)', () => {
  it('ends a word with a character reference after the reference, not at its `&`', async () => {
    const text = 'A caf&eacute; caf&eacute; here.\n'
    const file = await lint(text, {path: 'a.md'})
    const message = file.messages.find((m) => m.ruleId === 'repeated-word')!
    expect(placed(text, message)).toBe('caf&eacute; caf&eacute;')
    expect(alignSpans('café', 'caf&eacute;')).toEqual({starts: [0, 1, 2, 3, 11], ends: [1, 2, 3, 11]})
  })

  it('keeps a message across a link or emphasis but drops its suggestions, so nothing deletes the markup', async () => {
    for (const text of ['See [the](https://example.com) the end.\n', 'He said *the* the end.\n', 'A caf&eacute; caf&eacute; here.\n']) {
      const file = await lint(text, {path: 'a.md'})
      const message = file.messages.find((m) => m.ruleId === 'repeated-word')!
      const fields = message as typeof message & MessageFields
      expect(placed(text, message)).not.toBe(fields.actual)
      expect(fields.expected).toEqual([])
      expect(fields.fix).toBe(false)
      expect(certainEdits(text, [message])).toEqual([])
      const [json] = JSON.parse((await getFormatter('json'))!([file], {rules, cwd: '/', color: false})) as Array<{
        messages: Array<{rule: string; suggestions: string[]; fix: boolean}>
      }>
      expect(json.messages.find((m) => m.rule === 'repeated-word')).toMatchObject({suggestions: [], fix: false})
      const sarif = JSON.parse((await getFormatter('sarif'))!([file], {rules, cwd: '/', color: false})) as {runs: Array<{results: Array<{ruleId: string; fixes?: unknown[]}>}>}
      expect(sarif.runs[0].results.find((r) => r.ruleId === 'repeated-word')?.fixes).toBeUndefined()
    }
  })

  it('keeps the fix where the range is the text (plain `the the` in Markdown)', async () => {
    const text = 'See the the end.\n'
    const file = await lint(text, {path: 'a.md'})
    expect((file.messages[0] as (typeof file.messages)[0] & MessageFields).expected).toEqual(['the'])
    expect((await fix(text, {path: 'a.md'})).output).toBe('See the end.\n')
  })
})

describe('nesting and size: no draft in the size limit takes minutes (issue 17, finding 11)', () => {
  // Parsing only: every rule off (some rules' own cost is another finding's business).
  const base = defaultConfig('/')
  const parseOnly = {...base, rules: Object.fromEntries(Object.keys(base.rules).map((id) => [id, ['off'] as const]))}
  const cpu = async (text: string, config = defaultConfig('/')) => {
    const before = process.cpuUsage()
    const file = await lint(text, {path: 'deep.md', config})
    const used = process.cpuUsage(before)
    return {file, seconds: (used.user + used.system) / 1e6}
  }

  it('reads list markers past the nesting cap as text, with positions in the file', async () => {
    // 5,000 `- ` on one line: micromark's cost is the square of the depth (2,000 took 3 s).
    const text = '- '.repeat(5000) + 'a ther word\n'
    const {file, seconds} = await cpu(text)
    expect(seconds).toBeLessThan(10)
    const spelling = file.messages.filter((m) => m.ruleId === 'spelling')
    expect(spelling.map((m) => placed(text, m))).toEqual(['ther'])
    const capped = capNesting(text)
    expect(maxPrefixColumns).toBe(32)
    expect(capped.text.length).toBe(text.length)
    expect(capped.text.slice(0, maxPrefixColumns)).toBe(text.slice(0, maxPrefixColumns))
    expect(capped.text.slice(maxPrefixColumns, 10_000)).not.toMatch(/[- ]/)
    expect(capNesting('- a\n  - b\n').text).toBe('- a\n  - b\n')
  })

  it('parses a long nested list in linear time (micromark copied every event per line)', async () => {
    // 100 KB of `- a point` / `  - a sub point`: minutes before, seconds after.
    const text = '- a point\n  - a sub point\n'.repeat(4000)
    const {file, seconds} = await cpu(text, parseOnly)
    expect(seconds).toBeLessThan(30)
    expect(file.messages).toEqual([])
  }, 120_000)

  it('the faster EditMap#consume gives the same events as micromark’s, and micromark uses it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), {maxLength: 40}),
        fc.array(fc.tuple(fc.nat(45), fc.nat(5), fc.array(fc.integer(), {maxLength: 3})), {maxLength: 6}),
        (events, edits) => {
          const apply = (consume: typeof originalConsume) => {
            const map = new EditMap()
            for (const [at, remove, add] of edits) map.add(Math.min(at, events.length), remove, [...add] as never[])
            const copy = [...events] as never[]
            consume.call(map, copy)
            return copy
          }
          expect(JSON.stringify(apply(consume))).toBe(JSON.stringify(apply(originalConsume)))
        },
      ),
      {numRuns: 200},
    )
    // eslint-disable-next-line @typescript-eslint/unbound-method -- compared, never called: the patch is installed.
    expect(EditMap.prototype.consume).toBe(consume)
  })

  it('micromark’s own edits go through that EditMap (one copy of the package)', async () => {
    let calls = 0
    EditMap.prototype.consume = function (this: EditMap, events) {
      calls++
      return consume.call(this, events)
    }
    try {
      await lint('- a point\n  - a sub point\n- a point\n', {path: 'a.md'})
    } finally {
      EditMap.prototype.consume = consume
    }
    expect(calls).toBeGreaterThan(0)
  })
})

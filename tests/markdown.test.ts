/** Markdown drafts: only prose is proofread, positions point into the file, control comments. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {alignText} from '../src/pipeline/markdown.js'
import {lint} from '../src/pipeline/lint.js'
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

import {describe, expect, it} from 'vitest'
import {escapeHtml, html} from '../../src/formatters/html.js'
import {lint} from '../../src/pipeline/lint.js'
import {context, sampleFiles} from './files.js'

describe('--format html', () => {
  const page = html(sampleFiles(), context)

  it('is one self-contained page: inline CSS, no scripts, no external assets', () => {
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).toContain('<style>')
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i)
    expect(page).not.toMatch(/src=/)
  })

  it('escapes the drafts: a <script> in a draft is shown, never run', () => {
    // The Markdown draft's HTML is shown as code, escaped.
    expect(page).toContain('Embed <code class="html">&#x3C;script></code>alert("x")<code class="html">&#x3C;/script></code>')
    const [plain] = sampleFiles()
    plain.value = 'Embed <script>alert("x")</script> here.\n'
    plain.messages = []
    expect(html([plain], context)).toContain('Embed &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; here.')
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;')
  })

  it('highlights each problem in place, numbered, with its note and suggestions', () => {
    expect(page).toMatch(/<mark class="hl warning r\d+">the the<span class="tip"/)
    expect(page).toMatch(/<mark class="hl error r\d+">Mako<span class="tip"/)
    expect(page).toMatch(/<mark class="hl warning r\d+">in in<span class="tip"/)
    expect(page).toContain('href="#f1-n1">1</a>')
    expect(page).toContain('id="f1-n1"')
    expect(page).toContain('<span class="chip first">Marco</span>')
    expect(page).toContain('<span class="fix">auto-fix</span>')
    // Messages keep their code spans, escaped.
    expect(page).toContain('House style: <code>100 percent</code>, not <code>100%</code>')
  })

  it('counts problems per rule on top and indexes several files', () => {
    expect(page).toContain('<b>4 problems in 2 files</b>')
    expect(page).toMatch(/<code>repeated-word<\/code><b>2<\/b>/)
    expect(page).toMatch(/<code>name-spelling<\/code><b>1<\/b>/)
    expect(page).toContain('<nav class="index">')
    expect(page).toContain('href="#file-2">drafts/web.md</a>')
  })

  it('leaves out the index for one file and says when there is nothing to fix', () => {
    const [file] = sampleFiles()
    file.messages = []
    const clean = html([file], context)
    expect(clean).not.toContain('<nav class="index">')
    expect(clean).toContain('<b>no problems</b>')
    // A clean draft is folded away, still there to open.
    expect(clean).toMatch(/<details><summary><h2>.*no problems/)
    expect(clean).toContain('Talks resumed on the the same day.')
  })

  it('cuts overlapping problems at every boundary', () => {
    const [file] = sampleFiles()
    // A second, wider problem over `on the the same`.
    const wide = file.message('Unexpected phrase', {place: {start: {line: 1, column: 15}, end: {line: 1, column: 30}}, ruleId: 'house-style'})
    wide.fatal = false
    file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    const page = html([file], context)
    expect(page).toMatch(/<mark class="hl warning r\d+">on <span class="tip"/)
    expect(page).toMatch(/<mark class="hl warning r\d+ stacked">the the<span class="tip"/)
    expect(page).toMatch(/<mark class="hl warning r\d+"> same<span class="tip"/)
  })
})

describe('--format html on a Markdown draft', () => {
  const draft = [
    '---',
    'title: Talks',
    '---',
    '# Talks in Istanbul',
    '',
    'He flew to istanbul on **monday**, said the *the* spokesman, [Dmitry Peskov](https://example.com/peskov).',
    '',
    '- A list item with media,stating things.',
    '- Code `the the` and a [bad link](javascript:alert(1)) stay as they are.',
    '',
    '> A quote &amp; more.',
    '',
    '![Photo of istanbul](https://example.com/x.png)',
    '',
  ].join('\n')

  async function render(): Promise<string> {
    return html([await lint(draft, {path: 'drafts/talks.md'})], context)
  }

  it('renders the draft as it reads: headings, emphasis, lists, links, quotes, front matter', async () => {
    const page = await render()
    expect(page).toMatch(/<h1>Talks in Istanbul<\/h1>/)
    expect(page).toMatch(/<ul>\s*<li>A list item with media/)
    expect(page).toContain('<a href="https://example.com/peskov">Dmitry Peskov</a>')
    expect(page).toMatch(/<blockquote>\s*<p>A quote &#x26; more.<\/p>\s*<\/blockquote>/)
    expect(page).toContain('<code>the the</code>')
    expect(page).toMatch(/<pre class="frontmatter"><code>---\ntitle: Talks\n---<\/code><\/pre>/)
  })

  it('keeps each highlight on its text, across emphasis too', async () => {
    const page = await render()
    expect(page).toMatch(/He flew to <mark class="hl warning r\d+">istanbul<span class="tip"/)
    expect(page).toMatch(/<strong><mark class="hl warning r\d+">monday<span class="tip"/)
    // `the *the*`: one problem over plain text and emphasis, marked in both.
    expect(page).toMatch(/<mark class="hl warning r\d+">the <span class="tip".*?<em><mark class="hl warning r\d+">the<span class="tip"/s)
    expect(page).toMatch(/media<mark class="hl warning r\d+">,<span class="tip"/)
    // Every problem has its numbered note and its numbered tag in the text.
    const {messages} = await lint(draft, {path: 'drafts/talks.md'})
    expect(messages.length).toBeGreaterThanOrEqual(4)
    expect(page.match(/<li class="note /g)?.length).toBe(messages.length)
    expect(page.match(/<a class="tag /g)?.length).toBe(messages.length)
  })

  it('keeps the page self-contained and safe: no script links, no images', async () => {
    const page = await render()
    expect(page).not.toMatch(/javascript:/)
    expect(page).toContain('<a>bad link</a>')
    expect(page).not.toMatch(/<img|src=/)
    expect(page).toMatch(/<span class="image">\[Photo of <mark class="hl warning r\d+">istanbul<span class="tip".*?<\/mark><a class="tag warning"[^>]*>\d+<\/a>\]<\/span>/)
  })
})

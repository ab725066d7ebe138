import {describe, expect, it} from 'vitest'
import {escapeHtml, html} from '../../src/formatters/html.js'
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
    expect(page).toContain('Embed &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;')
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
    expect(page).toContain('Unexpected <code>100%</code>, expected <code>100 percent</code>')
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

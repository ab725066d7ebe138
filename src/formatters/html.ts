/**
 * `--format html`: one self-contained page (inline CSS, no scripts, no external assets) that
 * shows each draft as it reads, with its problems highlighted in place — colour per rule,
 * underline per severity, a tooltip on hover — and numbered notes in the margin beside each
 * paragraph, under counts per rule and, for several files, an index of the files.
 * Every piece of the draft is escaped: a draft may contain `<script>`.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {statistics} from 'vfile-statistics'
import {isCertain} from '../fix/certain.js'
import type {MessageFields, Severity} from '../rule.js'
import {location} from 'vfile-location'
import {renderMarkdownRows, type MarkdownSpan} from './html-markdown.js'
import {fileName, messagePoints, severityOf, stoppedReason} from './message.js'
import type {Formatter} from './types.js'

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** Soft highlight colours, one per rule in registry order (then round again). */
const palette = ['#ffe08a', '#b8e0ff', '#ffc4d6', '#c8f0c0', '#e2ccff', '#ffd2a8', '#b5ece6', '#f3c9f0', '#dfe6a0', '#d0d6e8']

const severityOrder: Record<Severity, number> = {error: 0, warning: 1, info: 2}

interface Note {
  readonly number: number
  readonly message: VFileMessage
  readonly severity: Severity
  readonly ruleClass: string
}

/** The HTML report. */
export const html: Formatter = (files, context) => {
  const ruleIds = [...context.rules.map((rule) => rule.id)]
  for (const file of files) for (const message of file.messages) if (!ruleIds.includes(ruleIdOf(message))) ruleIds.push(ruleIdOf(message))
  const ruleClass = (id: string) => `r${ruleIds.indexOf(id)}`
  const descriptions = new Map(context.rules.map((rule) => [rule.id, rule.meta.description]))

  const all = files.flatMap((file) => file.messages)
  const stats = statistics(all)
  const bySeverity = {error: stats.fatal, warning: stats.warn, info: stats.info}
  const byRule = new Map<string, number>()
  for (const message of all) {
    byRule.set(ruleIdOf(message), (byRule.get(ruleIdOf(message)) ?? 0) + 1)
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const title = all.length === 0 ? 'no problems' : `${plural(all.length, 'problem')} in ${plural(files.length, 'file')}`

  const ruleStyles = ruleIds.map((id, index) => `.r${index}{--c:${palette[index % palette.length]}}`).join('')
  const rulesList = [...byRule]
    .sort((a, b) => b[1] - a[1] || ruleIds.indexOf(a[0]) - ruleIds.indexOf(b[0]))
    .map(
      ([id, count]) =>
        `<li class="${ruleClass(id)}"><span class="swatch"></span><code>${escapeHtml(id)}</code><b>${count}</b><span class="desc">${withCode(descriptions.get(id) ?? '')}</span></li>`,
    )
    .join('')
  const severities = (['error', 'warning', 'info'] as const)
    .filter((severity) => bySeverity[severity] > 0)
    .map((severity) => `<span class="pill ${severity}">${severity === 'info' ? `${bySeverity[severity]} info` : plural(bySeverity[severity], severity)}</span>`)
    .join(' ')
  const index =
    files.length > 1
      ? `<nav class="index"><h2>Files</h2><ol>${files
          .map(
            (file, position) =>
              `<li><a href="#file-${position + 1}">${escapeHtml(fileName(file))}</a> <span class="count${file.messages.length === 0 ? ' clean' : ''}">${file.messages.length === 0 ? 'clean' : plural(file.messages.length, 'problem')}</span></li>`,
          )
          .join('')}</ol></nav>`
      : ''

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>copydesk: ${escapeHtml(title)}</title>
<style>${css}${ruleStyles}</style>
</head>
<body>
<header class="top">
<h1>copydesk <span>proof report</span></h1>
<p class="summary"><b>${escapeHtml(title)}</b> ${severities}</p>
${rulesList ? `<ul class="rules">${rulesList}</ul>` : ''}
${index}
</header>
<main>
${files.map((file, position) => renderFile(file, position + 1, ruleClass)).join('\n')}
</main>
<footer>Hover a highlight for its message, or follow its number to the note in the margin. <span class="fix">auto-fix</span> marks what <code>copydesk lint --fix</code> applies.</footer>
</body>
</html>
`
}

function renderFile(file: VFile, position: number, ruleClass: (id: string) => string): string {
  const text = String(file.value ?? '')
  const lines = text.split(/\r?\n|\r/)
  const notes: Note[] = file.messages.map((message, index) => ({
    number: index + 1,
    message,
    severity: severityOf(message),
    ruleClass: ruleClass(ruleIdOf(message)),
  }))
  const id = `f${position}`
  const rows = isMarkdown(file)
    ? renderMarkdown(text, notes, id)
    : lines.map((line, index) => {
        const lineNumber = index + 1
        const here = notes.filter((note) => {
          const {start, end} = messagePoints(note.message)
          return start.line <= lineNumber && lineNumber <= Math.max(end.line, start.line)
        })
        const ending = here.filter((note) => lastLine(note) === lineNumber)
        if (line.trim() === '' && here.length === 0) return '<div class="row gap"></div>'
        return `<div class="row${ending.length > 0 ? ' flagged' : ''}"><span class="ln">${lineNumber}</span><p class="text">${renderLine(line, lineNumber, here, id)}</p>${
          ending.length > 0 ? `<ol class="notes">${ending.map((note) => renderNote(note, id)).join('')}</ol>` : '<div class="notes"></div>'
        }</div>`
      })
  const count = file.messages.length
  const heading = `<span class="name">${escapeHtml(fileName(file))}</span> <span class="count${count === 0 ? ' clean' : ''}">${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}`}</span>`
  // A draft cut at its message limit says where, above its text.
  const stopped = file.data.copydeskStopped ? `<p class="stopped">${escapeHtml(stoppedReason(file.data.copydeskStopped))}</p>\n` : ''
  const proof = `${stopped}<div class="proof">\n${rows.join('\n')}\n</div>`
  // A clean draft is folded away (a click opens it): the page is for the drafts that need work.
  if (count === 0) return `<section class="file" id="file-${position}"><details><summary><h2>${heading}</h2></summary>\n${proof}\n</details></section>`
  return `<section class="file" id="file-${position}">\n<h2>${heading}</h2>\n${proof}\n</section>`
}

function isMarkdown(file: VFile): boolean {
  return /\.(md|markdown)$/i.test(file.path ?? '')
}

/** A Markdown draft as it reads: one row per block, its notes in the margin. */
function renderMarkdown(text: string, notes: readonly Note[], id: string): string[] {
  const points = location(text)
  const offset = (point: {line: number; column: number}) => points.toOffset(point) ?? text.length
  const spans: Array<MarkdownSpan<Note>> = notes.map((note) => {
    const {start, end} = messagePoints(note.message)
    const from = offset(start)
    return {note, from, to: Math.max(from, offset(end))}
  })
  const rows = renderMarkdownRows(text, spans, {
    markClass: (covering) => `hl ${covering[0].severity} ${covering[0].ruleClass}${covering.length > 1 ? ' stacked' : ''}`,
    tip,
    tag: (note) => `<a class="tag ${note.severity}" id="${id}-m${note.number}" href="#${id}-n${note.number}">${note.number}</a>`,
  })
  return rows.map((row) => {
    const ending = [...row.notes].sort((a, b) => a.number - b.number)
    return `<div class="row md${ending.length > 0 ? ' flagged' : ''}"><span class="ln">${row.line}</span><div class="text md">${row.html || '&nbsp;'}</div>${
      ending.length > 0 ? `<ol class="notes">${ending.map((note) => renderNote(note, id)).join('')}</ol>` : '<div class="notes"></div>'
    }</div>`
  })
}

/** A line with its flagged spans wrapped in marks; overlapping spans are cut at every boundary. */
function renderLine(line: string, lineNumber: number, notes: readonly Note[], id: string): string {
  const spans = notes.map((note) => {
    const {start, end} = messagePoints(note.message)
    const from = start.line === lineNumber ? Math.min(start.column - 1, line.length) : 0
    const to = end.line === lineNumber ? Math.min(Math.max(end.column - 1, from), line.length) : end.line > lineNumber ? line.length : from
    return {note, from, to}
  })
  const cuts = [...new Set([0, line.length, ...spans.flatMap((span) => [span.from, span.to])])].sort((a, b) => a - b)
  let out = ''
  const points = (at: number) =>
    spans
      .filter((span) => span.from === at && span.to === at)
      .map((span) => `<mark class="hl point ${span.note.severity} ${span.note.ruleClass}">‸${tip(span.note)}</mark>${tag(span.note, id, lineNumber)}`)
      .join('')
  for (let index = 0; index < cuts.length - 1; index++) {
    const from = cuts[index]
    const to = cuts[index + 1]
    out += points(from)
    const covering = spans.filter((span) => span.from <= from && span.to >= to && span.from < span.to)
    const piece = escapeHtml(line.slice(from, to))
    if (covering.length === 0) out += piece
    else {
      // The narrowest (then most serious) problem gives the colour; a wider one shows as a second underline.
      const primary = [...covering].sort((a, b) => a.to - a.from - (b.to - b.from) || severityOrder[a.note.severity] - severityOrder[b.note.severity])[0]
      const stacked = covering.length > 1 ? ' stacked' : ''
      out += `<mark class="hl ${primary.note.severity} ${primary.note.ruleClass}${stacked}">${piece}${tip(primary.note)}</mark>`
    }
    for (const span of spans) if (span.to === to && span.from < span.to && lastLine(span.note) === lineNumber) out += tag(span.note, id, lineNumber)
  }
  out += points(line.length === 0 ? 0 : cuts.at(-1)!)
  return out || '&nbsp;'
}

function tag(note: Note, id: string, lineNumber: number): string {
  // The number goes where the problem ends, on its last line only.
  if (lastLine(note) !== lineNumber) return ''
  return `<a class="tag ${note.severity}" id="${id}-m${note.number}" href="#${id}-n${note.number}">${note.number}</a>`
}

function tip(note: Note): string {
  const fields = note.message as VFileMessage & MessageFields
  const suggestions = fields.expected ?? []
  const rule = escapeHtml(ruleIdOf(note.message))
  return `<span class="tip" role="tooltip"><span class="tip-head"><span class="sev ${note.severity}">${note.severity}</span> <code>${rule}</code></span>${withCode(
    note.message.reason,
  )}${suggestions.length > 0 ? `<span class="tip-fix">→ ${suggestions.map((text) => `<b>${showSpaces(text)}</b>`).join(', ')}</span>` : ''}</span>`
}

function renderNote(note: Note, id: string): string {
  const fields = note.message as VFileMessage & MessageFields
  const suggestions = fields.expected ?? []
  const rule = escapeHtml(ruleIdOf(note.message))
  const ruleLink = note.message.url ? `<a class="rule" href="${escapeHtml(note.message.url)}">${rule}</a>` : `<span class="rule">${rule}</span>`
  const chips = suggestions.map((text, index) => `<span class="chip${index === 0 ? ' first' : ''}">${showSpaces(text)}</span>`).join('')
  const fix = isCertain(note.message) ? ' <span class="fix">auto-fix</span>' : ''
  const extra = note.message.note ? `<p class="extra">${withCode(note.message.note)}</p>` : ''
  return `<li class="note ${note.severity} ${note.ruleClass}" id="${id}-n${note.number}"><a class="num ${note.severity}" href="#${id}-m${note.number}">${note.number}</a><div><p class="msg">${withCode(
    note.message.reason,
  )}</p>${extra}<p class="meta">${chips}<span class="swatch"></span>${ruleLink}${fix}</p></div></li>`
}

/** A replacement as shown: spaces at its ends made visible (`, ` is not `,`), an empty one as “remove”. */
function showSpaces(text: string): string {
  if (text === '') return '<i>remove</i>'
  const space = '<span class="space">␣</span>'
  const [, lead, middle, trail] = /^( *)([\s\S]*?)( *)$/.exec(text)!
  return space.repeat(lead.length) + escapeHtml(middle) + space.repeat(trail.length)
}

/** Escape a message and show its backticked parts as code. */
function withCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]*)`/g, '<code>$1</code>')
}

function ruleIdOf(message: VFileMessage): string {
  return message.ruleId ?? 'copydesk'
}

function lastLine(note: Note): number {
  const {start, end} = messagePoints(note.message)
  return Math.max(start.line, end.line)
}

const css = `
:root{--ink:#1d1f23;--muted:#6b7078;--paper:#fffdf8;--rule-line:#e6e1d6;--error:#d1242f;--warning:#c77700;--info:#2f6fd6}
*{box-sizing:border-box}
body{margin:0;background:#f1efe9;color:var(--ink);font:15px/1.45 "Segoe UI",Helvetica,Arial,"Liberation Sans","DejaVu Sans",sans-serif}
code{font:0.88em/1 "DejaVu Sans Mono","Liberation Mono",Menlo,Consolas,monospace;background:#f0ece2;border-radius:3px;padding:0 3px}
.top{max-width:1240px;margin:0 auto;padding:22px 28px 6px}
h1{font-size:22px;margin:0 0 4px;letter-spacing:.2px}h1 span{color:var(--muted);font-weight:400}
.summary{margin:0 0 12px;font-size:16px}
.pill{display:inline-block;border-radius:999px;padding:1px 9px;font-size:13px;color:#fff;margin-left:4px}
.pill.error{background:var(--error)}.pill.warning{background:var(--warning)}.pill.info{background:var(--info)}
.rules{list-style:none;margin:0 0 10px;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.rules li{display:flex;align-items:center;gap:7px;background:#fff;border:1px solid var(--rule-line);border-radius:8px;padding:5px 10px}
.rules b{font-size:16px}.rules .desc{color:var(--muted);font-size:12.5px;max-width:260px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;background:var(--c);border:1px solid rgba(0,0,0,.15);vertical-align:-1px}
.index{background:#fff;border:1px solid var(--rule-line);border-radius:8px;padding:8px 14px;margin:6px 0 8px}
.index h2{font-size:13px;text-transform:uppercase;letter-spacing:.6px;color:var(--muted);margin:0 0 4px}
.index ol{margin:0;padding-left:22px;columns:2}.index a{color:var(--ink)}
.count{font-size:12.5px;color:#fff;background:var(--warning);border-radius:999px;padding:1px 8px;font-weight:400;white-space:nowrap}
.count.clean{background:#2e8b57}
.stopped{margin:0 0 8px;padding:6px 10px;border-left:3px solid var(--warning);background:#fff8e6;font-size:13.5px}
main{max-width:1240px;margin:0 auto;padding:0 28px 20px}
.file{background:var(--paper);border:1px solid var(--rule-line);border-radius:10px;margin:14px 0 22px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
.file summary{list-style:none;cursor:pointer}.file summary::-webkit-details-marker{display:none}.file summary h2::after{content:"show";margin-left:auto;font-size:12px;font-weight:400;color:var(--muted)}.file details[open] summary h2::after{content:"hide"}
.file h2{margin:0;padding:12px 20px;border-bottom:1px solid var(--rule-line);font-size:16px;display:flex;align-items:center;gap:10px}
.file h2 .name{font-family:"DejaVu Sans Mono","Liberation Mono",monospace;font-size:14px}
.proof{padding:10px 0}
.row{display:grid;grid-template-columns:44px minmax(0,1fr) 340px;gap:0 18px;padding:3px 20px 3px 0}
.row.gap{height:8px;padding:0}
.row.flagged{background:linear-gradient(90deg,rgba(0,0,0,0) 0,rgba(0,0,0,0) 100%)}
.ln{color:#b3ada0;font:12px/2.2 "DejaVu Sans Mono",monospace;text-align:right;user-select:none}
.text{margin:0;font:17px/1.75 Georgia,"Liberation Serif","DejaVu Serif",serif;white-space:pre-wrap;overflow-wrap:anywhere}
.notes{list-style:none;margin:0;padding:2px 0 6px 14px;border-left:2px solid var(--rule-line);font-size:13px}
.note{display:flex;gap:8px;margin:2px 0 7px;scroll-margin-top:30px}
.note p{margin:0}.msg{line-height:1.35}
.note:target{background:#fff6cf;border-radius:6px;outline:4px solid #fff6cf}
.num,.tag{display:inline-flex;align-items:center;justify-content:center;min-width:19px;height:19px;border-radius:999px;color:#fff;font:700 11px/1 "Segoe UI",Arial,"Liberation Sans",sans-serif;text-decoration:none;padding:0 5px;flex:none}
.tag{min-width:15px;height:15px;font-size:9.5px;vertical-align:super;margin:0 1px 0 1px;padding:0 3px}
.error.num,.error.tag{background:var(--error)}.warning.num,.warning.tag{background:var(--warning)}.info.num,.info.tag{background:var(--info)}
.tag:target{outline:3px solid #ffd84d}
.chip{border:1px solid #cfc8b8;border-radius:4px;padding:0 6px;background:#fff;font-size:12.5px}
.chip.first{border-color:#2e8b57;color:#1f6b41;font-weight:600}
.chip.first::before{content:"→ ";font-weight:400}
.meta{color:var(--muted);font-size:12px;margin-top:3px!important;display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px}.space{color:#9aa09a;font-weight:400}.meta .swatch{width:9px;height:9px;margin-right:-2px}
.rule{color:var(--muted)}
.extra{color:var(--muted);font-style:italic}
.fix{display:inline-block;font-size:11px;color:#1f6b41;background:#dcf3e4;border-radius:4px;padding:0 5px;font-style:normal}
mark.hl{position:relative;background:var(--c);color:inherit;border-radius:3px;padding:1px 2px;text-decoration:underline 2px;text-underline-offset:4px}
mark.error{text-decoration-color:var(--error);text-decoration-style:wavy}
mark.warning{text-decoration-color:var(--warning)}
mark.info{text-decoration-color:var(--info);text-decoration-style:dotted}
mark.stacked{box-shadow:inset 0 -3px 0 rgba(0,0,0,.18)}
mark.point{color:var(--error);font-weight:700;padding:0 2px}
.tip{display:none;position:absolute;left:0;top:calc(100% + 6px);z-index:10;width:max-content;max-width:340px;background:#24272d;color:#f4f4f4;border-radius:7px;padding:8px 10px;font:13px/1.4 "Segoe UI",Arial,"Liberation Sans",sans-serif;white-space:normal;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.tip code{background:#3a3e46;color:#fff}
.tip-head{display:block;margin-bottom:3px;color:#c9ccd2}.tip-fix{display:block;margin-top:4px;color:#9be5b4}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.5px;font-weight:700}.sev.error{color:#ff8a8a}.sev.warning{color:#ffc35c}.sev.info{color:#8ab8ff}
mark.hl:hover .tip{display:block}
.text.md{white-space:normal}.text.md>*{margin:0 0 4px}.text.md h1{font-size:1.6em}.text.md h2{font-size:1.35em}.text.md h3{font-size:1.15em}.text.md h1,.text.md h2,.text.md h3,.text.md h4{line-height:1.3;margin:6px 0 4px}
.text.md ul,.text.md ol{padding-left:1.4em}.text.md blockquote{border-left:3px solid var(--rule-line);margin-left:0;padding-left:12px;color:#3b3f46}
.text.md pre{font:13px/1.5 "DejaVu Sans Mono","Liberation Mono",monospace;background:#f0ece2;border-radius:4px;padding:6px 10px;white-space:pre-wrap}.text.md pre code{background:none;padding:0}
.text.md a{color:#1d4f91}.text.md .image{color:var(--muted);font-style:italic}.text.md table{border-collapse:collapse}.text.md td,.text.md th{border:1px solid var(--rule-line);padding:2px 8px}
.text.md hr{border:0;border-top:1px solid var(--rule-line)}
footer{max-width:1240px;margin:0 auto;padding:0 28px 30px;color:var(--muted);font-size:13px}
@media (max-width:900px){.row{grid-template-columns:32px minmax(0,1fr)}.notes{grid-column:2;border-left:0;padding-left:0}}
@media print{body{background:#fff}.tip{display:none!important}}
`

/**
 * Held-out evaluation: lint the articles in `tests/fixtures/eval/` with the default
 * configuration and compare the messages with the problems seeded in each
 * `<article>.expected.json` (same fields as `../shared/samples/ukraine-talks.expected.json`).
 *
 * A message matches an expected problem when the rule and the line are the same and the
 * columns overlap; each expected problem is matched once. Unmatched messages are false
 * positives, unmatched expected problems false negatives. Articles with an empty expected
 * list are the clean set: every message there is a false alarm, counted per 1,000 words.
 *
 *   npm run eval
 *   npm run eval -- --rule proper-noun-case   # one rule only
 *   npm run eval -- --json out.json           # also write the numbers and lists as JSON
 *   npm run eval -- --dir tests/fixtures/eval-names   # another set (the names set)
 *
 * A set's folder may hold a `.copydeskrc.json` (the names set's house list): then its
 * articles are linted with that configuration instead of the default. Expected problems may
 * name their `kind` (`house-list`, `initials`…), and `<article>.guards.json` may list correct
 * text that must not be flagged, each with a kind: the report then adds recall and precision
 * per kind (a false alarm on a guard counts against the guard's kind, any other false alarm
 * as `unplanned`).
 *
 * The articles are built from marked-up sources by `node tests/fixtures/eval/build.mjs`.
 * This is a measurement: the exit status is 0 whatever the numbers (2 if the run fails).
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../rules/index.js'
import {defaultConfig} from '../src/config/defaults.js'
import {resolveConfig} from '../src/config/load.js'
import {lint} from '../src/pipeline/lint.js'

const {values} = parseArgs({
  options: {
    rule: {type: 'string'},
    json: {type: 'string'},
    dir: {type: 'string', default: 'tests/fixtures/eval'},
  },
})

interface Expected {
  readonly rule: string
  readonly line: number
  readonly column: number
  readonly endColumn: number
  readonly actual: string
  readonly expected?: string
  readonly tier?: 'core' | 'stretch'
  /** What kind of problem it is (`house-list`, `initials`…), for the table per kind. */
  readonly kind?: string
}

/** Correct text that must not be flagged, and the kind of case it guards. */
interface Guard {
  readonly line: number
  readonly column: number
  readonly endColumn: number
  readonly actual: string
  readonly kind: string
}

interface Found {
  readonly rule: string
  readonly line: number
  readonly column: number
  /** Exclusive; on `line` (a message that runs over several lines ends at the line's end). */
  readonly endColumn: number
  readonly actual: string
  readonly reason: string
}

interface Item {
  readonly file: string
  readonly kind: 'FP' | 'FN'
  readonly rule: string
  readonly line: number
  readonly column: number
  readonly endColumn: number
  readonly text: string
  readonly detail: string
  readonly context: string
  readonly tier?: string
}

const ruleFilter = values.rule
if (ruleFilter !== undefined && !rules.some((rule) => rule.id === ruleFilter)) {
  console.error(`Unknown rule \`${ruleFilter}\`; one of: ${rules.map((rule) => rule.id).join(', ')}`)
  process.exit(2)
}
const keep = (rule: string) => ruleFilter === undefined || rule === ruleFilter

const folder = path.resolve(values.dir)
const articles = readdirSync(folder)
  .filter((name) => /\.(txt|md|markdown)$/.test(name))
  .sort()
if (articles.length === 0) {
  console.error(`No articles in ${folder}`)
  process.exit(2)
}

/** Words as a reader counts them (as in `scripts/measure-corpus.ts`). */
function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0
}

function toFound(message: VFileMessage, lines: readonly string[]): Found {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : undefined
  const line = start?.line ?? message.line ?? 1
  const column = start?.column ?? message.column ?? 1
  let endColumn = end && end.line === line ? end.column : (lines[line - 1]?.length ?? column) + 1
  if (endColumn <= column) endColumn = column + 1
  const actual = (message as VFileMessage & {actual?: unknown}).actual
  return {
    rule: message.ruleId ?? '?',
    line,
    column,
    endColumn,
    actual: typeof actual === 'string' ? actual : (lines[line - 1]?.slice(column - 1, endColumn - 1) ?? ''),
    reason: message.reason,
  }
}

const overlaps = (a: {line: number; column: number; endColumn: number}, b: {line: number; column: number; endColumn: number}) =>
  a.line === b.line && a.column < b.endColumn && b.column < a.endColumn

/** The line with the flagged range in brackets, cut to about 70 characters either side. */
function context(lines: readonly string[], line: number, column: number, endColumn: number): string {
  const text = lines[line - 1] ?? ''
  const from = Math.max(0, column - 1 - 70)
  const to = Math.min(text.length, endColumn - 1 + 70)
  return `${from > 0 ? '…' : ''}${text.slice(from, column - 1)}[${text.slice(column - 1, endColumn - 1)}]${text.slice(endColumn - 1, to)}${to < text.length ? '…' : ''}`
}

const ids = rules.map((rule) => rule.id)
const stats = new Map(ids.map((id) => [id, {tp: 0, fp: 0, fn: 0, coreExpected: 0, coreFound: 0, cleanFp: 0}]))
const items: Item[] = []
let cleanWords = 0
let seededWords = 0
let cleanArticles = 0
const rcPath = path.join(folder, '.copydeskrc.json')
const config = existsSync(rcPath) ? await resolveConfig(JSON.parse(readFileSync(rcPath, 'utf8')), rcPath) : defaultConfig(process.cwd())
/** Per kind: expected problems found and missed, and false alarms on its guards. */
const kinds = new Map<string, {tp: number; fn: number; fp: number; guards: number}>()
const kindStat = (kind: string) => {
  let entry = kinds.get(kind)
  if (!entry) kinds.set(kind, (entry = {tp: 0, fn: 0, fp: 0, guards: 0}))
  return entry
}

for (const name of articles) {
  const text = readFileSync(path.join(folder, name), 'utf8')
  const base = name.replace(/\.(txt|md|markdown)$/, '')
  const expected = (JSON.parse(readFileSync(path.join(folder, `${base}.expected.json`), 'utf8')) as Expected[]).filter((entry) => keep(entry.rule))
  const guardPath = path.join(folder, `${base}.guards.json`)
  const guards = existsSync(guardPath) ? (JSON.parse(readFileSync(guardPath, 'utf8')) as Guard[]) : []
  for (const guard of guards) kindStat(guard.kind).guards++
  const clean = (JSON.parse(readFileSync(path.join(folder, `${base}.expected.json`), 'utf8')) as Expected[]).length === 0
  const lines = text.split(/\r?\n/)
  const words = countWords(text)
  if (clean) {
    cleanWords += words
    cleanArticles++
  } else seededWords += words

  const file = await lint(new VFile({value: text, path: path.join(folder, name)}), {config})
  const found = file.messages.map((message) => toFound(message, lines)).filter((message) => keep(message.rule))
  const matched = new Set<Expected>()
  const unmatched: Found[] = []
  for (const message of found) {
    const hit = expected.find((entry) => !matched.has(entry) && entry.rule === message.rule && overlaps(entry, message))
    if (hit) {
      matched.add(hit)
      stat(message.rule).tp++
    } else unmatched.push(message)
  }
  for (const entry of expected) {
    if (entry.tier !== 'stretch') {
      stat(entry.rule).coreExpected++
      if (matched.has(entry)) stat(entry.rule).coreFound++
    }
  }
  for (const entry of expected) {
    if (entry.kind) kindStat(entry.kind)[matched.has(entry) ? 'tp' : 'fn']++
  }
  for (const message of unmatched) {
    kindStat(guards.find((guard) => overlaps(guard, message))?.kind ?? 'unplanned').fp++
    stat(message.rule).fp++
    if (clean) stat(message.rule).cleanFp++
    // A seeded problem at the same place under another rule: say so.
    const other = expected.find((entry) => !matched.has(entry) && overlaps(entry, message))
    items.push({
      file: name,
      kind: 'FP',
      rule: message.rule,
      line: message.line,
      column: message.column,
      endColumn: message.endColumn,
      text: message.actual,
      detail: message.reason + (other ? ` (seeded there as ${other.rule}: \`${other.actual}\`)` : ''),
      context: context(lines, message.line, message.column, message.endColumn),
    })
  }
  for (const entry of expected) {
    if (matched.has(entry)) continue
    stat(entry.rule).fn++
    const other = found.find((message) => message.rule !== entry.rule && overlaps(entry, message))
    items.push({
      file: name,
      kind: 'FN',
      rule: entry.rule,
      line: entry.line,
      column: entry.column,
      endColumn: entry.endColumn,
      text: entry.actual,
      detail: (entry.expected === undefined ? 'missed' : `missed, expected \`${entry.expected}\``) + (other ? ` (reported as ${other.rule}: ${other.reason})` : ''),
      context: context(lines, entry.line, entry.column, entry.endColumn),
      tier: entry.tier ?? 'core',
    })
  }
}

function stat(id: string) {
  let entry = stats.get(id)
  if (!entry) {
    entry = {tp: 0, fp: 0, fn: 0, coreExpected: 0, coreFound: 0, cleanFp: 0}
    stats.set(id, entry)
  }
  return entry
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(2))
const perThousand = (count: number, words: number) => (words === 0 ? '—' : ((count / words) * 1000).toFixed(2))
const seeded = articles.length - cleanArticles

console.log(
  `Held-out evaluation: ${seeded} seeded articles (${seededWords.toLocaleString('en-US')} words), ${cleanArticles} clean (${cleanWords.toLocaleString('en-US')} words), ${existsSync(rcPath) ? `configuration ${path.relative(process.cwd(), rcPath)}` : 'default configuration'}${ruleFilter ? `, rule ${ruleFilter}` : ''}`,
)
console.log('')
console.log('| rule | TP | FP | FN | precision | recall | core recall | clean FP | clean FP / 1,000 words | all FP / 1,000 words |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
const total = {tp: 0, fp: 0, fn: 0, coreExpected: 0, coreFound: 0, cleanFp: 0}
for (const [id, s] of stats) {
  if (!keep(id)) continue
  for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += s[key]
  console.log(
    `| \`${id}\` | ${s.tp} | ${s.fp} | ${s.fn} | ${ratio(s.tp, s.tp + s.fp)} | ${ratio(s.tp, s.tp + s.fn)} | ${ratio(s.coreFound, s.coreExpected)} | ${s.cleanFp} | ${perThousand(s.cleanFp, cleanWords)} | ${perThousand(s.fp, cleanWords + seededWords)} |`,
  )
}
console.log(
  `| **all** | **${total.tp}** | **${total.fp}** | **${total.fn}** | **${ratio(total.tp, total.tp + total.fp)}** | **${ratio(total.tp, total.tp + total.fn)}** | **${ratio(total.coreFound, total.coreExpected)}** | **${total.cleanFp}** | **${perThousand(total.cleanFp, cleanWords)}** | **${perThousand(total.fp, cleanWords + seededWords)}** |`,
)
console.log('')
console.log('"all FP / 1,000 words" counts false positives in every article, seeded or clean, over all words.')

if (kinds.size > 0) {
  console.log('')
  console.log('Per kind (a false alarm on a guard counts against its kind; any other is `unplanned`):')
  console.log('')
  console.log('| kind | expected | found | missed | guards | false alarms | recall | precision |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const [kind, s] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`| ${kind} | ${s.tp + s.fn} | ${s.tp} | ${s.fn} | ${s.guards} | ${s.fp} | ${ratio(s.tp, s.tp + s.fn)} | ${ratio(s.tp, s.tp + s.fp)} |`)
  }
}

for (const kind of ['FP', 'FN'] as const) {
  const list = items.filter((item) => item.kind === kind)
  console.log('')
  console.log(kind === 'FP' ? `False positives (${list.length})` : `False negatives (${list.length})`)
  for (const id of stats.keys()) {
    for (const item of list.filter((item) => item.rule === id)) {
      console.log(`  ${item.file}:${item.line}:${item.column}-${item.endColumn} ${item.rule}${item.tier === 'stretch' ? ' (stretch)' : ''}: \`${item.text}\` — ${item.detail}`)
      console.log(`      ${item.context}`)
    }
  }
}

if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify({rules: Object.fromEntries([...stats].filter(([id]) => keep(id))), kinds: Object.fromEntries(kinds), cleanWords, seededWords, items}, null, 2) + '\n',
  )
}

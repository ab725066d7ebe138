/**
 * `ruleTable`: one table of valid and invalid texts per rule, run through the real pipeline
 * with only that rule on.
 */
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {loadRuleResources} from '../../src/config/rules.js'
import type {ResolvedConfig} from '../../src/config/types.js'
import {fix} from '../../src/fix/apply.js'
import {lint} from '../../src/pipeline/lint.js'
import type {MessageFields, Rule as AnyOptionsRule} from '../../src/rule.js'

// A rule with any options: a table passes its cases' options through untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Rule = AnyOptionsRule<any, any>

/** An invalid case: the text, the exact messages, and the fixed text when the fix is certain. */
export interface InvalidCase {
  readonly text: string
  /** `line:col-line:col: reason`, in order. */
  readonly messages: readonly string[]
  /** Expected suggestions of each message, in order (checked when given). */
  readonly suggestions?: ReadonlyArray<readonly string[]>
  /** The text after `--fix`; omitted when nothing may be fixed unattended. */
  readonly output?: string
  readonly options?: unknown
  /** Other configuration (names, dictionary, language). */
  readonly config?: Partial<ResolvedConfig>
  /** A path, to lint as Markdown (`x.md`). */
  readonly path?: string
}

/** A valid case: a text, or a text with options. */
export type ValidCase = string | {readonly text: string; readonly options?: unknown; readonly config?: Partial<ResolvedConfig>; readonly path?: string}

/** The configuration with only `rule` on (with `options`, parsed as the configuration would). */
export function onlyRule(rule: Rule, options?: unknown, extra: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const base = defaultConfig('/')
  const rules = Object.fromEntries(Object.keys(base.rules).map((id) => [id, ['off'] as const]))
  const config = {...base, ...extra, rules: {...rules, [rule.id]: [rule.meta.severity, rule.meta.options.parse(options ?? {})] as const}}
  return {...config, resources: loadRuleResources(config, 'test').resources}
}

/** Lint `text` with only `rule` on; the messages as `line:col-line:col: reason`. */
export async function run(rule: Rule, text: string, config: ResolvedConfig, path?: string) {
  const file = await lint(text, {config, path})
  return file.messages
}

const configs = new Map<string, ResolvedConfig>()
function configFor(rule: Rule, options: unknown, extra: Partial<ResolvedConfig> | undefined): ResolvedConfig {
  // One configuration object per distinct setting, so the processor cache is reused.
  const key = JSON.stringify([rule.id, options ?? null, extra ?? null])
  let config = configs.get(key)
  if (!config) configs.set(key, (config = onlyRule(rule, options, extra)))
  return config
}

/** Format a message as the tables write it. */
export function show(message: {place?: unknown; reason: string; line?: number | null; column?: number | null}): string {
  const place = message.place as {start?: {line: number; column: number}; end?: {line: number; column: number}} | undefined
  const start = place?.start ?? {line: message.line ?? 0, column: message.column ?? 0}
  const end = place?.end ?? start
  return `${start.line}:${start.column}-${end.line}:${end.column}: ${message.reason}`
}

/** Declare the tests of a rule from its table. */
export function ruleTable(rule: Rule, table: {valid: readonly ValidCase[]; invalid: readonly InvalidCase[]}): void {
  describe(`rule ${rule.id}`, () => {
    it('has no duplicate cases', () => {
      const texts = [
        ...table.valid.map((c) => JSON.stringify(typeof c === 'string' ? {text: c} : c)),
        ...table.invalid.map((c) => JSON.stringify({text: c.text, options: c.options, config: c.config, path: c.path})),
      ]
      expect(texts.length).toBe(new Set(texts).size)
    })

    it('flags meta.examples.bad and not meta.examples.good', async () => {
      const config = configFor(rule, undefined, undefined)
      expect((await run(rule, rule.meta.examples.bad, config)).length).toBeGreaterThan(0)
      expect((await run(rule, rule.meta.examples.good, config)).map(show)).toEqual([])
    })

    if (rule.meta.fixable) {
      it('has an invalid case with a fix (fixable rule)', () => {
        expect(table.invalid.some((c) => c.output !== undefined)).toBe(true)
      })
    }

    for (const c of table.valid) {
      const {text, options, config, path} = typeof c === 'string' ? {text: c, options: undefined, config: undefined, path: undefined} : c
      it(`valid: ${JSON.stringify(text).slice(0, 80)}`, async () => {
        expect((await run(rule, text, configFor(rule, options, config), path)).map(show)).toEqual([])
      })
    }

    for (const c of table.invalid) {
      it(`invalid: ${JSON.stringify(c.text).slice(0, 80)}`, async () => {
        const config = configFor(rule, c.options, c.config)
        const messages = await run(rule, c.text, config, c.path)
        expect(messages.map(show)).toEqual(c.messages)
        for (const message of messages) {
          expect(message.ruleId).toBe(rule.id)
          expect(message.source).toBe('copydesk')
          // `actual` is exactly the text at the message's place (or, in Markdown across markup,
          // the message offers no replacement at all: see `guardRanges` in src/pipeline/lint.ts).
          const fields = message as typeof message & MessageFields
          expect(typeof fields.actual).toBe('string')
          const place = message.place as {start: {offset?: number}; end: {offset?: number}} | undefined
          expect(place?.start.offset).toBeTypeOf('number')
          const atPlace = c.text.slice(place!.start.offset, place!.end.offset)
          if (atPlace !== fields.actual)
            expect({atPlace, actual: fields.actual, expected: fields.expected ?? [], markdown: Boolean(c.path)}).toEqual({
              atPlace,
              actual: fields.actual,
              expected: [],
              markdown: true,
            })
        }
        if (c.suggestions) {
          expect(messages.map((message) => (message as typeof message & MessageFields).expected ?? [])).toEqual(c.suggestions)
        }
        const fixed = await fix(c.text, {config, path: c.path})
        expect(fixed.output).toBe(c.output ?? c.text)
        const again = await fix(fixed.output, {config, path: c.path})
        expect(again.output).toBe(fixed.output)
      })
    }
  })
}

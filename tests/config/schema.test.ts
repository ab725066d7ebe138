/** The JSON Schema shipped for editors agrees with the zod schema the loader validates with. */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {schemaText} from '../../scripts/build-schema.js'
import {configKeys, configSchema, languages, severitySettings} from '../../src/config/schema.js'
import {parseDraftSize} from '../../src/pipeline/limits.js'

const shipped = JSON.parse(readFileSync(new URL('../../schema/copydeskrc.schema.json', import.meta.url), 'utf8'))
const ids = rules.map((rule) => rule.id)

describe('schema/copydeskrc.schema.json', () => {
  it('is up to date with the registry (after adding a rule: npm run build:schema)', () => {
    expect(JSON.stringify(shipped, null, 2) + '\n').toBe(schemaText())
  })

  it('has the keys, rule ids, severities and languages the zod schema accepts', () => {
    expect(Object.keys(shipped.properties)).toEqual(Object.keys(configKeys))
    expect(Object.keys(shipped.properties.rules.properties)).toEqual(ids)
    expect(shipped.properties.language.enum).toEqual([...languages])
    const zod = configSchema(ids)
    for (const severity of severitySettings) {
      expect(zod.safeParse({rules: {[ids[0]]: severity}}).success).toBe(true)
      expect(zod.safeParse({rules: {[ids[0]]: [severity, {any: 'options'}]}}).success).toBe(true)
    }
    expect(zod.safeParse({rules: {[ids[0]]: 'fatal'}}).success).toBe(false)
    expect(zod.safeParse({rules: {'no-such-rule': 'off'}}).success).toBe(false)
    expect(zod.safeParse({extra: true}).success).toBe(false)
    for (const key of Object.keys(configKeys)) {
      const value = key === 'rules' ? {} : key === 'language' ? 'en-GB' : key === '$schema' ? 'x.json' : key === 'maxMessages' ? 500 : key === 'maxDraftSize' ? '2MB' : ['x']
      expect(zod.safeParse({[key]: value}).success).toBe(true)
    }
    // maxMessages: a whole number from 1, or -1 for no limit.
    for (const [value, valid] of [
      [1, true],
      [-1, true],
      [10_000, true],
      [0, false],
      [-2, false],
      [2.5, false],
      ['10', false],
    ] as const) {
      expect(zod.safeParse({maxMessages: value}).success, String(value)).toBe(valid)
    }
    expect(shipped.properties.maxMessages).toMatchObject({type: 'integer', anyOf: [{const: -1}, {minimum: 1}]})
  })

  it('maxDraftSize: bytes or a size with a binary unit, from 1 byte to 4 MiB, alike in zod, the JSON Schema and parseDraftSize', () => {
    const zod = configSchema(ids)
    const [integer, string] = shipped.properties.maxDraftSize.anyOf as [{minimum: number; maximum: number}, {pattern: string}]
    const pattern = new RegExp(string.pattern)
    for (const [value, bytes] of [
      [1, 1],
      [1_048_576, 1_048_576],
      [4_194_304, 4_194_304],
      [4_194_305, undefined],
      [0, undefined],
      [2.5, undefined],
      ['512K', 524_288],
      ['512 KB', 524_288],
      ['512kib', 524_288],
      ['1.5MB', 1_572_864],
      [' 2 MiB ', 2_097_152],
      ['4M', 4_194_304],
      ['100000', 100_000],
      ['100000b', 100_000],
      ['4.1MB', undefined],
      ['1GB', undefined],
      ['0K', undefined],
      ['-1', undefined],
      ['2 megabytes', undefined],
      ['', undefined],
      ['1e6', undefined],
    ] as const) {
      expect(parseDraftSize(value), String(value)).toBe(bytes)
      expect(zod.safeParse({maxDraftSize: value}).success, String(value)).toBe(bytes !== undefined)
      // The JSON Schema checks the form (and, for a number, the range): an editor's hint.
      const shapeValid = typeof value === 'number' ? Number.isInteger(value) && value >= integer.minimum && value <= integer.maximum : pattern.test(value)
      if (typeof value === 'number' || bytes !== undefined) expect(shapeValid, String(value)).toBe(bytes !== undefined)
    }
  })

  it("describes each rule's options as its zod schema does (the same keys, no others)", () => {
    for (const rule of rules) {
      const options = shipped.properties.rules.properties[rule.id].anyOf[1].items[1]
      const shape = (rule.meta.options as unknown as {shape: Record<string, unknown>}).shape
      expect(Object.keys(options.properties), rule.id).toEqual(Object.keys(shape))
      expect(options.additionalProperties, rule.id).toBe(false)
    }
    const minWords = shipped.properties.rules.properties['duplicate-line'].anyOf[1].items[1].properties.minWords
    expect(minWords).toMatchObject({type: 'integer', minimum: 2, default: 6})
    const style = shipped.properties.rules.properties['headline-case'].anyOf[1].items[1].properties.style
    expect(style.enum).toEqual(['title', 'sentence', 'consistent'])
  })

  it('is what the README example points "$schema" at', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(readme).toContain('schema/copydeskrc.schema.json')
  })
})

/**
 * STYLE.md: each `rules/<id>/data.ts` is typed, sorted and has one entry per line. Every exported
 * array of strings is sorted (by code unit, as `[...list].sort()`) and has no duplicates.
 */
import {readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

const rulesFolder = new URL('../rules/', import.meta.url)
const tables = readdirSync(rulesFolder, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && readdirSync(new URL(`${entry.name}/`, rulesFolder)).includes('data.ts'))
  .map((entry) => entry.name)

describe('data tables (rules/*/data.ts)', () => {
  it('finds the data tables', () => {
    expect(tables).toContain('quotation')
  })

  for (const rule of tables) {
    it(`${rule}: every list of strings is sorted and unique`, async () => {
      const data = (await import(new URL(`${rule}/data.ts`, rulesFolder).href)) as Record<string, unknown>
      for (const [name, value] of Object.entries(data)) {
        if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) continue
        const list = value
        expect({name, list}).toEqual({name, list: [...list].sort()})
        expect({name, duplicates: list.filter((entry, index) => list.indexOf(entry) !== index)}).toEqual({name, duplicates: []})
      }
    })
  }
})

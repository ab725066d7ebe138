/**
 * Markdown is linted whole (never in windows): a draft whose tree would be twice a megabyte of
 * prose's has its heap growth paced (`isHeavyMarkdown` in `src/pipeline/lint.ts`; issue 17: a
 * paragraph of 1 MiB of unclosed `*a _b ` peaked at 620 MB). In a file of its own: the pacing
 * is once per process (module state).
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isHeapPaced} from '../../src/pipeline/heap.js'
import {isHeavyMarkdown, lint} from '../../src/pipeline/lint.js'

describe('lint of a heavy Markdown draft (linted whole)', () => {
  it('paces the heap when its estimated nodes reach twice those of a windowed plain-text draft', async () => {
    expect(isHeavyMarkdown('*a _b '.repeat(4000))).toBe(false)
    expect(isHeavyMarkdown('*a _b '.repeat(140_000))).toBe(true)
    expect(isHeavyMarkdown(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'))).toBe(false)
    expect(isHeapPaced()).toBe(false)
    await lint('*a _b '.repeat(100), {path: 'draft.md', window: {nodes: 1000}})
    expect(isHeapPaced()).toBe(false)
    const file = await lint('*a _b '.repeat(400), {path: 'draft.md', window: {nodes: 1000}})
    expect(isHeapPaced()).toBe(true)
    expect(file.messages).toEqual((await lint('*a _b '.repeat(400), {path: 'draft.md'})).messages)
  })
})

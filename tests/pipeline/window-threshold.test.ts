/**
 * Which plain-text drafts are linted a window at a time (`isWindowDraft` in
 * `src/pipeline/windowed.ts`): those of 1 MiB, and those whose tree would be as large as a
 * megabyte of prose's and more, by an estimate of their nodes (issue 17: a draft of one-letter
 * lines took 880 MB linted whole at 1 MiB; a line is a paragraph and a sentence).
 */
import {readdirSync, readFileSync} from 'node:fs'
import type {Nodes} from 'nlcst'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/config/defaults.js'
import {isHeapPaced} from '../../src/pipeline/heap.js'
import {lint} from '../../src/pipeline/lint.js'
import {getProcessor} from '../../src/pipeline/processor.js'
import {estimatedNodes, isWindowDraft, windowNodes, windowThreshold} from '../../src/pipeline/windowed.js'

const processor = getProcessor(defaultConfig('/'), 'text')

/** The tokens of the draft's tree (a word counts once) and one for each line break. */
function counted(text: string): number {
  const tree = processor.parse(new VFile({value: text, path: 'draft.txt'}))
  let tokens = 0
  const visit = (node: Nodes) => {
    if (node.type === 'WordNode' || !('children' in node)) tokens++
    else for (const child of node.children) visit(child)
  }
  visit(tree)
  return tokens + (text.split('\n').length - 1)
}

const samples = new URL('../../samples/', import.meta.url)
const prose = readdirSync(samples)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(new URL(name, samples), 'utf8'))
const letters = (bytes: number) => Array.from({length: bytes / 2}, (_, index) => `${'abcdefghijklmnopqrstuvwxyz'[index % 26]}\n`).join('')
const repeat = (text: string, bytes: number) => text.repeat(Math.ceil(bytes / text.length)).slice(0, bytes)

describe('estimatedNodes', () => {
  it.each([
    ['the samples', prose.join('\n\n')],
    ['one-letter lines', letters(20_000)],
    ['`(a ` repeated', repeat('(a ', 20_000)],
    ['names a line', repeat('Volodymyr Zelensky\nRecep Tayyip Erdoğan\nUrsula von der Leyen\n', 20_000)],
    ['punctuation', repeat('!?—“…”; (1,234.5) $5 — ', 20_000)],
  ])('follows the parse on %s', (_name, text) => {
    const estimate = estimatedNodes(text)
    const actual = counted(text)
    expect(estimate).toBeGreaterThan(actual * 0.75)
    expect(estimate).toBeLessThan(actual * 1.25)
  })

  it('stops counting at `most`', () => {
    expect(estimatedNodes('a b c d e f', 4)).toBe(4)
    expect(estimatedNodes('a\nb')).toBe(4)
  })
})

describe('isWindowDraft', () => {
  it('reads drafts of 1 MiB in windows, and drafts with the nodes of a megabyte of prose and more', () => {
    expect(isWindowDraft('a'.repeat(windowThreshold))).toBe(true)
    expect(isWindowDraft('a'.repeat(windowThreshold - 1))).toBe(false)
    // One-letter lines: 3 nodes a line.
    expect(isWindowDraft(letters((windowNodes / 3) * 2))).toBe(true)
    expect(isWindowDraft(letters((windowNodes / 3) * 2 - 2))).toBe(false)
    expect(isWindowDraft(letters(600 * 1024))).toBe(true)
    // Prose and names a line, under 1 MiB: whole.
    expect(isWindowDraft(repeat(prose.join('\n\n'), windowThreshold - 1))).toBe(false)
    expect(isWindowDraft(repeat('Volodymyr Zelensky\nRecep Tayyip Erdoğan\n', windowThreshold - 1))).toBe(false)
  })

  it('follows a threshold in characters when one is given, and one in nodes', () => {
    expect(isWindowDraft(letters(600 * 1024), {threshold: Infinity})).toBe(false)
    expect(isWindowDraft('a', {threshold: 0})).toBe(true)
    expect(isWindowDraft('a'.repeat(100), {threshold: 100})).toBe(true)
    expect(isWindowDraft('a\nb\n', {threshold: Infinity, nodes: 6})).toBe(true)
    expect(isWindowDraft('a\nb\n', {nodes: 7})).toBe(false)
  })
})

describe('lint of a draft as large as a windowed one, in one window', () => {
  it('paces the heap (one line: one chunk, its tree whole)', async () => {
    expect(isHeapPaced()).toBe(false)
    // Under the threshold in nodes, or in windows: not paced.
    await lint('(a '.repeat(30), {path: 'draft.txt', window: {nodes: 1000}})
    await lint(letters(2000), {path: 'draft.txt', window: {nodes: 100, size: 100}})
    expect(isHeapPaced()).toBe(false)
    const file = await lint('(a '.repeat(400), {path: 'draft.txt', window: {nodes: 1000}})
    expect(isHeapPaced()).toBe(true)
    expect(file.messages).toEqual((await lint('(a '.repeat(400), {path: 'draft.txt', window: {threshold: Infinity}})).messages)
  })
})

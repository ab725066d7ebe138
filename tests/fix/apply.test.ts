/** Certain edits: only certain fixes, never overlapping, applied by offset; `fix()` is idempotent. */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {applyEdits, certainEdits, fix} from '../../src/fix/apply.js'
import {addMessage} from '../formatters/files.js'

const text = 'Talks on the the the same day.'

function file(): VFile {
  return new VFile({value: text})
}

describe('certainEdits', () => {
  it('keeps the first of overlapping edits and drops the rest, sorted by offset', () => {
    const f = file()
    // `the the` at 10-17 and `the the` at 14-21 overlap: a later pass picks the second up.
    addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'b', start: [1, 14], end: [1, 21], actual: 'the the', expected: ['the']})
    addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'a', start: [1, 10], end: [1, 17], actual: 'the the', expected: ['the']})
    const edits = certainEdits(text, f.messages)
    expect(edits.map((edit) => [edit.start, edit.end, edit.text])).toEqual([[9, 16, 'the']])
    expect(applyEdits(text, edits)).toBe('Talks on the the same day.')
  })

  it('applies non-overlapping edits without shifting each other', () => {
    const value = 'in in a a row'
    const f = new VFile({value})
    addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'x', start: [1, 1], end: [1, 6], actual: 'in in', expected: ['in']})
    addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'y', start: [1, 7], end: [1, 10], actual: 'a a', expected: ['a']})
    expect(applyEdits(value, certainEdits(value, f.messages))).toBe('in a row')
  })

  it('skips uncertain suggestions, several suggestions, and text that no longer matches', () => {
    const f = file()
    addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'held back', start: [1, 10], end: [1, 17], actual: 'the the', expected: ['the'], fix: false})
    addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'two', start: [1, 10], end: [1, 17], actual: 'the the', expected: ['the', 'a']})
    addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'stale', start: [1, 1], end: [1, 6], actual: 'Talk', expected: ['Talks']})
    expect(certainEdits(text, f.messages)).toEqual([])
  })
})

describe('fix()', () => {
  it('lints again until stable, and a second fix changes nothing', async () => {
    const first = await fix('Talks resumed on the the the same day.\r\nThey met in in Paris.\r\n')
    expect(first.output).toBe('Talks resumed on the same day.\r\nThey met in Paris.\r\n')
    expect(first.applied).toBeGreaterThanOrEqual(2)
    const second = await fix(first.output)
    expect(second.output).toBe(first.output)
    expect(second.applied).toBe(0)
  })
})

/** Certain edits: only certain fixes, never overlapping, applied by offset; `fix()` is idempotent. */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {applyEdits, certainEdits, fix, isCertain, keepsLineBreaks, messageRange} from '../../src/fix/apply.js'
import {defaultConfig} from '../../src/config/defaults.js'
import {addMessage} from '../formatters/files.js'

const text = 'Talks on the the the same day.'

function file(): VFile {
  return new VFile({value: text})
}

describe('messageRange', () => {
  it('reads each text’s own lines when asked about several texts in turn', () => {
    const one = 'ab\ncd'
    const two = 'abcdef\ngh'
    const f = new VFile({value: one})
    addMessage(f, {rule: 'spelling', severity: 'warning', reason: 'x', start: [2, 1], end: [2, 3], actual: 'cd'})
    const [message] = f.messages
    // The same place is another offset in another text (the lines are indexed per text).
    expect(messageRange(one, message)).toEqual({start: 3, end: 5})
    expect(messageRange(two, message)).toEqual({start: 7, end: 9})
    expect(messageRange(one, message)).toEqual({start: 3, end: 5})
  })
})

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

describe('a fix never adds or removes a line break (issue 17)', () => {
  it('drops an edit that would join two lines or split one, whatever rule made it', () => {
    for (const [value, actual, expected] of [
      ['to the\nthe capital', 'the\nthe', 'the'],
      ['to the\r\nthe capital', 'the\r\nthe', 'the'],
      ['to the the capital', 'the the', 'the\nthe'],
      ['to the\r\nthe capital', 'the\r\nthe', 'the\nthe'],
    ] as const) {
      const f = new VFile({value})
      const lines = actual.split(/\r?\n/)
      const end: [number, number] = lines.length > 1 ? [2, lines[1].length + 1] : [1, 4 + actual.length]
      const message = addMessage(f, {rule: 'repeated-word', severity: 'warning', reason: 'x', start: [1, 4], end, actual, expected: [expected]})
      expect(value.slice(3, 3 + actual.length)).toBe(actual)
      expect(isCertain(message)).toBe(false)
      expect(certainEdits(value, f.messages)).toEqual([])
    }
  })

  it('keeps an edit that leaves the same breaks in the same order', () => {
    expect(keepsLineBreaks('new\nyork', 'New\nYork')).toBe(true)
    expect(keepsLineBreaks('media,stating', 'media, stating')).toBe(true)
    expect(keepsLineBreaks('a\r\nb', 'a\nb')).toBe(false)
    expect(keepsLineBreaks('a\u2028b', 'ab')).toBe(false)
  })

  it('fix() keeps every line of a draft with a repeat across a line break (LF, CRLF, Markdown)', async () => {
    for (const [input, path] of [
      ['In the long negotiations that lasted late into the night they flew to the\nthe capital.\n', 'a.txt'],
      ['In the long negotiations that lasted late into the night they flew to the\r\nthe capital.\r\n', 'a.txt'],
      ['They flew to the\nthe capital.\n', 'a.md'],
      ['They flew to the\r\nthe capital.\r\n', 'a.md'],
    ] as const) {
      const {output} = await fix(input, {path})
      expect(output.match(/\r?\n/g)).toEqual(input.match(/\r?\n/g))
      expect(output).toBe(input.replace('the capital', 'capital'))
    }
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

  it('a draft whose report stops at maxMessages: one pass (the fixes of the messages reported), then the lint of what remains', async () => {
    // Six lines of two doubled words each: each pass of a limit of 3 messages would fix the
    // next three; one pass fixes those the report holds.
    const input = [1, 2, 3, 4, 5, 6].map((day) => `On day ${day} the talks went on on in in Paris.\n`).join('')
    const config = {...defaultConfig('/'), maxMessages: 3}
    const result = await fix(input, {config})
    expect(result.initial.data.copydeskStopped).toMatchObject({messages: 3})
    expect(result.applied).toBe(3)
    expect(result.output.split('\n').slice(0, 3)).toEqual([
      'On day 1 the talks went on in Paris.',
      'On day 2 the talks went on in in Paris.',
      'On day 3 the talks went on on in in Paris.',
    ])
    expect(result.file.data.copydeskStopped).toMatchObject({messages: 3})
    // Without a limit every slip is fixed.
    const unlimited = await fix(input, {config: {...config, maxMessages: -1}})
    expect(unlimited.output).toBe([1, 2, 3, 4, 5, 6].map((day) => `On day ${day} the talks went on in Paris.\n`).join(''))
  })

  it('keeps the lint of the input as it was', async () => {
    const result = await fix('They met in in Paris.\n')
    expect(result.initial.messages.map((message) => message.ruleId)).toEqual(['repeated-word'])
    expect(result.file.messages).toEqual([])
  })
})

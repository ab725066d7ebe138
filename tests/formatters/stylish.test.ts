/** `--format stylish`: terminal-safe text from drafts, and a summary line that never hides a failure. */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {escapeControl, stylish} from '../../src/formatters/stylish.js'
import {addMessage, context, cwd} from './files.js'

/** A draft with a repeated word after `prefix` on its one line. */
function draft(prefix: string, path = 'draft.txt'): VFile {
  const file = new VFile({path, cwd, value: `${prefix}the the day.\n`})
  const start = prefix.length + 1
  addMessage(file, {
    rule: 'repeated-word',
    severity: 'warning',
    reason: 'Unexpected repeated `the`, remove one',
    start: [1, start],
    end: [1, start + 7],
    actual: 'the the',
    expected: ['the'],
  })
  return file
}

const summaryOf = (text: string) => text.trimEnd().split('\n').at(-1)

describe('stylish: control characters from drafts never reach the terminal (issue 17)', () => {
  it('escapes C0 and C1 controls, DEL and bidirectional overrides, and keeps the carets under the text', () => {
    const file = draft('Talks \u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eon ')
    const lines = stylish([file], context).split('\n')
    // eslint-disable-next-line no-control-regex -- the test is that no control character is left.
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
    expect(lines[2].trim()).toBe('Talks \\u001b[2J\\u001b]0;pwned\\u0007\\u009b31m\\u202eon the the day.')
    // The carets still sit under `the the`.
    expect(lines[3].indexOf('^')).toBe(lines[2].indexOf('the the'))
    expect(lines[3].trim()).toBe('^^^^^^^')
  })

  it('escapes a file name and a message as well', () => {
    const file = draft('On ', 'evil\u001b[31m.txt')
    file.messages[0].reason = 'Unexpected `\u001b[2J`'
    const text = stylish([file], context)
    expect(text).toContain('evil\\u001b[31m.txt')
    expect(text).toContain('Unexpected `\\u001b[2J`')
    expect(text).not.toContain('\u001b')
  })

  it('leaves ordinary text, tabs as spaces, and colours of its own', () => {
    expect(escapeControl('Café — “quoted” 😀\t')).toBe('Café — “quoted” 😀\t')
    expect(stylish([draft('On ')], {...context, color: true})).toContain('\u001b[') // picocolors' own
  })
})

describe('stylish: the summary line (issue 15)', () => {
  it('is a green `✔ no problems` only when every path was checked and nothing is hidden', () => {
    const clean = new VFile({path: 'clean.txt', cwd, value: 'Fine.\n'})
    expect(summaryOf(stylish([clean], context))).toBe('✔ no problems (1 file checked)')
  })

  it('says how many paths could not be checked', () => {
    const clean = new VFile({path: 'clean.txt', cwd, value: 'Fine.\n'})
    expect(summaryOf(stylish([], {...context, unchecked: 1}))).toBe('✖ 1 path could not be checked (0 files checked)')
    expect(summaryOf(stylish([clean], {...context, unchecked: 2}))).toBe('✖ 2 paths could not be checked; no problems in the 1 file checked')
    expect(summaryOf(stylish([draft('On ')], {...context, unchecked: 1}))).toBe('✖ 1 problem (0 errors, 1 warning, 0 info) in 1 file checked; 1 path could not be checked')
  })

  it('with --quiet, says what it hid instead of `no problems`', () => {
    const clean = new VFile({path: 'clean.txt', cwd, value: 'Fine.\n'})
    expect(summaryOf(stylish([clean], {...context, hidden: {warnings: 2, infos: 1}}))).toBe('✔ no errors (2 warnings and 1 info hidden by --quiet; 1 file checked)')
    expect(summaryOf(stylish([clean], {...context, hidden: {warnings: 0, infos: 0}}))).toBe('✔ no problems (1 file checked)')
  })
})

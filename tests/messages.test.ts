/**
 * The wording of every message, across rules (issue 15): what a copy editor would write in the
 * margin. Checked on every sample, every evaluation article and drafts made to trip each
 * quotation check: no message leads with “Unexpected”; white space is never left inside
 * backticks, where no reader can see it; a message that names a replacement carries exactly
 * that fix, and one that carries none names none; fix titles name white space in words.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {defaultConfig} from '../src/config/defaults.js'
import {messageRange} from '../src/fix/apply.js'
import {contextAround, describeFix} from '../src/fix/describe.js'
import {lint} from '../src/pipeline/lint.js'
import type {MessageFields} from '../src/rule.js'

const drafts: Array<{path: string; value: string}> = []
for (const folder of ['../samples/', './fixtures/eval/']) {
  const url = new URL(folder, import.meta.url)
  for (const name of readdirSync(url)
    .filter((file) => /\.(txt|md)$/.test(file))
    .sort()) {
    drafts.push({path: `${folder}${name}`, value: readFileSync(new URL(name, url), 'utf8')})
  }
}
// Each quotation check once: wrong-way, unpaired (curly and straight), mixed, run in.
drafts.push(
  {path: 'wrong-way.txt', value: '“We heard you,“ said Raman. ”This is it.”\n'},
  {path: 'unpaired.txt', value: '“We heard you, said Raman.\n\nWe heard you,” said Raman.\n\nHe said "no more talks.\n'},
  {path: 'mixed.txt', value: '“One,” he said. “Two,” she said. “Three,” they said. He added "a step."\n'},
  {path: 'run-in.txt', value: 'He emphasized the urgency, adding, The theme of this is to end the war.\n'},
  {path: 'apostrophe.txt', value: 'Iran`s envoy said he didn´t know.\n'},
  {path: 'duplicate.txt', value: 'The talks resumed on Monday.\nThe talks resumed on Monday.\n'},
)

type Found = VFileMessage & MessageFields

/** The code spans of a message (`a` in “x `a` y”) that start or end with white space. */
const blankEdges = (text: string) => text.split('`').filter((part, index) => index % 2 === 1 && (part === '' || /^\s|\s$/.test(part)))
const found: Array<{message: Found; text: string}> = []

describe('messages', async () => {
  for (const draft of drafts) {
    const file = new VFile({path: draft.path, value: draft.value})
    await lint(file, {config: defaultConfig('/')})
    for (const message of file.messages) found.push({message: message, text: draft.value})
  }

  it('come from every rule that the drafts trip', () => {
    const rules = new Set(found.map(({message}) => message.ruleId))
    for (const id of [
      'punctuation-spacing',
      'proper-noun-case',
      'name-spelling',
      'sentence-case',
      'headline-case',
      'house-style',
      'quotation',
      'spelling',
      'repeated-word',
      'duplicate-line',
    ]) {
      expect(rules, id).toContain(id)
    }
  })

  it('lead with the problem, never “Unexpected … expected …”', () => {
    for (const {message} of found) {
      expect(message.reason, message.ruleId ?? '').not.toMatch(/^Unexpected|, expected |remove (?:it|one)/)
    }
  })

  it('never put white space at the edge of backticks', () => {
    for (const {message} of found) expect(blankEdges(message.reason), message.reason).toEqual([])
  })

  it('name a replacement only when they carry it', () => {
    for (const {message, text} of found) {
      const expected = message.expected ?? []
      // In Markdown, a range across markup (`caf&eacute;`) keeps its wording but loses its
      // fix (src/pipeline/lint.ts, guardRanges): the writer still reads what to write.
      const range = messageRange(text, message)
      if (range && text.slice(range.start, range.end) !== message.actual) continue
      // “`paris` is a proper noun: `Paris`”, “Straight quote: use `“`”: the fix is the first one.
      const named = /: (?:use )?`([^`]+)`$/.exec(message.reason)?.[1]
      if (named !== undefined && !/^Unknown word/.test(message.reason)) expect(expected[0], message.reason).toBe(named)
      if (expected.length === 0) expect(message.reason, message.ruleId ?? '').not.toMatch(/\buse `|: `[^`]+`$|possibly/)
    }
  })

  it('give fixes titles that name white space in words', () => {
    let titles = 0
    for (const {message, text} of found) {
      const range = messageRange(text, message)
      if (!range) continue
      for (const expected of message.expected ?? []) {
        const title = describeFix(message.actual ?? '', expected, contextAround(text, range.start, range.end))
        expect(title).toMatch(/^(?:Insert|Remove|Change to|Replace with) /)
        expect(blankEdges(title), title).toEqual([])
        titles++
      }
    }
    expect(titles).toBeGreaterThan(50)
  })
})

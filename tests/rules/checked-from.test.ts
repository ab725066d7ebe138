/**
 * `checkedFrom` and `checkedNodes` (rules/lib/document.ts): in the report pass of a windowed
 * lint, the paragraph rules skip the paragraph before the window (its messages are the
 * previous window's, which the lint drops); anywhere else they check everything.
 */
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {getRule} from '../../rules/index.js'
import {checkedFrom, checkedNodes} from '../../rules/lib/document.js'
import {createProcessor} from '../../src/pipeline/processor.js'
import type {WindowRun} from '../../src/rule.js'
import {onlyRule} from '../helpers/rule-table.js'

/** A paragraph with a slip for each paragraph rule: a lowercase sentence start, a repeat, a missing space, a house style. */
const paragraph = 'Talks ended. the delegates left the the hall beforehand.The briefing starts at 10 am in Kyiv.'
const text = `${paragraph}\n\n${paragraph}\n`
const second = paragraph.length + 2

function window(tree: Root, start: number): WindowRun {
  const nodes = tree.children.filter((node) => (node.position?.start.offset ?? 0) >= start)
  return {pass: 'report', nodes, start, end: text.length, state: new Map(), firstParagraph: 0, reportEnd: text.length}
}

describe('checkedFrom / checkedNodes', () => {
  const processor = createProcessor(onlyRule(getRule('sentence-case')!), 'text')

  it('check everything outside a windowed report pass', () => {
    const file = new VFile({value: text})
    const tree = processor.parse(file)
    expect(checkedFrom(file)).toBe(0)
    expect(checkedNodes(tree, file)).toEqual([tree])
    file.data.copydeskWindow = {...window(tree, second), pass: 'survey'}
    expect(checkedFrom(file)).toBe(0)
  })

  it('start at the window in its report pass, leaving out the paragraph before it', () => {
    const file = new VFile({value: text})
    const tree = processor.parse(file)
    file.data.copydeskWindow = window(tree, second)
    expect(checkedFrom(file)).toBe(second)
    const nodes = checkedNodes(tree, file)
    expect(nodes.length).toBeGreaterThan(0)
    expect(nodes.every((node) => node.position!.end.offset! > second)).toBe(true)
    expect(nodes.some((node) => node.type === 'ParagraphNode' && node.position!.start.offset === second)).toBe(true)
  })

  it.each(['sentence-case', 'repeated-word', 'punctuation-spacing', 'house-style'])('%s reports in the window only, as it reports there without one', async (id) => {
    const rule = getRule(id)!
    expect(rule.meta.scope).toBe('paragraph')
    const each = createProcessor(onlyRule(rule), 'text')
    const lint = async (withWindow: boolean) => {
      const file = new VFile({value: text})
      const tree = each.parse(file)
      if (withWindow) file.data.copydeskWindow = window(tree, second)
      await each.run(tree, file)
      return file.messages.map((message) => ({offset: message.place && 'start' in message.place ? (message.place.start.offset ?? -1) : -1, reason: message.reason}))
    }
    const whole = await lint(false)
    const inWindow = await lint(true)
    expect(whole.every(({offset}) => offset >= 0)).toBe(true)
    expect(whole.some(({offset}) => offset < second)).toBe(true)
    expect(inWindow.length).toBeGreaterThan(0)
    expect(inWindow).toEqual(whole.filter(({offset}) => offset >= second))
  })
})

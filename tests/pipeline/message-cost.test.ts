/**
 * What a message costs: the pipeline makes a rule's messages without a stack trace (a
 * `VFileMessage` is an `Error`, whose stack V8 records and vfile-message throws away) and
 * drops the nodes they point to (`ancestors`), which kept the draft's tree alive until the
 * report was written. An error a rule throws keeps its stack trace.
 */
import {describe, expect, it, vi} from 'vitest'
import {lint} from '../../src/pipeline/lint.js'

/** The `stackTraceLimit` while the probe rule's message was being made, and the message's stack. */
const seen: Array<{limit: number; stack: string | undefined}> = []

vi.mock('../../rules/index.js', async (original) => {
  const actual = await original<typeof import('../../rules/index.js')>()
  // Imported here: the mock runs before the test file's imports.
  const {z} = await import('zod')
  const {defineRule} = await import('../../src/rule.js')
  const probe = defineRule({
    id: 'probe',
    meta: {
      description: 'A test rule.',
      why: 'Tests.',
      severity: 'warning',
      fixable: false,
      scope: 'paragraph',
      options: z.object({}).strict(),
      examples: {bad: 'probe', good: 'none'},
    },
    plugin() {
      return (tree, file) => {
        let limit = Error.stackTraceLimit
        const options = {
          ancestors: [tree],
          // Read by the message's constructor, after `Error` recorded (or not) the stack.
          get place() {
            limit = Error.stackTraceLimit
            return tree.position
          },
        }
        const message = file.message('Probe', options)
        seen.push({limit, stack: message.stack})
        if (String(file.value).includes('boom')) throw new Error('boom')
      }
    },
  })
  return {...actual, rules: [...actual.rules, probe]}
})

describe('the messages of a rule', () => {
  it('are made without a stack trace, keep no nodes, and the file is as it was', async () => {
    const limit = Error.stackTraceLimit
    seen.length = 0
    const file = await lint('The the talks resumed on monday,and ended.', {path: 'draft.txt'})
    expect(limit).toBeGreaterThan(0)
    expect(seen).toEqual([{limit: 0, stack: ''}])
    expect(Error.stackTraceLimit).toBe(limit)
    expect(Object.hasOwn(file, 'message')).toBe(false)
    const rules = file.messages.map((message) => message.ruleId)
    expect(rules).toEqual(expect.arrayContaining(['repeated-word', 'proper-noun-case', 'punctuation-spacing', 'probe']))
    for (const message of file.messages) expect(message.ancestors).toBeUndefined()
  })

  it('do not take the stack trace of an error the rule throws', async () => {
    const error = await lint('It went boom.', {path: 'draft.txt'}).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    )
    expect(error?.message).toBe('boom')
    expect(error?.stack).toMatch(/message-cost\.test\.ts/)
    expect(Error.stackTraceLimit).toBeGreaterThan(0)
  })

  it('about the repeats of one line share the message about its first copy', async () => {
    const line = 'Talks resumed in Istanbul on Monday after a long pause.'
    const file = await lint(['Talks', line, line, line].join('\n'), {path: 'draft.txt'})
    const repeats = file.messages.filter((message) => message.ruleId === 'duplicate-line')
    expect(repeats.map((message) => [message.line, message.reason, message.note])).toEqual([
      [3, 'Sentence repeated from line 2', `First copy: ${line}`],
      [4, 'Sentence repeated from line 2', `First copy: ${line}`],
    ])
    expect(repeats[0].cause).toBe(repeats[1].cause)
    expect((repeats[0].cause as Error).message).toBe('First copy on line 2')
  })
})

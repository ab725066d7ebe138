/**
 * Worker threads give the same messages as linting in one thread, and they really run: each
 * file records the thread that linted it. Uses the built modules (`dist/`, built by
 * `npm test` first): a worker runs compiled JavaScript.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {threadId} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'

const dist = new URL('../../dist/src/', import.meta.url)
const {lintAll, toPlain, minimumPoolBytes} = (await import(new URL('pipeline/pool.js', dist).href)) as typeof import('../../src/pipeline/pool.js')
const {lint} = (await import(new URL('pipeline/lint.js', dist).href)) as typeof import('../../src/pipeline/lint.js')
const {defaultConfig} = (await import(new URL('config/defaults.js', dist).href)) as typeof import('../../src/config/defaults.js')

const folder = new URL('../../samples/', import.meta.url)
const drafts = readdirSync(folder)
  .filter((name) => /\.(txt|md)$/.test(name))
  .sort()
  .map((name) => ({name, value: readFileSync(new URL(name, folder), 'utf8')}))
const config = defaultConfig('/')

/** `count` tasks cycling through the samples (plain text and Markdown). */
const tasks = (count: number, repeat = 1) =>
  Array.from({length: count}, (_, index) => drafts[index % drafts.length]).map((draft, index) => ({
    value: draft.value.repeat(repeat),
    path: `${index}-${draft.name}`,
    config,
  }))

const threadsOf = (files: ReadonlyArray<{data: {copydeskThread?: number}}>) => new Set(files.map((file) => file.data.copydeskThread))

describe('lintAll', () => {
  it('gives, over two workers, exactly what lint() gives in this thread, and both workers lint', async () => {
    const list = tasks(10)
    const pooled = await lintAll(list, {threads: 2, minimumBytes: 0})
    const threads = threadsOf(pooled)
    expect(threads.size).toBe(2)
    expect(threads.has(threadId)).toBe(false)
    expect(threads.has(undefined)).toBe(false)
    for (const [index, task] of list.entries()) {
      const alone = await lint(task.value, {config: task.config, path: task.path})
      expect(pooled[index].messages.map(toPlain)).toEqual(alone.messages.map(toPlain))
    }
    expect(pooled.filter((file) => file.messages.length > 0).length).toBeGreaterThan(list.length / 2)
  }, 120_000)

  it('uses the workers by default once the drafts hold more than the threshold', async () => {
    const size = drafts.reduce((sum, draft) => sum + draft.value.length, 0)
    const list = tasks(drafts.length * Math.ceil((minimumPoolBytes + 1) / size))
    const pooled = await lintAll(list, {threads: 2})
    expect(threadsOf(pooled).has(threadId)).toBe(false)
    expect(threadsOf(pooled).size).toBe(2)
  }, 120_000)

  it('lints a small run, or one thread, in this thread', async () => {
    const small = tasks(3)
    expect(small.reduce((sum, task) => sum + task.value.length, 0)).toBeLessThan(minimumPoolBytes)
    expect([...threadsOf(await lintAll(small, {threads: 2}))]).toEqual([threadId])
    expect([...threadsOf(await lintAll(tasks(4), {threads: 1, minimumBytes: 0}))]).toEqual([threadId])
  }, 120_000)
})

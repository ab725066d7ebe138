/**
 * The pool (this thread and worker threads) gives the same messages as linting in one thread,
 * and the workers really run: each file records the thread that linted it. Uses the built modules (`dist/`, built by
 * `npm test` first): a worker runs compiled JavaScript.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {threadId} from 'node:worker_threads'
import {describe, expect, it} from 'vitest'

const dist = new URL('../../dist/src/', import.meta.url)
const {lintAll, lintIsolated, toPlain, minimumPoolBytes, poolThreads, outOfMemoryReason} = (await import(
  new URL('pipeline/pool.js', dist).href
)) as typeof import('../../src/pipeline/pool.js')
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
  it('gives, over this thread and a worker, exactly what lint() gives in this thread, and both lint', async () => {
    // Long drafts: the worker is ready (modules and data loaded) long before this thread is
    // through them, and takes its share.
    const list = tasks(10, 20)
    const pooled = await lintAll(list, {threads: 2, minimumBytes: 0})
    const threads = threadsOf(pooled)
    expect(threads.size).toBe(2)
    expect(threads.has(threadId)).toBe(true)
    expect(threads.has(undefined)).toBe(false)
    for (const [index, task] of list.entries()) {
      const alone = await lint(task.value, {config: task.config, path: task.path})
      expect(pooled[index].messages.map(toPlain)).toEqual(alone.messages.map(toPlain))
    }
    expect(pooled.filter((file) => file.messages.length > 0).length).toBeGreaterThan(list.length / 2)
  }, 120_000)

  it('uses the threads by default once the drafts hold more than the threshold', () => {
    const list = (bytes: number) => [
      {value: 'a'.repeat(bytes - 10), config},
      {value: 'b'.repeat(10), config},
    ]
    expect(poolThreads(list(minimumPoolBytes), {threads: 2})).toBe(2)
    expect(poolThreads(list(minimumPoolBytes - 1), {threads: 2})).toBe(1)
    expect(poolThreads(list(minimumPoolBytes), {threads: 4})).toBe(2) // never more threads than drafts
    expect(poolThreads(list(100), {threads: 2, minimumBytes: 0})).toBe(2)
  })

  it('lints a large plain-text draft alone in a worker with a bounded heap: the same messages, or a failure when it does not fit', async () => {
    const list = tasks(drafts.length)
    const isolated = await lintAll(list, {threads: 1, isolate: {maxHeapMb: 512, minimumBytes: 0}})
    for (const [index, task] of list.entries()) {
      const alone = await lint(task.value, {config: task.config, path: task.path})
      expect(isolated[index].messages.map(toPlain), task.path).toEqual(alone.messages.map(toPlain))
      expect(isolated[index].data.copydeskFailure).toBeUndefined()
      // Plain text in a worker of its own; Markdown (linted whole) in this thread.
      expect(isolated[index].data.copydeskThread === threadId, task.path).toBe(task.path.endsWith('.md'))
    }
    expect(isolated.some((file) => file.messages.length > 0)).toBe(true)

    const [text] = list.filter((task) => task.path.endsWith('.txt'))
    const [tight] = await lintAll([{...text, value: text.value.repeat(200)}], {isolate: {maxHeapMb: 16, minimumBytes: 0}})
    expect(tight.data.copydeskFailure).toBe(outOfMemoryReason(16))
    expect(tight.messages).toEqual([])
  }, 120_000)

  it("ends a large draft's worker when its lint is aborted (the language server's document changed)", async () => {
    const [text] = tasks(drafts.length).filter((task) => task.path.endsWith('.txt'))
    const task = {...text, value: text.value.repeat(Math.ceil((2 * 1024 * 1024) / text.value.length))}
    expect(await lintIsolated(task, 512, {signal: AbortSignal.abort()})).toEqual({aborted: true})
    const controller = new AbortController()
    const started = Date.now()
    const pending = lintIsolated(task, 512, {signal: controller.signal})
    setTimeout(() => controller.abort(), 300)
    expect(await pending).toEqual({aborted: true})
    // Long before a lint of 2 MB could end (seconds), and the worker is gone (the test's process would hang on it otherwise).
    expect(Date.now() - started).toBeLessThan(5_000)
  }, 60_000)

  it('shares a large plain-text draft between two workers when asked: the same messages, or the one-line failure', async () => {
    // Without a message limit: a share's report cannot know what the shares before it spent.
    const list = tasks(drafts.length)
      .filter((task) => task.path.endsWith('.txt'))
      .map((task) => ({...task, config: {...config, maxMessages: -1}}))
    // Windows of a few hundred characters: every sample is many windows, two runs of them.
    const isolate = {maxHeapMb: 1024, minimumBytes: 0, threads: 2, window: {threshold: 0, size: 300}}
    const shared = await lintAll(list, {threads: 1, isolate})
    for (const [index, task] of list.entries()) {
      const alone = await lint(task.value, {config: task.config, path: task.path})
      expect(shared[index].messages.map(toPlain), task.path).toEqual(alone.messages.map(toPlain))
      expect(shared[index].data.copydeskFailure).toBeUndefined()
      expect(shared[index].data.copydeskThread).not.toBe(threadId)
    }
    expect(shared.some((file) => file.messages.length > 0)).toBe(true)

    const [tight] = await lintAll([{...list[0], value: list[0].value.repeat(200)}], {isolate: {...isolate, maxHeapMb: 32}})
    expect(tight.data.copydeskFailure).toBe(outOfMemoryReason(32))
    expect(tight.messages).toEqual([])
  }, 120_000)

  it('lints a small run, or one thread, in this thread', async () => {
    const small = tasks(3)
    expect(small.reduce((sum, task) => sum + task.value.length, 0)).toBeLessThan(minimumPoolBytes)
    expect([...threadsOf(await lintAll(small, {threads: 2}))]).toEqual([threadId])
    expect([...threadsOf(await lintAll(tasks(4), {threads: 1, minimumBytes: 0}))]).toEqual([threadId])
  }, 120_000)
})

/**
 * Worker threads give the same messages as linting in one thread. Uses the built modules
 * (`dist/`, built by `npm test` first): a worker runs compiled JavaScript.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

const dist = new URL('../../dist/src/', import.meta.url)

describe('lintAll', () => {
  it('gives, over two workers, exactly what lint() gives in this thread', async () => {
    const {lintAll} = (await import(new URL('pipeline/pool.js', dist).href)) as typeof import('../../src/pipeline/pool.js')
    const {lint} = (await import(new URL('pipeline/lint.js', dist).href)) as typeof import('../../src/pipeline/lint.js')
    const {defaultConfig} = (await import(new URL('config/defaults.js', dist).href)) as typeof import('../../src/config/defaults.js')
    const {toPlain} = (await import(new URL('pipeline/pool.js', dist).href)) as typeof import('../../src/pipeline/pool.js')
    const folder = new URL('../../samples/', import.meta.url)
    const drafts = readdirSync(folder).filter((name) => name.endsWith('.txt')).map((name) => ({name, value: readFileSync(new URL(name, folder), 'utf8')}))
    // Enough text that the pool really starts its workers (it lints small runs in this thread).
    const tasks = Array.from({length: 60}, (_, index) => drafts[index % drafts.length]).map((draft, index) => ({
      value: draft.value.repeat(3),
      path: `${index}-${draft.name}`,
      config: defaultConfig('/'),
    }))
    const pooled = await lintAll(tasks, {threads: 2})
    for (const [index, task] of tasks.entries()) {
      const alone = await lint(task.value, {config: task.config, path: task.path})
      expect(pooled[index].messages.map(toPlain)).toEqual(alone.messages.map(toPlain))
    }
  }, 120_000)
})

/**
 * End to end, through the built CLI as a real process: a plain-text draft of more than 1 MiB
 * (linted a window at a time in a worker with a bounded heap) gives byte for byte the same
 * `--format json` report whether one worker lints it or two share its windows
 * (`COPYDESK_LARGE_DRAFT_THREADS=2`, capped at one per core; without a message limit, as two
 * workers share a draft only then), sentences repeated across the two halves included.
 */
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCliAsync} from '../helpers/cli.js'

/** `copydesk lint --format json --max-messages -1 large.txt` in `cwd` with `env`. */
const lintJson = (cwd: string, env: Record<string, string>) =>
  runCliAsync(['lint', '--format', 'json', '--max-messages', '-1', '--max-draft-size', '4MiB', 'large.txt'], {cwd, env, timeout: 170_000})

describe('a large plain-text draft', () => {
  it('gives the same report from one worker and from two sharing its windows', async () => {
    const samples = new URL('../../samples/', import.meta.url)
    const texts = readdirSync(samples)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => readFileSync(new URL(name, samples), 'utf8').trim())
    // The samples again and again: every sentence of the second half repeats one of the first.
    let large = ''
    while (large.length < 1.1 * 1024 * 1024) large += `${texts.join('\n\n')}\n\n`
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'copydesk-large-'))
    writeFileSync(path.join(cwd, 'large.txt'), large)

    const one = await lintJson(cwd, {COPYDESK_LARGE_DRAFT_THREADS: '1'})
    const two = await lintJson(cwd, {COPYDESK_LARGE_DRAFT_THREADS: '2'})
    expect(one.stderr).toBe('')
    expect(two.stderr).toBe('')
    expect(two.status).toBe(one.status)
    expect(two.stdout).toBe(one.stdout)
    const [entry] = JSON.parse(one.stdout) as Array<{messages: Array<{rule: string; line: number}>}>
    const repeats = entry.messages.filter((message) => message.rule === 'duplicate-line')
    // Repeats in the second half of the draft's lines (the second worker's) of lines in the first.
    const lines = large.split('\n').length
    expect(repeats.filter((message) => message.line > lines / 2).length).toBeGreaterThan(100)
    expect(entry.messages.length).toBeGreaterThan(repeats.length)
  }, 360_000)
})

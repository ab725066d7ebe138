/**
 * End to end: `--fix` of a draft of 1 MiB or more runs in a worker with a bounded heap
 * (`src/fix/isolated.ts`), with the result `fix()` gives in this thread; a draft that needs
 * more than the heap allows is left as it is, with one line naming it, exit 2.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {fix} from '../../src/fix/apply.js'
import {runCliAsync} from '../helpers/cli.js'

const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-e2e-fix-large-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

const run = (args: readonly string[], env: Record<string, string> = {}) => runCliAsync(args, {cwd: folder, env, timeout: 240_000})

const paragraph = 'The delegation met the the press in Istanbul on Monday,stating that talks would go on.\n'
const text = Array.from({length: Math.ceil((1.05 * 1024 * 1024) / paragraph.length)}, (_, index) => paragraph.replace('Monday', `Monday ${index}`)).join('')

describe('copydesk lint --fix on a draft of 1 MiB or more', () => {
  it('fixes it in a worker as fix() does in this thread', async () => {
    const file = path.join(folder, 'big.txt')
    writeFileSync(file, text)
    const result = await run(['lint', '--fix', '--format', 'json', '--max-draft-size', '4MiB', 'big.txt'])
    const expected = await fix(text, {path: 'big.txt'})
    expect(expected.applied).toBeGreaterThan(1000)
    expect(readFileSync(file, 'utf8')).toBe(expected.output)
    // 10,000 fixes: the first pass's, as the report stopped at 10,000 messages (one pass, then the report).
    expect(expected.initial.data.copydeskStopped).toBeDefined()
    expect(result.stderr.split('\n')).toEqual([
      `copydesk: big.txt: ${expected.applied.toLocaleString('en-US')} problems fixed`,
      `copydesk: warning: big.txt: stopped after 10,000 messages, at line ${expected.file.data.copydeskStopped!.line.toLocaleString('en-US')}: the rest of the draft is not reported (the limit is \`maxMessages\` in the configuration, or \`--max-messages\`; -1 reports every message)`,
      '',
    ])
    expect(JSON.parse(result.stdout)[0].messages).toHaveLength(expected.file.messages.length)
  }, 300_000)

  it('leaves a draft that needs more memory than a draft may have as it is: one line, exit 2', async () => {
    const file = path.join(folder, 'tight.txt')
    writeFileSync(file, text)
    const result = await run(['lint', '--fix', '--max-draft-size', '4MiB', 'tight.txt'], {COPYDESK_MAX_HEAP_MB: '16'})
    expect(result.stderr).toBe('copydesk: tight.txt: out of memory: checking this draft needed more than 16 MB, the limit for one draft (split it into smaller files)\n')
    expect(result.status).toBe(2)
    expect(readFileSync(file, 'utf8')).toBe(text)
  }, 300_000)
})

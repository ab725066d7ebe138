/** The progress line (src/cli/progress.ts) with a fake terminal and clock. */
import {describe, expect, it} from 'vitest'
import {createProgress, displayWidth, progressLine, showsProgress} from '../../src/cli/progress.js'

/** A progress on a fake terminal `columns` wide, with a clock the test moves. */
function fake(columns = 80) {
  const written: string[] = []
  let time = 0
  const progress = createProgress({write: (text: string) => written.push(text)}, {columns}, () => time)
  return {progress, written, at: (ms: number) => (time = ms)}
}

describe('progress line', () => {
  it('shows nothing in the first second, then redraws at most every 100 ms, and erases itself at the end', () => {
    const {progress, written, at} = fake()
    progress.stage('Checking', 3)
    progress.start('a.txt')
    at(999)
    progress.done()
    expect(written).toEqual([])
    at(1000)
    progress.start('b.txt')
    expect(written).toEqual(['\r\x1b[KChecking 1/3 b.txt'])
    at(1050)
    progress.done() // too soon: skipped
    progress.start('c.txt')
    expect(written.length).toBe(1)
    at(1100)
    progress.done()
    expect(written.at(-1)).toBe('\r\x1b[KChecking 3/3 c.txt')
    progress.end()
    expect(written.at(-1)).toBe('\r\x1b[K')
    at(5000)
    progress.stage('Checking', 3)
    expect(written.at(-1)).toBe('\r\x1b[K') // over for good
  })

  it('erases the line before anything else written to a wrapped stream, and only when shown', () => {
    const {progress, written, at} = fake()
    const other: string[] = []
    const sink = progress.wrap({write: (text: string) => other.push(text)})
    sink.write('before\n')
    expect(written).toEqual([])
    at(2000)
    progress.stage('Fixing', 2)
    sink.write('copydesk: a.txt: 2 problems fixed\n')
    expect(written).toEqual(['\r\x1b[KFixing 0/2', '\r\x1b[K'])
    expect(other).toEqual(['before\n', 'copydesk: a.txt: 2 problems fixed\n'])
    progress.end()
    expect(written.length).toBe(2) // already erased
  })

  it('one draft alone shows nothing', () => {
    const {progress, written, at} = fake()
    at(3000)
    progress.stage('Checking', 1)
    progress.start('big.txt')
    progress.done()
    progress.end()
    expect(written).toEqual([])
  })

  it('fits the terminal: the file name loses its start, control characters are escaped, wide characters count double', () => {
    expect(progressLine('Checking', 12, 300, 'desk/politics/2026/budget-talks.md', 30)).toBe('Checking 12/300 …get-talks.md')
    expect(displayWidth(progressLine('Checking', 12, 300, 'desk/politics/2026/budget-talks.md', 30))).toBeLessThanOrEqual(29)
    expect(progressLine('Reading', 1, 2, 'evil\x1b[2J.txt', 80)).toBe('Reading 1/2 evil\\u001b[2J.txt')
    expect(progressLine('Checking', 1, 2, '記事/東京の会議.md', 24)).toBe('Checking 1/2 …の会議.md')
    expect(displayWidth('東京')).toBe(4)
    expect(displayWidth('e\u0301')).toBe(1)
    expect(progressLine('Checking', 1, 2, 'a.txt', 8)).toBe('Checking 1/2')
  })

  it('is for people only: a terminal, a format people read, no --no-progress', () => {
    const terminal = {columns: 80}
    expect(showsProgress({noProgress: false, format: 'stylish'}, terminal)).toBe(true)
    expect(showsProgress({noProgress: false, format: 'html'}, terminal)).toBe(true)
    for (const format of ['json', 'sarif', 'github', 'lsp']) expect(showsProgress({noProgress: false, format}, terminal)).toBe(false)
    expect(showsProgress({noProgress: true, format: 'stylish'}, terminal)).toBe(false)
    expect(showsProgress({noProgress: false, format: 'stylish'}, undefined)).toBe(false)
  })
})

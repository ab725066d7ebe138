/** `rules/lib/memo.ts`: a bounded memo gives back what was set, keeps at most its bound, and keeps what is still asked. */
import {describe, expect, it} from 'vitest'
import {Memo} from '../../rules/lib/memo.js'

describe('Memo', () => {
  it('gives back what was set, and nothing for what was not', () => {
    const memo = new Memo<string, number>(10)
    memo.set('a', 1)
    memo.set('b', 0)
    expect(memo.get('a')).toBe(1)
    expect(memo.get('b')).toBe(0) // a falsy answer is an answer
    expect(memo.get('c')).toBeUndefined()
  })

  it('holds at most its bound, dropping the oldest generation', () => {
    const memo = new Memo<number, string>(10)
    for (let key = 0; key < 1000; key++) {
      memo.set(key, String(key))
      expect(memo.size).toBeLessThanOrEqual(10)
    }
    expect(memo.get(999)).toBe('999')
    expect(memo.get(0)).toBeUndefined()
  })

  it('keeps an answer that is still asked while others come and go', () => {
    const memo = new Memo<string, boolean>(4)
    memo.set('kept', true)
    for (let key = 0; key < 100; key++) {
      memo.set(`other ${key}`, false)
      expect(memo.get('kept')).toBe(true)
    }
    expect(memo.get('other 0')).toBeUndefined()
  })

  it('refuses a bound below 2', () => {
    expect(() => new Memo(1)).toThrow('Cannot make a memo of 1 entries, expected 2 or more')
  })
})

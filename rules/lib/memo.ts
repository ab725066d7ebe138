/**
 * A bounded memo of a pure function's answers, for the per-word questions the rules ask of
 * every word (`fold`, `isCommonWord`, a dictionary's `correct`).
 *
 * `lru-cache` keeps the exact order of use, which costs a list update on every hit; asked of
 * every word of a 4 MiB draft, its `get` was 3 % of the lint. Here the answers sit in two
 * generations of plain maps: new answers go into the current one, and when it holds half the
 * bound it becomes the previous one (the one before is dropped). A hit in the previous
 * generation is copied into the current one, so what is still asked survives. At most `max`
 * answers are kept, and an answer is the function's either way: only what is remembered
 * differs from an LRU's, never what is returned.
 */
export class Memo<K, V> {
  readonly #half: number
  #current = new Map<K, V>()
  #previous = new Map<K, V>()

  constructor(max: number) {
    if (!(max >= 2)) throw new Error(`Cannot make a memo of ${max} entries, expected 2 or more`)
    this.#half = Math.floor(max / 2)
  }

  /** The answer remembered for `key`, if any. */
  get(key: K): V | undefined {
    const value = this.#current.get(key)
    if (value !== undefined) return value
    const older = this.#previous.get(key)
    if (older !== undefined) this.set(key, older)
    return older
  }

  /** Remember `value` for `key` (`undefined` is never remembered: it means “not known”). */
  set(key: K, value: V): void {
    if (this.#current.size >= this.#half) {
      this.#previous = this.#current
      this.#current = new Map()
    }
    this.#current.set(key, value)
  }

  /** How many entries the two generations hold (at most the bound; an answer copied forward counts twice). */
  get size(): number {
    return this.#current.size + this.#previous.size
  }
}

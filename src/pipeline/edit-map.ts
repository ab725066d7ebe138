/**
 * Linear-time edits for micromark.
 *
 * micromark records its event rewrites in an `EditMap` (`micromark-util-edit-map`) and
 * `consume` applies them by copying the *whole* event list, every time. The document
 * tokenizer calls it each time a line closes a container inside a list (`- a` / `  - b` /
 * `- c`): one copy of every event so far per line, so a nested list is quadratic — 40 KB of
 * `- a\n  - b\n` took 3 s, 40 KB of `- - x` lines 18 s, a 4 MB draft hours.
 *
 * {@link consume} does the same edits but copies only the events from the first edit on, which
 * micromark's edits keep near the end of the list. It replaces the method on the one
 * `EditMap` class that micromark and its constructs import (npm dedupes it; a test checks
 * that micromark's calls come here). The result is identical: same events, same order.
 */
import {EditMap} from 'micromark-util-edit-map'
import type {Event} from 'micromark-util-types'

/** `EditMap#consume`, copying only the tail of `events` that the edits touch. */
export function consume(this: EditMap, events: Event[]): undefined {
  this.map.sort((a, b) => a[0] - b[0])
  if (this.map.length === 0) return
  const first = this.map[0][0]
  const tail = events.slice(first)
  events.length = first
  let cursor = first
  for (const [at, remove, add] of this.map) {
    // The events between the previous edit and this one, then this edit's additions.
    for (let index = cursor; index < at; index++) events.push(tail[index - first])
    for (const event of add) events.push(event)
    cursor = at + remove
  }
  for (let index = cursor; index < first + tail.length; index++) events.push(tail[index - first])
  this.map.length = 0
  this.index.clear()
}

/** The method micromark ships, kept for the equivalence test. */
// eslint-disable-next-line @typescript-eslint/unbound-method -- kept unbound on purpose: the test calls it on an EditMap, as micromark does.
export const originalConsume = EditMap.prototype.consume

EditMap.prototype.consume = consume

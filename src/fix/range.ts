/**
 * Where a message is, as offsets in the text. A module of its own (no pipeline, no rule), so
 * that formatters may read it without loading any rule code.
 */
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'

// The lines of the text last asked about: callers ask for every message of one draft in turn,
// and indexing the whole text's lines per message made a report of a large draft quadratic
// (400,000 messages on 4 MiB).
let last: {readonly text: string; readonly points: ReturnType<typeof location>} | undefined

/** The offsets a message covers in `text`, or `undefined` when it has no range. */
export function messageRange(text: string, message: VFileMessage): {start: number; end: number} | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  if (last?.text !== text) last = {text, points: location(text)}
  const points = last.points
  const start = points.toOffset(place.start)
  const end = points.toOffset(place.end)
  if (start === undefined || end === undefined) return undefined
  return {start, end}
}

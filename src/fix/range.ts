/**
 * Where a message is, as offsets in the text. A module of its own (no pipeline, no rule), so
 * that formatters may read it without loading any rule code.
 */
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'

/** The offsets a message covers in `text`, or `undefined` when it has no range. */
export function messageRange(text: string, message: VFileMessage): {start: number; end: number} | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const points = location(text)
  const start = points.toOffset(place.start)
  const end = points.toOffset(place.end)
  if (start === undefined || end === undefined) return undefined
  return {start, end}
}

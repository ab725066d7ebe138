/**
 * Reports in pieces: the text of `JSON.stringify(value, null, 2)`, byte for byte, without ever
 * holding it whole. A draft of 4 MiB can carry 400,000 messages; its JSON report is some
 * 180 MB and its SARIF log 500 MB, and building either as one string (and every message's
 * object before it) cost more memory than the lint. The CLI writes the pieces as they come.
 */

/**
 * The pieces of `JSON.stringify(skeleton, null, 2)` with `items` in place of the skeleton's
 * last value, which must be an empty array (`{file, messages: []}`, a SARIF run's
 * `results: []`): the items are made one at a time. `indent` is put before every line but the
 * first, for a skeleton that is itself inside an array.
 */
export function* stringifyWithLastArray(skeleton: unknown, items: Iterable<unknown>, indent = ''): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2)
  // Only closing brackets and white space come after the last value: its `[]` is the last one.
  const at = text.lastIndexOf('[]')
  if (at === -1 || /[^\s\]}]/.test(text.slice(at + 2))) throw new Error('stringifyWithLastArray: the skeleton’s last value must be an empty array')
  const lineStart = text.lastIndexOf('\n', at) + 1
  const keyIndent = indent + /^ */.exec(text.slice(lineStart))![0]
  const itemIndent = keyIndent + '  '
  const indented = (part: string) => (indent === '' ? part : part.replaceAll('\n', '\n' + indent))
  let first = true
  for (const item of items) {
    const body = JSON.stringify(item, null, 2)
    if (body === undefined) throw new Error('stringifyWithLastArray: an item has no JSON form')
    yield (first ? indented(text.slice(0, at)) + '[\n' : ',\n') + itemIndent + body.replaceAll('\n', '\n' + itemIndent)
    first = false
  }
  yield first ? indented(text) : '\n' + keyIndent + ']' + indented(text.slice(at + 2))
}

/** The pieces of a JSON array (`JSON.stringify(array, null, 2)`) whose items come in pieces themselves. */
export function* arrayOfPieces(items: Iterable<Iterable<string>>): Generator<string> {
  let first = true
  for (const item of items) {
    yield first ? '[\n  ' : ',\n  '
    yield* item
    first = false
  }
  yield first ? '[]' : '\n]'
}

/** Pieces joined into strings of at least `size` characters (fewer, larger writes). */
export function* batched(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buffer = ''
  for (const piece of pieces) {
    buffer += piece
    if (buffer.length >= size) {
      yield buffer
      buffer = ''
    }
  }
  if (buffer !== '') yield buffer
}

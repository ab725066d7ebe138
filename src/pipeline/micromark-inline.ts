/**
 * micromark's inline resolution with fewer events: adjacent `data` events are merged once
 * emphasis and links are resolved, as micromark merges them before.
 *
 * micromark tokenizes a paragraph's text, then runs its resolvers in turn: first the one that
 * merges adjacent `data` events (one `data` for `plain words`), then emphasis (`attention`)
 * and links (`labelEnd`), which turn every `*`, `_`, `[` and `![` that found no partner into
 * `data` of its own. A paragraph of `*a _b ` or `[a ` with nothing closed (`md-emphasis-open`,
 * `md-brackets-open`) keeps a `data` event pair for every mark and every run between marks:
 * about 1.4 million events a megabyte, each of which `mdast-util-from-markdown` visits (a
 * context object per event) and appends to the text node it is building. Here the emphasis and
 * link resolvers merge adjacent `data` afterwards too, and the merge itself is one pass
 * (micromark's `Array#splice` per run costs the events after the run, every time). The emphasis
 * resolver itself is micromark's, with its splice per span made linear too
 * ({@link resolveAllAttention}).
 *
 * The tree is micromark's: `mdast-util-from-markdown` puts adjacent `data` into one text node
 * anyway, which starts where the first starts and ends where the last ends
 * (`tests/pipeline/micromark-inline.test.ts` compares the trees of generated documents with
 * the shipped resolvers'). {@link installInline} puts the resolvers in place, on the constructs
 * micromark's parser uses (found through remark-parse, as it imports micromark).
 */
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import type {Construct, Event, InitialConstruct, Resolver, Token, TokenizeContext} from 'micromark-util-types'

/**
 * Merge adjacent `data` events in place, as micromark's text resolver does (`resolveAllText`):
 * a run of them becomes the first token's enter and exit, the token ending where the run's
 * last event ends. One pass instead of a splice per run.
 */
export function mergeData(events: Event[]): Event[] {
  const length = events.length
  let to = 0
  let index = 0
  while (index < length) {
    const event = events[index]
    if (event[1].type !== 'data' || index + 1 >= length) {
      events[to++] = event
      index++
      continue
    }
    // The enter, its exit (whatever follows is taken as it), then every `data` event after them.
    let end = index + 2
    while (end < length && events[end][1].type === 'data') end++
    if (end !== index + 2) event[1].end = events[end - 1][1].end
    events[to++] = event
    events[to++] = events[index + 1]
    index = end
  }
  events.length = to
  return events
}

/**
 * micromark's emphasis resolver (`resolveAllAttention`, micromark-core-commonmark 2.0.4, MIT,
 * © Titus Wormer) with the same result in time linear in the events outside the spans: each
 * closing mark walks back to its opening mark, and micromark then splices the span's events into
 * the paragraph's list, moving every event after it (a paragraph of 32 KB of `*a* **b** _c_`
 * moved the rest of its events once per span). Here the events before the closing mark are
 * kept in `done`, the span replaces the end of `done`, and the events after it have not been
 * copied yet. And a closing mark walks back over the marks that can open it only (the exits of
 * `attentionSequence`s that can open, with the same marker: the events micromark's walk does
 * not skip, in the same order), not over every event before it: a paragraph of `a* b_ ` walked
 * back to its start from every mark (256 KB: 10 s).
 */
export function resolveAllAttention(events: Event[], context: TokenizeContext): Event[] {
  // Nothing to match or to turn into data (the text inside most spans): micromark's walk changes nothing.
  if (!events.some((event) => event[1].type === 'attentionSequence')) return events
  const done: Event[] = []
  // Per marker (`*` or `_`), the indices in `done` of the exits of sequences that can open, in order.
  const openers = new Map<number, number[]>()
  const add = (event: Event) => {
    done.push(event)
    const token = event[1]
    if (event[0] !== 'exit' || token.type !== 'attentionSequence' || !token._open) return
    const marker = context.sliceSerialize(token).charCodeAt(0)
    let list = openers.get(marker)
    if (!list) openers.set(marker, (list = []))
    list.push(done.length - 1)
  }
  const cut = (length: number) => {
    done.length = length
    for (const list of openers.values()) while (list.length > 0 && list[list.length - 1] >= length) list.pop()
  }
  // Events to read before the next of `events`: the rest of a closing mark that was not used up.
  let pending: Event[] = []
  let next = 0
  for (;;) {
    const event = pending.length > 0 ? pending.shift()! : events[next++]
    if (event === undefined) break
    add(event)
    const index = done.length - 1
    // Find a token that can close.
    if (event[0] !== 'enter' || event[1].type !== 'attentionSequence' || !event[1]._close) continue
    const closer = event[1]
    // Now walk back to find an opener: among the sequences that can open with the same marker, which
    // are the events micromark's walk back over every event does not skip.
    const candidates = openers.get(context.sliceSerialize(closer).charCodeAt(0)) ?? []
    for (let candidate = candidates.length - 1; candidate >= 0; candidate--) {
      const open = candidates[candidate]
      const opener = done[open][1]
      // If the opening can close or the closing can open, and the close size *is not* a multiple
      // of three, but the sum of the opening and closing size *is* a multiple of three, no match.
      const openSize = opener.end.offset - opener.start.offset
      const closeSize = closer.end.offset - closer.start.offset
      if ((opener._close || closer._open) && closeSize % 3 && !((openSize + closeSize) % 3)) continue
      // Skip the closing mark's exit, which micromark's splice takes with the span.
      if (pending.length > 0) pending.shift()
      else next++
      // Number of markers to use from the sequence.
      const use = openSize > 1 && closeSize > 1 ? 2 : 1
      const start = {...opener.end}
      const end = {...closer.start}
      movePoint(start, -use)
      movePoint(end, use)
      const openingSequence: Token = {type: use > 1 ? 'strongSequence' : 'emphasisSequence', start, end: {...opener.end}}
      const closingSequence: Token = {type: use > 1 ? 'strongSequence' : 'emphasisSequence', start: {...closer.start}, end}
      const text: Token = {type: use > 1 ? 'strongText' : 'emphasisText', start: {...opener.end}, end: {...closer.start}}
      const group: Token = {type: use > 1 ? 'strong' : 'emphasis', start: {...openingSequence.start}, end: {...closingSequence.end}}
      opener.end = {...openingSequence.start}
      closer.start = {...closingSequence.end}
      const span: Event[] = []
      // If there are more markers in the opening, add them before.
      if (opener.end.offset - opener.start.offset) span.push(['enter', opener, context], ['exit', opener, context])
      // Opening.
      span.push(['enter', group, context], ['enter', openingSequence, context], ['exit', openingSequence, context], ['enter', text, context])
      // Between: the resolvers of what is inside a span (emphasis again, and merging data).
      for (const inner of resolveInside(context, done.slice(open + 1, index))) span.push(inner)
      // Closing.
      span.push(['exit', text, context], ['enter', closingSequence, context], ['exit', closingSequence, context], ['exit', group, context])
      // The span replaces the opening mark's enter through the closing mark's exit.
      cut(open - 1)
      for (const item of span) add(item)
      // If there are more markers in the closing, they are read again, as a closing mark may be.
      if (closer.end.offset - closer.start.offset) pending = [['enter', closer, context], ['exit', closer, context], ...pending]
      break
    }
  }
  // Remove remaining sequences.
  for (const event of done) if (event[1].type === 'attentionSequence') event[1].type = 'data'
  // In place, as micromark's.
  events.length = 0
  for (const event of done) events.push(event)
  return events
}

/** micromark's `resolveAll` (micromark-util-resolve-all) over the constructs of what is inside a span. */
function resolveInside(context: TokenizeContext, events: Event[]): Event[] {
  const called: Resolver[] = []
  for (const construct of context.parser.constructs.insideSpan.null ?? []) {
    const resolve = construct.resolveAll
    if (resolve && !called.includes(resolve)) {
      events = resolve(events, context)
      called.push(resolve)
    }
  }
  return events
}

/** Move a point by `offset` characters on its line (micromark's `movePoint`). */
function movePoint(point: Token['start'], offset: number): void {
  point.column += offset
  point.offset += offset
  point._bufferIndex += offset
}

/** The objects whose resolvers are replaced, and micromark's resolvers (for the equivalence test). */
interface Shipped {
  /** The `text` initializer (its resolver merges `data` and handles line suffixes). */
  readonly text: InitialConstruct
  /** The resolver run inside emphasis and links (`insideSpan`): merges `data`. */
  readonly inside: {resolveAll?: Resolver}
  readonly attention: Construct
  /** `labelEnd`, `labelStartLink` and `labelStartImage`, which share one resolver. */
  readonly labels: readonly Construct[]
}

/** micromark's resolvers, as shipped. */
export interface Resolvers {
  readonly text: Resolver
  readonly inside: Resolver
  readonly attention: Resolver
  readonly labels: Resolver
}

/** The constructs micromark's parser uses, found as remark-parse imports micromark. */
async function shipped(): Promise<Shipped> {
  const fromParse = createRequire(createRequire(import.meta.url).resolve('remark-parse'))
  const fromMdast = createRequire(fromParse.resolve('mdast-util-from-markdown'))
  const main = fromMdast.resolve('micromark')
  const core = createRequire(main).resolve('micromark-core-commonmark')
  const initialize = (await import(new URL('lib/initialize/text.js', pathToFileURL(main)).href)) as {text: InitialConstruct; resolver: {resolveAll?: Resolver}}
  const constructs = (await import(pathToFileURL(core).href)) as Record<'attention' | 'labelEnd' | 'labelStartLink' | 'labelStartImage', Construct>
  return {
    text: initialize.text,
    inside: initialize.resolver,
    attention: constructs.attention,
    labels: [constructs.labelEnd, constructs.labelStartLink, constructs.labelStartImage],
  }
}

let found: {constructs: Shipped; original: Resolvers} | undefined

/** The constructs and micromark's resolvers on them, read once (before anything is replaced). */
async function load(): Promise<{constructs: Shipped; original: Resolvers}> {
  if (found) return found
  const constructs = await shipped()
  const text = constructs.text.resolveAll
  const inside = constructs.inside.resolveAll
  const attention = constructs.attention.resolveAll
  const labels = constructs.labels[0].resolveAll
  if (!text || !inside || !attention || !labels || constructs.labels.some((construct) => construct.resolveAll !== labels)) {
    throw new Error('copydesk: micromark’s inline resolvers are not where they were (src/pipeline/micromark-inline.ts)')
  }
  found = {constructs, original: {text, inside, attention, labels}}
  return found
}

/** The resolvers of {@link installInline}, around micromark's. */
function merging(original: Resolvers): Resolvers {
  return {
    // micromark's merge then finds every run merged already, and goes on to the line suffixes.
    text: (events, context) => original.text(mergeData(events), context),
    inside: (events, context) => original.inside(mergeData(events), context),
    attention: (events, context) => mergeData(resolveAllAttention(events, context)),
    labels: (events, context) => mergeData(original.labels(events, context)),
  }
}

let ours: Resolvers | undefined

/**
 * Put either resolvers on micromark's constructs: ours (see the module comment) or micromark's
 * (`'shipped'`, for the equivalence test).
 */
export async function useInlineResolvers(which: 'ours' | 'shipped'): Promise<void> {
  const {constructs, original} = await load()
  ours ??= merging(original)
  const resolvers = which === 'ours' ? ours : original
  constructs.text.resolveAll = resolvers.text
  constructs.inside.resolveAll = resolvers.inside
  constructs.attention.resolveAll = resolvers.attention
  // One function for the three, as micromark's: a resolver runs once however many constructs have it.
  for (const construct of constructs.labels) construct.resolveAll = resolvers.labels
}

/** micromark's own resolvers (for the equivalence tests). */
export async function shippedInlineResolvers(): Promise<Resolvers> {
  return (await load()).original
}

/** Put our resolvers in place (see the module comment). */
export async function installInline(): Promise<void> {
  await useInlineResolvers('ours')
}

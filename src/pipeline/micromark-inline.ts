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
 * (micromark's `Array#splice` per run costs the events after the run, every time).
 *
 * The tree is micromark's: `mdast-util-from-markdown` puts adjacent `data` into one text node
 * anyway, which starts where the first starts and ends where the last ends
 * (`tests/pipeline/micromark-inline.test.ts` compares the trees of generated documents with
 * the shipped resolvers'). {@link installInline} puts the resolvers in place, on the constructs
 * micromark's parser uses (found through remark-parse, as it imports micromark).
 */
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import type {Construct, Event, InitialConstruct, Resolver} from 'micromark-util-types'

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
interface Resolvers {
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
    attention: (events, context) => mergeData(original.attention(events, context)),
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

/** Put our resolvers in place (see the module comment). */
export async function installInline(): Promise<void> {
  await useInlineResolvers('ours')
}

/**
 * micromark's document tokenizer (`micromark/lib/initialize/document.js`, micromark 4.0.3, MIT,
 * © Titus Wormer) with one cost removed: lazy lines in linear time.
 *
 * After each lazy line (`> a` then `b`, or `> > a` then `> b`: a line that goes on with a
 * paragraph in more containers than it opens) micromark checks whether anything in the flow is
 * still open across the line's start, by walking the flow's events back from the end. A
 * paragraph is open from its first line, so the walk goes back to it: every lazy line costs the
 * whole paragraph so far, and a long quote of shrinking depth (`md-blockquotes`, 2 MB: 44 s of
 * parsing) the square of its length. Here the event found open is remembered, and the next lazy
 * line of the same flow first looks at it: when it is still at its place and still open across
 * the new line start, the answer is the same (something is open) without the walk. Otherwise
 * the walk is micromark's. The result is micromark's: the same events (a test compares the
 * trees of generated documents with the shipped tokenizer's).
 *
 * {@link installDocument} puts this tokenizer in place of micromark's, on the `document`
 * object that micromark's parser uses (found through remark-parse, as it imports micromark).
 */
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import {factorySpace} from 'micromark-factory-space'
import {markdownLineEnding} from 'micromark-util-character'
import {EditMap} from 'micromark-util-edit-map'
import type {Code, Construct, ContainerState, Effects, Event, InitialConstruct, Point, State, TokenizeContext, Token} from 'micromark-util-types'

type StackItem = [Construct, ContainerState]

/** The document initializer, with lazy lines in linear time (see module comment). */
export function initializeDocument(this: TokenizeContext, effects: Effects): State {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- micromark's tokenizers close over their context.
  const self = this
  const stack: StackItem[] = []
  let continued = 0
  let childFlow: TokenizeContext | undefined
  let childToken: Token | undefined
  let lineStartOffset = 0
  /** The event last found open across a lazy line's start, in `flow`'s events at `index`. */
  let open: {flow: TokenizeContext; index: number; event: Event} | undefined
  return start

  function start(code: Code): State | undefined {
    // The open containers, outermost first: each imposes a condition the line must meet to stay open.
    if (continued < stack.length) {
      const item = stack[continued]
      self.containerState = item[1]
      return effects.attempt(item[0].continuation!, documentContinue, checkNewContainers)(code)
    }
    return checkNewContainers(code)
  }

  function documentContinue(code: Code): State | undefined {
    continued++
    // `_closeFlow` closes containers too.
    if (self.containerState!._closeFlow) {
      self.containerState!._closeFlow = undefined
      if (childFlow) closeFlow()
      const indexBeforeExits = self.events.length
      let indexBeforeFlow = indexBeforeExits
      let point: Point | undefined
      // Find the flow chunk.
      while (indexBeforeFlow--) {
        if (self.events[indexBeforeFlow][0] === 'exit' && self.events[indexBeforeFlow][1].type === 'chunkFlow') {
          point = self.events[indexBeforeFlow][1].end
          break
        }
      }
      exitContainers(continued)
      // Fix positions.
      let index = indexBeforeExits
      while (index < self.events.length) {
        self.events[index][1].end = {...point!}
        index++
      }
      const editMap = new EditMap()
      // Inject the exits earlier (they are still also at the end), then discard the duplicates.
      editMap.add(indexBeforeFlow + 1, 0, self.events.slice(indexBeforeExits))
      editMap.add(indexBeforeExits, index - indexBeforeExits, [])
      editMap.consume(self.events)
      return checkNewContainers(code)
    }
    return start(code)
  }

  function checkNewContainers(code: Code): State | undefined {
    if (continued === stack.length) {
      if (!childFlow) return documentContinued(code)
      // Concrete content (block HTML, fenced code): containers cannot pierce into it.
      if (childFlow.currentConstruct && childFlow.currentConstruct.concrete) return flowStart(code)
      self.interrupt = Boolean(childFlow.currentConstruct && !(childFlow as TokenizeContext & {_gfmTableDynamicInterruptHack?: boolean})._gfmTableDynamicInterruptHack)
    }
    // Check if there is a new container.
    self.containerState = {}
    return effects.check(containerConstruct, thereIsANewContainer, thereIsNoNewContainer)(code)
  }

  function thereIsANewContainer(code: Code): State | undefined {
    if (childFlow) closeFlow()
    exitContainers(continued)
    return documentContinued(code)
  }

  function thereIsNoNewContainer(code: Code): State | undefined {
    self.parser.lazy[self.now().line] = continued !== stack.length
    lineStartOffset = self.now().offset
    return flowStart(code)
  }

  function documentContinued(code: Code): State | undefined {
    // Try new containers.
    self.containerState = {}
    return effects.attempt(containerConstruct, containerContinue, flowStart)(code)
  }

  function containerContinue(code: Code): State | undefined {
    continued++
    stack.push([self.currentConstruct!, self.containerState!])
    // Try another.
    return documentContinued(code)
  }

  function flowStart(code: Code): State | undefined {
    if (code === null) {
      if (childFlow) closeFlow()
      exitContainers(0)
      effects.consume(code)
      return
    }
    childFlow = childFlow || self.parser.flow(self.now())
    effects.enter('chunkFlow', {_tokenizer: childFlow, contentType: 'flow', previous: childToken})
    return flowContinue(code)
  }

  function flowContinue(code: Code): State | undefined {
    if (code === null) {
      writeToChild(effects.exit('chunkFlow'), true)
      exitContainers(0)
      effects.consume(code)
      return
    }
    if (markdownLineEnding(code)) {
      effects.consume(code)
      writeToChild(effects.exit('chunkFlow'))
      // Get ready for the next line.
      continued = 0
      self.interrupt = undefined
      return start
    }
    effects.consume(code)
    return flowContinue
  }

  function writeToChild(token: Token, endOfFile?: boolean): undefined {
    const flow = childFlow!
    const stream = self.sliceStream(token)
    if (endOfFile) stream.push(null)
    token.previous = childToken
    if (childToken) childToken.next = token
    childToken = token
    flow.defineSkip(token.start)
    flow.write(stream)

    // A lazy line: if it started a new flow block, exit the containers between the two blocks.
    if (self.parser.lazy[token.start.line]) {
      // Something still open across the line start means it is a lazy line part of something.
      if (open && open.flow === flow && flow.events[open.index] === open.event && isOpenAcross(open.event, lineStartOffset)) return
      let index = flow.events.length
      while (index--) {
        if (isOpenAcross(flow.events[index], lineStartOffset)) {
          open = {flow, index, event: flow.events[index]}
          return
        }
      }

      // Similar to closing flow in `documentContinue`.
      const indexBeforeExits = self.events.length
      let indexBeforeFlow = indexBeforeExits
      let seen: boolean | undefined
      let point: Point | undefined
      // Find the previous chunk (the one before the lazy line).
      while (indexBeforeFlow--) {
        if (self.events[indexBeforeFlow][0] === 'exit' && self.events[indexBeforeFlow][1].type === 'chunkFlow') {
          if (seen) {
            point = self.events[indexBeforeFlow][1].end
            break
          }
          seen = true
        }
      }
      exitContainers(continued)
      // Fix positions.
      index = indexBeforeExits
      while (index < self.events.length) {
        self.events[index][1].end = {...point!}
        index++
      }
      const editMap = new EditMap()
      editMap.add(indexBeforeFlow + 1, 0, self.events.slice(indexBeforeExits))
      editMap.add(indexBeforeExits, index - indexBeforeExits, [])
      editMap.consume(self.events)
    }
  }

  function exitContainers(size: number): undefined {
    let index = stack.length
    // Exit open containers.
    while (index-- > size) {
      const entry = stack[index]
      self.containerState = entry[1]
      entry[0].exit!.call(self, effects)
    }
    stack.length = size
  }

  function closeFlow(): undefined {
    childFlow!.write([null])
    childToken = undefined
    childFlow = undefined
    self.containerState!._closeFlow = undefined
  }
}

/** Whether the token of `event` starts before `offset` and is not ended yet or ends after it. */
function isOpenAcross(event: Event, offset: number): boolean {
  const token = event[1]
  return token.start.offset < offset && (!token.end || token.end.offset > offset)
}

const containerConstruct: Construct = {tokenize: tokenizeContainer}

function tokenizeContainer(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return factorySpace(
    effects,
    effects.attempt(this.parser.constructs.document, ok, nok),
    'linePrefix',
    this.parser.constructs.disable.null!.includes('codeIndented') ? undefined : 4,
  )
}

/** The `document` initial construct micromark's parser uses, found as remark-parse imports it. */
async function shippedDocument(): Promise<InitialConstruct> {
  const fromParse = createRequire(createRequire(import.meta.url).resolve('remark-parse'))
  const fromMdast = createRequire(fromParse.resolve('mdast-util-from-markdown'))
  const main = fromMdast.resolve('micromark')
  const module = (await import(new URL('lib/initialize/document.js', pathToFileURL(main)).href)) as {document: InitialConstruct}
  return module.document
}

/** micromark's own document tokenizer, for the equivalence test. */
export let originalDocument: InitialConstruct['tokenize'] | undefined

/** Put {@link initializeDocument} in place of micromark's (once); the construct changed. */
export async function installDocument(): Promise<InitialConstruct> {
  const document = await shippedDocument()
  if (document.tokenize !== initializeDocument) {
    originalDocument = document.tokenize
    document.tokenize = initializeDocument
  }
  return document
}

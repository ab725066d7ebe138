/**
 * The processor: a parser (plain text or Markdown) and the enabled rules, in registry order.
 *
 * One processor is built per configuration and kind of file, and reused.
 */
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {wrap} from 'trough'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import type {ResolvedConfig} from '../config/types.js'
import type {MessageFields, Rule, RuleContext, Severity} from '../rule.js'
import {parseInChunks, splitLineParagraphs} from './line-paragraphs.js'
import {parseAt} from './placed-parser.js'
import {ruleUrl} from './rule-url.js'

/** The kinds of draft copydesk reads. */
export type DraftKind = 'text' | 'markdown'

/** Data that the pipeline keeps on `file.data`. */
declare module 'vfile' {
  interface DataMap {
    /** Rule ids in the order they ran, to settle which rule reports a problem. */
    copydeskRuleOrder: string[]
  }
}

// The Markdown parser (remark, micromark) is loaded only when a Markdown draft is linted.
let markdown: typeof import('./markdown.js') | undefined

/** Load the Markdown support once; `getProcessor(config, 'markdown')` needs it loaded. */
export async function loadMarkdownSupport(): Promise<void> {
  markdown ??= await import('./markdown.js')
}

const cache = new WeakMap<ResolvedConfig, Map<DraftKind, Processor<Root, Root, Root>>>()

/** The (frozen, cached) processor for a configuration and a kind of draft. */
export function getProcessor(config: ResolvedConfig, kind: DraftKind = 'text'): Processor<Root, Root, Root> {
  let byKind = cache.get(config)
  if (!byKind) cache.set(config, (byKind = new Map<DraftKind, Processor<Root, Root, Root>>()))
  let processor = byKind.get(kind)
  if (!processor) byKind.set(kind, (processor = createProcessor(config, kind)))
  return processor
}

/** Options of {@link createProcessor}, for the incremental engine. */
export interface ProcessorOptions {
  /** Only the enabled rules that pass (default: all). */
  readonly select?: (rule: Rule) => boolean
  /** Plain text: split paragraphs at line ends while running (default `true`; `false` for a tree already split). */
  readonly splitLines?: boolean
}

/** The enabled rules of a configuration, in registry order. */
export function enabledRules(config: ResolvedConfig): Rule[] {
  return rules.filter((rule) => (config.rules[rule.id] ?? [rule.meta.severity])[0] !== 'off')
}

/** Build the retext processor: parser, then each enabled rule in registry order. */
export function createProcessor(config: ResolvedConfig, kind: DraftKind = 'text', options: ProcessorOptions = {}): Processor<Root, Root, Root> {
  const context: RuleContext = {
    language: config.language,
    dictionary: config.dictionary,
    names: config.names,
    styles: config.styles,
    cwd: config.cwd,
  }
  const processor = unified().use(retextEnglish) as unknown as Processor<Root, Root, Root>
  // Markdown paragraphs come from the Markdown tree; plain text has one paragraph a line.
  if (kind === 'text' && options.splitLines !== false) processor.use(parseTextInChunks).use(linesAsParagraphs)
  for (const rule of rules) {
    const [severity, ruleOptions] = config.rules[rule.id] ?? [rule.meta.severity]
    if (severity === 'off' || !(options.select?.(rule) ?? true)) continue
    // Options and resources come parsed and loaded with the configuration; a configuration
    // built by hand without them gets the defaults here.
    const parsed = ruleOptions ?? rule.meta.options.parse({})
    const resources = config.resources?.[rule.id] ?? rule.resources?.(parsed, context).data
    processor.use(withIdentity(rule, severity, context, resources), parsed)
  }
  // Markdown: remark parses the file and the rules run on its prose (bridge mode).
  if (kind === 'markdown') {
    if (!markdown) throw new Error('Markdown support is not loaded: await loadMarkdownSupport() first')
    const ids = rules.map((rule) => rule.id)
    return markdown.createMarkdownProcessor(processor as unknown as Processor<Root>, ids).freeze() as unknown as Processor<Root, Root, Root>
  }
  return processor.freeze()
}

/**
 * Plain text is parsed chunk by chunk, in linear time (see {@link parseInChunks}), each chunk's
 * tokens made at its place in the draft ({@link parseAt}: no tree to move afterwards).
 */
function parseTextInChunks(this: Processor) {
  const self = this as unknown as Processor<Root>
  if (!self.parser) return
  self.parser = (document) => parseInChunks(document, (text, chunk) => parseAt(this, text, chunk))
}

function linesAsParagraphs() {
  return (tree: Root, file: VFile) => {
    splitLineParagraphs(tree, String(file.value ?? ''))
  }
}

/**
 * Run a rule's transformer (sync, async or callback) and stamp the messages it added with
 * the rule's identity and severity (rules never set these themselves), and with whether a
 * message's fix is certain: only a fixable rule's, unless the rule held it back (`fix: false`).
 */
function withIdentity(rule: Rule, severity: Severity, context: RuleContext, resources: unknown) {
  const url = ruleUrl(rule.id)
  const fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
  return function (this: Processor, options: unknown) {
    const transformer = rule.plugin.call(this as unknown as Processor<Root>, options, context, resources)
    if (!transformer) return
    return function (tree: Root, file: VFile, next: (error?: Error) => void) {
      const before = file.messages.length
      ;(file.data.copydeskRuleOrder ??= []).push(rule.id)
      // While the rule runs, its messages are made without a stack trace (see `messageWithoutStack`).
      const hadOwn = Object.hasOwn(file, 'message')
      if (!hadOwn) file.message = messageWithoutStack
      wrap(transformer as (...parameters: unknown[]) => unknown, (error?: Error | null) => {
        if (!hadOwn) delete (file as Partial<VFile>).message
        const messages = file.messages
        for (let index = before; index < messages.length; index++) {
          const message = messages[index]
          message.ruleId = rule.id
          message.source = 'copydesk'
          message.url = url
          message.fatal = fatal
          // The nodes around the problem (retext plugins set them) are read by no one, and a
          // message that kept them kept its sentence's tree until the report was written.
          message.ancestors = undefined
          const fields = message as typeof message & MessageFields
          fields.fix = rule.meta.fixable && fields.fix !== false
        }
        next(error ?? undefined)
      })(tree, file)
    }
  }
}

/**
 * `file.message` without a stack trace: a `VFileMessage` is an `Error`, so V8 records the
 * stack where it is made (some microseconds) and vfile-message then throws it away (its
 * `stack` is `''`). A draft can have hundreds of thousands of messages; only their making is
 * spared, and an error a rule throws keeps its stack trace.
 */
const messageWithoutStack = function (this: VFile, ...parameters: unknown[]) {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return (VFile.prototype.message as (...parameters: unknown[]) => ReturnType<VFile['message']>).apply(this, parameters)
  } finally {
    Error.stackTraceLimit = limit
  }
} as VFile['message']

/**
 * The library entry point shared by the CLI and the LSP server: text or file in, messages out.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {compareMessage} from 'vfile-sort'
import {defaultConfig} from '../config/defaults.js'
import type {ResolvedConfig} from '../config/types.js'
import {getProcessor, type DraftKind} from './processor.js'

/** Options of {@link lint}. */
export interface LintOptions {
  /** The resolved configuration (default: every rule at its default severity). */
  readonly config?: ResolvedConfig
  /** Path of the draft, when `input` is a string (decides plain text or Markdown). */
  readonly path?: string
  /** Force the kind of draft instead of guessing it from the extension. */
  readonly kind?: DraftKind
}

/** Whether a path names a Markdown draft. */
export function isMarkdownPath(path: string | undefined): boolean {
  return path !== undefined && /\.(md|markdown)$/i.test(path)
}

/** Proofread one draft; resolves to the file with its messages, sorted by position. */
export async function lint(input: string | VFile, options: LintOptions = {}): Promise<VFile> {
  const file = typeof input === 'string' ? new VFile({value: input, path: options.path}) : input
  const config = options.config ?? defaultConfig(file.cwd)
  const kind = options.kind ?? (isMarkdownPath(file.path) ? 'markdown' : 'text')
  const processor = getProcessor(config, kind)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  settle(file)
  return file
}

/**
 * A problem is reported by one rule only: where two rules flag exactly the same text,
 * the one that runs first (registry order: the more specific rule) keeps it.
 * Then sort by position.
 */
export function settle(file: VFile): void {
  const order = file.data.copydeskRuleOrder ?? []
  const rank = (message: VFileMessage) => {
    const index = order.indexOf(message.ruleId ?? '')
    return index === -1 ? order.length : index
  }
  const kept = new Map<string, VFileMessage>()
  const rest: VFileMessage[] = []
  for (const message of file.messages) {
    const key = rangeKey(message)
    if (key === undefined) {
      rest.push(message)
      continue
    }
    const other = kept.get(key)
    if (!other || rank(message) < rank(other)) kept.set(key, message)
  }
  file.messages = [...kept.values(), ...rest].sort(compareMessage)
}

function rangeKey(message: VFileMessage): string | undefined {
  const place = message.place
  if (!place) return undefined
  const start = 'start' in place ? place.start : place
  const end = 'end' in place ? place.end : place
  return `${start.line}:${start.column}-${end.line}:${end.column}`
}

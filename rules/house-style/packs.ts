/**
 * Style packs: YAML files of house-style entries, read and checked when the configuration is
 * loaded (nothing is cached here: the configuration holds the entries), compiled once per processor.
 *
 * The format is documented in `docs/rules/house-style.md`. Regular expressions are compiled with
 * `re2js` (RE2: linear time, no backreferences or lookaround), so a newsroom's own pattern can
 * never hang a run; a pattern RE2 refuses is reported with the pack file and the entry.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {RE2JS} from 're2js'
// The engine's one bounded reader and data parser of user-named files, through the contract.
import {DataError, parseYamlData, readBoundedTextSync} from '../../src/rule.js'

/** One entry of a style pack, as written in YAML (or in the rule's `terms` option). */
export interface HouseTerm {
  /** Name of the entry, unique in its pack (shown in errors and notes). */
  readonly id?: string
  /** Literal phrases to flag (words, matched case-insensitively, spacing ignored). */
  readonly avoid?: readonly string[]
  /** An RE2 pattern to flag instead of phrases; a group named `match` narrows the flagged text. */
  readonly pattern?: string
  /** The replacement(s); `$1`… insert groups of `pattern`. None: a word to avoid. */
  readonly use?: string | readonly string[]
  /** For entries without `use`: what to write instead, after “House style avoids `…`: ”. */
  readonly message?: string
  /** Why, shown as the message's note. */
  readonly note?: string
  /** `keep` (default): keep the writer's capital; `exact`: the case of `use` is the point. */
  readonly case?: 'keep' | 'exact'
  /** Whether a single replacement may be applied unattended (default: true). */
  readonly fix?: boolean
  /** Whether to flag text inside quotation marks (default: true). */
  readonly quotes?: boolean
  /** Whether to flag text in headlines (default: true). */
  readonly headlines?: boolean
  /** Skip a match when the word before it is one of these (case-insensitive). */
  readonly notBefore?: readonly string[]
  /** Skip a match when the text after it starts with one of these words or phrases. */
  readonly notAfter?: readonly string[]
}

/** An entry ready to run. */
export interface CompiledTerm {
  readonly id: string
  readonly pack: string
  readonly phrases: readonly string[]
  /** The pattern, or the phrases compiled to one (literal, case-insensitive). */
  readonly regex: RE2JS
  /** Whether the replacement is written as is (`pattern` entries, `case: exact`). */
  readonly isLiteralCase: boolean
  readonly use: readonly string[]
  readonly message: string | undefined
  readonly note: string | undefined
  readonly isExactCase: boolean
  readonly isFixable: boolean
  readonly inQuotes: boolean
  readonly inHeadlines: boolean
  readonly notBefore: ReadonlySet<string>
  readonly notAfter: readonly string[]
}

const here = path.dirname(fileURLToPath(import.meta.url))
/** The packs that ship: beside this file in the sources, under the package's `rules/` when built. */
const packFolders = [path.join(here, 'packs'), path.resolve(here, '../../../rules/house-style/packs')]

/** Names of the packs that ship with copydesk. */
export const builtInPacks: readonly string[] = ['ap', 'default']

const allowedKeys = new Set(['id', 'avoid', 'pattern', 'use', 'message', 'note', 'case', 'fix', 'quotes', 'headlines', 'notBefore', 'notAfter'])

/** Where a built-in pack or a user's pack file lives. */
export function resolvePack(name: string, cwd: string): string {
  if (builtInPacks.includes(name)) {
    const folder = packFolders.find((folder) => existsSync(path.join(folder, `${name}.yaml`)))
    if (!folder) throw new Error(`Cannot find the built-in style pack \`${name}\` (looked in ${packFolders.join(', ')})`)
    return path.join(folder, `${name}.yaml`)
  }
  if (/[\\/]|\.ya?ml$/i.test(name)) return path.resolve(cwd, name)
  throw new Error(`Unknown style pack \`${name}\`, expected one of ${builtInPacks.map((pack) => `\`${pack}\``).join(', ')} or a path to a YAML file`)
}

/** A pack as read: its file and its entries, checked (plain data). */
export interface PackData {
  readonly file: string
  readonly entries: readonly unknown[]
}

/** The largest style pack read: 1 MiB (AP's pack is 10 KB). */
export const maxPackBytes = 1024 * 1024

/** Read and check a pack. Throws an error naming the file and entry. */
export function readPack(name: string, cwd: string): PackData {
  const file = resolvePack(name, cwd)
  let text: string
  try {
    // A regular file of bounded size only: never `/dev/zero` or a FIFO.
    text = readBoundedTextSync(file, {maxBytes: maxPackBytes, what: 'a style pack'})
  } catch (error) {
    throw new Error(`Cannot read style pack \`${file}\`: ${(error as Error).message}`, {cause: error})
  }
  let data: unknown
  try {
    data = parseYamlData(text)
  } catch (error) {
    if (!(error instanceof DataError)) throw error
    // One line, and no excerpt of the file: a configuration can name any file as a pack.
    const where = error.line === undefined ? '' : ` (line ${error.line}, column ${error.column})`
    throw new Error(`Invalid YAML in style pack \`${file}\`${where}: ${error.message}`, {cause: error})
  }
  const entries = (data as {entries?: unknown} | null)?.entries
  if (!Array.isArray(entries)) throw new Error(`Invalid style pack \`${file}\`: expected a list under \`entries\``)
  compileTerms(entries, file)
  return {file, entries}
}

/** Read, check and compile a pack. Throws an error naming the file and entry. */
export function loadPack(name: string, cwd: string): readonly CompiledTerm[] {
  const {file, entries} = readPack(name, cwd)
  return compileTerms(entries, file)
}

/** Check and compile entries (from a pack file, or the rule's `terms` option). */
export function compileTerms(entries: readonly unknown[], source: string): CompiledTerm[] {
  const ids = new Set<string>()
  return entries.map((entry, index) => {
    const term = entry as HouseTerm
    const label = typeof term?.id === 'string' ? `entry ${index + 1} (\`${term.id}\`)` : `entry ${index + 1}`
    const fail = (what: string): never => {
      throw new Error(`Invalid ${label} in style pack \`${source}\`: ${what}`)
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) fail('expected a mapping')
    for (const key of Object.keys(term)) {
      if (!allowedKeys.has(key)) fail(`unknown key \`${key}\`, expected one of ${[...allowedKeys].map((k) => `\`${k}\``).join(', ')}`)
    }
    const id = term.id ?? String(index + 1)
    if (typeof id !== 'string' || id === '') fail('expected `id` to be a string')
    if (ids.has(id)) fail(`duplicate id \`${id}\``)
    ids.add(id)
    const strings = (key: keyof HouseTerm, value: unknown): string[] => {
      if (value === undefined) return []
      const list = typeof value === 'string' ? [value] : value
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item.trim() !== '')) {
        return fail(`expected \`${key}\` to be a string or a list of strings`)
      }
      return list as string[]
    }
    const phrases = strings('avoid', term.avoid)
    const use = strings('use', term.use)
    if (phrases.length > 0 === (term.pattern !== undefined)) fail('expected exactly one of `avoid` (phrases) or `pattern`')
    if (use.length === 0 && typeof term.message !== 'string') fail('expected `use` (a replacement) or `message` (what to write instead)')
    for (const key of ['message', 'note'] as const) {
      if (term[key] !== undefined && typeof term[key] !== 'string') fail(`expected \`${key}\` to be a string`)
    }
    if (term.case !== undefined && term.case !== 'keep' && term.case !== 'exact') fail('expected `case` to be `keep` or `exact`')
    for (const key of ['fix', 'quotes', 'headlines'] as const) {
      if (term[key] !== undefined && typeof term[key] !== 'boolean') fail(`expected \`${key}\` to be true or false`)
    }
    let regex: RE2JS | undefined
    if (term.pattern === undefined) {
      regex = RE2JS.compile(phrasePattern(phrases), RE2JS.CASE_INSENSITIVE)
    } else {
      if (typeof term.pattern !== 'string' || term.pattern === '') fail('expected `pattern` to be a non-empty string')
      try {
        regex = RE2JS.compile(term.pattern)
      } catch (error) {
        // RE2 refuses backreferences and lookaround, the constructs that make matching slow.
        fail(`unsupported pattern \`${term.pattern}\` (${(error as Error).message}); patterns use RE2 syntax, without backreferences or lookaround`)
      }
      // A pattern that matches nothing at all would flag every position of every draft.
      if (regex!.matches('')) fail(`pattern \`${term.pattern}\` matches empty text`)
      for (const replacement of use) {
        for (const [, group] of replacement.matchAll(/\$(\d)/g)) {
          if (Number(group) > regex!.groupCount()) fail(`\`use\` refers to group $${group}, but the pattern has ${regex!.groupCount()}`)
        }
      }
    }
    return {
      id,
      pack: source,
      phrases,
      regex: regex!,
      use,
      message: term.message,
      note: term.note,
      isExactCase: term.case === 'exact',
      isLiteralCase: term.case === 'exact' || term.pattern !== undefined,
      isFixable: term.fix ?? true,
      inQuotes: term.quotes ?? true,
      inHeadlines: term.headlines ?? true,
      notBefore: new Set(strings('notBefore', term.notBefore).map((word) => word.toLowerCase())),
      notAfter: strings('notAfter', term.notAfter).map((word) => word.toLowerCase()),
    }
  })
}

/**
 * Literal phrases as one RE2 pattern: whole words, any white space between them, either
 * apostrophe. (Not `nlcst-search`: retext-english reads a text's last `cent.` as one word, so
 * `rose 2 per cent.` would not match `per cent`.)
 */
function phrasePattern(phrases: readonly string[]): string {
  const alternatives = phrases.map((phrase) =>
    phrase
      .trim()
      .split(/\s+/)
      .map((word) => RE2JS.quote(word).replace(/['’]/g, "['’]"))
      .join('\\s+'),
  )
  return `(?:^|[^\\p{L}\\p{N}_])(?P<match>${alternatives.join('|')})(?:$|[^\\p{L}\\p{N}_])`
}

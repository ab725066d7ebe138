/** The command line of `copydesk lint`, parsed and checked, and its help. */
import {parseArgs} from 'node:util'
import {closestOf} from '../config/schema.js'
import {formatterNames, isFormatterName} from '../formatters/index.js'
import {draftSizeExpected, parseDraftSize} from '../pipeline/limits.js'
import {RunError} from './errors.js'

/** The options of `copydesk lint`. */
export interface LintArguments {
  readonly paths: readonly string[]
  readonly format: string
  readonly fix: boolean
  readonly fixDryRun: boolean
  readonly config?: string
  readonly quiet: boolean
  /** The most warnings allowed (exit 1 past it); `undefined`: no limit. */
  readonly maxWarnings?: number
  /** `--max-messages N`: the messages a draft's report holds at most, over the configuration's `maxMessages` (-1: no limit). */
  readonly maxMessages?: number
  /** `--max-draft-size SIZE`: the largest draft read, in bytes, over the configuration's `maxDraftSize`. */
  readonly maxDraftBytes?: number
  readonly stdinFilename?: string
  readonly color?: boolean
  readonly followSymlinks: boolean
  /** `--cache`: skip drafts whose text, configuration and copydesk version are unchanged. */
  readonly cache: boolean
  /** `--cache-location FILE|FOLDER`: where the cache file is (default `.copydeskcache`). */
  readonly cacheLocation?: string
  /** `--no-progress`: never show the progress line of a long run. */
  readonly noProgress: boolean
}

/** One flag of `copydesk lint`: what `parseArgs` needs and what `--help` shows. */
export interface LintOption {
  readonly name: string
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** The value's placeholder in the help (`F`, `FILE`, `N`). */
  readonly value?: string
  readonly description: string
}

/**
 * Every flag of `copydesk lint`, in the order `--help` lists them. A new flag is one entry here
 * (and one line in the README's Usage; a test checks that every flag is there).
 */
export const lintOptions: readonly LintOption[] = [
  {name: 'format', short: 'f', type: 'string', value: 'F', description: `report format: ${formatterNames.join(', ')} (default: stylish)`},
  {name: 'fix', type: 'boolean', description: 'apply every certain fix to the files, then report what remains'},
  {name: 'fix-dry-run', type: 'boolean', description: 'print what --fix would change as a unified diff; write nothing'},
  {name: 'config', short: 'c', type: 'string', value: 'FILE', description: 'use this configuration file for every draft instead of searching'},
  {name: 'quiet', short: 'q', type: 'boolean', description: 'report errors only (hide warnings and info)'},
  {name: 'max-warnings', type: 'string', value: 'N', description: 'exit 1 when there are more than N warnings (-1: no limit, the default)'},
  {name: 'max-messages', type: 'string', value: 'N', description: "report a draft's first N messages at most (default 10,000, or maxMessages; -1: all)"},
  {name: 'max-draft-size', type: 'string', value: 'SIZE', description: 'lint drafts up to SIZE (bytes, or 512K, 2MB; default 1MB, or maxDraftSize; at most 4MB)'},
  {name: 'stdin-filename', type: 'string', value: 'NAME', description: 'the name of standard input in reports (NAME.md reads it as Markdown)'},
  {name: 'cache', type: 'boolean', description: 'skip drafts unchanged since the last run (results kept in .copydeskcache)'},
  {name: 'cache-location', type: 'string', value: 'FILE|FOLDER/', description: 'where the cache file is (a folder holds .copydeskcache)'},
  {name: 'follow-symlinks', type: 'boolean', description: 'follow symbolic links that lead out of a linted folder'},
  {name: 'no-progress', type: 'boolean', description: 'no progress line on standard error (shown on a terminal for runs over a second)'},
  {name: 'color', type: 'boolean', description: 'colour the report even when it does not go to a terminal'},
  {name: 'no-color', type: 'boolean', description: 'never colour the report (as does the NO_COLOR variable)'},
  {name: 'help', short: 'h', type: 'boolean', description: 'show this help'},
]

/** `copydesk lint --help`. */
export function lintUsage(): string {
  const label = (option: LintOption) => `${option.short ? `-${option.short}, ` : '    '}--${option.name}${option.value ? ` ${option.value}` : ''}`
  const width = Math.max(...lintOptions.map((option) => label(option).length)) + 2
  return [
    'Usage: copydesk lint [options] [PATH|GLOB|-]...',
    '',
    'Proofread drafts: files, folders (searched for .txt, .md and .markdown files, skipping',
    'node_modules and dot-folders), globs, or - for standard input. No path: the current folder.',
    '',
    'Options:',
    ...lintOptions.map((option) => `  ${label(option).padEnd(width)}${option.description}`),
    '',
    `Formats: ${formatterNames.join(', ')}.`,
    '',
    'Progress: a run over a second shows `Checking N/M FILE` on standard error when it is a',
    'terminal, erased before the report; never with json, sarif, github or lsp, under CI=true,',
    'with TERM=dumb or with --no-progress.',
    '',
    'Exit status:',
    '  0  no errors, and no more warnings than --max-warnings',
    '  1  problems at error severity, or more warnings than --max-warnings',
    '  2  the run failed: bad arguments, a path that is missing or cannot be read, an invalid',
    '     configuration (one line on standard error says what; the other drafts are still checked)',
    '',
  ].join('\n')
}

/** The flag the user probably meant (`--formt` → `--format`), for "did you mean". */
function suggestOption(raw: string): string | undefined {
  const names = lintOptions.flatMap((option) => [`--${option.name}`, ...(option.short ? [`-${option.short}`] : [])])
  return raw.startsWith('--')
    ? closestOf(
        names.filter((name) => name.startsWith('--')),
        raw,
      )
    : undefined
}

/** Parse the arguments after `lint`; throws a {@link RunError} on anything invalid. */
export function parseLintArguments(args: readonly string[]): LintArguments {
  // Not strict: unknown flags and missing values are checked below, to say what was meant, and
  // a negative number is a value (`--max-warnings -1`), not an "ambiguous" flag.
  const {values, positionals, tokens} = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: Object.fromEntries(lintOptions.map((option) => [option.name, {type: option.type, ...(option.short ? {short: option.short} : {})}])),
  })
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const option = lintOptions.find((candidate) => candidate.name === token.name)
    if (!option) {
      const close = suggestOption(token.rawName)
      throw new RunError(`Unknown option \`${token.rawName}\`${close ? `, did you mean \`${close}\`?` : ''} (\`copydesk lint --help\` lists the options)`)
    }
    if (option.type === 'string') {
      const value = token.value
      if (value === undefined || (value.startsWith('-') && value !== '-' && !/^-\d+$/.test(value) && !token.inlineValue)) {
        throw new RunError(`Option \`${token.rawName}\` needs a value (${option.value})${value === undefined ? '' : `, not the option \`${value}\``}`)
      }
    } else if (token.value !== undefined) {
      throw new RunError(`Option \`${token.rawName}\` takes no value, got \`${token.value}\``)
    }
  }
  const text = (name: string) => values[name] as string | undefined
  const flag = (name: string) => values[name] === true
  const format = text('format') ?? 'stylish'
  if (!isFormatterName(format)) {
    throw new RunError(`Unknown format \`${format}\`, expected one of ${formatterNames.map((name) => `\`${name}\``).join(', ')}`)
  }
  if (flag('fix') && flag('fix-dry-run')) throw new RunError('Use either `--fix` or `--fix-dry-run`, not both')
  let maxWarnings: number | undefined
  const max = text('max-warnings')
  if (max !== undefined) {
    // As in ESLint, -1 means no limit (a script can pass it to switch the check off).
    if (!/^(\d+|-1)$/.test(max)) throw new RunError(`Invalid \`--max-warnings ${max}\`, expected a whole number ≥ 0, or -1 for no limit`)
    maxWarnings = max === '-1' ? undefined : Number(max)
  }
  let maxMessages: number | undefined
  const most = text('max-messages')
  if (most !== undefined) {
    if (!/^([1-9]\d*|-1)$/.test(most)) throw new RunError(`Invalid \`--max-messages ${most}\`, expected a whole number ≥ 1, or -1 for no limit`)
    maxMessages = Number(most)
  }
  let maxDraftBytes: number | undefined
  const size = text('max-draft-size')
  if (size !== undefined) {
    maxDraftBytes = parseDraftSize(size)
    if (maxDraftBytes === undefined) throw new RunError(`Invalid \`--max-draft-size ${size}\`, ${draftSizeExpected}`)
  }
  return {
    paths: positionals,
    format,
    fix: flag('fix'),
    fixDryRun: flag('fix-dry-run'),
    config: text('config'),
    quiet: flag('quiet'),
    maxWarnings,
    maxMessages,
    maxDraftBytes,
    stdinFilename: text('stdin-filename'),
    // The last of `--color` and `--no-color` wins (a script may add one to a command line).
    color: tokens.reduce<boolean | undefined>((color, token) => (token.kind === 'option' && token.name.endsWith('color') ? token.name === 'color' : color), undefined),
    followSymlinks: flag('follow-symlinks'),
    cache: flag('cache'),
    cacheLocation: text('cache-location'),
    noProgress: flag('no-progress'),
  }
}

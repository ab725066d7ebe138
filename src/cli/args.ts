/** The command line of `copydesk lint`, parsed and checked. */
import {parseArgs} from 'node:util'
import {formatterNames, isFormatterName} from '../formatters/index.js'
import {RunError} from './errors.js'

/** The options of `copydesk lint`. */
export interface LintArguments {
  readonly paths: readonly string[]
  readonly format: string
  readonly fix: boolean
  readonly fixDryRun: boolean
  readonly config?: string
  readonly quiet: boolean
  readonly maxWarnings?: number
  readonly stdinFilename?: string
  readonly color?: boolean
  /** `--cache`: skip drafts whose text, configuration and copydesk version are unchanged. */
  readonly cache: boolean
  /** `--cache-location FILE|FOLDER`: where the cache file is (default `.copydeskcache`). */
  readonly cacheLocation?: string
}

/** Parse the arguments after `lint`; throws a {@link RunError} on anything invalid. */
export function parseLintArguments(args: readonly string[]): LintArguments {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string', short: 'f'},
        fix: {type: 'boolean'},
        'fix-dry-run': {type: 'boolean'},
        config: {type: 'string', short: 'c'},
        quiet: {type: 'boolean', short: 'q'},
        'max-warnings': {type: 'string'},
        'stdin-filename': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        cache: {type: 'boolean'},
        'cache-location': {type: 'string'},
      },
    })
  } catch (error) {
    throw new RunError(String((error as Error).message).split('\n')[0])
  }
  const {values, positionals} = parsed
  const format = values.format ?? 'stylish'
  if (!isFormatterName(format)) {
    throw new RunError(`Unknown format \`${format}\`, expected one of ${formatterNames.map((name) => `\`${name}\``).join(', ')}`)
  }
  if (values.fix && values['fix-dry-run']) throw new RunError('Use either `--fix` or `--fix-dry-run`, not both')
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings']
    if (!/^\d+$/.test(text)) throw new RunError(`Invalid \`--max-warnings ${text}\`, expected a whole number ≥ 0`)
    maxWarnings = Number(text)
  }
  return {
    paths: positionals,
    format,
    fix: values.fix ?? false,
    fixDryRun: values['fix-dry-run'] ?? false,
    config: values.config,
    quiet: values.quiet ?? false,
    maxWarnings,
    stdinFilename: values['stdin-filename'],
    color: values['no-color'] ? false : values.color,
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
  }
}

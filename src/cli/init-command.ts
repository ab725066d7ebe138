/** `copydesk init [FOLDER]`: start a configuration with a commented `.copydeskrc.yaml`. */
import {defaultMaxMessages} from '../pipeline/limits.js'
import {constants} from 'node:fs'
import {access, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {rules} from '../../rules/index.js'
import {configNames} from '../config/load.js'
import {RunError} from './errors.js'
import type {Io} from './io.js'

/** The file `copydesk init` writes. */
export const initFileName = '.copydeskrc.yaml'

/** The commented starting configuration: every key, with every rule at its default severity. */
export function initialConfig(): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length)) + 1
  const ruleLines = rules.map((rule) => `  ${`${rule.id}:`.padEnd(idWidth)} ${rule.meta.severity.padEnd(7)} # ${rule.meta.description}`)
  return [
    '# yaml-language-server: $schema=./node_modules/copydesk/schema/copydeskrc.schema.json',
    '# copydesk configuration. Every key is optional: delete what you do not need.',
    '# `copydesk rules` lists the rules; `copydesk explain RULE` says why each exists.',
    '',
    '# Each rule: off, info, warning or error, or [severity, {options}].',
    '# Quote "off" for YAML 1.1 tools, where a bare off means false.',
    'rules:',
    ...ruleLines,
    '',
    '# Words to accept as written (case matters for names): [Zelensky, Kyiv]',
    'dictionary: []',
    '',
    '# Files of words to accept, one per line, relative to this file: [./newsroom-words.txt]',
    'dictionaryFiles: []',
    '',
    '# The house list of canonical names of people and organizations: [Marco Rubio, Reuters]',
    'names: []',
    '',
    '# Globs of drafts to skip, relative to this file: [archive/**]',
    'ignore: []',
    '',
    '# en-US or en-GB',
    'language: en-US',
    '',
    '# Style packs: a built-in pack (ap) or a path to a YAML pack',
    'styles: []',
    '',
    "# The messages a draft's report holds at most (-1: no limit)",
    `maxMessages: ${defaultMaxMessages}`,
    '',
    '# The largest draft proofread: 512KB, 2MB… (at most 4MB; over 1MB, a draft may take over 10 s)',
    'maxDraftSize: 1MB',
    '',
  ].join('\n')
}

/** Write `.copydeskrc.yaml` into FOLDER (default: the working folder); never overwrite a configuration. */
export async function initCommand(args: readonly string[], io: Io): Promise<number> {
  const flag = args.find((arg) => arg.startsWith('-'))
  if (flag) throw new RunError(`Unknown option \`${flag}\` for \`copydesk init\`, expected \`copydesk init [FOLDER]\``)
  if (args.length > 1) throw new RunError(`Too many arguments for \`copydesk init\`, expected \`copydesk init [FOLDER]\``)
  const folder = path.resolve(io.cwd, args[0] ?? '.')
  for (const name of configNames) {
    const existing = path.join(folder, name)
    if (await exists(existing)) {
      throw new RunError(`${path.relative(io.cwd, existing) || name}: a configuration already exists, left as it is`)
    }
  }
  const target = path.join(folder, initFileName)
  try {
    // `wx`: fail rather than overwrite, even if the file appears after the check above.
    await writeFile(target, initialConfig(), {flag: 'wx'})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const shown = path.relative(io.cwd, target) || initFileName
    if (code === 'EEXIST') throw new RunError(`${shown}: a configuration already exists, left as it is`)
    throw new RunError(`${shown}: cannot write${code ? ` (${code})` : ''}`)
  }
  io.stdout.write(`Wrote ${path.relative(io.cwd, target) || initFileName}\n`)
  return 0
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK)
    return true
  } catch {
    return false
  }
}

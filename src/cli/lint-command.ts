/** `copydesk lint`: read drafts, lint them, print the report, decide the exit status. */
import {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import {ConfigError, isIgnored, loadConfigFor} from '../config/load.js'
import {getFormatter} from '../formatters/index.js'
import {lint} from '../pipeline/lint.js'
import {parseLintArguments} from './args.js'
import {RunError} from './errors.js'
import {expandInputs} from './files.js'
import {createFixer} from './fix-files.js'
import {decodeDraft, readDraft, readStream, type Draft} from './read.js'
import type {Io} from './io.js'

/** Run `copydesk lint ARGS`; resolves to the exit status. */
export async function lintCommand(args: readonly string[], io: Io): Promise<number> {
  const options = parseLintArguments(args)
  const configOptions = {configPath: options.config, cwd: io.cwd}
  const inputs = await expandInputs(options.paths, io.cwd, options.stdinFilename, {isIgnored: (file) => isIgnored(file, configOptions)})
  const files: VFile[] = []
  const fixer = createFixer(options, io) // --fix / --fix-dry-run: see fix-files.ts
  let failed = false
  const reported = new Set<string>()

  for (const input of inputs) {
    try {
      if (input.kind === 'error') throw input.error
      let draft: Draft
      if (input.kind === 'stdin') draft = decodeDraft(await readStream(io.stdin), input.display)
      else draft = await readDraft(input.path, input.display)
      const filePath = input.kind === 'file' ? input.path : undefined
      const config = await loadConfigFor(filePath, configOptions)
      const file = new VFile({value: draft.text, path: input.display, cwd: io.cwd})
      const lintOptions = {config, path: input.kind === 'stdin' ? options.stdinFilename : input.display}
      if (fixer) await fixer.fixFile(file, draft, input, lintOptions)
      else await lint(file, lintOptions)
      if (options.quiet) file.messages = file.messages.filter((message) => message.fatal === true)
      files.push(file)
    } catch (error) {
      if (!(error instanceof RunError || error instanceof ConfigError)) throw error
      failed = true
      // An invalid configuration fails every draft under it: say so once.
      if (!reported.has(error.message)) io.stderr.write(`copydesk: ${error.message}\n`)
      reported.add(error.message)
    }
  }

  const formatter = getFormatter(options.format)!
  const color = options.color ?? io.isTTY
  const reportSink = fixer?.report ?? io.stdout // fixed text or a diff may take stdout
  reportSink.write(formatter(files, {rules, cwd: io.cwd, color}))

  if (failed) return 2
  const all = files.flatMap((file) => file.messages)
  const errors = all.filter((message) => message.fatal === true).length
  const warnings = all.filter((message) => message.fatal === false).length
  if (errors > 0) return 1
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`copydesk: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`)
    return 1
  }
  return 0
}

/** `copydesk lint`: read drafts, lint them, print the report, decide the exit status. */
import {VFile} from 'vfile'
import {rules} from '../../rules/index.js'
import {ConfigError, isIgnored, loadConfigFor} from '../config/load.js'
import {getFormatter} from '../formatters/index.js'
import {batched} from '../formatters/pieces.js'
import type {StreamingFormatter} from '../formatters/types.js'
import type {ResolvedConfig} from '../config/types.js'
import {draftLimitOf} from '../pipeline/limits.js'
import {lintAll} from '../pipeline/pool.js'
import {parseLintArguments, type LintArguments} from './args.js'
import {RunError} from './errors.js'
import {expandInputs} from './files.js'
import {createFixer, NotFixedError} from './fix-files.js'
import {escapeControl} from '../formatters/stylish.js'
import {stoppedReason} from '../formatters/message.js'
import {createProgress, showsProgress, type Progress} from './progress.js'
import {decodeDraft, readDraft, readStream, type Draft} from './read.js'
import {writePieces, type Io} from './io.js'

// `--max-messages` over each configuration's `maxMessages`: one copy per configuration, so that
// what is built per configuration (processors, cache keys) is built once.
const limited = new WeakMap<ResolvedConfig, ResolvedConfig>()

function withMaxMessages(config: ResolvedConfig, maxMessages: number | undefined): ResolvedConfig {
  if (maxMessages === undefined || config.maxMessages === maxMessages) return config
  let copy = limited.get(config)
  if (!copy) limited.set(config, (copy = {...config, maxMessages}))
  return copy
}

/** Run `copydesk lint ARGS`; resolves to the exit status. */
export async function lintCommand(args: readonly string[], terminalIo: Io): Promise<number> {
  const options = parseLintArguments(args)
  // A long run on a terminal shows its progress on standard error (progress.ts); everything
  // else written meanwhile erases the line first, and the line is gone before the report.
  const progress = createProgress(terminalIo.stderr, showsProgress(options, terminalIo.stderrTerminal) ? terminalIo.stderrTerminal : undefined)
  const io: Io = {...terminalIo, stdout: progress.wrap(terminalIo.stdout), stderr: progress.wrap(terminalIo.stderr)}
  try {
    return await lintWithProgress(options, io, progress)
  } finally {
    progress.end()
  }
}

async function lintWithProgress(options: LintArguments, io: Io, progress: Progress): Promise<number> {
  const configOptions = {configPath: options.config, cwd: io.cwd}
  const inputs = await expandInputs(options.paths, io.cwd, options.stdinFilename, {
    isIgnored: (file) => isIgnored(file, configOptions),
    followSymlinks: options.followSymlinks,
  })
  const files: VFile[] = []
  const fixer = createFixer(options, io) // --fix / --fix-dry-run: see fix-files.ts
  // --cache: drafts whose results are cached are not linted again (see cache.ts). Opened
  // first: a cache location that can never hold a cache (a FIFO, a device) is a usage error.
  const cache = options.cache && !fixer ? await (await import('./cache.js')).openLintCache(options.cacheLocation, io) : undefined
  let failed = false
  let unchecked = 0 // paths named on standard error and left out of the report
  const reported = new Set<string>()

  // Read every draft and its configuration first; then lint them all, over worker threads
  // when there is enough text (`lintAll`), or fix them one by one.
  const jobs: Array<{file: VFile; draft: Draft; input: (typeof inputs)[number]; lintOptions: {config: ResolvedConfig; path: string | undefined}}> = []
  progress.stage('Reading', inputs.length)
  for (const input of inputs) {
    progress.start(input.kind === 'error' ? '' : input.display)
    try {
      if (input.kind === 'error') throw input.error
      // The configuration first: it says how large the draft may be.
      const filePath = input.kind === 'file' ? input.path : undefined
      const config = withMaxMessages(await loadConfigFor(filePath, configOptions), options.maxMessages)
      const maxBytes = options.maxDraftBytes ?? draftLimitOf(config)
      let draft: Draft
      if (input.kind === 'stdin') draft = decodeDraft(await readStream(io.stdin, maxBytes), input.display, maxBytes)
      else draft = await readDraft(input.path, input.display, maxBytes)
      const file = new VFile({value: draft.text, path: input.display, cwd: io.cwd})
      jobs.push({file, draft, input, lintOptions: {config, path: input.kind === 'stdin' ? options.stdinFilename : input.display}})
    } catch (error) {
      if (!(error instanceof RunError || error instanceof ConfigError)) throw error
      failed = true
      unchecked++
      // An invalid configuration fails every draft under it: say so once.
      if (!reported.has(error.message)) io.stderr.write(`copydesk: ${escapeControl(error.message)}\n`)
      reported.add(error.message)
    }
    progress.done()
  }

  if (fixer) {
    progress.stage('Fixing', jobs.length)
    for (const job of jobs) {
      progress.start(job.input.display)
      try {
        await fixer.fixFile(job.file, job.draft, job.input, job.lintOptions)
        files.push(job.file)
      } catch (error) {
        // One file that may not be written (or changed meanwhile) fails alone: the others are
        // still fixed and the report is still printed.
        if (!(error instanceof RunError)) throw error
        failed = true
        io.stderr.write(`copydesk: ${escapeControl(error.message)}\n`)
        if (error instanceof NotFixedError && error.inReport) files.push(job.file)
        else unchecked++
      }
      progress.done()
    }
    for (const {file, error} of await fixer.finish()) {
      failed = true
      unchecked++
      io.stderr.write(`copydesk: ${escapeControl(error.message)}\n`)
      files.splice(files.indexOf(file), 1)
    }
  } else {
    const toLint = cache ? jobs.filter((job) => !cache.restore(job)) : jobs
    progress.stage('Checking', jobs.length, jobs.length - toLint.length)
    const linted = await lintAll(
      toLint.map((job) => ({value: job.draft.text, path: job.lintOptions.path, cwd: io.cwd, config: job.lintOptions.config})),
      {
        onStart: (index) => progress.start(toLint[index].input.display),
        onDone: () => progress.done(),
        isolate: io.maxHeapMb === undefined ? undefined : {maxHeapMb: io.maxHeapMb, threads: io.largeDraftThreads},
      },
    )
    // A draft that could not be linted (out of memory) is named on standard error and left
    // out of the report and the cache; the others are reported.
    const failures = new Set<VFile>()
    for (const [index, job] of toLint.entries()) {
      const failure = linted[index].data.copydeskFailure
      if (failure === undefined) {
        job.file.messages = linted[index].messages
        if (linted[index].data.copydeskStopped) job.file.data.copydeskStopped = linted[index].data.copydeskStopped
      } else {
        failures.add(job.file)
        failed = true
        unchecked++
        io.stderr.write(`copydesk: ${escapeControl(job.input.display)}: ${escapeControl(failure)}\n`)
      }
    }
    await cache?.store(toLint.filter((job) => !failures.has(job.file)))
    for (const job of jobs) if (!failures.has(job.file)) files.push(job.file)
  }
  // A draft with more messages than its limit: the default report says where it stops; with
  // another format, standard error says it too (the formats that can hold it also do), so
  // that a CI log shows it.
  if (options.format !== 'stylish') {
    for (const file of files) {
      const stopped = file.data.copydeskStopped
      if (stopped) io.stderr.write(`copydesk: warning: ${escapeControl(file.path || '<stdin>')}: ${stoppedReason(stopped)}\n`)
    }
  }
  const hidden = {warnings: 0, infos: 0}
  if (options.quiet) {
    for (const file of files) {
      hidden.warnings += file.messages.filter((message) => message.fatal === false).length
      hidden.infos += file.messages.filter((message) => message.fatal !== true && message.fatal !== false).length
      file.messages = file.messages.filter((message) => message.fatal === true)
    }
  }

  progress.end()
  const formatter = (await getFormatter(options.format))!
  const color = options.color ?? io.isTTY
  const reportSink = fixer?.report ?? io.stdout // fixed text or a diff may take stdout
  const formatterContext = {rules, cwd: io.cwd, color, unchecked, hidden: options.quiet ? hidden : undefined}
  // A report of many messages is written in pieces, never built whole (see formatters/pieces.ts).
  if ('pieces' in formatter) await writePieces(reportSink, batched((formatter as StreamingFormatter).pieces(files, formatterContext)))
  else reportSink.write(formatter(files, formatterContext))

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

/**
 * `copydesk lint --cache`: remember each draft's messages, keyed by what decides them — the
 * draft's text, its resolved configuration (style pack files included) and copydesk's
 * version — so that a repeated run (CI, a pre-commit hook) lints only the drafts that changed.
 *
 * Everything is kept in ONE file (`.copydeskcache` in the working folder by default, or
 * `--cache-location`), written atomically at the end of the run (a temporary file renamed
 * over it), so that an interrupted run never leaves half a cache. A cache never fails a run:
 * a cache file that cannot be read (permissions, over {@link maxCacheBytes}, not UTF-8) or
 * parsed is ignored with one warning and rewritten, one that another copydesk version wrote
 * quietly. Only a location that can never hold a cache (a folder, a FIFO, a device) is a usage
 * error, before anything is linted: reading a FIFO would wait for ever, and writing would
 * replace it. Results read from the cache are the messages a fresh run gives, field for field.
 *
 * Every file is read through the bounded reader (src/io/read-bounded.ts): never a FIFO or a
 * device, never more than a limit.
 */
import {createHash} from 'node:crypto'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import type {StoppedAt} from '../pipeline/lint.js'
import {fromPlain, toPlain, type PlainMessage} from '../pipeline/pool.js'
import {ReadError, formatBytes, readBoundedFileSync, readBoundedText, type ReadLimits} from '../io/read-bounded.js'
import {copydeskVersion} from '../version.js'
import {RunError} from './errors.js'
import type {Input} from './files.js'
import type {Io} from './io.js'
import type {Draft} from './read.js'

/** The default name of the cache file, in the working folder. */
export const defaultCacheName = '.copydeskcache'

/**
 * The largest cache read or written: 64 MiB, about 180,000 messages (a message takes some 360
 * bytes). Parsing it takes a few hundred MB of memory; a larger cache is ignored and not written.
 */
export const maxCacheBytes = 64 * 1024 * 1024

const cacheLimits: ReadLimits = {maxBytes: maxCacheBytes, what: 'a cache file'}

/**
 * The largest file named in the configuration that is hashed into the key: a style pack is at
 * most 1 MiB (the pack loader refuses more), so this only bounds what a stray path can cost.
 */
const maxHashedBytes = 4 * 1024 * 1024

/** The format of the file; a file with another format is ignored. */
const format = 1

interface CacheEntry {
  /** Hash of the text, the configuration, the lint path and copydesk's version. */
  readonly key: string
  readonly messages: readonly PlainMessage[]
  /** Where the report stopped, for a draft with more messages than its limit. */
  readonly stopped?: StoppedAt
}

interface CacheData {
  readonly format: number
  readonly version: string
  /** Per absolute path of a draft. */
  readonly files: Record<string, CacheEntry>
}

/** A loaded cache: look drafts up, record fresh results, save once at the end. */
export interface LintCache {
  /** The file the cache lives in. */
  readonly location: string
  /** The cached messages of the draft at `file`, when its key is unchanged. */
  get(file: string, key: string): readonly PlainMessage[] | undefined
  /** Where the cached report of the draft at `file` stopped (`limitMessages`), when its key is unchanged and it did. */
  stoppedAt(file: string, key: string): StoppedAt | undefined
  /** Remember the messages of the draft at `file` under `key` (and where its report stopped). */
  set(file: string, key: string, messages: readonly PlainMessage[], stopped?: StoppedAt): void
  /** Write the cache (atomically), if anything changed; a failure is a warning. */
  save(): Promise<void>
}

/** Where the cache lives: `location` (a file, or a folder to put `.copydeskcache` in), relative to `cwd`. */
export async function resolveCacheLocation(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.join(cwd, defaultCacheName)
  const absolute = path.resolve(cwd, location)
  const isFolder =
    /[\\/]$/.test(location) ||
    (await stat(absolute).then(
      (stats) => stats.isDirectory(),
      () => false,
    ))
  return isFolder ? path.join(absolute, defaultCacheName) : absolute
}

/**
 * Load the cache at `location` (shown as `name` in a usage error); an unreadable or invalid
 * cache is reported through `warn` and starts empty. Throws a {@link RunError} when `location`
 * is not a regular file (a folder, a FIFO, a device): no cache can ever be kept there.
 */
export async function loadCache(location: string, warn: (text: string) => void, name = location): Promise<LintCache> {
  const version = copydeskVersion()
  let files: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>
  let text: string | undefined
  try {
    text = await readBoundedText(location, cacheLimits)
  } catch (error) {
    if (!(error instanceof ReadError)) throw error
    if (error.code === 'ENOTREG') throw new RunError(`${name}: ${error.message}, expected a cache file (\`--cache-location FILE\` or a folder to hold ${defaultCacheName})`)
    if (error.code !== 'ENOENT') warn(`ignoring the cache ${location}: ${error.message}`)
  }
  if (text !== undefined) {
    try {
      const data = JSON.parse(text) as Partial<CacheData> | null
      if (!isCacheData(data)) throw new Error('not a copydesk cache')
      // Another version's results may differ: start again (quietly, as after an upgrade).
      if (data.format === format && data.version === version) files = Object.assign(files, data.files)
    } catch (error) {
      warn(`ignoring the cache ${location}: ${(error as Error).message}`)
    }
  }

  let changed = false
  return {
    location,
    get(file, key) {
      const entry = Object.hasOwn(files, file) ? files[file] : undefined
      return entry?.key === key ? entry.messages : undefined
    },
    stoppedAt(file, key) {
      const entry = Object.hasOwn(files, file) ? files[file] : undefined
      return entry?.key === key ? entry.stopped : undefined
    },
    set(file, key, messages, stopped) {
      files[file] = stopped ? {key, messages, stopped} : {key, messages}
      changed = true
    },
    async save() {
      if (!changed) return
      const data: CacheData = {format, version, files}
      const text = JSON.stringify(data) + '\n'
      // Past the limit it could not be read back: keep the run's time, not a useless file.
      if (Buffer.byteLength(text) > maxCacheBytes) {
        warn(`not writing the cache ${location}: it would take ${formatBytes(Buffer.byteLength(text)).replace(/ \(.*\)$/, '')}, more than ${formatBytes(maxCacheBytes)}`)
        return
      }
      try {
        await writeFileAtomic(location, text)
      } catch (error) {
        warn(`could not write the cache ${location}: ${(error as Error).message}`)
      }
    },
  }
}

function isCacheData(data: Partial<CacheData> | null): data is CacheData {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof data.format === 'number' &&
    typeof data.version === 'string' &&
    typeof data.files === 'object' &&
    data.files !== null &&
    Object.values(data.files).every((entry) => typeof entry?.key === 'string' && Array.isArray(entry.messages))
  )
}

// Files named in the configuration (style packs, in `styles` or in a rule's options) change
// the results when their content changes: their content is part of the key.
const fileHashes = new Map<string, string | null>()
function fileHash(file: string): string | null {
  let hash = fileHashes.get(file)
  if (hash === undefined) {
    try {
      // Bounded: a path in the options may name a FIFO or `/dev/zero` (the pack loader then
      // reports it); only a regular file of bounded size is part of the key.
      hash = createHash('sha256')
        .update(readBoundedFileSync(file, {maxBytes: maxHashedBytes, what: 'a style pack'}))
        .digest('hex')
    } catch {
      hash = null // not a file: a pack name, a word, a glob (or a file no pack can be)
    }
    fileHashes.set(file, hash)
  }
  return hash
}

function namedFiles(value: unknown, cwd: string, found: Array<[string, string]>): void {
  if (typeof value === 'string') {
    if (/[\\/]|\.ya?ml$/i.test(value)) {
      const file = path.resolve(cwd, value)
      const hash = fileHash(file)
      if (hash !== null) found.push([file, hash])
    }
  } else if (Array.isArray(value)) for (const item of value) namedFiles(item, cwd, found)
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) namedFiles(item, cwd, found)
}

const configKeys = new WeakMap<ResolvedConfig, string>()

/** The cache key of a draft: its text, the path it is linted as, its configuration and copydesk's version. */
export function cacheKey(text: string, lintPath: string | undefined, config: ResolvedConfig): string {
  let configKey = configKeys.get(config)
  if (configKey === undefined) {
    const files: Array<[string, string]> = []
    namedFiles([config.styles, config.rules], config.cwd, files)
    configKey = createHash('sha256')
      .update(JSON.stringify([config, files]))
      .digest('hex')
    configKeys.set(config, configKey)
  }
  return createHash('sha256')
    .update(JSON.stringify([copydeskVersion(), configKey, lintPath ?? null]))
    .update('\0')
    .update(text)
    .digest('hex')
}

/** A draft of `copydesk lint`, as the cache sees it. */
export interface CachedJob {
  readonly file: VFile
  readonly draft: Draft
  readonly input: Input
  readonly lintOptions: {readonly config: ResolvedConfig; readonly path: string | undefined}
}

/** The cache of a `copydesk lint --cache` run. */
export interface LintCacheRun {
  /** Put the cached messages on `job.file`; false (nothing done) when the draft must be linted. */
  restore(job: CachedJob): boolean
  /** Remember the fresh results of `jobs` and write the cache. */
  store(jobs: readonly CachedJob[]): Promise<void>
}

/** Open the cache of a lint run: at `location` (`--cache-location`) or `.copydeskcache` in the working folder. */
export async function openLintCache(location: string | undefined, io: Io): Promise<LintCacheRun> {
  const warn = (text: string) => io.stderr.write(`copydesk: warning: ${text}\n`)
  const file = await resolveCacheLocation(location, io.cwd)
  const relative = path.relative(io.cwd, file)
  const name = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
  const cache = await loadCache(file, warn, name)
  // Standard input has no file to key it by: it is always linted.
  const keyOf = (job: CachedJob) =>
    job.input.kind === 'file' ? {file: job.input.path, key: cacheKey(job.draft.text, job.lintOptions.path, job.lintOptions.config)} : undefined
  return {
    restore(job) {
      const entry = keyOf(job)
      const messages = entry && cache.get(entry.file, entry.key)
      if (!messages) return false
      for (const plain of messages) fromPlain(job.file, plain)
      const stopped = cache.stoppedAt(entry.file, entry.key)
      if (stopped) job.file.data.copydeskStopped = stopped
      return true
    },
    async store(jobs) {
      for (const job of jobs) {
        const entry = keyOf(job)
        if (entry) cache.set(entry.file, entry.key, job.file.messages.map(toPlain), job.file.data.copydeskStopped)
      }
      await cache.save()
    },
  }
}

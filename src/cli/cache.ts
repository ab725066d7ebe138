/**
 * `copydesk lint --cache`: remember each draft's messages, keyed by what decides them — the
 * draft's text, its resolved configuration (style pack files included) and copydesk's
 * version — so that a repeated run (CI, a pre-commit hook) lints only the drafts that changed.
 *
 * Everything is kept in ONE file (`.copydeskcache` in the working folder by default, or
 * `--cache-location`), written atomically at the end of the run (a temporary file renamed
 * over it), so that an interrupted run never leaves half a cache. A cache that cannot be
 * read or parsed, or that another copydesk version wrote, is ignored with a warning and
 * rewritten. Results read from the cache are the messages a fresh run gives, field for field.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type {VFile} from 'vfile'
import type {ResolvedConfig} from '../config/types.js'
import {fromPlain, toPlain, type PlainMessage} from '../pipeline/pool.js'
import {copydeskVersion} from '../version.js'
import type {Input} from './files.js'
import type {Io} from './io.js'
import type {Draft} from './read.js'

/** The default name of the cache file, in the working folder. */
export const defaultCacheName = '.copydeskcache'

/** The format of the file; a file with another format is ignored. */
const format = 1

interface CacheEntry {
  /** Hash of the text, the configuration, the lint path and copydesk's version. */
  readonly key: string
  readonly messages: readonly PlainMessage[]
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
  /** Remember the messages of the draft at `file` under `key`. */
  set(file: string, key: string, messages: readonly PlainMessage[]): void
  /** Write the cache (atomically), if anything changed; a failure is a warning. */
  save(): Promise<void>
}

/** Where the cache lives: `location` (a file, or a folder to put `.copydeskcache` in), relative to `cwd`. */
export async function resolveCacheLocation(location: string | undefined, cwd: string): Promise<string> {
  if (location === undefined) return path.join(cwd, defaultCacheName)
  const absolute = path.resolve(cwd, location)
  const isFolder = /[\\/]$/.test(location) || (await stat(absolute).then((stats) => stats.isDirectory(), () => false))
  return isFolder ? path.join(absolute, defaultCacheName) : absolute
}

/** Load the cache at `location`; an unreadable or invalid cache is reported through `warn` and starts empty. */
export async function loadCache(location: string, warn: (text: string) => void): Promise<LintCache> {
  const version = copydeskVersion()
  let files: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>
  let text: string | undefined
  try {
    text = await readFile(location, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`ignoring the cache ${location}: ${(error as Error).message}`)
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
    set(file, key, messages) {
      files[file] = {key, messages}
      changed = true
    },
    async save() {
      if (!changed) return
      const data: CacheData = {format, version, files}
      try {
        await writeFileAtomic(location, JSON.stringify(data) + '\n')
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
      hash = createHash('sha256').update(readFileSync(file)).digest('hex')
    } catch {
      hash = null // not a file: a pack name, a word, a glob
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
    configKey = createHash('sha256').update(JSON.stringify([config, files])).digest('hex')
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
  const cache = await loadCache(await resolveCacheLocation(location, io.cwd), warn)
  // Standard input has no file to key it by: it is always linted.
  const keyOf = (job: CachedJob) => (job.input.kind === 'file' ? {file: job.input.path, key: cacheKey(job.draft.text, job.lintOptions.path, job.lintOptions.config)} : undefined)
  return {
    restore(job) {
      const entry = keyOf(job)
      const messages = entry && cache.get(entry.file, entry.key)
      if (!messages) return false
      for (const plain of messages) fromPlain(job.file, plain)
      return true
    },
    async store(jobs) {
      for (const job of jobs) {
        const entry = keyOf(job)
        if (entry) cache.set(entry.file, entry.key, job.file.messages.map(toPlain))
      }
      await cache.save()
    },
  }
}

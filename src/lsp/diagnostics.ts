/**
 * Linting open documents: one lint at a time per document, always of its newest version.
 *
 * A lint of plain text goes through the document's {@link IncrementalLinter}, which keeps
 * what it can from the lint before and gives up at the next chunk or rule when a newer
 * version arrives; the loop then lints that version. Results are published (push) or handed
 * to `textDocument/diagnostic` requests (pull) only for the version they were computed for,
 * and only while it is the newest: never a publish for a version older than the latest received.
 */
import type {Diagnostic} from 'vscode-languageserver'
import {DiagnosticSeverity} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ResolvedConfig} from '../config/types.js'
import {isCertain} from '../fix/certain.js'
import {stoppedDiagnostic, toDiagnostic} from '../formatters/diagnostic.js'
import {IncrementalLinter} from '../pipeline/incremental.js'
import {formatBytes} from '../io/read-bounded.js'
import {draftLimitOf, largestMaxDraftBytes} from '../pipeline/limits.js'
import {lint} from '../pipeline/lint.js'
import {paceLargeDraftHeap} from '../pipeline/heap.js'
import {fromPlain, lintIsolated} from '../pipeline/pool.js'
import type {DocumentSetup} from './configuration.js'

/** The results of one lint of one version of a document. */
export interface Results {
  readonly version: number
  readonly messages: readonly VFileMessage[]
  readonly diagnostics: readonly Diagnostic[]
  /** The worker thread that linted it (a large document, see `DiagnosticsHost.maxHeapMb`); absent: the server's thread. */
  readonly thread?: number
}

/** What the linting loop needs from the server. */
export interface DiagnosticsHost {
  /** The open document, in its newest version. */
  document(uri: string): TextDocument | undefined
  /** How to lint it. */
  setup(document: TextDocument): Promise<DocumentSetup>
  /** Push results (absent when the client pulls). */
  publish?(uri: string, results: Results): void
  /** Log a lint that failed. */
  error(text: string): void
  /**
   * A document of {@link serverIsolateChars} or more is linted whole, each version, in a worker
   * thread whose heap may hold this many MB, as the command line lints a large draft (over
   * 1 MiB, a window at a time, the heap's growth paced): the server's thread stays free for
   * the other documents, the memory of a lint is given back when it ends, and a document that
   * needs more gets one diagnostic saying so. Without it, every document is linted in the
   * server's thread.
   */
  readonly maxHeapMb?: number
}

/**
 * The size from which the server lints a document in a worker, whole (see
 * `DiagnosticsHost.maxHeapMb`), instead of incrementally in its own thread: 128 Ki characters,
 * about 22,000 words, past anything a story or a feature is. The incremental engine keeps a
 * document's trees and each paragraph's results, and the rules' caches fill with its
 * paragraphs, two to three times what one lint holds: 256 KB of prose kept 350 MB after 30
 * edits and the server peaked at 0.9 GB, 1 MB at over 1 GB; a worker's lint of 1 MiB peaks
 * within the CLI's bound and gives it all back. Below, a keystroke re-lints one paragraph.
 */
export const serverIsolateChars = 128 * 1024

/**
 * From this size on (32 Ki characters), the server's heap growth is paced as a large draft's
 * worker's is (`paceLargeDraftHeap`, once per process): the garbage of a re-lint is collected
 * before the heap doubles. 125 KB of prose, 40 edits: peak 777 MB unpaced, 370 MB paced.
 */
export const pacedChars = 32 * 1024

interface State {
  running: boolean
  /** Lint again even if the newest version has results (the configuration changed). */
  isForced: boolean
  engine?: {readonly config: ResolvedConfig; readonly linter: IncrementalLinter}
  latest?: Results
  /** Ends the worker of a large document's lint in flight (see `DiagnosticsHost.maxHeapMb`) once its version is not the newest. */
  abort?: AbortController
  readonly waiters: Array<{readonly version: number; readonly resolve: (results: Results | undefined) => void}>
}

/** Lints documents as they change and keeps the latest results of each. */
export class Diagnostics {
  private readonly states = new Map<string, State>()

  constructor(private readonly host: DiagnosticsHost) {}

  /** A document was opened or changed: lint its newest version. */
  changed(uri: string): void {
    let state = this.states.get(uri)
    if (!state) this.states.set(uri, (state = {running: false, isForced: false, waiters: []}))
    state.abort?.abort()
    void this.run(uri, state)
  }

  /** A document was closed: forget it (pull requests waiting get nothing). */
  closed(uri: string): void {
    const state = this.states.get(uri)
    this.states.delete(uri)
    state?.abort?.abort()
    for (const waiter of state?.waiters.splice(0) ?? []) waiter.resolve(undefined)
  }

  /** The configuration changed: lint every document again, publishing even an unchanged version. */
  relintAll(): void {
    for (const [uri, state] of this.states) {
      state.isForced = true
      state.engine = undefined
      state.abort?.abort()
      void this.run(uri, state)
    }
  }

  /** The latest results of a document if they are for its newest version. */
  current(uri: string): Results | undefined {
    const latest = this.states.get(uri)?.latest
    return latest && latest.version === this.host.document(uri)?.version ? latest : undefined
  }

  /** Results for the document's version now (or a newer one, if it changes meanwhile): `textDocument/diagnostic`. */
  pull(uri: string): Promise<Results | undefined> {
    const document = this.host.document(uri)
    const state = this.states.get(uri)
    if (!document || !state) return Promise.resolve(undefined)
    const current = this.current(uri)
    if (current && !state.isForced) return Promise.resolve(current)
    return new Promise((resolve) => state.waiters.push({version: document.version, resolve}))
  }

  private async run(uri: string, state: State): Promise<void> {
    // The loop in flight lints the newest version when its lint ends or gives up.
    if (state.running) return
    state.running = true
    try {
      for (;;) {
        const document = this.host.document(uri)
        if (!document || this.states.get(uri) !== state) return
        if (state.latest?.version === document.version && !state.isForced) return
        state.isForced = false
        const results = await this.lint(document, state)
        // Only for the version linted, and only while it is the newest.
        if (!results || this.states.get(uri) !== state || this.host.document(uri)?.version !== results.version || state.isForced) continue
        state.latest = results
        this.host.publish?.(uri, results)
        for (const waiter of [...state.waiters]) {
          if (waiter.version > results.version) continue
          state.waiters.splice(state.waiters.indexOf(waiter), 1)
          waiter.resolve(results)
        }
      }
    } catch (error) {
      this.host.error(`copydesk: cannot lint ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    } finally {
      state.running = false
    }
  }

  /** Lint `document` as it is now; `undefined` when a newer version overtook the lint. */
  private async lint(document: TextDocument, state: State): Promise<Results | undefined> {
    const version = document.version
    const text = document.getText()
    const uri = document.uri
    const isStale = () => this.host.document(uri)?.version !== version
    const setup = await this.host.setup(document)
    if (isStale()) return undefined
    if (setup.skip) return {version, messages: [], diagnostics: []}
    // A document over its configuration's limit (the CLI's) would hold up every document for
    // seconds: reported, not linted. (A UTF-16 code unit is at most 3 bytes of UTF-8.)
    const maxBytes = draftLimitOf(setup.config)
    const bytes = text.length > maxBytes / 3 ? Buffer.byteLength(text) : 0
    if (bytes > maxBytes) return {version, messages: [], diagnostics: [tooLarge(bytes, maxBytes)]}
    if (text.length >= pacedChars) paceLargeDraftHeap()
    let file: VFile | undefined
    if (this.host.maxHeapMb !== undefined && text.length >= serverIsolateChars) {
      // A large document: linted whole each time, in a worker (see `maxHeapMb`); a result for
      // a version that is no longer the newest is dropped by the loop.
      const task = {value: text, path: setup.path, cwd: setup.root, config: setup.config, kind: setup.kind}
      const abort = (state.abort = new AbortController())
      const result = await lintIsolated(task, this.host.maxHeapMb, {signal: abort.signal})
      if (state.abort === abort) state.abort = undefined
      if ('aborted' in result) return undefined
      if ('failure' in result) return {version, messages: [], diagnostics: [failed(result.failure)]}
      file = new VFile({value: text, path: setup.path, cwd: setup.root})
      for (const plain of result.messages) fromPlain(file, plain)
      if (result.stopped) file.data.copydeskStopped = result.stopped
      file.data.copydeskThread = result.thread
    } else if (setup.kind === 'markdown') {
      file = await lint(new VFile({value: text, path: setup.path, cwd: setup.root}), {config: setup.config, kind: 'markdown'})
    } else {
      if (state.engine?.config !== setup.config) state.engine = {config: setup.config, linter: new IncrementalLinter(setup.config)}
      file = await state.engine.linter.lint(text, {path: setup.path, cwd: setup.root, isStale})
    }
    if (!file) return undefined
    const diagnostics = file.messages.map((message) => toDiagnostic(message, isCertain))
    const stopped = file.data.copydeskStopped
    if (stopped) diagnostics.push(stoppedDiagnostic(stopped))
    return {version, messages: file.messages, diagnostics, thread: file.data.copydeskThread}
  }
}

/** The one diagnostic of a document that could not be linted (its worker ran out of memory). */
function failed(reason: string): Diagnostic {
  return {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    severity: DiagnosticSeverity.Error,
    source: 'copydesk',
    message: `Cannot proofread this document: ${reason}`,
  }
}

/** The one diagnostic of a document over its limit of `maxBytes` (`maxDraftSize`), as the CLI words it. */
function tooLarge(bytes: number, maxBytes: number): Diagnostic {
  return {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    severity: DiagnosticSeverity.Error,
    source: 'copydesk',
    message: `Document too large to proofread (${formatBytes(bytes).replace(/ \(.*\)$/, '')}), expected a draft of at most ${formatBytes(maxBytes)}${maxBytes < largestMaxDraftBytes ? '; raise it with `maxDraftSize` in the configuration (at most 4 MiB)' : ''}`,
  }
}

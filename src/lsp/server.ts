/**
 * The language server: open documents ↔ in-memory VFiles, messages → diagnostics and code actions.
 *
 * Modeled on unified-language-server (a unified processor per workspace, `toDiagnostic` for
 * messages, a quick fix per `expected`), with copydesk's own configuration, incremental sync,
 * and one lint in flight per document so that a newer edit supersedes a stale lint.
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {isCertain} from '../fix/apply.js'
import {toDiagnostic} from '../formatters/diagnostic.js'
import {isMarkdownPath, lint} from '../pipeline/lint.js'
import {addToDictionaryCommand, fixAll, fixAllKind, isWanted, quickFixes} from './actions.js'
import {addToDictionary} from './dictionary.js'
import {ConfigStore, readEditorSettings, type EditorSettings} from './settings.js'

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Root for documents outside every workspace folder that have no path (untitled). */
  readonly cwd: string
  /** Milliseconds to wait after a change that arrives while a lint runs (edits in that time are linted once); idle, a change is linted at once. */
  readonly debounceMs?: number
}

/** One open document's lint state. */
interface DocumentState {
  timer?: NodeJS.Timeout
  /** Whether a lint of this document is running (one at a time). */
  running: boolean
  /** The messages of the last published lint, and the version they belong to. */
  latest?: {version: number; messages: readonly VFileMessage[]}
}

/** Serve copydesk over `connection` (created by the caller with its transport) and start listening. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  const debounceMs = options.debounceMs ?? 10
  const store = new ConfigStore((text) => connection.console.warn(text))
  const settingsByRoot = new Map<string, Promise<EditorSettings>>()
  let globalSettings: EditorSettings = {}
  let roots: string[] = []
  let canRequestConfiguration = false
  let canRegisterConfiguration = false
  let canWatchFiles = false
  let canFollowFolders = false

  /** The workspace folder holding `filePath` (the deepest), else the draft's folder. */
  function rootFor(filePath: string | undefined): string {
    if (!filePath) return roots[0] ?? options.cwd
    return roots.find((root) => filePath.startsWith(root + path.sep)) ?? path.dirname(filePath)
  }

  function pathOf(uri: string): string | undefined {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
  }

  function settingsFor(root: string): Promise<EditorSettings> {
    if (!canRequestConfiguration) return Promise.resolve(globalSettings)
    let settings = settingsByRoot.get(root)
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({scopeUri: pathToFileURL(root).href, section: 'copydesk'})
        .then((value: unknown) => report(readEditorSettings(value)))
        .catch(() => ({}))
      settingsByRoot.set(root, settings)
    }
    return settings
  }

  function report({settings, problems}: {settings: EditorSettings; problems: string[]}): EditorSettings {
    for (const problem of problems) connection.console.warn(problem)
    return settings
  }

  function isMarkdown(document: TextDocument): boolean {
    return document.languageId === 'markdown' || isMarkdownPath(pathOf(document.uri))
  }

  async function lintDocument(document: TextDocument): Promise<VFile> {
    const filePath = pathOf(document.uri)
    const root = rootFor(filePath)
    const config = await store.resolve(filePath, root, await settingsFor(root))
    const file = new VFile({value: document.getText(), path: filePath, cwd: root})
    return lint(file, {config, kind: isMarkdown(document) ? 'markdown' : 'text'})
  }

  function schedule(uri: string, delay: number): void {
    const state = states.get(uri)
    if (!state) return
    clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.timer = undefined
      void run(uri, state)
    }, delay)
  }

  async function run(uri: string, state: DocumentState): Promise<void> {
    // The lint in flight finishes first; then `finally` below lints the newest version.
    if (state.running) return
    const document = documents.get(uri)
    if (!document) return
    const version = document.version
    state.running = true
    try {
      const file = await lintDocument(document)
      // The lint runs mostly synchronously: let the edits that arrived meanwhile be applied
      // before deciding whether this version is still the current one.
      await new Promise((resolve) => setTimeout(resolve, 0))
      // Publish only for the version that was linted, and only if it is still the current one.
      if (states.get(uri) === state && documents.get(uri)?.version === version) {
        state.latest = {version, messages: file.messages}
        await connection.sendDiagnostics({uri, version, diagnostics: file.messages.map((message) => toDiagnostic(message, isCertain))})
      }
    } catch (error) {
      connection.console.error(`copydesk: cannot lint ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    } finally {
      state.running = false
      const current = documents.get(uri)
      if (states.get(uri) === state && current && current.version !== version && !state.timer) schedule(uri, 0)
    }
  }

  function relintAll(): void {
    for (const document of documents.all()) {
      const state = states.get(document.uri)
      // A forced re-lint (new configuration) of the same version must publish again.
      if (state) state.latest = undefined
      schedule(document.uri, 0)
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: ''}] : [])
    roots = folders
      .map((folder) => pathOf(folder.uri))
      .filter((root): root is string => root !== undefined)
      .sort((a, b) => b.length - a.length)
    const capabilities = params.capabilities
    canRequestConfiguration = Boolean(capabilities.workspace?.configuration)
    canRegisterConfiguration = Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration)
    canWatchFiles = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
    canFollowFolders = Boolean(capabilities.workspace?.workspaceFolders)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]},
        executeCommandProvider: {commands: [addToDictionaryCommand]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
      },
      serverInfo: {name: 'copydesk'},
    }
  })

  connection.onInitialized(() => {
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, {section: 'copydesk'})
    if (canWatchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{globPattern: '**/.copydeskrc.{json,yaml,yml}'}, {globPattern: '**/.copydeskrc'}],
      })
    }
    if (canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => pathOf(folder.uri)))
        roots = [...roots.filter((root) => !removed.has(root)), ...event.added.map((folder) => pathOf(folder.uri)).filter((root): root is string => root !== undefined)]
        roots.sort((a, b) => b.length - a.length)
        settingsByRoot.clear()
        relintAll()
      })
    }
  })

  connection.onDidChangeConfiguration((change) => {
    settingsByRoot.clear()
    if (!canRequestConfiguration) {
      const section = (change.settings as {copydesk?: unknown} | null | undefined)?.copydesk
      globalSettings = report(readEditorSettings(section))
    }
    relintAll()
  })

  connection.onDidChangeWatchedFiles(() => {
    store.clear()
    relintAll()
  })

  documents.onDidChangeContent(({document}) => {
    const isOpening = !states.has(document.uri)
    if (isOpening) states.set(document.uri, {running: false})
    // Idle: lint at once. Busy: wait out the debounce, so that edits typed during a lint are
    // coalesced into one lint of the newest version (`run` lints it when the current one ends).
    schedule(document.uri, isOpening || !states.get(document.uri)!.running ? 0 : debounceMs)
  })

  documents.onDidClose(({document}) => {
    const state = states.get(document.uri)
    if (state) clearTimeout(state.timer)
    states.delete(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  connection.onCodeAction(async ({textDocument, context}) => {
    const document = documents.get(textDocument.uri)
    if (!document) return []
    const actions: CodeAction[] = isWanted(context.only, CodeActionKind.QuickFix) ? quickFixes(document, context.diagnostics, isMarkdown(document)) : []
    // Asked for (`source.fixAll`, on save), or beside a certain quick fix in the lightbulb menu.
    const isAsked = context.only ? isWanted(context.only, fixAllKind) : context.diagnostics.some((diagnostic) => (diagnostic.data as {fix?: unknown} | undefined)?.fix === true)
    if (isAsked) {
      const state = states.get(document.uri)
      const messages = state?.latest?.version === document.version ? state.latest.messages : (await lintDocument(document)).messages
      const action = fixAll(document, messages)
      if (action) actions.push(action)
    }
    return actions
  })

  connection.onExecuteCommand(async ({command, arguments: args}) => {
    if (command !== addToDictionaryCommand) return null
    const {uri, word} = (args?.[0] ?? {}) as {uri?: unknown; word?: unknown}
    if (typeof uri !== 'string' || typeof word !== 'string' || word === '') {
      void connection.window.showErrorMessage(`copydesk: \`${addToDictionaryCommand}\` expects [{uri, word}]`)
      return null
    }
    const filePath = pathOf(uri)
    const root = rootFor(filePath)
    try {
      const file = await addToDictionary(word, filePath ? path.dirname(filePath) : root, root)
      store.clear()
      relintAll()
      return {file}
    } catch (error) {
      void connection.window.showErrorMessage(error instanceof Error ? error.message : String(error))
      return null
    }
  })

  connection.onShutdown(() => {
    for (const state of states.values()) clearTimeout(state.timer)
  })

  documents.listen(connection)
  connection.listen()
}

/**
 * The language server: open documents ↔ in-memory drafts, messages → diagnostics, code
 * actions and hovers.
 *
 * Modeled on unified-language-server (a processor per configuration, `toDiagnostic` for
 * messages, a quick fix per `expected`), with copydesk's own configuration and incremental
 * linting. `startServer` only wires the connection to small handlers, each testable alone:
 * {@link Workspace} (folders), {@link Configuration} (settings, configuration files, which
 * documents are prose), {@link ConfigWatcher} (configuration files changed on disk),
 * {@link Diagnostics} (linting, push and pull), `actions.ts` (code actions) and `hover.ts`.
 */
import path from 'node:path'
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {actionKinds, addToDictionaryCommand, codeActions} from './actions.js'
import {Configuration, isMarkdown} from './configuration.js'
import {addToDictionary} from './dictionary.js'
import {Diagnostics} from './diagnostics.js'
import {hoverAt} from './hover.js'
import {ConfigWatcher} from './watch.js'
import {pathOf, Workspace} from './workspace.js'

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Root for documents outside every workspace folder that have no path (untitled). */
  readonly cwd: string
  /** How often the server polls the files a configuration was read from (ms; default 500). */
  readonly watchIntervalMs?: number
  /** The heap of a large document's worker (MB; see `Diagnostics`): without it, large documents are linted in the server's thread. */
  readonly maxHeapMb?: number
}

/** What the client can do, from `initialize`. */
export interface ClientFeatures {
  readonly canRequestConfiguration: boolean
  readonly canRegisterConfiguration: boolean
  readonly canWatchFiles: boolean
  readonly canFollowFolders: boolean
  /** Whether the client pulls diagnostics (`textDocument/diagnostic`); then none are pushed. */
  readonly canPull: boolean
}

/** Read the client's capabilities. */
export function clientFeatures(params: InitializeParams): ClientFeatures {
  const {workspace, textDocument} = params.capabilities
  return {
    canRequestConfiguration: Boolean(workspace?.configuration),
    canRegisterConfiguration: Boolean(workspace?.didChangeConfiguration?.dynamicRegistration),
    canWatchFiles: Boolean(workspace?.didChangeWatchedFiles?.dynamicRegistration),
    canFollowFolders: Boolean(workspace?.workspaceFolders),
    canPull: Boolean(textDocument?.diagnostic),
  }
}

/** What the server offers. */
export function serverCapabilities(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
      codeActionProvider: {codeActionKinds: actionKinds},
      executeCommandProvider: {commands: [addToDictionaryCommand]},
      hoverProvider: true,
      diagnosticProvider: {interFileDependencies: false, workspaceDiagnostics: false},
      workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
    },
    serverInfo: {name: 'copydesk'},
  }
}

/** The running server, as its transport needs to know it. */
export interface RunningServer {
  /** Whether the client sent `shutdown` (then `exit` ends with status 0). */
  readonly hasShutdown: boolean
}

/** Serve copydesk over `connection` (created by the caller with its transport) and start listening. */
export function startServer(connection: Connection, options: ServerOptions): RunningServer {
  let hasShutdown = false
  const documents = new TextDocuments(TextDocument)
  const workspace = new Workspace(options.cwd)
  let features: ClientFeatures = {canRequestConfiguration: false, canRegisterConfiguration: false, canWatchFiles: false, canFollowFolders: false, canPull: false}
  // A notification, never `window/showMessageRequest`: a client that answers a request with an error must not bring the server down.
  const show = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, {type, message})
  const configuration = new Configuration(
    workspace,
    {
      get canRequest() {
        return features.canRequestConfiguration
      },
      request: (scopeUri) => connection.workspace.getConfiguration({scopeUri, section: 'copydesk'}),
    },
    {problem: (text) => connection.console.warn(text), invalid: (text) => show(MessageType.Error, text)},
  )
  const diagnostics = new Diagnostics({
    document: (uri) => documents.get(uri),
    setup: (document) => configuration.setup(document),
    publish: (uri, results) => {
      if (!features.canPull) void connection.sendDiagnostics({uri, version: results.version, diagnostics: [...results.diagnostics]})
      // The lint has read the document's configuration: watch the files it came from.
      void watchSources()
    },
    error: (text) => connection.console.error(text),
    maxHeapMb: options.maxHeapMb,
  })
  const watcher = new ConfigWatcher(() => configChanged(), options.watchIntervalMs)

  /** A configuration file or a file it reads changed: read them again and lint every document. */
  function configChanged(): void {
    configuration.filesChanged()
    diagnostics.relintAll()
    void watchSources()
  }

  /** Watch the files the configurations in use were read from. */
  async function watchSources(): Promise<void> {
    watcher.watchFiles(await configuration.sources())
  }

  connection.onInitialize((params): InitializeResult => {
    features = clientFeatures(params)
    const folders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: ''}] : [])
    workspace.set(folders.map((folder) => folder.uri))
    return serverCapabilities()
  })

  connection.onInitialized(() => {
    const ignore = () => undefined
    if (features.canRegisterConfiguration) connection.client.register(DidChangeConfigurationNotification.type, {section: 'copydesk'}).catch(ignore)
    if (features.canWatchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: '**/.copydeskrc.{json,yaml,yml}'}, {globPattern: '**/.copydeskrc'}]})
        .catch(ignore)
    } else {
      // Neovim 0.7 and other clients that cannot watch files: the server watches the folders.
      for (const folder of workspace.folders) watcher.watchFolder(folder)
    }
    if (features.canFollowFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspace.change(
          event.added.map((folder) => folder.uri),
          event.removed.map((folder) => folder.uri),
        )
        configuration.foldersChanged()
        diagnostics.relintAll()
      })
    }
  })

  connection.onDidChangeConfiguration((change) => {
    configuration.settingsChanged(change.settings)
    diagnostics.relintAll()
  })

  connection.onDidChangeWatchedFiles(() => configChanged())

  documents.onDidOpen(({document}) => {
    const filePath = pathOf(document.uri)
    if (filePath && !features.canWatchFiles) watcher.watchFolder(path.dirname(filePath))
  })

  documents.onDidChangeContent(({document}) => diagnostics.changed(document.uri))

  documents.onDidClose(({document}) => {
    diagnostics.closed(document.uri)
    if (!features.canPull) void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  connection.languages.diagnostics.on(async ({textDocument}) => {
    const results = await diagnostics.pull(textDocument.uri)
    return {kind: DocumentDiagnosticReportKind.Full, items: [...(results?.diagnostics ?? [])]}
  })

  connection.onCodeAction(({textDocument, context}) => {
    const document = documents.get(textDocument.uri)
    if (!document) return []
    return codeActions(document, context, diagnostics.current(document.uri)?.messages, isMarkdown(document))
  })

  connection.onHover(({textDocument, position}) => {
    const results = diagnostics.current(textDocument.uri)
    return results ? hoverAt(position, results.messages) : null
  })

  connection.onExecuteCommand(async ({command, arguments: args}) => {
    if (command !== addToDictionaryCommand) return null
    const {uri, word} = (args?.[0] ?? {}) as {uri?: unknown; word?: unknown}
    if (typeof uri !== 'string' || typeof word !== 'string' || word === '') {
      show(MessageType.Error, `copydesk: \`${addToDictionaryCommand}\` expects [{uri, word}]`)
      return null
    }
    const filePath = pathOf(uri)
    const root = workspace.rootFor(filePath)
    try {
      const file = await addToDictionary(word, filePath ? path.dirname(filePath) : root, root)
      configChanged()
      return {file}
    } catch (error) {
      show(MessageType.Error, error instanceof Error ? error.message : String(error))
      return null
    }
  })

  connection.onShutdown(() => {
    hasShutdown = true
    watcher.close()
  })

  documents.listen(connection)
  connection.listen()
  return {
    get hasShutdown() {
      return hasShutdown
    },
  }
}

/**
 * Configuration for open documents: the editor's `copydesk` settings per workspace folder
 * (`workspace/configuration`, or what `didChangeConfiguration` carries), the project's
 * configuration file (through {@link ConfigStore}), and what a document is: prose to lint,
 * ignored by the configuration's `ignore` globs, or not prose at all (`.ts`, `.json`, `.py`).
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import picomatch from 'picomatch'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {ResolvedConfig} from '../config/types.js'
import {isMarkdownPath} from '../pipeline/lint.js'
import type {DraftKind} from '../pipeline/processor.js'
import {ConfigStore, readEditorSettings, type ConfigReports, type EditorSettings} from './settings.js'
import {pathOf, type Workspace} from './workspace.js'

/** Extensions of drafts (what `copydesk lint` finds in a folder, and `.text`). */
const proseExtensions = new Set(['.txt', '.text', '.md', '.markdown'])
/** Language ids of prose, for documents without an extension (untitled buffers, `NOTES`). */
const proseLanguages = new Set(['plaintext', 'text', 'markdown'])

/** Whether a document is prose to proofread: by its extension, else by its language id. */
export function isProse(document: Pick<TextDocument, 'uri' | 'languageId'>): boolean {
  const extension = path.extname(pathOf(document.uri) ?? new URL(document.uri).pathname).toLowerCase()
  if (extension !== '') return proseExtensions.has(extension)
  return proseLanguages.has(document.languageId)
}

/** Whether a document is Markdown. */
export function isMarkdown(document: Pick<TextDocument, 'uri' | 'languageId'>): boolean {
  return document.languageId === 'markdown' || isMarkdownPath(pathOf(document.uri))
}

/** How a document is to be linted. */
export type DocumentSetup =
  | {readonly skip: 'not prose' | 'ignored'}
  | {readonly skip?: undefined; readonly config: ResolvedConfig; readonly kind: DraftKind; readonly path: string | undefined; readonly root: string}

/** Whether `config`'s `ignore` globs (relative to its folder) match the draft at `filePath`. */
export function isIgnoredBy(config: ResolvedConfig, filePath: string): boolean {
  if (config.ignore.length === 0) return false
  const relative = path.relative(config.cwd, filePath)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false
  return picomatch([...config.ignore], {dot: true})(relative.split(path.sep).join('/'))
}

/** The `copydesk` settings of the editor and the configuration files, for each document. */
export class Configuration {
  private readonly store: ConfigStore
  private readonly settingsByRoot = new Map<string, Promise<EditorSettings>>()
  private globalSettings: EditorSettings = {}

  constructor(
    private readonly workspace: Workspace,
    private readonly client: {
      /** Whether the client answers `workspace/configuration`. */
      readonly canRequest: boolean
      /** `workspace/configuration` for one section and folder. */
      request(scopeUri: string): Promise<unknown>
    },
    private readonly reports: ConfigReports,
  ) {
    this.store = new ConfigStore(reports)
  }

  /** How to lint `document` (its configuration, or why it is skipped). */
  async setup(document: Pick<TextDocument, 'uri' | 'languageId'>): Promise<DocumentSetup> {
    if (!isProse(document)) return {skip: 'not prose'}
    const filePath = pathOf(document.uri)
    const root = this.workspace.rootFor(filePath)
    const config = await this.store.resolve(filePath, root, await this.settingsFor(root))
    if (filePath && isIgnoredBy(config, filePath)) return {skip: 'ignored'}
    return {config, kind: isMarkdown(document) ? 'markdown' : 'text', path: filePath, root}
  }

  /** `workspace/didChangeConfiguration`: forget the settings (and take the pushed ones from a client that is not asked). */
  settingsChanged(pushed: unknown): void {
    this.settingsByRoot.clear()
    if (!this.client.canRequest) {
      const section = (pushed as {copydesk?: unknown} | null | undefined)?.copydesk
      const {settings, problems} = readEditorSettings(section)
      for (const problem of problems) this.reports.problem(problem)
      this.globalSettings = settings
    }
  }

  /** Workspace folders changed: their settings are asked again. */
  foldersChanged(): void {
    this.settingsByRoot.clear()
  }

  /** A configuration file (or a file it reads) changed: read them again. */
  filesChanged(): void {
    this.store.clear()
  }

  /** Every file the configurations in use were read from. */
  sources(): Promise<string[]> {
    return this.store.sources()
  }

  private settingsFor(root: string): Promise<EditorSettings> {
    if (!this.client.canRequest) return Promise.resolve(this.globalSettings)
    let settings = this.settingsByRoot.get(root)
    if (!settings) {
      settings = this.client
        .request(pathToFileURL(root).href)
        .then((value) => {
          const {settings: read, problems} = readEditorSettings(value)
          for (const problem of problems) this.reports.problem(problem)
          return read
        })
        .catch(() => ({}))
      this.settingsByRoot.set(root, settings)
    }
    return settings
  }
}

/**
 * Watching configuration from the server: the files a configuration was read from (the
 * configuration file, dictionary files, style packs), for every client; and the folders of
 * open drafts for a new or changed `.copydeskrc.*`, for clients that cannot watch files for
 * the server (Neovim 0.7 has no `workspace/didChangeWatchedFiles`).
 */
import {unwatchFile, watch, watchFile, type FSWatcher, type Stats} from 'node:fs'

/** Config file names the folders are watched for. */
const configFile = /^\.copydeskrc(?:\.(?:json|ya?ml))?$/

/** Calls `onChange` (once per burst of events) when a watched file or a config file in a watched folder changes. */
export class ConfigWatcher {
  private readonly files = new Map<string, (current: Stats, previous: Stats) => void>()
  private readonly folders = new Map<string, FSWatcher>()
  private timer: NodeJS.Timeout | undefined

  /** `intervalMs`: how often a watched file's status is polled (polling works on every file system). */
  constructor(
    private readonly onChange: () => void,
    private readonly intervalMs = 500,
  ) {}

  /** Watch exactly these files (and stop watching the others). */
  watchFiles(paths: Iterable<string>): void {
    const wanted = new Set(paths)
    for (const [file, listener] of this.files) {
      if (wanted.has(file)) continue
      unwatchFile(file, listener)
      this.files.delete(file)
    }
    for (const file of wanted) {
      if (this.files.has(file)) continue
      const listener = (current: Stats, previous: Stats) => {
        if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) this.changed()
      }
      watchFile(file, {interval: this.intervalMs, persistent: false}, listener)
      this.files.set(file, listener)
    }
  }

  /** Also watch `folder` for config files appearing, changing or going. */
  watchFolder(folder: string): void {
    if (this.folders.has(folder)) return
    try {
      const watcher = watch(folder, {persistent: false}, (_event, name) => {
        if (name === null || configFile.test(String(name))) this.changed()
      })
      watcher.on('error', () => {
        watcher.close()
        this.folders.delete(folder)
      })
      this.folders.set(folder, watcher)
    } catch {
      // A folder that cannot be watched (gone, no permission): the client's own events remain.
    }
  }

  /** Stop watching everything. */
  close(): void {
    clearTimeout(this.timer)
    for (const [file, listener] of this.files) unwatchFile(file, listener)
    this.files.clear()
    for (const watcher of this.folders.values()) watcher.close()
    this.folders.clear()
  }

  private changed(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.onChange(), 50)
  }
}

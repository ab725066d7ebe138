/** The workspace folders, and which one holds a document. */
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The file path of a `file:` URI (`undefined` for untitled and other schemes). */
export function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined
}

/** The open workspace folders, deepest first. */
export class Workspace {
  private roots: string[] = []

  /** `cwd`: the root of documents without a path when there is no workspace folder. */
  constructor(private readonly cwd: string) {}

  /** The folders, deepest first. */
  get folders(): readonly string[] {
    return this.roots
  }

  /** Replace the folders (`initialize`). */
  set(uris: readonly string[]): void {
    this.roots = []
    this.change(uris, [])
  }

  /** Add and remove folders (`workspace/didChangeWorkspaceFolders`). */
  change(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(pathOf))
    const kept = this.roots.filter((root) => !gone.has(root))
    const fresh = added.map(pathOf).filter((root): root is string => root !== undefined && !kept.includes(root))
    this.roots = [...kept, ...fresh].sort((a, b) => b.length - a.length)
  }

  /** The workspace folder holding `filePath` (the deepest), else the draft's folder. */
  rootFor(filePath: string | undefined): string {
    if (!filePath) return this.roots[0] ?? this.cwd
    return this.roots.find((root) => filePath.startsWith(root + path.sep)) ?? path.dirname(filePath)
  }
}

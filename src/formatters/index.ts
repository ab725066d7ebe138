/**
 * The formatters by name, each loaded when it is asked for: a JSON run never loads the HTML,
 * SARIF or LSP formatters (nor `vscode-languageserver-types`).
 */
import type {Formatter} from './types.js'

export type {Formatter, FormatterContext, StreamingFormatter} from './types.js'

const loaders = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  lsp: async () => (await import('./lsp.js')).lsp,
  html: async () => (await import('./html.js')).html,
} satisfies Record<string, () => Promise<Formatter>>

/** The name of every formatter the CLI's `--format` accepts. */
export const formatterNames: readonly string[] = Object.keys(loaders)

/** Whether `name` is a formatter's name. */
export function isFormatterName(name: string): boolean {
  return Object.hasOwn(loaders, name)
}

/** The formatter called `name` (loaded on first use), or `undefined`. */
export async function getFormatter(name: string): Promise<Formatter | undefined> {
  return isFormatterName(name) ? loaders[name as keyof typeof loaders]() : undefined
}

/** The formatters by name. */
import {github} from './github.js'
import {html} from './html.js'
import {json} from './json.js'
import {lsp} from './lsp.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'
import type {Formatter} from './types.js'

export type {Formatter, FormatterContext} from './types.js'

/** Every formatter the CLI's `--format` accepts. */
export const formatters: Readonly<Record<string, Formatter>> = {stylish, json, sarif, github, lsp, html}

/** The formatter called `name`, or `undefined`. */
export function getFormatter(name: string): Formatter | undefined {
  return Object.hasOwn(formatters, name) ? formatters[name] : undefined
}

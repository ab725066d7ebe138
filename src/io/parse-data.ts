/**
 * JSON and YAML parsed as plain data, with a bound on nesting and one-line errors that never
 * quote the file (a configuration may name any file: its content must not end up on a terminal
 * or in a CI log).
 *
 * YAML is composed recursively by the `yaml` package: a 40 KB file of `- - - …` nested 20,000
 * levels deep overflows the native stack and kills Node. Its concrete syntax tree, though, is
 * built with an explicit stack, so the nesting is measured on that stack while the file is
 * tokenized, and a file nested deeper than {@link maxDataDepth} is refused before composition.
 * JSON is measured by a scan of its brackets (outside strings) before `JSON.parse`.
 *
 * Imports only `yaml`: the engine and the style-pack loader both use it.
 */
import {Lexer, LineCounter, Parser, parseDocument, YAMLError} from 'yaml'

/**
 * The deepest nesting accepted in a configuration or a style pack. Real ones nest five or
 * six levels (`rules` → a rule id → `[severity, options]` → `terms` → entry → `avoid`).
 */
export const maxDataDepth = 64

/** A syntax error or a nesting too deep, with where it is (1-based) when known. */
export class DataError extends Error {
  override name = 'DataError'
  readonly line: number | undefined
  readonly column: number | undefined
  constructor(message: string, line?: number, column?: number) {
    super(message)
    this.line = line
    this.column = column
  }

  /** `3:7: ` (or nothing when the place is unknown), to put after a file name. */
  get where(): string {
    return this.line === undefined ? '' : `${this.line}:${this.column ?? 1}: `
  }
}

function tooDeep(line: number | undefined, column: number | undefined): DataError {
  return new DataError(`nested more than ${maxDataDepth} levels deep`, line, column)
}

function lineColumn(text: string, offset: number): [number, number] {
  let line = 1
  let start = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    start = index + 1
  }
  return [line, offset - start + 1]
}

/** Parse JSON `text` (a byte order mark is allowed; empty text is `{}`). */
export function parseJsonData(text: string): unknown {
  const source = text.replace(/^\uFEFF/, '')
  if (source.trim() === '') return {}
  // Brackets outside strings give the depth exactly; a string's `[` or `\"` does not count.
  let depth = 0
  let inString = false
  for (let index = 0; index < source.length; index++) {
    const char = source.charCodeAt(index)
    if (inString) {
      if (char === 0x5c)
        index++ // a backslash escapes the next character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > maxDataDepth) throw tooDeep(...lineColumn(source, index))
    } else if (char === 0x5d || char === 0x7d) depth--
  }
  try {
    return JSON.parse(source) as unknown
  } catch (error) {
    const message = (error as Error).message
    const at = /position (\d+)/.exec(message)
    const [line, column] = at ? lineColumn(source, Number(at[1])) : [undefined, undefined]
    // `Unexpected token } in JSON at position 12 (line 2 column 3)`: the place goes in front.
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')
    throw new DataError(reason.split('\n')[0], line, column)
  }
}

/**
 * Parse YAML `text` as data: one document, no unknown tags (they would be a warning nobody
 * sees, and their value a string the author did not mean), at most {@link maxDataDepth} deep.
 */
export function parseYamlData(text: string): unknown {
  const lineCounter = new LineCounter()
  const place = (offset: number): [number, number] => {
    const {line, col} = lineCounter.linePos(offset)
    return [line, col]
  }
  // Measure the nesting on the parser's own stack, token by token, before composing.
  const parser = new Parser(lineCounter.addNewLine)
  lineCounter.addNewLine(0) // as `Parser.parse` does: the first line starts at 0
  let offset = 0
  for (const lexeme of new Lexer().lex(text)) {
    for (const _document of parser.next(lexeme)) {
      // Whole documents come out here; their depth was measured while they were built.
    }
    if (parser.stack.length > maxDataDepth) throw tooDeep(...place(offset))
    offset += lexeme.length
  }
  for (const _document of parser.end()) {
    // Flush the last document.
  }
  const document = parseDocument(text, {prettyErrors: false, logLevel: 'silent', uniqueKeys: true})
  const problem: YAMLError | undefined = document.errors[0] ?? document.warnings[0]
  if (problem) {
    const [line, column] = place(problem.pos[0])
    throw new DataError(problem.message.split('\n')[0], line, column)
  }
  try {
    return document.toJS({maxAliasCount: 100}) ?? {}
  } catch (error) {
    // `Excessive alias count indicates a resource exhaustion attack`
    throw new DataError((error as Error).message.split('\n')[0])
  }
}

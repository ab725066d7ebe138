/**
 * "Add `word` to the project dictionary": append the word to the `dictionary` array of the
 * project's config file, keeping everything else in the file as it was.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import {Document, isSeq, parseDocument} from 'yaml'
import {maxConfigBytes} from '../config/load.js'
import {parseJsonData, parseYamlData} from '../io/parse-data.js'
import {ReadError, readBoundedText} from '../io/read-bounded.js'

/** Config file names, in the order one folder's files are preferred. */
export const configNames = ['.copydeskrc.json', '.copydeskrc.yaml', '.copydeskrc.yml'] as const

/** The nearest config file at or above `folder`, or `undefined`. */
export function findConfigFile(folder: string): string | undefined {
  let current = path.resolve(folder)
  for (;;) {
    for (const name of configNames) {
      const candidate = path.join(current, name)
      if (existsSync(candidate)) return candidate
    }
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/**
 * Add `word` to the dictionary of the config file for a draft in `folder` (the nearest one
 * upward), or create `.copydeskrc.json` in `root` when there is none. Resolves to the file written
 * (or already holding the word).
 */
export async function addToDictionary(word: string, folder: string, root: string): Promise<string> {
  const file = findConfigFile(folder) ?? path.join(root, '.copydeskrc.json')
  const before = await readConfigText(file, word)
  const after = /\.ya?ml$/.test(file) ? addToYaml(before ?? '', word, file) : addToJson(before, word, file)
  if (after !== before) await writeFileAtomic(file, after)
  return file
}

/**
 * The text of the config file (`undefined` when there is none yet): a regular file of bounded
 * size only, its nesting checked before it is parsed for editing.
 */
async function readConfigText(file: string, word: string): Promise<string | undefined> {
  let text: string
  try {
    text = await readBoundedText(file, {maxBytes: maxConfigBytes, what: 'a configuration file'})
  } catch (error) {
    if (error instanceof ReadError && error.code === 'ENOENT') return undefined
    throw new Error(`Cannot add \`${word}\` to \`${file}\`: ${(error as Error).message}`, {cause: error})
  }
  try {
    if (/\.ya?ml$/.test(file)) parseYamlData(text)
    else parseJsonData(text)
  } catch (error) {
    throw new Error(`Cannot add \`${word}\` to \`${file}\`: ${(error as Error).message}`, {cause: error})
  }
  return text
}

/** `text` (a JSON config, or nothing) with `word` in its `dictionary`. */
export function addToJson(text: string | undefined, word: string, file = 'config'): string {
  if (text === undefined || text.trim() === '') return JSON.stringify({dictionary: [word]}, null, 2) + '\n'
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new Error(`Cannot add \`${word}\` to \`${file}\`: ${(error as Error).message}`, {cause: error})
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new Error(`Cannot add \`${word}\` to \`${file}\`: expected an object`)
  const config = data as {dictionary?: unknown}
  if (config.dictionary !== undefined && !Array.isArray(config.dictionary)) throw new Error(`Cannot add \`${word}\` to \`${file}\`: \`dictionary\` is not an array`)
  const dictionary = (config.dictionary ?? []) as unknown[]
  if (dictionary.includes(word)) return text
  config.dictionary = [...dictionary, word]
  // Keep the file's indentation and final newline.
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  '
  return JSON.stringify(config, null, indent) + (text.endsWith('\n') ? '\n' : '')
}

/** `text` (a YAML config) with `word` in its `dictionary`; comments and layout are kept. */
export function addToYaml(text: string, word: string, file = 'config'): string {
  const document = parseDocument(text)
  if (document.errors.length > 0) throw new Error(`Cannot add \`${word}\` to \`${file}\`: ${document.errors[0].message}`)
  if (document.contents === null) return new Document({dictionary: [word]}).toString()
  const dictionary = document.get('dictionary')
  if (dictionary === undefined || dictionary === null) {
    document.set('dictionary', document.createNode([word]))
  } else if (isSeq(dictionary)) {
    if (dictionary.items.some((item) => String((item as {value?: unknown}).value ?? item) === word)) return text
    dictionary.add(document.createNode(word))
  } else {
    throw new Error(`Cannot add \`${word}\` to \`${file}\`: \`dictionary\` is not a list`)
  }
  return document.toString()
}

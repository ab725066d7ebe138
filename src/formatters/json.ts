/** `--format json`: exactly one JSON array, one entry per file, in argument order. */
import {isCertain} from '../fix/certain.js'
import {fileName, toJsonMessage} from './message.js'
import type {Formatter} from './types.js'

/** The contract's JSON output. */
export const json: Formatter = (files) =>
  JSON.stringify(
    files.map((file) => ({
      file: fileName(file),
      messages: file.messages.map((message) => toJsonMessage(message, isCertain)),
    })),
    null,
    2,
  ) + '\n'

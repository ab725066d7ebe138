/** `--format json`: exactly one JSON array, one entry per file, in argument order. */
import {isCertain} from '../fix/certain.js'
import {fileName, toJsonMessage} from './message.js'
import {arrayOfPieces, stringifyWithLastArray} from './pieces.js'
import type {Formatter, FormatterContext, StreamingFormatter} from './types.js'

/** The report in pieces (see `pieces.ts`): each message's object made when its turn comes. */
function* pieces(files: Parameters<Formatter>[0], _context?: FormatterContext): Generator<string> {
  yield* arrayOfPieces(
    files.map((file) =>
      stringifyWithLastArray(
        // A report cut at the draft's message limit says where (`limitMessages`).
        file.data.copydeskStopped ? {file: fileName(file), stopped: file.data.copydeskStopped, messages: []} : {file: fileName(file), messages: []},
        (function* () {
          for (const message of file.messages) yield toJsonMessage(message, isCertain)
        })(),
        '  ',
      ),
    ),
  )
  yield '\n'
}

/** The contract's JSON output. */
export const json: StreamingFormatter = Object.assign((files: Parameters<Formatter>[0], context: FormatterContext) => [...pieces(files, context)].join(''), {pieces})

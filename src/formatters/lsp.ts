/**
 * `--format lsp`: per file `{uri, diagnostics}`, the LSP's own shapes (0-based ranges), for
 * tools that speak LSP without running the server.
 */
import {isCertain} from '../fix/certain.js'
import {stoppedDiagnostic, toDiagnostic} from './diagnostic.js'
import {fileUri, isStdin} from './paths.js'
import type {Formatter} from './types.js'

/** A JSON array of `{uri, diagnostics}`, one entry per file in argument order. */
export const lsp: Formatter = (files, context) =>
  JSON.stringify(
    files.map((file) => ({
      // Standard input has no file: LSP names unsaved buffers with the `untitled:` scheme.
      uri: isStdin(file) ? 'untitled:stdin' : fileUri(file, context.cwd),
      diagnostics: [
        ...file.messages.map((message) => toDiagnostic(message, isCertain)),
        // A draft cut at its message limit, as the server shows it.
        ...(file.data.copydeskStopped ? [stoppedDiagnostic(file.data.copydeskStopped)] : []),
      ],
    })),
    null,
    2,
  ) + '\n'

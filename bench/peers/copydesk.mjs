// copydesk through its library API (the same lint() the CLI and the LSP server use).
import {lint} from '../../dist/src/index.js'
import {runMode} from './common.mjs'

await runMode(async () => async (text, path) => (await lint(text, {path})).messages.length)

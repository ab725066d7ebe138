// Peer: harper.js (Harper's WebAssembly build), the local linter in this process.
import {LocalLinter} from 'harper.js'
import {binary} from 'harper.js/binary'
import {runMode} from './common.mjs'

await runMode(async () => {
  const linter = new LocalLinter({binary})
  await linter.setup()
  return async (text) => (await linter.lint(text)).length
})

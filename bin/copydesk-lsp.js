#!/usr/bin/env node
// The `copydesk-lsp` executable: `copydesk lsp --stdio` (dist/src/lsp/bin.js).
import {ensureBuilt} from './ensure-built.js'

await import(ensureBuilt('src/lsp/bin.js', 'copydesk-lsp'))

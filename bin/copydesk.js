#!/usr/bin/env node
// The `copydesk` executable: runs the built command line (dist/src/cli.js).
import {ensureBuilt} from './ensure-built.js'

await import(ensureBuilt('src/cli.js', 'copydesk'))

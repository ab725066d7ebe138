/** copydesk's own version, from its package.json. */
import {readFileSync} from 'node:fs'

let cached: string | undefined

/** The version, read on first use from package.json (found upwards from this module, built or not). */
export function copydeskVersion(): string {
  cached ??= readVersion()
  return cached
}

function readVersion(): string {
  // `src/version.ts` under vitest, `dist/src/version.js` when built.
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as {name?: string; version?: string}
      if (manifest.name === 'copydesk' && manifest.version) return manifest.version
    } catch {
      // Not this folder: try the next one up.
    }
  }
  return '0.0.0'
}

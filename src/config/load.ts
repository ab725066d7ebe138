/**
 * Find and read the configuration for a draft.
 *
 * (Issue 5 replaces the body: `.copydeskrc.json` / `.copydeskrc.yaml` searched up from the
 * draft, or `--config FILE`, validated.)
 */
import {defaultConfig} from './defaults.js'
import type {ResolvedConfig} from './types.js'

/** Options of {@link loadConfigFor}. */
export interface LoadConfigOptions {
  /** `--config FILE`: use this file instead of searching. */
  readonly configPath?: string
  /** The working folder. */
  readonly cwd: string
}

/** The resolved configuration for the draft at `filePath` (`undefined` for stdin: search from `cwd`). */
export async function loadConfigFor(_filePath: string | undefined, options: LoadConfigOptions): Promise<ResolvedConfig> {
  return defaultConfig(options.cwd)
}

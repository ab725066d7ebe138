/** The configuration a run uses when there is no configuration file. */
import {defaultRuleSettings, loadRuleResources} from './rules.js'
import type {ResolvedConfig} from './types.js'

export {defaultRuleSettings} from './rules.js'

/** The configuration with nothing configured, rooted at `cwd`. */
export function defaultConfig(cwd: string): ResolvedConfig {
  const base = {rules: defaultRuleSettings(), dictionary: [], names: [], ignore: [], language: 'en-US', styles: [], cwd} as const
  return {...base, resources: loadRuleResources(base, cwd).resources}
}

/** The configuration a run uses when there is no configuration file. */
import {rules} from '../../rules/index.js'
import type {ResolvedConfig, RuleSetting} from './types.js'

/** Every rule at its default severity, with no options. */
export function defaultRuleSettings(): Record<string, RuleSetting> {
  return Object.fromEntries(rules.map((rule) => [rule.id, [rule.meta.severity] as const]))
}

/** The configuration with nothing configured, rooted at `cwd`. */
export function defaultConfig(cwd: string): ResolvedConfig {
  return {
    rules: defaultRuleSettings(),
    dictionary: [],
    names: [],
    ignore: [],
    language: 'en-US',
    styles: [],
    cwd,
  }
}

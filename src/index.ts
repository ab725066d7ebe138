/**
 * copydesk's library API: the same functions the CLI and the LSP server use.
 */
export {lint, isMarkdownPath, type LintOptions} from './pipeline/lint.js'
export {fix, certainEdits, applyEdits, isCertain, type Edit, type FixResult} from './fix/apply.js'
export {rules, getRule} from '../rules/index.js'
export {getFormatter, formatterNames, type Formatter, type FormatterContext, type StreamingFormatter} from './formatters/index.js'
export {defaultConfig} from './config/defaults.js'
export {loadConfigFor, clearConfigCache, type LoadConfigOptions} from './config/load.js'
export {lintAll, type PoolTask} from './pipeline/pool.js'
export type {ResolvedConfig, RuleSetting, Language} from './config/types.js'
export type {Rule, RuleMeta, RuleContext, RuleResources, HeadingRange, Severity, SeveritySetting, MessageFields} from './rule.js'
export {defineRule, ResourceError} from './rule.js'

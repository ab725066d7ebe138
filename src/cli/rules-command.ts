/** `copydesk rules` and `copydesk explain <id>`: the rules, from their meta. */
import {rules} from '../../rules/index.js'
import {explainRule} from '../pipeline/explain.js'
import {RunError} from './errors.js'
import type {Io} from './io.js'

/** Print every rule: id, default severity, fixable, one-line description. */
export function rulesCommand(args: readonly string[], io: Io): number {
  if (args.includes('--json')) {
    const list = rules.map((rule) => ({id: rule.id, severity: rule.meta.severity, fixable: rule.meta.fixable, description: rule.meta.description}))
    io.stdout.write(JSON.stringify(list, null, 2) + '\n')
    return 0
  }
  if (args.length > 0) throw new RunError(`Unknown argument \`${args[0]}\` for \`copydesk rules\`, expected none or \`--json\``)
  const idWidth = Math.max(...rules.map((rule) => rule.id.length))
  io.stdout.write(`${'rule'.padEnd(idWidth)}  severity  fixable  description\n`)
  for (const rule of rules) {
    io.stdout.write(`${rule.id.padEnd(idWidth)}  ${rule.meta.severity.padEnd(8)}  ${(rule.meta.fixable ? 'yes' : 'no').padEnd(7)}  ${rule.meta.description}\n`)
  }
  return 0
}

/** Print a rule's description, why, and its examples linted live. */
export async function explainCommand(args: readonly string[], io: Io): Promise<number> {
  const id = args[0]
  const rule = rules.find((candidate) => candidate.id === id)
  if (!rule) {
    throw new RunError(`Unknown rule \`${id ?? ''}\`, expected one of ${rules.map((candidate) => `\`${candidate.id}\``).join(', ')}`)
  }
  const lines = await explainRule(rule)
  io.stdout.write(lines.join('\n') + '\n')
  return 0
}

/**
 * Write `schema/copydeskrc.schema.json`, the JSON Schema of configuration files (for editors),
 * from the same lists as the zod schema and the rule ids of the registry.
 * Run after adding a rule: `npm run build:schema` (`tests/config/schema.test.ts` checks it).
 */
import {writeFileSync} from 'node:fs'
import {rules} from '../rules/index.js'
import {configJsonSchema} from '../src/config/schema.js'

/** The schema file's text. */
export function schemaText(): string {
  return JSON.stringify(configJsonSchema(rules.map((rule) => rule.id)), null, 2) + '\n'
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../schema/copydeskrc.schema.json', import.meta.url), schemaText())
}

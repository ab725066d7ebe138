/**
 * Write `schema/copydeskrc.schema.json`, the JSON Schema of configuration files (for editors),
 * from the same lists as the zod schema and the rules of the registry, their options
 * converted from their zod schemas by `zod-to-json-schema`.
 * Run after adding a rule: `npm run build:schema` (`tests/config/schema.test.ts` checks it).
 */
import {writeFileSync} from 'node:fs'
import {zodToJsonSchema} from 'zod-to-json-schema'
import {rules} from '../rules/index.js'
import {configJsonSchema} from '../src/config/schema.js'

/** The schema file's text. */
export function schemaText(): string {
  return (
    JSON.stringify(
      configJsonSchema(rules, (schema) => zodToJsonSchema(schema, {target: 'jsonSchema7', $refStrategy: 'none'})),
      null,
      2,
    ) + '\n'
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../schema/copydeskrc.schema.json', import.meta.url), schemaText())
}

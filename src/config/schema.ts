/**
 * The shape of `.copydeskrc.json` / `.copydeskrc.yaml`: a zod schema that validates a
 * configuration as written, and the JSON Schema (shipped as `schema/copydeskrc.schema.json`
 * for editors) built from the same lists and from each rule's options schema (converted by
 * `zod-to-json-schema`, a build-time tool), so the two cannot drift apart
 * (`tests/config/schema.test.ts` checks the shipped file). A rule's options are checked
 * against its schema when the configuration is resolved (`./rules.ts`).
 */
import leven from 'leven'
import type {ZodType, ZodTypeDef} from 'zod'
import {z} from 'zod'
import {draftSizeExpected, largestMaxDraftBytes, parseDraftSize} from '../pipeline/limits.js'

/** The severities a rule may be set to. */
export const severitySettings = ['off', 'info', 'warning', 'error'] as const

/** The languages copydesk proofreads. */
export const languages = ['en-US', 'en-GB'] as const

/** The keys of a configuration file, with what each holds (the JSON Schema's descriptions). */
export const configKeys = {
  $schema: 'The JSON Schema of this file, for editors (ignored by copydesk).',
  rules: 'Per rule id: `off`, `info`, `warning` or `error`, or `[severity, options]`.',
  dictionary: 'Words to accept, as written (case matters for names).',
  dictionaryFiles: 'Files of words to accept, one per line (`#` starts a comment), relative to this file.',
  names: 'The house list of canonical names of people and organizations (`Marco Rubio`).',
  ignore: 'Globs of drafts to skip, relative to this file (`archive/**`).',
  language: '`en-US` (default) or `en-GB`.',
  styles: 'Style packs of the rules that read them: a built-in pack name (`ap`) or a path to a YAML file, relative to this file.',
  maxMessages:
    "The messages a draft's report holds at most (default 10,000; -1: no limit). A draft with more is reported up to its 10,000th message, and the run says where it stopped.",
  maxDraftSize:
    'The largest draft proofread: bytes, or a number with K, KB, KiB, M, MB or MiB (`2MB`; a K is 1,024 bytes). Default 1 MiB, at most 4 MiB; a larger draft is refused with one line. Drafts over 1 MiB may take over 10 s and 500 MB.',
} as const

/** A configuration as written in the file. */
export interface ConfigFile {
  $schema?: string
  rules?: Record<string, (typeof severitySettings)[number] | [(typeof severitySettings)[number], unknown?]>
  dictionary?: string[]
  dictionaryFiles?: string[]
  names?: string[]
  ignore?: string[]
  language?: (typeof languages)[number]
  styles?: string[]
  maxMessages?: number
  maxDraftSize?: number | string
}

const strings = z.array(z.string().min(1, 'Unexpected empty string, expected text'))
const severity = z.enum(severitySettings)

/**
 * The zod schema of a configuration file, for the rule ids of the registry. Unknown keys and
 * unknown rule ids are errors (a misspelled key would otherwise be silently ignored).
 */
export function configSchema(ruleIds: readonly string[]) {
  const setting = z.union([severity, z.tuple([severity]), z.tuple([severity, z.unknown()])])
  return z
    .object({
      $schema: z.string().optional(),
      rules: z.record(z.string(), setting).optional(),
      dictionary: strings.optional(),
      dictionaryFiles: strings.optional(),
      names: strings.optional(),
      ignore: strings.optional(),
      language: z.enum(languages).optional(),
      styles: strings.optional(),
      maxMessages: z
        .number()
        .int()
        .min(-1)
        .refine((value) => value !== 0, 'Unexpected `0`, expected a whole number ≥ 1, or -1 for no limit')
        .optional(),
      maxDraftSize: z
        .union([z.number(), z.string()])
        .refine(
          (value) => parseDraftSize(value) !== undefined,
          (value) => ({message: `Unexpected \`${String(value)}\`, ${draftSizeExpected}`}),
        )
        .optional(),
    })
    .strict()
    .superRefine((value, context) => {
      for (const id of Object.keys(value.rules ?? {})) {
        if (!ruleIds.includes(id)) {
          context.addIssue({code: z.ZodIssueCode.custom, path: ['rules', id], message: `Unknown rule \`${id}\`, expected ${oneOf(ruleIds, id)}`})
        }
      }
    })
}

/** `one of `a`, `b`, …` with the closest candidate first when one is close to `actual`. */
export function oneOf(candidates: readonly string[], actual?: string): string {
  const closest = actual === undefined ? undefined : closestOf(candidates, actual)
  const ordered = closest ? [closest, ...candidates.filter((candidate) => candidate !== closest)] : [...candidates]
  return `${closest ? `\`${closest}\` or ` : ''}one of ${(closest ? ordered.slice(1) : ordered).map((item) => `\`${item}\``).join(', ')}`
}

/** The candidate within a few edits of `actual` (a slip, not a different word). */
export function closestOf(candidates: readonly string[], actual: string): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(actual.length / 3)) + 1
  for (const candidate of candidates) {
    const distance = leven(candidate.toLowerCase(), actual.toLowerCase())
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  return best
}

/** What {@link configJsonSchema} reads of a rule. */
export interface SchemaRule {
  readonly id: string
  readonly meta: {readonly description: string; readonly options: ZodType<unknown, ZodTypeDef, unknown>}
}

/**
 * The JSON Schema of a configuration file (draft-07), for the rules of the registry;
 * `toJsonSchema` converts a rule's zod options schema (`zod-to-json-schema`).
 */
export function configJsonSchema(
  rules: readonly SchemaRule[],
  toJsonSchema: (schema: ZodType<unknown, ZodTypeDef, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const stringList = (key: keyof typeof configKeys) => ({
    description: configKeys[key],
    type: 'array',
    items: {type: 'string', minLength: 1},
  })
  const severitySchema = {enum: [...severitySettings]}
  const setting = (rule: SchemaRule) => {
    const options = toJsonSchema(rule.meta.options)
    delete options.$schema
    return {
      description: rule.meta.description,
      anyOf: [severitySchema, {type: 'array', items: [severitySchema, {description: 'Options of the rule.', ...options}], minItems: 1, maxItems: 2}],
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/copydesk/copydesk/blob/main/schema/copydeskrc.schema.json',
    title: 'copydesk configuration (.copydeskrc.json, .copydeskrc.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: {description: configKeys.$schema, type: 'string'},
      rules: {
        description: configKeys.rules,
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(rules.map((rule) => [rule.id, setting(rule)])),
      },
      dictionary: stringList('dictionary'),
      dictionaryFiles: stringList('dictionaryFiles'),
      names: stringList('names'),
      ignore: stringList('ignore'),
      language: {description: configKeys.language, enum: [...languages]},
      styles: stringList('styles'),
      maxMessages: {description: configKeys.maxMessages, type: 'integer', anyOf: [{const: -1}, {minimum: 1}]},
      maxDraftSize: {
        description: configKeys.maxDraftSize,
        anyOf: [
          {type: 'integer', minimum: 1, maximum: largestMaxDraftBytes},
          {type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*([bB]|[kK]|[kK][bB]|[kK]i[bB]|[mM]|[mM][bB]|[mM]i[bB])?\\s*$'},
        ],
      },
    },
  }
}

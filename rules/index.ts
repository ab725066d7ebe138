/**
 * The registry: every rule, in a fixed order.
 *
 * Order matters: where two rules flag exactly the same text, the one listed first reports it
 * (the more specific rule before the general one: `proper-noun-case` before `spelling`).
 * The order of ids: punctuation-spacing, proper-noun-case, name-spelling, sentence-case,
 * headline-case, house-style, quotation, spelling, repeated-word, duplicate-line.
 */
import type {Rule} from '../src/rule.js'
import duplicateLine from './duplicate-line/index.js'
import headlineCase from './headline-case/index.js'
import houseStyle from './house-style/index.js'
import nameSpelling from './name-spelling/index.js'
import properNounCase from './proper-noun-case/index.js'
import punctuationSpacing from './punctuation-spacing/index.js'
import quotation from './quotation/index.js'
import repeatedWord from './repeated-word/index.js'
import sentenceCase from './sentence-case/index.js'
import spelling from './spelling/index.js'

/** Every rule, in the order they run. */
export const rules: readonly Rule[] = [
  punctuationSpacing,
  properNounCase,
  nameSpelling,
  sentenceCase,
  headlineCase,
  houseStyle,
  quotation,
  spelling,
  repeatedWord,
  duplicateLine,
] as unknown as readonly Rule[]

/** A rule by id. */
export function getRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id)
}

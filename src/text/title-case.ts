/**
 * Title case: which words a title-case headline leaves lowercase, and how to tell one.
 *
 * The engine's (plain-text paragraphs end at a title-case line); rules get it from
 * `src/rule.ts`, so a headline means the same thing to both.
 */

/** Words that stay lowercase in a title-case headline. */
export const minorWords: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'en',
  'for',
  'from',
  'if',
  'in',
  'into',
  'nor',
  'of',
  'off',
  'on',
  'onto',
  'or',
  'out',
  'over',
  'per',
  'so',
  'than',
  'the',
  'to',
  'up',
  'upon',
  'via',
  'vs',
  'with',
  'yet',
])

/** Whether most significant words of `text` start with a capital (a title-case line). */
export function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? []
  const significant = words.filter((word, index) => index === 0 || !minorWords.has(word.toLowerCase()))
  if (significant.length === 0) return false
  const capitalized = significant.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length
  return capitalized / significant.length >= 0.75
}

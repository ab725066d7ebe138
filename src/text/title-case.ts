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

/** A word of a headline: a letter or digit, then letters, digits, apostrophes and hyphens. */
const headlineWord = /[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu
const startsCapitalized = /^[\p{Lu}\p{N}]/u

/**
 * Whether most significant words of `text` start with a capital (a title-case line): at least
 * three in four of its words that are not minor words (the first word always counts).
 * Counted word by word, with no list of the words: every paragraph of a draft is asked (a
 * draft of short lines asked it for each line of every window, and the lists were a tenth
 * of what its lint allocated).
 */
export function isTitleCase(text: string): boolean {
  let significant = 0
  let capitalized = 0
  let index = 0
  headlineWord.lastIndex = 0
  for (let match = headlineWord.exec(text); match !== null; match = headlineWord.exec(text)) {
    const word = match[0]
    if (index++ === 0 || !minorWords.has(word.toLowerCase())) {
      significant++
      if (startsCapitalized.test(word)) capitalized++
    }
  }
  return significant > 0 && capitalized / significant >= 0.75
}

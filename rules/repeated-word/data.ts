/**
 * Word lists of `repeated-word`. Sorted, one per line.
 */

/**
 * Words that may rightly stand twice in a row, beyond those retext-repeated-words knows
 * (`had`, `that`, `can`, …).
 */
export const legitimateDoubles: readonly string[] = [
  // “Bye bye”, “knock knock”, “no no”, “tut tut”: set phrases.
  'bye',
  'knock',
  'no',
  'tut',
]

/**
 * Words that are never a name, so `The the` and `We we` are repeats whatever the case of the
 * first (unlike `May may`, `Will will`, `Mark mark`). Lowercase.
 */
export const functionWords: readonly string[] = [
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'from',
  'has',
  'have',
  'he',
  'her',
  'his',
  'i',
  'in',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'our',
  'she',
  'that',
  'the',
  'their',
  'these',
  'they',
  'this',
  'those',
  'to',
  'was',
  'we',
  'were',
  'with',
  'you',
]

/**
 * Words that cannot follow the pronoun or determiner `that`: after `that that` (`said that
 * that the`), the second `that` is a slip.
 */
export const notAfterThat: readonly string[] = ['a', 'an', 'he', 'i', 'it', 'our', 'she', 'the', 'their', 'there', 'they', 'we', 'you']

/**
 * Words that may rightly stand twice in a row, beyond those retext-repeated-words knows
 * (`had`, `that`, `can`, …). Sorted, one per line.
 */
export const legitimateDoubles: readonly string[] = [
  // “Bye bye”, “knock knock”, “no no”, “tut tut”: set phrases.
  'bye',
  'knock',
  'no',
  'tut',
]

/**
 * Word lists of the `spelling` rule. Sorted, one entry per line.
 */

/**
 * Lowercase particles of names (`de Gaulle`, `van Gogh`, `von der Leyen`, `da Silva`,
 * `bin Salman`) that the dictionary does not know as words.
 */
export const nameParticles: readonly string[] = [
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'della',
  'den',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'ter',
  'van',
  'von',
  'zu',
]

/**
 * Lowercase first parts of hyphenated compounds that are prefixes, not words
 * (`re-elect`, `pre-war`, `anti-war`, `e-mail`).
 */
export const compoundPrefixes: readonly string[] = [
  'anti',
  'bi',
  'co',
  'counter',
  'cyber',
  'de',
  'e',
  'eco',
  'ex',
  'geo',
  'inter',
  'intra',
  'macro',
  'mega',
  'micro',
  'mid',
  'multi',
  'neo',
  'non',
  'over',
  'post',
  'pre',
  'pro',
  'quasi',
  're',
  'self',
  'semi',
  'socio',
  'sub',
  'super',
  'trans',
  'tri',
  'ultra',
  'un',
]

/**
 * Words of current news copy that `dictionary-en` does not know yet, all lowercase
 * (a capitalized use is accepted too, as nspell's `add` does).
 */
export const newsWords: readonly string[] = [
  'amidst',
  'capita',
  'covid',
  'cyber',
  'duplicative',
  'frontline',
  'frontlines',
  'hearted',
  'judgeships',
  'livestream',
  'livestreamed',
  'livestreaming',
  'lockdown',
  'lockdowns',
  'olds',
  'rescission',
  'rescissions',
  'responders',
  'sectoral',
  'underserved',
]

/**
 * Prefixes that make a word of a common word without a hyphen (`reauthorization`,
 * `counterterrorism`, `multimillion`, `unelected`).
 */
export const derivationPrefixes: readonly string[] = [
  'anti',
  'bio',
  'co',
  'counter',
  'cyber',
  'de',
  'eco',
  'geo',
  'hyper',
  'inter',
  'macro',
  'mega',
  'micro',
  'mid',
  'mis',
  'multi',
  'narco',
  'neo',
  'non',
  'out',
  'over',
  'post',
  'pre',
  'pro',
  're',
  'semi',
  'sub',
  'super',
  'tele',
  'trans',
  'ultra',
  'un',
  'under',
]

/**
 * Function words that never make a closed compound: `andthe`, `thesame`, `withthe` are two
 * words run together (a slip), not one word.
 */
export const closedUpExceptions: readonly string[] = [
  'and',
  'are',
  'but',
  'can',
  'for',
  'from',
  'had',
  'has',
  'have',
  'her',
  'his',
  'its',
  'not',
  'our',
  'that',
  'the',
  'their',
  'them',
  'they',
  'this',
  'was',
  'were',
  'which',
  'will',
  'with',
  'you',
  'your',
]

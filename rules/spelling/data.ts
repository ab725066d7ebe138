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
  'livestream',
  'livestreamed',
  'livestreaming',
  'lockdown',
  'lockdowns',
]

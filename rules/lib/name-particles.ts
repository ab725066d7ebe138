/**
 * Lowercase particles of names (`de Gaulle`, `van Gogh`, `von der Leyen`, `da Silva`,
 * `bin Salman`, `al-Assad`): not misspellings, not name words of their own, and a sentence may
 * start with them when a name follows. Sorted, one per line.
 */
export const nameParticles: readonly string[] = [
  'al',
  'bin',
  'bint',
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
  'st',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
]

/**
 * Data of `punctuation-spacing`: what may follow a period with no space, because the
 * period is part of a name (`example.com`, `report.pdf`, `Node.js`), not the end of a
 * sentence. Lowercase, sorted, one per line.
 */

/** Top-level domains seen in news copy (generic, and country codes that are not words). */
export const topLevelDomains: readonly string[] = [
  'ai',
  'app',
  'au',
  'biz',
  'br',
  'ca',
  'cn',
  'co',
  'com',
  'de',
  'dev',
  'edu',
  'es',
  'eu',
  'fr',
  'gov',
  'gr',
  'info',
  'int',
  'io',
  'jp',
  'kr',
  'ly',
  'mil',
  'net',
  'news',
  'nl',
  'nz',
  'org',
  'pl',
  'ru',
  'se',
  'tv',
  'ua',
  'uk',
  'us',
  'xyz',
  'za',
]

/** File extensions and the suffixes of software names (`Node.js`, `Socket.io`). */
export const fileExtensions: readonly string[] = [
  'csv',
  'doc',
  'docx',
  'exe',
  'gif',
  'htm',
  'html',
  'jpeg',
  'jpg',
  'js',
  'json',
  'md',
  'mov',
  'mp3',
  'mp4',
  'pdf',
  'php',
  'png',
  'ppt',
  'pptx',
  'py',
  'rtf',
  'svg',
  'ts',
  'txt',
  'wav',
  'xls',
  'xlsx',
  'xml',
  'zip',
]

/**
 * Lowercase words that start a clause and are no domain, file extension or name part: after
 * a capitalized word and a dot (`Rousseff.the`), they mean two sentences run together.
 */
export const clauseStarters: readonly string[] = [
  'after',
  'and',
  'but',
  'her',
  'his',
  'the',
  'their',
  'these',
  'they',
  'this',
  'those',
  'was',
  'were',
  'when',
  'which',
  'while',
  'who',
]

/**
 * Words after a suspended hyphen (`pre- and post-war`, `short- or long-term`, `10- to
 * 15-year-olds`): a hyphen, a space and one of these is no slip.
 */
export const suspendingWords: readonly string[] = ['and', 'nor', 'or', 'through', 'to', 'versus', 'vs']

/**
 * Abbreviations whose last period is part of them (`9 a.m.`, `the U.S.`): written without it
 * (`9 a.m,`, `the U.S`), the period is missing. As written, with the period.
 */
export const truncatedAbbreviations: readonly string[] = ['D.C.', 'E.U.', 'U.K.', 'U.N.', 'U.S.', 'a.m.', 'e.g.', 'i.e.', 'p.m.']

/**
 * Prefixes always joined by a hyphen (`self-defense`, `non-aligned`): cut off by a space on
 * one side (`self- defense`), the hyphen is a slip, not a dash typed as a hyphen.
 */
export const hyphenPrefixes: readonly string[] = ['anti', 'co', 'cross', 'ex', 'half', 'long', 'multi', 'non', 'post', 'pre', 'pro', 'self', 'semi', 'short', 'well']

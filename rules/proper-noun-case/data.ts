/** Context words of `proper-noun-case`. Sorted, one per line. */

/** Words of direction that may describe a place in lowercase (`south Boston`). */
export const directions: ReadonlySet<string> = new Set([
  'central',
  'east',
  'eastern',
  'greater',
  'lower',
  'north',
  'northern',
  'south',
  'southern',
  'upper',
  'west',
  'western',
])

/** Words before a place (`in turkey`, `visited china`). */
export const placePrepositions: ReadonlySet<string> = new Set(['across', 'from', 'in', 'into', 'throughout', 'to', 'toward', 'towards', 'visit', 'visited', 'visiting'])

/** Nouns of a region after its name (`the alentejo region`). */
export const regionNouns: ReadonlySet<string> = new Set(['district', 'oblast', 'prefecture', 'province', 'region'])

/** Nouns of state that follow a country or a nationality (`polish government`, `turkey’s president`). */
export const stateNouns: ReadonlySet<string> = new Set([
  'ambassador',
  'army',
  'authorities',
  'border',
  'capital',
  'citizens',
  'counterpart',
  'defence',
  'defense',
  'delegation',
  'economy',
  'election',
  'elections',
  'embassy',
  'forces',
  'foreign',
  'government',
  'leader',
  'leaders',
  'military',
  'minister',
  'ministry',
  'national',
  'navy',
  'officials',
  'opposition',
  'parliament',
  'police',
  'president',
  'prime',
  'troops',
])

/**
 * Titles whose every word takes a capital before a name (`Secretary of State Marco Rubio`): a
 * lowercase word there is a slip when another word of the title has its capital.
 */
export const titlePhrases: readonly string[] = [
  'Attorney General',
  'Chief Justice',
  'Crown Prince',
  'Defense Secretary',
  'Foreign Minister',
  'Foreign Secretary',
  'Majority Leader',
  'Minority Leader',
  'Prime Minister',
  'Secretary of Defense',
  'Secretary of Homeland Security',
  'Secretary of State',
  'Secretary of the Treasury',
  'Supreme Leader',
  'Trade Representative',
  'Vice President',
]

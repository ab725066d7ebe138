/**
 * Names written in lowercase by their bearers: never capitalized by `sentence-case`, never
 * misspellings for `spelling`. Sorted, one per line.
 */
export const lowercaseNames: readonly string[] = ['bell hooks', 'danah boyd', 'e.e. cummings', 'k.d. lang', 'will.i.am']

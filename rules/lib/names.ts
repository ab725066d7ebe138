/**
 * What the rules know about names: shared by `spelling`, `proper-noun-case` and `name-spelling`.
 *
 * TODO(issue 3): back this with the document's own proper nouns and the gazetteers. Until
 * then every capitalized word counts as a possible name, so `spelling` leaves it alone.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {RuleContext} from '../../src/rule.js'

/**
 * Whether the capitalized `word` (as written in the draft) should be taken as a name and so
 * never reported by `spelling`: a known name, a word the document uses consistently as a
 * name, or a word that appears once and is near no known name.
 */
export function isLikelyName(word: string, _tree: Root, _file: VFile, _context: RuleContext): boolean {
  return /^\p{Lu}/u.test(word)
}

/**
 * `house-style`: what a style book says to write otherwise (`10 am` → `10 a.m.` in AP style).
 *
 * The entries are data: YAML packs under `packs/` (`ap`, `default`) or a newsroom's own file,
 * chosen with `styles` in the configuration or the rule's options. With none chosen, the small
 * `default` pack applies (see `docs/rules/house-style.md`).
 */
import type {Root} from 'nlcst'
import {walk as visit} from '../lib/walk.js'
import type {VFile} from 'vfile'
import type {location} from 'vfile-location'
import {z} from 'zod'
import {defineRule, ResourceError, type MessageFields} from '../../src/rule.js'
import {checkedFrom, fileLocation, getDocument} from '../lib/document.js'
import {builtInPacks, compileTerms, readPack, resolvePack, type CompiledTerm, type PackData} from './packs.js'

const words = z.union([z.string().min(1), z.array(z.string().min(1))])

/** One entry of the `terms` option: the shape of a pack entry (`docs/rules/house-style.md`). */
const term = z
  .object({
    id: z.string().min(1).optional().describe('Name of the entry, unique in its list.'),
    avoid: words.optional().describe('Literal phrases to flag.'),
    pattern: z.string().min(1).optional().describe('An RE2 pattern to flag instead of phrases.'),
    use: words.optional().describe('The replacement(s); `$1`… insert groups of `pattern`.'),
    message: z.string().optional().describe('For `avoid` entries without `use`: the rest of the message.'),
    note: z.string().optional().describe('Why, shown as the message’s note.'),
    case: z.enum(['keep', 'exact']).optional().describe('`keep` (default) keeps the writer’s capital; `exact` writes `use` as is.'),
    fix: z.boolean().optional().describe('Whether a single replacement may be applied unattended (default: true).'),
    quotes: z.boolean().optional().describe('Whether to flag text inside quotation marks (default: true).'),
    headlines: z.boolean().optional().describe('Whether to flag text in headlines (default: true).'),
    notBefore: words.optional().describe('Skip a match when the word before it is one of these.'),
    notAfter: words.optional().describe('Skip a match when the text after it starts with one of these.'),
  })
  .strict()

/** Options of `house-style`. */
export const houseStyleOptions = z
  .object({
    styles: z
      .array(z.string().min(1, 'Expected a pack name or a path'))
      .optional()
      .describe(`Packs to apply (${builtInPacks.map((name) => `\`${name}\``).join(', ')} or paths relative to the configuration); replaces \`styles\` of the configuration.`),
    terms: z.array(term).optional().describe('Extra entries, checked after the packs.'),
  })
  .strict()

/** Options of `house-style`. */
export type HouseStyleOptions = z.infer<typeof houseStyleOptions>

/** A place in the paragraph's text the pack flags. */
interface Candidate {
  readonly start: number
  readonly end: number
  readonly groups: readonly string[]
}

// Stands for text the tree does not proofread (Markdown code, link targets): never matches.
const masked = '\uFFFC'

export default defineRule<HouseStyleOptions, readonly PackData[]>({
  id: 'house-style',
  meta: {
    description: 'Write what the configured style book says (`10 a.m.`, `email`, `Jan. 5`).',
    why: 'One spelling per term keeps copy consistent across writers; readers notice when a paper writes `10 am` on one page and `10 a.m.` on the next.',
    severity: 'info',
    fixable: true,
    // Matches terms inside one paragraph (headlines: the first paragraph or a title-case line).
    scope: 'paragraph',
    examples: {bad: 'The briefing starts at 10 am in Kyiv.', good: 'The briefing starts at 10 a.m. in Kyiv.'},
    options: houseStyleOptions,
  },
  // The packs are read with the configuration (and again when it is), so an edited pack applies
  // without a restart of the language server, and a bad one is a configuration error.
  resources(options, context) {
    const read = (names: readonly string[], at: (index: number) => ReadonlyArray<string | number>) =>
      names.map((name, index) => {
        try {
          return readPack(name, context.cwd)
        } catch (error) {
          throw new ResourceError(at(index), (error as Error).message)
        }
      })
    // The configuration's packs are checked even when the options replace them (a bad one is
    // still a configuration error); the options' packs, or the configuration's, apply.
    const configured = read(context.styles, (index) => ['styles', index])
    const chosen = options.styles ? read(options.styles, (index) => ['rules', 'house-style', 'styles', index]) : configured
    const packs = chosen.length > 0 ? chosen : read(['default'], () => ['styles'])
    try {
      compileTerms(options.terms ?? [], 'options.terms')
    } catch (error) {
      throw new ResourceError(['rules', 'house-style', 'terms'], (error as Error).message)
    }
    const builtIn = new Set(builtInPacks.map((name) => resolvePack(name, context.cwd)))
    const files = [...configured, ...chosen].map((pack) => pack.file).filter((file) => !builtIn.has(file))
    return {data: packs, files: [...new Set(files)]}
  },
  plugin(options, _context, packs) {
    const terms = [...packs.flatMap((pack) => compileTerms(pack.entries, pack.file)), ...compileTerms(options.terms ?? [], 'options.terms')]
    return (tree, file) => {
      const document = getDocument(tree, file)
      // Shared by the rules (a windowed lint runs them once per window over the same draft).
      const place = fileLocation(file)
      const from = checkedFrom(file)
      for (const paragraph of document.paragraphs) {
        if (paragraph.end <= from) continue // the paragraph before a window (see `checkedFrom`)
        const text = proofreadText(paragraph.node, paragraph.start, paragraph.end, document.text)
        const taken: Array<readonly [number, number]> = []
        for (const term of terms) {
          if (!term.inHeadlines && paragraph.isHeadline) continue
          for (const candidate of find(term, text)) {
            const report = check(term, candidate, text)
            if (!report) continue
            const {start, end, expected} = report
            if (taken.some(([from, to]) => start < to && end > from)) continue
            taken.push([start, end])
            flag(file, term, paragraph.start + start, paragraph.start + end, text.slice(start, end), expected, place)
          }
        }
      }
    }
  },
})

/** The paragraph's text with what the tree does not proofread masked out. */
function proofreadText(node: Root['children'][number], from: number, to: number, source: string): string {
  // The literals of a tree come in text order without overlap: join their slices and the
  // masked gaps between them. Anything else takes the character-by-character way below.
  // Literals that touch are one slice (`run` to `at`): in prose, the paragraph's text at once.
  let text = ''
  let run = from
  let at = from
  let isInOrder = true
  visit(node, (child) => {
    if (!('value' in child) || child.type === 'SourceNode') return
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) return
    const first = Math.max(start, from)
    const last = Math.min(end, to)
    if (first >= last) return
    if (first < at) {
      isInOrder = false
      return false
    }
    if (first > at) {
      text += source.slice(run, at) + masked.repeat(first - at)
      run = first
    }
    at = last
  })
  return isInOrder ? text + source.slice(run, at) + masked.repeat(to - at) : proofreadTextByCharacter(node, from, to, source)
}

function proofreadTextByCharacter(node: Root['children'][number], from: number, to: number, source: string): string {
  const chars: string[] = Array.from({length: to - from}, () => masked)
  visit(node, (child) => {
    if (!('value' in child) || child.type === 'SourceNode') return
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) return
    for (let index = Math.max(start, from); index < Math.min(end, to); index++) chars[index - from] = source[index]
  })
  return chars.join('')
}

/** Where an entry matches in a paragraph (offsets into `text`). */
function find(term: CompiledTerm, text: string): Candidate[] {
  const found: Candidate[] = []
  const matcher = term.regex.matcher(text)
  const hasMatchGroup = term.regex.namedGroups().match !== undefined
  let from = 0
  while (from <= text.length && matcher.find(from)) {
    const groups = Array.from({length: term.regex.groupCount() + 1}, (_, index) => matcher.group(index) ?? '')
    const start = hasMatchGroup ? matcher.start('match') : matcher.start()
    const end = hasMatchGroup ? matcher.end('match') : matcher.end()
    if (start >= 0 && end > start) found.push({start, end, groups})
    // Go on from the end of the flagged text, not of the context after it: in `e-mail
    // e-mail`, the space after the first is the context before the second.
    from = Math.max(end, matcher.start() + 1)
  }
  return found
}

/** The checks every entry shares; the range to flag and its replacements, or nothing. */
function check(term: CompiledTerm, candidate: Candidate, text: string) {
  const {start} = candidate
  let {end} = candidate
  const actual = text.slice(start, end)
  const before = text.slice(0, start)
  const after = text.slice(end)
  // “5,000” and “3.5”: the number goes on.
  if (/\d$/.test(actual) && /^[.,:]?\d/.test(after)) return
  if (/^\d/.test(actual) && /[\d.,$£€]$/.test(before)) return
  if (!term.inQuotes && isQuoted(before)) return
  const previous = /([\p{L}\p{N}.#$']+)\s*$/u.exec(before)?.[1]?.toLowerCase()
  if (previous !== undefined && term.notBefore.has(previous)) return
  const rest = after.trimStart().toLowerCase()
  if (term.notAfter.some((phrase) => rest.startsWith(phrase) && !/^[\p{L}\p{N}]/u.test(rest.slice(phrase.length)))) return
  const isSentenceStart = /(^|[.!?:]["”’)]?)\s*["“‘(]?$/u.test(before)
  let expected = term.use.map((use) => use.replace(/\$(\d)/g, (_, group: string) => candidate.groups[Number(group)] ?? ''))
  if (term.isExactCase) {
    // “the Internet Archive”: a name, whatever the style book says of the word.
    if (/^\s*\p{Lu}/u.test(after) || (!isSentenceStart && /\p{Lu}[\p{L}.]*\s+$/u.test(before))) return
    if (isSentenceStart) expected = expected.map(capitalize)
  } else if (!term.isLiteralCase) {
    expected = expected.map((use) => matchCase(use, actual))
  }
  if (expected.includes(actual)) return
  // “at 10 am.”: the abbreviation's period ends the sentence too.
  if (expected.length > 0 && expected.every((use) => use.endsWith('.')) && after.startsWith('.')) {
    end += 1
  }
  return {start, end, expected}
}

function flag(file: VFile, term: CompiledTerm, start: number, end: number, actual: string, expected: string[], place: ReturnType<typeof location>) {
  // “House style: `email`, not `e-mail`”; a word to avoid gets the entry's own advice.
  const reason =
    expected.length > 0 ? `House style: ${expected.map((use) => `\`${use}\``).join(' or ')}, not \`${actual}\`` : `House style avoids \`${actual}\`: ${term.message}`
  const message = file.message(reason, {place: {start: place.toPoint(start)!, end: place.toPoint(end)!}})
  message.actual = actual
  message.expected = expected
  if (!term.isFixable) (message as typeof message & MessageFields).fix = false
  message.note = term.note ?? term.message
}

/** Whether text that ends here sits inside a quotation (an open `“` or an odd `"`). */
function isQuoted(before: string): boolean {
  const opens = before.split('“').length - 1
  const closes = before.split('”').length - 1
  return opens > closes || (before.split('"').length - 1) % 2 === 1
}

/** Keep the writer's capital: `E-mail` → `Email`, `E-MAIL` → `EMAIL`. */
function matchCase(use: string, actual: string): string {
  if (actual.length > 1 && actual === actual.toUpperCase() && /\p{L}.*\p{L}/u.test(actual)) return use.toUpperCase()
  if (/^\p{Lu}/u.test(actual)) return capitalize(use)
  return use
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

export type {HouseTerm} from './packs.js'

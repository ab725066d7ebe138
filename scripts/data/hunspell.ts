/**
 * Expand a Hunspell dictionary (`.aff` + `.dic`) into every word form it accepts, at build
 * time, with the semantics of `nspell` (the checker inside `retext-spell`, MIT): the same
 * affix parsing, the same cross products and continuation classes, the same compound rules.
 * A test checks the result against nspell's public `correct()` on every expanded form and on
 * generated misspellings, so the verdicts stay nspell's without reading its internals.
 */

/** One affix entry (`SFX D y ied [^aeiou]y`). */
interface AffixEntry {
  readonly add: string
  readonly remove: RegExp | undefined
  readonly match: RegExp | undefined
  readonly continuation: readonly string[]
}

/** A `PFX` or `SFX` class. */
interface AffixRule {
  readonly type: 'PFX' | 'SFX'
  readonly combineable: boolean
  readonly entries: AffixEntry[]
}

/** What the affix file says, as far as expansion and lookup need it. */
export interface Affixes {
  readonly rules: ReadonlyMap<string, AffixRule>
  /** Single-value directives (`NOSUGGEST`, `ONLYINCOMPOUND`, `FLAG`, `NEEDAFFIX`, …). */
  readonly flags: ReadonlyMap<string, string>
  readonly compoundMin: number
  /** `COMPOUNDRULE` patterns, as written (`n*1t`). */
  readonly compoundRules: readonly string[]
  /** `REP` pairs, as written (`_` for a space). */
  readonly replacements: ReadonlyArray<readonly [string, string]>
  /** `ICONV` pairs: expression source and replacement. */
  readonly conversions: ReadonlyArray<readonly [string, string]>
}

/** The expanded dictionary. */
export interface Expansion {
  readonly affixes: Affixes
  /** Every form and the flags it was listed with (derived forms have none). */
  readonly forms: ReadonlyMap<string, readonly string[]>
  /** Compound rules as case-insensitive expression sources (`(?:0|1|…)*(?:1)(?:1th|…)`). */
  readonly compoundSources: readonly string[]
}

/** Split a flag string by the affix file's `FLAG` type. */
function parseCodes(flags: ReadonlyMap<string, string>, value: string | undefined): string[] {
  if (!value) return []
  const type = flags.get('FLAG')
  if (type === 'long') return value.match(/[\s\S]{1,2}/g) ?? []
  return value.split(type === 'num' ? ',' : '')
}

/** Parse an affix file. */
export function parseAffixes(text: string): Affixes {
  const rules = new Map<string, AffixRule>()
  const flags = new Map<string, string>()
  const compoundRules: string[] = []
  const replacements: Array<[string, string]> = []
  const conversions: Array<[string, string]> = []
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  // Directives first, so `FLAG` is known before any flags are split (nspell reads in order;
  // the English files declare `FLAG`, if at all, before their affixes).
  for (let index = 0; index < lines.length; index++) {
    let parts = lines[index].split(/\s+/)
    const type = parts[0]
    if (type === 'REP' || type === 'ICONV' || type === 'COMPOUNDRULE') {
      const count = Number.parseInt(parts[1], 10)
      for (let at = 0; at < count; at++) {
        parts = lines[++index].split(/\s+/)
        if (type === 'REP') replacements.push([parts[1], parts[2]])
        else if (type === 'ICONV') conversions.push([parts[1], parts[2]])
        else compoundRules.push(parts[1])
      }
    } else if (type === 'OCONV') {
      index += Number.parseInt(parts[1], 10)
    } else if (type === 'PFX' || type === 'SFX') {
      const count = Number.parseInt(parts[3], 10)
      const rule: AffixRule = {type, combineable: parts[2] === 'Y', entries: []}
      rules.set(parts[1], rule)
      for (let at = 0; at < count; at++) {
        parts = lines[++index].split(/\s+/)
        const [add, continuation] = parts[3].split('/')
        const remove = parts[2]
        const source = parts[4]
        try {
          rule.entries.push({
            add: add !== '0' ? add : '',
            remove: remove !== '0' ? new RegExp(type === 'SFX' ? `${remove}$` : remove) : undefined,
            match: source && source !== '.' ? new RegExp(type === 'SFX' ? `${source}$` : `^${source}`) : undefined,
            continuation: parseCodes(flags, continuation),
          })
        } catch {
          // nspell drops an entry whose condition is no valid expression.
        }
      }
    } else if (type !== 'KEY' && type !== 'TRY') {
      flags.set(type, parts[1])
    }
  }
  const compoundMin = Number(flags.get('COMPOUNDMIN'))
  return {rules, flags, compoundMin: Number.isNaN(compoundMin) ? 3 : compoundMin, compoundRules, replacements, conversions}
}

/** Apply an affix class to `value` (and its continuation classes), as nspell's `apply`. */
function apply(value: string, rule: AffixRule, rules: ReadonlyMap<string, AffixRule>, words: string[]): string[] {
  for (const entry of rule.entries) {
    if (entry.match && !entry.match.test(value)) continue
    let next = entry.remove ? value.replace(entry.remove, '') : value
    next = rule.type === 'SFX' ? next + entry.add : entry.add + next
    words.push(next)
    for (const code of entry.continuation) {
      const continuation = rules.get(code)
      if (continuation) apply(next, continuation, rules, words)
    }
  }
  return words
}

/** Derived forms carry no flags. */
const noCodes: readonly string[] = Object.freeze([])

/** Expand a dictionary: every form nspell stores, with the flags it was listed with. */
export function expand(aff: string, dic: string): Expansion {
  const affixes = parseAffixes(aff)
  const {rules, flags} = affixes
  const forms = new Map<string, string[] | readonly string[]>()
  const compoundCodes = new Map<string, string[]>()
  for (const rule of affixes.compoundRules) for (const code of rule) compoundCodes.set(code, [])
  const onlyInCompound = flags.get('ONLYINCOMPOUND')
  if (onlyInCompound !== undefined) compoundCodes.set(onlyInCompound, [])
  const needAffix = flags.get('NEEDAFFIX')

  const addForm = (word: string) => {
    if (!forms.has(word)) forms.set(word, noCodes)
  }
  const add = (word: string, codes: string[]) => {
    if (needAffix === undefined || !codes.includes(needAffix)) {
      const current = forms.get(word)
      // A word listed twice keeps the flags of both lines.
      if (current === undefined || current === noCodes) forms.set(word, [...codes])
      else (current as string[]).push(...codes)
    }
    for (let position = 0; position < codes.length; position++) {
      compoundCodes.get(codes[position])?.push(word)
      const rule = rules.get(codes[position])
      if (!rule) continue
      for (const form of apply(word, rule, rules, [])) {
        addForm(form)
        if (!rule.combineable) continue
        for (let other = position + 1; other < codes.length; other++) {
          const combined = rules.get(codes[other])
          if (combined && combined.combineable && rule.type !== combined.type) for (const both of apply(form, combined, rules, [])) addForm(both)
        }
      }
    }
  }

  const lines = dic.split('\n')
  // The first line is the word count.
  for (let index = 1; index < lines.length; index++) {
    let line = lines[index]
    // Some dictionaries use tabs as comments.
    if (line.startsWith('\t')) continue
    let slash = line.indexOf('/')
    while (slash > -1 && line.charCodeAt(slash - 1) === 92 /* `\` */) {
      line = line.slice(0, slash - 1) + line.slice(slash)
      slash = line.indexOf('/', slash)
    }
    const hash = line.indexOf('#')
    let word: string
    let codes = ''
    if (hash > -1) {
      if (slash > -1 && slash < hash) {
        word = line.slice(0, slash)
        const space = /\s/g
        space.lastIndex = slash + 1
        const found = space.exec(line)
        codes = line.slice(slash + 1, found ? found.index : undefined)
      } else word = line.slice(0, hash)
    } else if (slash > -1) {
      word = line.slice(0, slash)
      codes = line.slice(slash + 1)
    } else word = line
    word = word.trim()
    if (word) add(word, parseCodes(flags, codes.trim()))
  }

  const compoundSources = affixes.compoundRules.map((rule) =>
    [...rule].map((code) => (compoundCodes.get(code)?.length ? `(?:${compoundCodes.get(code)!.join('|')})` : code)).join(''),
  )
  return {affixes, forms, compoundSources}
}

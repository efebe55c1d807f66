import { MIN_PREFIX_LENGTH } from './tokens'

/** How one query word is matched: as typed (a prefix when long enough), or by its corrections too. */
export interface PlannedTerm {
  word: string
  prefix: boolean
  /** Known catalogue words close to a word the catalogue does not know ("jumpr" → jumper). */
  corrections: string[]
  /** The word names an option value (a colour, a size): it matches titles, SKUs and options, not prose. */
  optionOnly: boolean
}

export interface Vocabulary {
  /** Query words the catalogue knows, whole or as the start of a word. */
  known: ReadonlySet<string>
  /** Query words the catalogue uses as an option value somewhere. */
  options: ReadonlySet<string>
  corrections: ReadonlyMap<string, string[]>
}

/** Every word must match (AND); a word matches itself or any of its corrections (OR). */
export function planQuery(tokens: readonly string[], vocabulary: Vocabulary): PlannedTerm[] {
  return tokens.map((word) => ({
    word,
    prefix: word.length >= MIN_PREFIX_LENGTH,
    corrections: vocabulary.known.has(word) ? [] : (vocabulary.corrections.get(word) ?? []),
    optionOnly: vocabulary.options.has(word),
  }))
}

/**
 * PostgreSQL `to_tsquery` text. Words hold only letters and digits (tokeniseQuery), so no user character can be
 * tsquery syntax; the text still goes to the database as a bound parameter. `:AB` keeps an option word to the
 * title (A) and SKU/option (B) weights.
 */
export function toTsQuery(terms: readonly PlannedTerm[]): string {
  return terms
    .map((term) => {
      const own = `${term.word}${term.prefix || term.optionOnly ? ':' : ''}${term.prefix ? '*' : ''}${term.optionOnly ? 'AB' : ''}`
      return `(${[own, ...term.corrections].join(' | ')})`
    })
    .join(' & ')
}

/** SQLite FTS5 MATCH text: each word quoted (a bareword could be an FTS5 keyword such as NEAR or NOT). */
export function toFtsQuery(terms: readonly PlannedTerm[]): string {
  return terms
    .map((term) => {
      const own = `"${term.word}"${term.prefix ? '*' : ''}`
      const alternatives = [own, ...term.corrections.map((c) => `"${c}"`)].join(' OR ')
      return term.optionOnly ? `{title codes} : (${alternatives})` : `(${alternatives})`
    })
    .join(' AND ')
}

import type { Payload } from 'payload'

import { MIN_CORRECTABLE_LENGTH, pickCorrections, trigrams } from '../../commerce/search/corrections'
import type { Vocabulary } from '../../commerce/search/queryPlan'
import { dialect, queryRows, sql } from '../sql'

// Candidates fetched per misspelt word before ranking them by similarity in pickCorrections.
const CANDIDATES = 30

const TOP = String.fromCodePoint(0x10ffff)

/** Which query words the catalogue knows (whole or as a prefix), which are option values, and corrections for the rest. */
export async function lookUpVocabulary(payload: Payload, tokens: readonly string[]): Promise<Vocabulary> {
  const known = new Set<string>()
  const options = new Set<string>()
  const corrections = new Map<string, string[]>()
  const postgres = dialect(payload) === 'postgres'
  for (const token of tokens) {
    const rows = await queryRows<{ word: string; is_option: unknown }>(
      payload,
      undefined,
      sql`SELECT word, is_option FROM search_words WHERE word >= ${token} AND word < ${token + TOP} ORDER BY word LIMIT 1`,
    )
    const exact = rows[0]?.word === token
    if (rows.length > 0) known.add(token)
    if (exact && Number(rows[0].is_option) === 1) options.add(token)
    if (rows.length > 0 || token.length < MIN_CORRECTABLE_LENGTH || /^\d+$/.test(token)) continue
    corrections.set(token, await correctionsFor(payload, token, postgres))
  }
  return { known, options, corrections }
}

async function correctionsFor(payload: Payload, token: string, postgres: boolean): Promise<string[]> {
  if (postgres) {
    // pg_trgm's `%` (similarity above pg_trgm.similarity_threshold, 0.3) uses the trigram index.
    const rows = await queryRows<{ word: string }>(
      payload,
      undefined,
      sql`SELECT word FROM search_words WHERE word % ${token} ORDER BY similarity(word, ${token}) DESC, word LIMIT ${CANDIDATES}`,
    )
    return pickCorrections(
      token,
      rows.map((r) => r.word),
    )
  }
  const grams = trigrams(token)
  const rows = await queryRows<{ word: string }>(
    payload,
    undefined,
    sql`SELECT word FROM search_word_trigrams WHERE trigram IN (${sql.join(
      grams.map((g) => sql`${g}`),
      sql`, `,
    )}) GROUP BY word ORDER BY count(*) DESC, word LIMIT ${CANDIDATES}`,
  )
  return pickCorrections(
    token,
    rows.map((r) => r.word),
  )
}

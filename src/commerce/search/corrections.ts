// Misspellings: a query word the catalogue does not know is matched to known words sharing most trigrams,
// as PostgreSQL's pg_trgm does (same padding, same similarity), so SQLite and PostgreSQL correct alike.

/** pg_trgm's default `similarity_threshold`. */
export const MIN_SIMILARITY = 0.3
/** Corrections tried per query word: enough for "jumpr" → jumper, jump; few enough to stay precise. */
export const MAX_CORRECTIONS = 3
/** Words shorter than this are too short to correct ("mg" could be anything). */
export const MIN_CORRECTABLE_LENGTH = 4

/** pg_trgm's trigrams of one word: two spaces before, one after. */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `
  const set = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3))
  return [...set]
}

/** Shared trigrams over all distinct trigrams of both words (pg_trgm's `similarity`). */
export function similarity(a: string, b: string): number {
  const left = new Set(trigrams(a))
  const right = trigrams(b)
  const shared = right.filter((t) => left.has(t)).length
  return shared / (left.size + right.length - shared)
}

/** The best known words for a misspelt one, most similar first, each at least MIN_SIMILARITY alike. */
export function pickCorrections(word: string, candidates: readonly string[]): string[] {
  return candidates
    .filter((candidate) => candidate !== word)
    .map((candidate) => ({ candidate, score: similarity(word, candidate) }))
    .filter(({ score }) => score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score || a.candidate.localeCompare(b.candidate))
    .slice(0, MAX_CORRECTIONS)
    .map(({ candidate }) => candidate)
}

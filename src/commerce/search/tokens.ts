// How search text becomes words: the same rule for the catalogue's words and for a shopper's query, so both sides agree.

/** A query longer than this is refused (400), not cut: a pasted paragraph is not a product search. */
export const MAX_QUERY_LENGTH = 200
/** Words after the eighth add nothing a shopper would notice and only make the database work harder. */
export const MAX_QUERY_TOKENS = 8
/** Longer "words" (a pasted hash, a URL) are cut; no product word is this long. */
export const MAX_TOKEN_LENGTH = 40
/** Only words at least this long are matched as prefixes ("jum" finds "jumper"); shorter ones must match whole. */
export const MIN_PREFIX_LENGTH = 3

const WORD = /[\p{L}\p{N}]+/gu

/** Lower-cased words of letters and digits with accents folded; every other character (`"`, `*`, `-`, `(`, `'`) separates. */
export function words(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  return folded.match(WORD) ?? []
}

/** The distinct words of a query, in order, at most MAX_QUERY_TOKENS of them; never any search syntax. */
export function tokeniseQuery(query: string): string[] {
  const seen = new Set<string>()
  for (const word of words(query)) {
    seen.add(word.slice(0, MAX_TOKEN_LENGTH))
    if (seen.size === MAX_QUERY_TOKENS) break
  }
  return [...seen]
}

/** The distinct words of catalogue text worth keeping in the vocabulary that corrects misspellings. */
export function vocabularyWords(text: string): string[] {
  return [...new Set(words(text).filter((w) => w.length >= MIN_PREFIX_LENGTH && w.length <= MAX_TOKEN_LENGTH && !/^\d+$/.test(w)))]
}

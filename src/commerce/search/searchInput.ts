import { z } from 'zod'

import { PRICE_BAND_KEYS, type PriceBandKey } from './priceBands'
import { MAX_QUERY_LENGTH, tokeniseQuery } from './tokens'
import { parseOrThrow } from '../zodProblems'

export const DEFAULT_SEARCH_LIMIT = 24
export const MAX_SEARCH_LIMIT = 100
/** Deep pages of a relevance list are never read; the bound keeps OFFSET cheap. */
export const MAX_SEARCH_PAGE = 100

export interface SearchInput {
  q: string
  tokens: string[]
  /** A category id or slug. */
  category?: string
  priceBand?: PriceBandKey
  inStock?: boolean
  page: number
  limit: number
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value)
const flag = z.preprocess(
  (v) => (v === 'true' || v === '1' || v === true ? true : v === 'false' || v === '0' || v === false ? false : v),
  z.boolean({ message: 'Use true or false' }),
)
const whole = (max: number, fallback: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int('Use a whole number').min(1).max(max))

export const searchSchema = z.object({
  q: z
    .string({ message: 'Say what to search for: ?q=…' })
    .trim()
    .min(1, 'Say what to search for: ?q=…')
    .max(MAX_QUERY_LENGTH, `A search is at most ${MAX_QUERY_LENGTH} characters`),
  category: z.string().trim().min(1).max(120).optional(),
  priceBand: z.enum(PRICE_BAND_KEYS, { message: `Use one of ${PRICE_BAND_KEYS.join(', ')}` }).optional(),
  inStock: flag.optional(),
  page: whole(MAX_SEARCH_PAGE, 1),
  limit: whole(MAX_SEARCH_LIMIT, DEFAULT_SEARCH_LIMIT),
})

/** A search request from query-string or GraphQL arguments, or CommerceError(400, 'invalid_search') naming the faults. */
export function parseSearchInput(params: Record<string, unknown>): SearchInput {
  const picked = Object.fromEntries(['q', 'category', 'priceBand', 'inStock', 'page', 'limit'].map((key) => [key, first(params[key]) ?? undefined]))
  const parsed = parseOrThrow(searchSchema, picked, 'invalid_search')
  return { ...parsed, tokens: tokeniseQuery(parsed.q) }
}

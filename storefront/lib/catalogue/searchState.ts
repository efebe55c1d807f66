import type { Paginated, Product } from '../cms/types'
import type { SearchParams } from './listing'

// The storefront's search: a client of the CMS's GET /api/search (docs/search.md), never a title filter of its own.

/** The CMS refuses longer queries with a 400; the page says so instead of asking. */
export const MAX_QUERY_LENGTH = 200
export const SEARCH_PAGE_SIZE = 12

export interface SearchState {
  q: string
  category: string | null
  band: string | null
  inStock: boolean
  page: number
}

export interface SearchFacets {
  categories: { id: number; slug: string; title: string; count: number }[]
  priceBands: { key: string; label: string; count: number }[]
  inStock: { count: number }
}

export interface SearchAnswer extends Paginated<Product> {
  facets: SearchFacets
  interpretation: { sku: string | null; words: { word: string; corrections: string[] }[] }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export function parseSearchState(params: SearchParams): SearchState {
  const page = Number(first(params.page))
  return {
    q: (first(params.q) ?? '').trim(),
    category: first(params.category)?.trim() || null,
    band: first(params.band)?.trim() || null,
    inStock: ['1', 'true', 'on'].includes(first(params.stock) ?? ''),
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, 100) : 1,
  }
}

/** The page's own query string for a state (links to facets and pages); defaults are left out. */
export function searchHref(state: SearchState): string {
  const query = new URLSearchParams({ q: state.q })
  if (state.category) query.set('category', state.category)
  if (state.band) query.set('band', state.band)
  if (state.inStock) query.set('stock', '1')
  if (state.page > 1) query.set('page', String(state.page))
  return `/search?${query}`
}

/** The CMS's query string for a state. */
export function searchApiQuery(state: SearchState): string {
  const query = new URLSearchParams({ q: state.q, limit: String(SEARCH_PAGE_SIZE), page: String(state.page) })
  if (state.category) query.set('category', state.category)
  if (state.band) query.set('priceBand', state.band)
  if (state.inStock) query.set('inStock', 'true')
  return query.toString()
}

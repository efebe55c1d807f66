import { parsePounds } from '../money'
import type { Where } from '../cms/query'
import { inList } from '../cms/query'

// Sorting, filtering and paging of product lists, from the URL's query string.

export const SORTS = {
  newest: { label: 'Newest', sort: '-createdAt' },
  'price-asc': { label: 'Price: low to high', sort: 'price' },
  'price-desc': { label: 'Price: high to low', sort: '-price' },
  name: { label: 'Name', sort: 'title' },
} as const

export type SortKey = keyof typeof SORTS
export const PAGE_SIZE = 12
const MAX_PAGE = 1000

export interface ListingParams {
  page: number
  sort: SortKey
  minPence: number | null
  maxPence: number | null
  inStock: boolean
}

/** How many filters (sort order aside) narrow the listing: shown on the phone's "Filter and sort" button. */
export function activeFilterCount(params: ListingParams): number {
  return [params.minPence !== null, params.maxPence !== null, params.inStock].filter(Boolean).length
}

export type SearchParams = { [key: string]: string | string[] | undefined }

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export function parseListingParams(params: SearchParams): ListingParams {
  const sort = first(params.sort)
  const page = Number(first(params.page))
  let minPence = parsePounds(first(params.min))
  let maxPence = parsePounds(first(params.max))
  if (minPence !== null && maxPence !== null && minPence > maxPence) [minPence, maxPence] = [maxPence, minPence]
  return {
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    sort: sort && sort in SORTS ? (sort as SortKey) : 'newest',
    minPence,
    maxPence,
    inStock: ['1', 'true', 'on'].includes(first(params.stock) ?? ''),
  }
}

export interface ListingScope {
  categoryIds?: readonly number[]
  /** Words every title must contain (Payload's `like`). */
  search?: string
  /** Products with stock; only used when the in-stock filter is on. */
  inStockIds?: readonly number[]
}

export function listingWhere(params: ListingParams, scope: ListingScope): Where {
  const and: Where[] = []
  if (scope.categoryIds) and.push({ categories: { in: inList(scope.categoryIds) } })
  if (scope.search) and.push({ title: { like: scope.search } })
  if (params.minPence !== null) and.push({ price: { greater_than_equal: params.minPence } })
  if (params.maxPence !== null) and.push({ price: { less_than_equal: params.maxPence } })
  if (params.inStock && scope.inStockIds) and.push({ id: { in: inList(scope.inStockIds) } })
  return and.length > 0 ? { and } : {}
}

/** The query string for a listing link; defaults are left out so URLs stay short and cacheable. */
export function listingQuery(params: ListingParams, extra: { [key: string]: string } = {}): string {
  const query = new URLSearchParams(extra)
  if (params.sort !== 'newest') query.set('sort', params.sort)
  if (params.minPence !== null) query.set('min', String(params.minPence / 100))
  if (params.maxPence !== null) query.set('max', String(params.maxPence / 100))
  if (params.inStock) query.set('stock', '1')
  if (params.page > 1) query.set('page', String(params.page))
  const text = query.toString()
  return text ? `?${text}` : ''
}

/** Page numbers to link, with null for a gap: 1 … 4 5 6 … 20. */
export function pageWindow(current: number, total: number): (number | null)[] {
  const pages = new Set([1, total, current - 1, current, current + 1].filter((p) => p >= 1 && p <= total))
  const sorted = [...pages].sort((a, b) => a - b)
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1] > 1 ? [null, p] : [p]))
}

/** Marks the path segment that carries a category's listing query (see middleware.ts). */
export const LISTING_SEGMENT_PREFIX = '~'

/** `sort=name&page=2` → the canonical segment `~sort=name&page=2`, or null for the default listing. */
export function listingSegment(params: SearchParams): string | null {
  const query = listingQuery(parseListingParams(params))
  return query ? `${LISTING_SEGMENT_PREFIX}${query.slice(1)}` : null
}

/** The listing parameters carried by a `~…` path segment. */
export function paramsFromSegment(segment: string | undefined): SearchParams {
  if (!segment) return {}
  const text = segment.includes('%') ? decodeURIComponent(segment) : segment
  if (!text.startsWith(LISTING_SEGMENT_PREFIX)) return {}
  return Object.fromEntries(new URLSearchParams(text.slice(LISTING_SEGMENT_PREFIX.length)))
}

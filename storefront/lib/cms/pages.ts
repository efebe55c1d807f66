import type { Paginated } from './types'

/** The largest page the CMS serves to anonymous readers (its API_MAX_LIMIT, 100 by default): bigger reads page through. */
export const CMS_PAGE_LIMIT = 100

/**
 * Every document of a list read, or the first `maxDocs`, a page of CMS_PAGE_LIMIT at a time: the first page tells how many
 * pages there are, the rest are read together.
 */
export async function readAllPages<T>(readPage: (page: number, limit: number) => Promise<Paginated<T>>, maxDocs = Infinity): Promise<T[]> {
  const first = await readPage(1, CMS_PAGE_LIMIT)
  const pages = Math.min(first.totalPages, Math.ceil(maxDocs / CMS_PAGE_LIMIT))
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => readPage(i + 2, CMS_PAGE_LIMIT)))
  return [first, ...rest].flatMap((p) => p.docs).slice(0, maxDocs)
}

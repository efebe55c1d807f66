import { cmsRequest } from '../cms/client'
import type { SearchAnswer, SearchState } from './searchState'
import { searchApiQuery } from './searchState'

export { MAX_QUERY_LENGTH, parseSearchState, searchHref } from './searchState'
export type { SearchAnswer, SearchState } from './searchState'

/** Uncached: the CMS answers a search from its index in milliseconds, and stock moves the in-stock facet. */
export async function searchCatalogue(state: SearchState): Promise<{ ok: true; answer: SearchAnswer } | { ok: false; message: string }> {
  const res = await cmsRequest<SearchAnswer & { error?: { message?: string } }>(`/api/search?${searchApiQuery(state)}`, { endpoint: 'search' })
  if (res.ok) return { ok: true, answer: res.data }
  if (res.status >= 500) throw new Error(`Search failed: the CMS answered ${res.status}`)
  return { ok: false, message: res.data?.error?.message ?? 'That search could not be run.' }
}

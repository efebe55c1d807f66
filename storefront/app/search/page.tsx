import type { Metadata } from 'next'
import { ProductListing } from '@/components/ProductListing'
import { SearchResults } from '@/components/SearchResults'
import type { SearchParams } from '@/lib/catalogue/listing'
import { parseListingParams } from '@/lib/catalogue/listing'
import { MAX_QUERY_LENGTH, parseSearchState, searchCatalogue } from '@/lib/catalogue/search'

interface Props {
  searchParams: Promise<SearchParams>
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchState(await searchParams)
  return { title: q ? `Search: ${q.slice(0, 60)}` : 'All products', robots: { index: false } }
}

// With a query: the CMS's search (words, SKUs, misspellings, facets). Without one: every product, as before.
export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const state = parseSearchState(params)
  if (!state.q) {
    return (
      <div className="wrap page">
        <h1>All products</h1>
        <ProductListing basePath="/search" params={parseListingParams(params)} scope={{}} tags={[]} />
      </div>
    )
  }
  const result =
    state.q.length > MAX_QUERY_LENGTH ? { ok: false as const, message: `A search is at most ${MAX_QUERY_LENGTH} characters.` } : await searchCatalogue(state)
  return (
    <div className="wrap page">
      <h1>Results for “{state.q.length > 60 ? `${state.q.slice(0, 60)}…` : state.q}”</h1>
      {result.ok ? <SearchResults state={state} answer={result.answer} /> : <p className="notice error">{result.message}</p>}
    </div>
  )
}

import type { Metadata } from 'next'
import { ProductListing } from '@/components/ProductListing'
import type { SearchParams } from '@/lib/catalogue/listing'
import { parseListingParams } from '@/lib/catalogue/listing'

interface Props {
  searchParams: Promise<SearchParams>
}

function queryOf(params: SearchParams): string {
  const q = Array.isArray(params.q) ? params.q[0] : params.q
  return (q ?? '').trim().slice(0, 100)
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf(await searchParams)
  return { title: q ? `Search: ${q}` : 'All products', robots: { index: false } }
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const q = queryOf(params)
  return (
    <div className="wrap page">
      <h1>{q ? `Results for “${q}”` : 'All products'}</h1>
      <ProductListing basePath="/search" params={parseListingParams(params)} scope={q ? { search: q } : {}} tags={[]} extra={q ? { q } : undefined} />
    </div>
  )
}

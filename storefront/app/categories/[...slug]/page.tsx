import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { cache } from 'react'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { CategoryTiles } from '@/components/CategoryTiles'
import { ProductListing } from '@/components/ProductListing'
import { categoryHref, getCategoryBySlug, getCategoryTreeIds, getSubcategories } from '@/lib/catalogue/categories'
import type { SearchParams } from '@/lib/catalogue/listing'
import { LISTING_SEGMENT_PREFIX, listingQuery, paramsFromSegment, parseListingParams } from '@/lib/catalogue/listing'

interface Props {
  params: Promise<{ slug: string[] }>
}

// Rendered per request for the CSP nonce (app/layout.tsx); its CMS reads are cached and revalidated by tag
// (category:<slug>, categories, products, inventory). middleware.ts turns ?sort=…&page=… into a trailing `~…` segment.
export const dynamic = 'force-dynamic'

/** The category's own path segments, and its listing query from a trailing `~…` segment. */
function splitSegments(segments: string[]): { path: string[]; listing: SearchParams } {
  const last = segments.at(-1) ?? ''
  const isListing = decodeURIComponent(last).startsWith(LISTING_SEGMENT_PREFIX)
  return isListing ? { path: segments.slice(0, -1), listing: paramsFromSegment(last) } : { path: segments, listing: {} }
}

const loadCategory = cache(async (segments: string[]) => {
  const slug = splitSegments(segments).path.at(-1)
  return slug ? getCategoryBySlug(decodeURIComponent(slug)) : null
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = await loadCategory((await params).slug)
  if (!category) return { title: 'Category not found' }
  return {
    title: category.title,
    description: category.description || `${category.title} at Ipswich Retail.`,
    alternates: { canonical: categoryHref(category) },
  }
}

export default async function CategoryPage({ params }: Props) {
  const { slug: segments } = await params
  const category = await loadCategory(segments)
  if (!category) notFound()
  const { path, listing: query } = splitSegments(segments)
  const listing = parseListingParams(query)
  const canonical = categoryHref(category)
  // A category moved under another parent keeps working at its old address.
  if (decodeURI(`/categories/${path.join('/')}`) !== decodeURI(canonical)) redirect(`${canonical}${listingQuery(listing)}`)

  const [children, treeIds] = await Promise.all([getSubcategories(category), getCategoryTreeIds(category)])
  const crumbs = (category.breadcrumbs ?? []).map((b) => ({ label: b.label ?? '', href: b.url ? `/categories${b.url}` : undefined }))
  return (
    <div className="wrap page">
      <Breadcrumbs items={crumbs.length > 0 ? crumbs : [{ label: category.title }]} />
      <h1>{category.title}</h1>
      {category.description ? <p className="muted">{category.description}</p> : null}
      {children.length > 0 ? (
        <section className="section" aria-label={`Inside ${category.title}`}>
          <CategoryTiles categories={children} />
        </section>
      ) : null}
      <ProductListing basePath={canonical} params={listing} scope={{ categoryIds: treeIds }} tags={[`category:${category.slug}`, 'categories']} />
    </div>
  )
}

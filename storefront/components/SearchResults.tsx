import Link from 'next/link'
import type { SearchAnswer, SearchState } from '@/lib/catalogue/search'
import { searchHref } from '@/lib/catalogue/search'
import { productsInStock } from '@/lib/catalogue/inventory'
import { ListingHead } from './ListingHead'
import { Pagination } from './Pagination'
import { ProductGrid } from './ProductCard'

// Facets are links (no JavaScript needed, shareable URLs); each count is what choosing that value would list, and
// choosing the active value again clears it.
function FacetLink({
  state,
  change,
  label,
  count,
  active,
}: {
  state: SearchState
  change: Partial<SearchState>
  label: string
  count: number
  active: boolean
}) {
  const href = searchHref({ ...state, ...change, page: 1 })
  return (
    <li>
      <Link href={href} aria-current={active ? 'true' : undefined} className={active ? 'active' : undefined}>
        {label} <span className="muted">({count})</span>
      </Link>
    </li>
  )
}

export async function SearchResults({ state, answer }: { state: SearchState; answer: SearchAnswer }) {
  const { facets } = answer
  const filtered = state.category !== null || state.band !== null || state.inStock
  const unfiltered = searchHref({ ...state, category: null, band: null, inStock: false, page: 1 })
  const stocked = await productsInStock(answer.docs.map((p) => p.id)).catch(() => undefined)
  return (
    <div className="listing">
      <nav className="filters facets" aria-label="Refine the results">
        <h2 className="facet-title">Category</h2>
        <ul>
          {facets.categories.map((c) => (
            <FacetLink
              key={c.id}
              state={state}
              change={{ category: state.category === c.slug ? null : c.slug }}
              label={c.title}
              count={c.count}
              active={state.category === c.slug}
            />
          ))}
        </ul>
        <h2 className="facet-title">Price</h2>
        <ul>
          {facets.priceBands
            .filter((b) => b.count > 0 || state.band === b.key)
            .map((b) => (
              <FacetLink
                key={b.key}
                state={state}
                change={{ band: state.band === b.key ? null : b.key }}
                label={b.label}
                count={b.count}
                active={state.band === b.key}
              />
            ))}
        </ul>
        <h2 className="facet-title">Availability</h2>
        <ul>
          <FacetLink state={state} change={{ inStock: !state.inStock }} label="In stock" count={facets.inStock.count} active={state.inStock} />
        </ul>
        {filtered ? (
          <p>
            <Link href={unfiltered}>Clear filters</Link>
          </p>
        ) : null}
      </nav>
      <section aria-label="Products">
        <ListingHead totalDocs={answer.totalDocs} page={answer.page} totalPages={answer.totalPages} />
        {answer.docs.length > 0 ? (
          <ProductGrid products={answer.docs} inStock={stocked} />
        ) : (
          <p className="notice">
            {filtered ? 'No products match with these filters. ' : `Nothing in the shop matches “${state.q}”. Check the spelling or try fewer words.`}
            {filtered ? <Link href={unfiltered}>Clear the filters</Link> : null}
          </p>
        )}
        <Pagination
          basePath="/search"
          params={{ page: state.page, sort: 'newest', minPence: null, maxPence: null, inStock: false }}
          totalPages={answer.totalPages}
          extra={Object.fromEntries(new URL(searchHref({ ...state, page: 1 }), 'http://x').searchParams)}
        />
      </section>
    </div>
  )
}

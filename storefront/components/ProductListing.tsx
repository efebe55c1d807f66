import type { ListingParams } from '@/lib/catalogue/listing'
import type { Paginated, Product } from '@/lib/cms/types'
import { inStockProductIds, productsInStock } from '@/lib/catalogue/inventory'
import { listProducts } from '@/lib/catalogue/products'
import { ListingFilters } from './ListingFilters'
import { ListingHead } from './ListingHead'
import { Pagination } from './Pagination'
import { ProductGrid } from './ProductCard'

interface Props {
  basePath: string
  params: ListingParams
  scope: { categoryIds?: number[]; search?: string }
  tags: string[]
  extra?: { [key: string]: string }
}

const EMPTY: Paginated<Product> = { docs: [], totalDocs: 0, totalPages: 0, page: 1, limit: 0, hasNextPage: false, hasPrevPage: false }

export async function ProductListing({ basePath, params, scope, tags, extra }: Props) {
  const inStockIds = params.inStock ? await inStockProductIds(scope) : undefined
  const result = inStockIds?.length === 0 ? EMPTY : await listProducts(params, { ...scope, inStockIds }, tags)
  const stocked = await productsInStock(result.docs.map((p) => p.id)).catch(() => undefined)
  return (
    <div className="listing">
      <ListingFilters basePath={basePath} params={params} extra={extra} />
      <section aria-label="Products">
        <ListingHead totalDocs={result.totalDocs} page={result.page} totalPages={result.totalPages} />
        {result.docs.length > 0 ? (
          <ProductGrid products={result.docs} inStock={stocked} />
        ) : (
          <p className="notice">No products match. Try removing a filter.</p>
        )}
        <Pagination basePath={basePath} params={params} totalPages={result.totalPages} extra={extra} />
      </section>
    </div>
  )
}

import { cmsGet } from '../cms/client'
import { selectFields, toQueryString } from '../cms/query'
import type { Paginated, Product } from '../cms/types'
import type { ListingParams, ListingScope } from './listing'
import { PAGE_SIZE, SORTS, listingWhere } from './listing'

const CARD_FIELDS = selectFields(['title', 'slug', 'price', 'compareAtPrice', 'images', 'sku', 'variants', 'createdAt'])

export function getFeaturedProducts(limit = 8): Promise<Paginated<Product>> {
  const query = toQueryString({ where: { featured: { equals: true } }, sort: '-createdAt', limit, depth: 1, select: CARD_FIELDS })
  return cmsGet(`/api/products?${query}`, { endpoint: 'products', tags: ['products'] })
}

export function listProducts(params: ListingParams, scope: ListingScope, tags: string[]): Promise<Paginated<Product>> {
  const query = toQueryString({
    where: listingWhere(params, scope),
    sort: SORTS[params.sort].sort,
    limit: PAGE_SIZE,
    page: params.page,
    depth: 1,
    select: CARD_FIELDS,
  })
  return cmsGet(`/api/products?${query}`, { endpoint: 'products', tags: ['products', ...tags] })
}

export async function getProductBySlug(slug: string): Promise<Product | null> {
  const query = toQueryString({ where: { slug: { equals: slug } }, limit: 1, depth: 1 })
  const data = await cmsGet<Paginated<Product>>(`/api/products?${query}`, {
    endpoint: 'products',
    tags: [`product:${slug}`, 'products'],
  })
  return data.docs[0] ?? null
}

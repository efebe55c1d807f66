import { cmsGet } from '../cms/client'
import { inList, selectFields, toQueryString } from '../cms/query'
import type { Media, Paginated, Product } from '../cms/types'
import { isMedia } from '../cms/types'

// A cart line's thumbnail and link: the variant's own picture, else the product's first; read with the catalogue's tags.

export interface LinePicture {
  slug: string
  image: Media | null
}

/** For each SKU a product in the list sells, its product's slug and the picture to show. */
export function picturesBySku(products: readonly Product[]): Map<string, LinePicture> {
  const pictures = new Map<string, LinePicture>()
  for (const product of products) {
    const first = (product.images ?? []).find(isMedia) ?? null
    if (product.sku) pictures.set(product.sku, { slug: product.slug, image: first })
    for (const variant of product.variants ?? []) {
      pictures.set(variant.sku, { slug: product.slug, image: isMedia(variant.image) ? variant.image : first })
    }
  }
  return pictures
}

const FIELDS = selectFields(['title', 'slug', 'sku', 'images', 'variants'])

export async function linePictures(skus: readonly string[]): Promise<Map<string, LinePicture>> {
  if (skus.length === 0) return new Map()
  const list = inList(skus)
  const query = toQueryString({ where: { or: [{ sku: { in: list } }, { 'variants.sku': { in: list } }] }, limit: skus.length, depth: 1, select: FIELDS })
  const data = await cmsGet<Paginated<Product>>(`/api/products?${query}`, { endpoint: 'products', tags: ['products'] })
  return picturesBySku(data.docs)
}

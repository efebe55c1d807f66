import { penceToDecimal } from '../money'
import type { Product } from '../cms/types'
import type { PurchasableSku } from './productView'

type JsonLd = { [key: string]: unknown }

function offer(sku: PurchasableSku, url: string): JsonLd {
  return {
    '@type': 'Offer',
    sku: sku.sku,
    name: sku.title,
    url,
    price: penceToDecimal(sku.price),
    priceCurrency: 'GBP',
    availability: sku.available > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    itemCondition: 'https://schema.org/NewCondition',
  }
}

/** schema.org Product with one Offer per SKU (VAT-inclusive prices, as shown on the page). */
export function productJsonLd(
  product: Pick<Product, 'title' | 'slug'>,
  skus: readonly PurchasableSku[],
  options: { baseUrl: string; description: string; imageUrls: string[] },
): JsonLd {
  const url = `${options.baseUrl}/products/${encodeURIComponent(product.slug)}`
  const data: JsonLd = { '@context': 'https://schema.org', '@type': 'Product', name: product.title, url }
  if (options.description) data.description = options.description
  if (options.imageUrls.length > 0) data.image = options.imageUrls
  if (skus.length === 1) data.sku = skus[0].sku
  if (skus.length > 0) data.offers = skus.length === 1 ? offer(skus[0], url) : skus.map((s) => offer(s, url))
  return data
}

/** JSON for a <script> element: `<`, `>`, `&` and line separators escaped so text cannot end it. */
export function serialiseJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

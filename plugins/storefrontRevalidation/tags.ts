// Which storefront cache tags a change touches (the storefront's README lists the tags it caches under).
type Doc = { slug?: string | null; id?: number | string } | null | undefined

export function tagsForDocument(collection: string, doc: Doc, previous?: Doc): string[] {
  const slugs = [...new Set([doc?.slug, previous?.slug].filter((s): s is string => !!s))]
  switch (collection) {
    case 'products':
      return [...slugs.map((s) => `product:${s}`), 'products']
    case 'categories':
      // Product pages and product cards name their categories (fetched with depth 1 under `products`).
      return [...slugs.map((s) => `category:${s}`), 'categories', 'products']
    case 'media':
      return [`media:${doc?.id ?? previous?.id}`, 'products', 'categories']
    case 'store-settings':
      return ['settings']
    default:
      return []
  }
}

/**
 * A SKU's stock moved: its own reads (`sku:<SKU>`) and those of products with more SKUs than a read can be tagged
 * with (`inventory`). `in-stock` (which products have any units: the badges on listings) only when the change took
 * the SKU to none or back from none (`crossedZero`, src/commerce/stock.ts): no other change can flip a badge, so an
 * ordinary sale leaves the home and category pages cached.
 */
export const tagsForStock = (sku: string, crossedZero: boolean): string[] => [`sku:${sku}`, 'inventory', ...(crossedZero ? ['in-stock'] : [])]

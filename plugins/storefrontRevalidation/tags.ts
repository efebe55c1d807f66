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

export const tagsForStock = (sku: string): string[] => [`sku:${sku}`, 'inventory']

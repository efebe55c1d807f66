import type { CmsClient } from './cmsClient'

type Crumb = { label?: string | null; url?: string | null }
export type SeededProduct = {
  id: number
  title: string
  slug: string
  price: number
  compareAtPrice?: number | null
  sku?: string | null
  available?: number | null
  variants?: { sku: string; available?: number | null; options?: { name: string; value: string }[] | null }[] | null
  categories?: (number | { breadcrumbs?: Crumb[] | null })[] | null
}

export type Catalogue = {
  /** A product with variants in a subcategory, and an in-stock variant that is not the picker's default (the first). */
  variantProduct: { product: SeededProduct; sku: string; categoryLabels: string[]; categoryPath: string }
  /** A product with its own SKU, well in stock, not on sale. */
  simpleProduct: { product: SeededProduct }
}

const crumbsOf = (p: SeededProduct): Crumb[] => p.categories?.flatMap((c) => (typeof c === 'object' ? (c.breadcrumbs ?? []) : []))?.slice(0, 2) ?? []

/** Picks the products the storefront tests use from the seeded demo catalogue, through the public REST API. */
export async function seededCatalogue(cms: CmsClient): Promise<Catalogue> {
  // Anonymous pages hold at most 100 products (API_MAX_LIMIT); each carries its own and its variants' stock.
  const products: SeededProduct[] = []
  for (let page = 1, more = true; more; page++) {
    const found = await cms.get<{ docs: SeededProduct[]; hasNextPage: boolean }>(`/api/products?limit=100&page=${page}&depth=1&sort=title`)
    products.push(...found.docs)
    more = found.hasNextPage
  }
  const stock = new Map(
    products.flatMap((p) => [[p.sku ?? '', p.available ?? 0] as const, ...(p.variants ?? []).map((v) => [v.sku, v.available ?? 0] as const)]),
  )
  const wellStocked = (sku: string | null | undefined) => (stock.get(sku ?? '') ?? 0) > 5

  const withVariants = products.find((p) => crumbsOf(p).length === 2 && (p.variants ?? []).slice(1).some((v) => wellStocked(v.sku)))
  const simple = products.find((p) => !p.variants?.length && wellStocked(p.sku) && !p.compareAtPrice)
  if (!withVariants || !simple) throw new Error('The seeded catalogue has no product with variants in a subcategory, or none with its own SKU in stock')
  const crumbs = crumbsOf(withVariants)
  return {
    variantProduct: {
      product: withVariants,
      sku: withVariants.variants!.slice(1).find((v) => wellStocked(v.sku))!.sku,
      categoryLabels: crumbs.map((c) => c.label ?? ''),
      categoryPath: `/categories${crumbs[1].url}`,
    },
    simpleProduct: { product: simple },
  }
}

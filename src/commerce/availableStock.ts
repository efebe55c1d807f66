import { productSkus } from './sku'

type Variant = { sku?: string | null; available?: number | null }
export type StockedProduct = { sku?: string | null; variants?: Variant[] | null; available?: number | null }

const isDoc = (d: unknown): d is StockedProduct => !!d && typeof d === 'object'

/** Every SKU these product documents are sold by, once each. */
export function skusOfProducts(docs: readonly unknown[]): string[] {
  return [...new Set(docs.filter(isDoc).flatMap((d) => productSkus(d)))]
}

/**
 * Sets the virtual `available` figures in place: each variant's units, and the product's total over all its SKUs
 * (a SKU without a stock row counts 0). A product with no SKU is left as it is.
 */
export function fillAvailable(docs: readonly unknown[], stock: ReadonlyMap<string, number>): void {
  for (const doc of docs) {
    if (!isDoc(doc)) continue
    const own = productSkus(doc)
    if (own.length === 0) continue
    for (const variant of doc.variants ?? []) if (variant?.sku) variant.available = stock.get(variant.sku) ?? 0
    doc.available = own.reduce((sum, sku) => sum + (stock.get(sku) ?? 0), 0)
  }
}

import type { LineOption } from './pricingRegistry'
import type { SellableSku } from './workflows/ports'

export interface ProductForSale {
  title: string
  price: number
  sku?: string | null
  _status?: string | null
  variants?: { sku?: string | null; title?: string | null; price?: number | null; options?: LineOption[] | null }[] | null
}

/**
 * A SKU as the shop sells it: the published product's price and titles, its variant's options, its stock.
 * A product with variants sells only its variants; a SKU whose product is gone is not purchasable.
 */
export function toSellable(sku: string, product: ProductForSale | undefined, stock: { available: number; threshold: number }): SellableSku {
  const variant = product?.variants?.find((v) => v.sku === sku)
  const hasVariants = (product?.variants?.length ?? 0) > 0
  return {
    sku,
    title: variant?.title ? `${product?.title} – ${variant.title}` : (product?.title ?? sku),
    options: (variant?.options ?? []).map((o) => ({ name: o.name, value: o.value })),
    unitPrice: variant?.price ?? product?.price ?? 0,
    published: product?._status === 'published',
    purchasable: !!product && (variant ? true : !hasVariants && product.sku === sku),
    available: stock.available,
    lowStockThreshold: stock.threshold,
  }
}

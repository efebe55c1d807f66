type ProductLike = {
  sku?: string | null
  variants?: { sku?: string | null }[] | null
}

export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,63}$/

// Every SKU a product sells: its own, or one per variant.
export function productSkus(product: ProductLike): string[] {
  if (product.variants && product.variants.length > 0) {
    return product.variants.map((v) => v.sku ?? '').filter(Boolean)
  }
  return product.sku ? [product.sku] : []
}

export function normaliseSku(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value
}

// What the shop sells and the stock ledger counts: 2–64 capital letters, digits or hyphens.
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,63}$/

export interface SkuOwner {
  sku?: string | null
  variants?: readonly { sku?: string | null }[] | null
  _status?: string | null
}

export interface SkuProblem {
  path: string
  message: string
}

/** Trimmed and upper-cased, as staff and shoppers type it; a non-string passes through for validation to refuse. */
export function normaliseSku(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toUpperCase() : value
}

/** A valid SKU from loose input (a form field, a cookie), or null. */
export function parseSku(value: unknown): string | null {
  const sku = normaliseSku(value)
  return typeof sku === 'string' && SKU_PATTERN.test(sku) ? sku : null
}

/** Every SKU a product sells: one per variant, or its own. */
export function productSkus(product: SkuOwner): string[] {
  if (product.variants && product.variants.length > 0) {
    return product.variants.map((v) => v.sku ?? '').filter(Boolean)
  }
  return product.sku ? [product.sku] : []
}

/**
 * A product's own SKU problems (shape, a SKU used twice, a SKU beside variants) and the field path of each
 * SKU it claims, so a clash with another product can be reported on the right field. A draft may lack a SKU.
 */
export function checkProductSkus(product: SkuOwner): { problems: SkuProblem[]; claimed: Map<string, string> } {
  const variants = product.variants ?? []
  const problems: SkuProblem[] = []
  const claimed = new Map<string, string>()
  const claim = (sku: unknown, path: string) => {
    if (typeof sku !== 'string' || !SKU_PATTERN.test(sku)) {
      problems.push({ path, message: 'SKU must be 2–64 capital letters, digits or hyphens' })
      return
    }
    if (claimed.has(sku)) problems.push({ path, message: `SKU ${sku} is used twice in this product` })
    else claimed.set(sku, path)
  }
  if (variants.length > 0) {
    if (product.sku) {
      problems.push({ path: 'sku', message: 'A product with variants has no SKU of its own: give each variant a SKU' })
    }
    variants.forEach((v, i) => claim(v.sku, `variants.${i}.sku`))
  } else if (product._status !== 'draft' || product.sku) {
    claim(product.sku, 'sku')
  }
  return { problems, claimed }
}

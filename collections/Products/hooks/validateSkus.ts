import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { SKU_PATTERN } from '../skus'

type Variant = { sku?: string | null }
type FieldError = { path: string; message: string }

function skuErrors(data: Record<string, unknown>): { errors: FieldError[]; skus: Map<string, string> } {
  const variants = (data.variants as Variant[] | undefined) ?? []
  const errors: FieldError[] = []
  const skus = new Map<string, string>()
  const claim = (sku: unknown, path: string) => {
    if (typeof sku !== 'string' || !SKU_PATTERN.test(sku)) {
      errors.push({ path, message: 'SKU must be 2–64 capital letters, digits or hyphens' })
      return
    }
    if (skus.has(sku)) errors.push({ path, message: `SKU ${sku} is used twice in this product` })
    else skus.set(sku, path)
  }
  if (variants.length > 0) {
    if (data.sku) {
      errors.push({ path: 'sku', message: 'A product with variants has no SKU of its own: give each variant a SKU' })
    }
    variants.forEach((v, i) => claim(v.sku, `variants.${i}.sku`))
  } else if (data._status !== 'draft' || data.sku) {
    claim(data.sku, 'sku')
  }
  return { errors, skus }
}

// SKUs are unique across the catalogue, products and variants alike; the inventory row owns the SKU.
export const validateSkus: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data }
  const { errors, skus } = skuErrors(merged)
  if (skus.size > 0) {
    const taken = await req.payload.find({
      collection: 'inventory',
      where: { sku: { in: [...skus.keys()] } },
      limit: skus.size,
      depth: 0,
      overrideAccess: true,
      req,
    })
    for (const row of taken.docs) {
      const owner = typeof row.product === 'object' ? row.product?.id : row.product
      if (originalDoc?.id !== undefined && owner === originalDoc.id) continue
      errors.push({ path: skus.get(row.sku)!, message: `SKU ${row.sku} is already used by another product` })
    }
  }
  if (errors.length > 0) throw new ValidationError({ collection: 'products', errors, req })
  return data
}

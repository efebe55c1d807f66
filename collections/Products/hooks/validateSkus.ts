import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { checkProductSkus, type SkuOwner } from '../../../src/commerce/sku'

// SKUs are unique across the catalogue, products and variants alike; the inventory row owns the SKU.
export const validateSkus: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data } as SkuOwner
  const { problems: errors, claimed: skus } = checkProductSkus(merged)
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

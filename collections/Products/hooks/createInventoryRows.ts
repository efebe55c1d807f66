import type { CollectionAfterChangeHook } from 'payload'

import { productSkus } from '../../../src/commerce/sku'

type Variant = { sku?: string | null; title?: string | null }

// Each SKU gets its stock row (0 available) the first time it is saved; stock is never rewritten here.
export const createInventoryRows: CollectionAfterChangeHook = async ({ doc, req }) => {
  const skus = productSkus(doc)
  if (skus.length === 0) return doc
  const existing = await req.payload.find({
    collection: 'inventory',
    where: { sku: { in: skus } },
    limit: skus.length,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const known = new Set(existing.docs.map((row) => row.sku))
  const variants = (doc.variants as Variant[] | undefined) ?? []
  for (const sku of skus.filter((s) => !known.has(s))) {
    await req.payload.create({
      collection: 'inventory',
      data: {
        sku,
        available: 0,
        product: doc.id,
        title: doc.title,
        variantTitle: variants.find((v) => v.sku === sku)?.title ?? undefined,
      },
      overrideAccess: true,
      context: { workflowWrite: true },
      req,
    })
  }
  return doc
}

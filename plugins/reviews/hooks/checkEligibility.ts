import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { isCustomerUser } from '../../kit'
import type { ReviewsSettings } from '../options'

type Id = number | string
const idOf = (value: unknown): Id | undefined => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id | undefined))

/** Every SKU of a product: its own and its variants'. */
async function skusOf(req: PayloadRequest, productId: Id): Promise<string[]> {
  const product = await req.payload.findByID({ collection: 'products', id: productId, depth: 0, req, overrideAccess: true, disableErrors: true })
  if (!product) throw new APIError('That product does not exist', 400)
  return [product.sku, ...(product.variants ?? []).map((v) => v.sku)].filter((s): s is string => !!s)
}

/**
 * A customer reviews a product once, and only one they bought (an order of theirs in a purchased state with a
 * line for one of its SKUs): otherwise 403, or 409 for a second review. Staff and trusted Local API writes pass.
 */
export const checkEligibility =
  (options: ReviewsSettings): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (!isCustomerUser(req.user)) return data
    const customerId = req.user!.id
    const productId = idOf(operation === 'create' ? data.product : (data.product ?? originalDoc?.product))
    if (operation === 'update' && String(productId) !== String(idOf(originalDoc?.product))) {
      throw new APIError('A review stays with the product it was written for', 400)
    }
    if (operation !== 'create') return data
    if (productId === undefined) return data // the required-field validation names it
    const skus = await skusOf(req, productId)
    const bought = await req.payload.count({
      collection: 'orders',
      where: { customer: { equals: customerId }, status: { in: options.purchasedStatuses }, 'lines.sku': { in: skus } },
      req,
      overrideAccess: true,
    })
    if (bought.totalDocs === 0) throw new APIError('Only customers who bought this product can review it', 403)
    const existing = await req.payload.count({
      collection: 'reviews',
      where: { customer: { equals: customerId }, product: { equals: productId } },
      req,
      overrideAccess: true,
    })
    if (existing.totalDocs > 0) throw new APIError('You have already reviewed this product; edit that review instead', 409)
    const name = (req.user as { name?: string | null }).name
    return { ...data, authorName: name?.trim() || 'Verified buyer' }
  }

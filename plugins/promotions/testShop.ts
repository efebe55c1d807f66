import type { Payload } from 'payload'

import { bootShop, checkoutBody, newKey } from '../../tests/helpers/shop'

type Shop = Awaited<ReturnType<typeof bootShop>>

/** The calls the promotions specs make: codes created by a merchandiser over REST, quotes and checkouts as a shopper. */
export function promotionsClient(shop: Shop) {
  const { api, staff, payload } = shop
  return {
    createCode: (data: Record<string, unknown>) => api.post('/discount-codes', data, { token: staff }),
    quote: (items: { sku: string; quantity: number }[], discountCode?: string) => api.post('/cart/quote', { items, ...(discountCode ? { discountCode } : {}) }),
    checkout: (items: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}, token?: string) =>
      api.post('/checkout', checkoutBody(items, extra), { headers: { 'idempotency-key': newKey() }, token }),
    usedCount: async (code: string) => (await codeDoc(payload, code))?.used,
    ordersWith: async (code: string) => (await payload.count({ collection: 'orders', where: { discountCode: { equals: code } } })).totalDocs,
    orderCount: async () => (await payload.count({ collection: 'orders' })).totalDocs,
  }
}

export async function codeDoc(payload: Payload, code: string) {
  const found = await payload.find({ collection: 'discount-codes', where: { code: { equals: code } }, limit: 1, depth: 0 })
  return found.docs[0]
}

const day = 24 * 60 * 60 * 1000
export const daysFromNow = (n: number) => new Date(Date.now() + n * day).toISOString()

import type { PayloadRequest } from 'payload'

import { quoteCart } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { endpoint, json, readJsonBody } from './respond'

/** Prices a cart and lists its problems without writing anything: POST /api/cart/quote and the QuoteCart mutation. */
export function quote(req: PayloadRequest, body: unknown) {
  const customerId = req.user?.collection === 'customers' ? req.user.id : null
  return quoteCart(commerceDeps(req.payload), body, customerId)
}

// POST /api/cart/quote
export const handleQuote = endpoint(async (req) => json(await quote(req, await readJsonBody(req))))

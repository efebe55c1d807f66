import type { Endpoint } from 'payload'

import { handleCheckout } from './checkout'
import { handleQuote } from './quote'

// Root endpoints (under /api); collection endpoints sit with their collections.
export const rootEndpoints: Endpoint[] = [
  { path: '/cart/quote', method: 'post', handler: handleQuote },
  { path: '/checkout', method: 'post', handler: handleCheckout },
]

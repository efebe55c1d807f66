import type { Endpoint } from 'payload'

import { handleCheckout } from './checkout'
import { handleOpenApi } from './openapiEndpoint'
import { handleQuote } from './quote'

// Root endpoints (under /api); collection endpoints sit with their collections.
export const rootEndpoints: Endpoint[] = [
  { path: '/cart/quote', method: 'post', handler: handleQuote },
  { path: '/checkout', method: 'post', handler: handleCheckout },
  { path: '/openapi.json', method: 'get', handler: handleOpenApi },
]

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { CommerceError } from '../commerce/errors'
import { checkoutAnswerOrRefusal } from '../endpoints/checkout'

export type GuestCheckout = (req: IncomingMessage, body: Buffer, res: ServerResponse) => Promise<void>

// As the Fetch API's Request.json() reads a body: UTF-8, a leading byte-order mark dropped, bad sequences replaced.
const decoder = new TextDecoder()

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(decoder.decode(body))
  } catch {
    throw new CommerceError(400, 'invalid_json', 'The request body is not valid JSON')
  }
}

/**
 * A guest's POST /api/checkout (no session, no API key) answered by the CMS server itself: the answer of Payload's route
 * (src/endpoints/checkout.ts, the same function), without Next's route and Payload's request set-up (route matching,
 * authentication strategies, locale), a fixed cost per order (docs/performance.md). The request guard, the origin
 * check and the checkout limit have run before, as for every write. A caller with credentials goes to Payload's route.
 */
export function createGuestCheckout(payload: Payload): GuestCheckout {
  return async (req, body, res) => {
    const key = req.headers['idempotency-key']
    const caller = { payload, user: null, headers: req.headers, url: req.url ?? '/api/checkout' }
    const answer = await checkoutAnswerOrRefusal(caller, typeof key === 'string' ? key : null, async () => parseJson(body))
    // The request's time limit answered first (src/guard/requestTimeout.ts), or the client has gone.
    if (res.headersSent || res.destroyed) return
    const text = JSON.stringify(answer.body)
    res.writeHead(answer.status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(text),
      ...answer.headers,
    })
    res.end(text)
  }
}

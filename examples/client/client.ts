// A small integration client for Ipswich Retail, typed by the OpenAPI document (`npm run generate:api-types` writes
// api.d.ts from /api/openapi.json; openapi-fetch makes every path, body and answer below type-checked against it).
// docs/integrators.md walks through it; tests/int/integratorsExample.int.spec.ts runs it against a real server.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'

import createClient from 'openapi-fetch'

import type { paths } from './api'

export type ShopClient = ReturnType<typeof shopClient>

/** Every call carries the integration's API key: `Authorization: integrations API-Key <key>`. */
export function shopClient(baseUrl: string, apiKey: string) {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `integrations API-Key ${apiKey}` } })

  /** Throws with the API's own error code (docs/errors.md) when the answer is not a success. */
  const ok = <T>(result: { data?: T; error?: unknown; response: Response }): T => {
    if (result.data !== undefined) return result.data
    const code = (result.error as { error?: { code?: string; message?: string } } | undefined)?.error
    throw new Error(`${result.response.status} ${code?.code ?? 'error'}: ${code?.message ?? ''}`)
  }

  return {
    /** Published products, one page (catalogue:read to see drafts). */
    async products(page = 1) {
      return ok(await api.GET('/api/products', { params: { query: { page, limit: 20, depth: 0 } } }))
    },

    /**
     * Moves stock by `delta` (inventory:write). The Idempotency-Key makes a retry after a timeout safe: the CMS counts
     * it once and answers the retry with the first answer (`Idempotent-Replayed: true`).
     */
    async adjustStock(sku: string, delta: number, reason: string, idempotencyKey: string = randomUUID()) {
      const result = await api.POST('/api/inventory/adjust', {
        body: { sku, delta, reason },
        params: { header: { 'Idempotency-Key': idempotencyKey } },
      })
      return { ...ok(result), replayed: result.response.headers.get('idempotent-replayed') === 'true' }
    },

    /** Subscribes a URL to events (webhooks:manage); the answer carries the signing secret, this once. */
    async subscribe(url: string, events: ('order.placed' | 'order.transitioned' | 'stock.changed' | 'stock.low')[], ownerEmail: string) {
      const created = ok(await api.POST('/api/webhooks', { body: { url, events, ownerEmail } as never }))
      const doc = (created as { doc: { id: number | string; secret: string } }).doc
      return { id: doc.id, secret: doc.secret }
    },
  }
}

/**
 * The receiving side: checks `Ipswich-Signature: t=<unix>,v1=<hex>` (HMAC-SHA256 of "<t>.<raw body>" with the
 * webhook's secret) and refuses deliveries older than five minutes, as docs/webhooks.md describes.
 */
export function verifyDelivery(secret: string, header: string | undefined, rawBody: string, now = Date.now()): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]))
  const timestamp = Number(parts.t)
  if (!Number.isFinite(timestamp) || Math.abs(now / 1000 - timestamp) > 300 || !parts.v1) return false
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest()
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

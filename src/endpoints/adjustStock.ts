import type { PayloadRequest } from 'payload'

import { parseIdempotencyKey } from '../commerce/idempotency'
import { adjustStock } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { callerOf, optionalIdempotencyKey, replayAnswer } from './idempotentAnswer'
import { actorOf, endpoint, json, readJsonBody, requireScope } from './respond'

/**
 * { sku, delta | setTo, reason }: inventory:write (staff or API key), atomic, recorded in the ledger; an optional
 * idempotency key makes a retry count once and get the first answer again. POST /api/inventory/adjust and AdjustStock.
 */
export async function adjust(req: PayloadRequest, body: unknown, idempotencyKey?: string | null) {
  requireScope(req, 'inventory:write')
  return adjustStock(commerceDeps(req.payload, req), {
    by: actorOf(req).by,
    body,
    idempotencyKey,
    caller: callerOf(req.user),
    responseOf: ({ sku, available, change }) => ({ status: 200, body: { sku, available, change } }),
  })
}

/** The mutation's answer: the adjustment as REST gives it (a replay gives the first answer's body). */
export async function adjustForGraphQL(req: PayloadRequest, body: unknown) {
  const result = await adjust(req, body)
  if (result.replay) return result.replay.body
  return { sku: result.sku, available: result.available, change: result.change }
}

// POST /api/inventory/adjust
export const handleAdjustStock = endpoint(async (req) => {
  requireScope(req, 'inventory:write')
  const idempotencyKey = optionalIdempotencyKey(req.headers.get('idempotency-key'), parseIdempotencyKey)
  const result = await adjust(req, await readJsonBody(req), idempotencyKey)
  if (result.replay) return replayAnswer(result.replay)
  return json({ sku: result.sku, available: result.available, change: result.change })
})

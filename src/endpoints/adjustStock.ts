import { parseIdempotencyKey } from '../commerce/idempotency'
import { adjustStock } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { callerOf, optionalIdempotencyKey, replayAnswer } from './idempotentAnswer'
import { actorOf, endpoint, json, readJsonBody, requireScope } from './respond'

// POST /api/inventory/adjust — { sku, delta | setTo, reason }: inventory:write (staff or API key), atomic, recorded in the
// ledger. An optional Idempotency-Key makes a retry safe: it counts once and gets the first answer again.
export const handleAdjustStock = endpoint(async (req) => {
  requireScope(req, 'inventory:write')
  const idempotencyKey = optionalIdempotencyKey(req.headers.get('idempotency-key'), parseIdempotencyKey)
  const body = await readJsonBody(req)
  const result = await adjustStock(commerceDeps(req.payload), {
    by: actorOf(req).by,
    body,
    idempotencyKey,
    caller: callerOf(req.user),
    responseOf: ({ sku, available, change }) => ({ status: 200, body: { sku, available, change } }),
  })
  if (result.replay) return replayAnswer(result.replay)
  return json({ sku: result.sku, available: result.available, change: result.change })
})

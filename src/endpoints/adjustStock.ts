import type { PayloadRequest } from 'payload'

import { adjustStock } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { endpoint, json, readJsonBody, requireStaff } from './respond'

/** { sku, delta | setTo, reason }: staff only, atomic, recorded in the ledger. POST /api/inventory/adjust and the AdjustStock mutation. */
export async function adjust(req: PayloadRequest, body: unknown) {
  requireStaff(req)
  const result = await adjustStock(commerceDeps(req.payload), { by: req.user!.id, body })
  return { sku: result.sku, available: result.available, change: result.change }
}

// POST /api/inventory/adjust
export const handleAdjustStock = endpoint(async (req) => {
  requireStaff(req)
  return json(await adjust(req, await readJsonBody(req)))
})

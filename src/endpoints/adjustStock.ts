import { adjustStock } from '../commerce/workflows'
import { commerceDeps } from '../infra/commerce/deps'
import { endpoint, json, readJsonBody, requireStaff } from './respond'

// POST /api/inventory/adjust — { sku, delta | setTo, reason }: staff only, atomic, recorded in the ledger.
export const handleAdjustStock = endpoint(async (req) => {
  requireStaff(req)
  const body = await readJsonBody(req)
  const result = await adjustStock(commerceDeps(req.payload), { by: req.user!.id, body })
  return json({ sku: result.sku, available: result.available, change: result.change })
})

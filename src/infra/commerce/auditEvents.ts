import type { Payload, PayloadRequest } from 'payload'

import type { CommerceEvent } from '../../commerce/events'
import { recordAudit } from '../audit'

/**
 * Staff stock adjustments and order moves, written on the workflow's own transaction beside its follow-ups, so a
 * rolled-back change leaves no row. Moves made by the shop itself (checkout, expiry) have no caller and are not staff actions.
 */
export async function auditCommerceEvents(payload: Payload, req: PayloadRequest | undefined, events: readonly CommerceEvent[]): Promise<void> {
  if (!req?.user || req.user.collection === 'customers') return
  for (const event of events) {
    if (event.type === 'stock.changed' && event.payload.reason === 'adjustment') {
      const { sku, available, change } = event.payload
      await recordAudit(payload, {
        action: 'stock.adjusted',
        target: { collection: 'inventory', id: sku },
        summary: `${sku}: ${available - change} → ${available} (${change > 0 ? '+' : ''}${change})`,
        details: { sku, from: available - change, to: available, change },
        req,
      })
    }
    if (event.type === 'order.transitioned') {
      const { orderId, orderNumber, from, to, note } = event.payload
      await recordAudit(payload, {
        action: 'order.transitioned',
        target: { collection: 'orders', id: orderId },
        summary: `${orderNumber}: ${from} → ${to}`,
        details: { from, to, note },
        req,
      })
    }
  }
}

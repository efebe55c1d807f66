import type { Payload } from 'payload'

import type { OrderEmailKind } from '../emails/orderEmail'
import { events } from '../infra/events'

const EMAIL_ON_MOVE: Partial<Record<string, OrderEmailKind>> = {
  paid: 'paid',
  fulfilled: 'fulfilled',
  cancelled: 'cancelled',
  refunded: 'refunded',
}

const registered = Symbol.for('ipswich-retail.jobSubscribers')

// Domain events only enqueue jobs: the checkout never waits for a mail server.
export function registerJobSubscribers(payload: Payload): void {
  const holder = globalThis as unknown as Record<symbol, boolean>
  if (holder[registered]) return
  holder[registered] = true
  const bus = events()
  const queueOrderEmail = (orderId: number | string, kind: OrderEmailKind) =>
    payload.jobs.queue({ task: 'sendOrderEmail', input: { orderId: Number(orderId), kind } })
  bus.subscribe('order.placed', async (e) => {
    await queueOrderEmail(e.orderId, 'confirmation')
  })
  bus.subscribe('order.transitioned', async (e) => {
    const kind = EMAIL_ON_MOVE[e.to]
    if (kind) await queueOrderEmail(e.orderId, kind)
  })
  bus.subscribe('stock.low', async (e) => {
    await payload.jobs.queue({ task: 'sendLowStockAlert', input: { sku: e.sku, available: e.available, threshold: e.threshold } })
  })
}

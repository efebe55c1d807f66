import type { CommerceEvent } from './events'

/** The order emails there are: the follow-ups queue them, the email task renders them. */
export const ORDER_EMAIL_KINDS = ['confirmation', 'paid', 'fulfilled', 'cancelled', 'refunded'] as const
export type OrderEmailKind = (typeof ORDER_EMAIL_KINDS)[number]

export type FollowUpJob =
  | { task: 'sendOrderEmail'; input: { orderId: number; kind: OrderEmailKind } }
  | { task: 'sendLowStockAlert'; input: { sku: string; available: number; threshold: number } }

const EMAIL_ON_MOVE: Partial<Record<string, OrderEmailKind>> = {
  paid: 'paid',
  fulfilled: 'fulfilled',
  cancelled: 'cancelled',
  refunded: 'refunded',
}

/**
 * The jobs a committed change calls for. The workflows queue them in their own transaction (the commerce
 * store's `queueFollowUps`), so a checkout never waits for a mail server and never commits without its email.
 */
export function followUpJobs(events: readonly CommerceEvent[]): FollowUpJob[] {
  return events.flatMap((event): FollowUpJob[] => {
    switch (event.type) {
      case 'order.placed':
        return [{ task: 'sendOrderEmail', input: { orderId: Number(event.payload.orderId), kind: 'confirmation' } }]
      case 'order.transitioned': {
        const kind = EMAIL_ON_MOVE[event.payload.to]
        return kind ? [{ task: 'sendOrderEmail', input: { orderId: Number(event.payload.orderId), kind } }] : []
      }
      case 'stock.low':
        return [{ task: 'sendLowStockAlert', input: { sku: event.payload.sku, available: event.payload.available, threshold: event.payload.threshold } }]
      default:
        return []
    }
  })
}

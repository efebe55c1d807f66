import type { OrderStatus } from './orderStates'
import type { OrderTotals } from './pricing'
import type { StockReason } from './stock'

type Id = number | string

/** Every domain event and its payload; subscribers (cache, revalidation, emails, metrics) key on these. */
export interface CommerceEvents {
  'order.placed': {
    orderId: Id
    orderNumber: string
    status: OrderStatus
    email: string
    customerId: Id | null
    paymentMethod: string
    totals: OrderTotals
  }
  'order.transitioned': {
    orderId: Id
    orderNumber: string
    from: OrderStatus
    to: OrderStatus
    by: Id | null
    note: string | null
    restocked: boolean
  }
  'stock.changed': { sku: string; available: number; change: number; reason: StockReason }
  'stock.low': { sku: string; available: number; threshold: number }
  /** A CSV import committed: these products were created or updated, these SKUs created (their stock rows are new). */
  'catalogue.imported': { productIds: Id[]; slugs: string[]; newSkus: string[] }
}

export type CommerceEventType = keyof CommerceEvents

export type CommerceEvent = {
  [K in CommerceEventType]: { type: K; payload: CommerceEvents[K] }
}[CommerceEventType]

export type EventHandler<K extends CommerceEventType> = (payload: CommerceEvents[K]) => void | Promise<void>

/** pino-compatible: `logger.error({ err, ... }, 'message')`. */
export interface EventLogger {
  error(context: Record<string, unknown>, message: string): void
}

export interface EventBus {
  subscribe<K extends CommerceEventType>(type: K, handler: EventHandler<K>): () => void
  /** Runs every subscriber and awaits async ones; a failing subscriber is logged, never rethrown. */
  publish(event: CommerceEvent): Promise<void>
}

const consoleLogger: EventLogger = {
  error: (context, message) => console.error(message, context),
}

export function createEventBus(options: { logger?: EventLogger } = {}): EventBus {
  const logger = options.logger ?? consoleLogger
  const handlers = new Map<CommerceEventType, Set<EventHandler<CommerceEventType>>>()

  async function runIsolated(event: CommerceEvent, handler: EventHandler<CommerceEventType>) {
    try {
      await handler(event.payload)
    } catch (err) {
      try {
        logger.error({ err, event: event.type }, `Subscriber to ${event.type} failed`)
      } catch {
        // A broken logger must not turn a subscriber's failure into the publisher's.
      }
    }
  }

  return {
    subscribe(type, handler) {
      const set = handlers.get(type) ?? new Set()
      handlers.set(type, set)
      const stored = handler as EventHandler<CommerceEventType>
      set.add(stored)
      return () => {
        set.delete(stored)
      }
    },
    async publish(event) {
      // A snapshot, so a handler unsubscribing during publish doesn't skip its neighbours.
      const current = [...(handlers.get(event.type) ?? [])]
      await Promise.all(current.map((handler) => runIsolated(event, handler)))
    },
  }
}

/** Publishes in order; used once a workflow's transaction has committed. */
export async function publishAll(bus: EventBus, events: readonly CommerceEvent[]): Promise<void> {
  for (const event of events) await bus.publish(event)
}

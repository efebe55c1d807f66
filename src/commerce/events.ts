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

/** Every event of one type published together (one workflow's commit), in order: one statement for many SKUs. */
export type BatchHandler<K extends CommerceEventType> = (payloads: CommerceEvents[K][]) => void | Promise<void>

/** pino-compatible: `logger.error({ err, ... }, 'message')`. */
export interface EventLogger {
  error(context: Record<string, unknown>, message: string): void
}

export interface EventBus {
  subscribe<K extends CommerceEventType>(type: K, handler: EventHandler<K>): () => void
  /** Like subscribe, but called once per publishAll with that call's events of the type (once per publish with one). */
  subscribeBatch<K extends CommerceEventType>(type: K, handler: BatchHandler<K>): () => void
  /** Runs every subscriber and awaits async ones; a failing subscriber is logged, never rethrown. */
  publish(event: CommerceEvent): Promise<void>
  /** Publishes each event in order, then hands each batch subscriber its type's events at once; used once a workflow's transaction has committed. */
  publishAll(events: readonly CommerceEvent[]): Promise<void>
}

const consoleLogger: EventLogger = {
  error: (context, message) => console.error(message, context),
}

export function createEventBus(options: { logger?: EventLogger } = {}): EventBus {
  const logger = options.logger ?? consoleLogger
  const handlers = new Map<CommerceEventType, Set<EventHandler<CommerceEventType>>>()
  const batchHandlers = new Map<CommerceEventType, Set<BatchHandler<CommerceEventType>>>()

  async function runIsolated(type: CommerceEventType, run: () => void | Promise<void>) {
    try {
      await run()
    } catch (err) {
      try {
        logger.error({ err, event: type }, `Subscriber to ${type} failed`)
      } catch {
        // A broken logger must not turn a subscriber's failure into the publisher's.
      }
    }
  }

  function add<H>(registry: Map<CommerceEventType, Set<H>>, type: CommerceEventType, handler: H): () => void {
    const set = registry.get(type) ?? new Set()
    registry.set(type, set)
    set.add(handler)
    return () => {
      set.delete(handler)
    }
  }

  // A snapshot of the handlers, so one unsubscribing during publish doesn't skip its neighbours.
  async function publishOne(event: CommerceEvent) {
    const current = [...(handlers.get(event.type) ?? [])]
    await Promise.all(current.map((handler) => runIsolated(event.type, () => handler(event.payload))))
  }

  async function publishBatches(events: readonly CommerceEvent[]) {
    for (const [type, set] of batchHandlers) {
      const payloads = events.filter((e) => e.type === type).map((e) => e.payload)
      if (payloads.length === 0) continue
      await Promise.all([...set].map((handler) => runIsolated(type, () => handler(payloads))))
    }
  }

  return {
    subscribe: (type, handler) => add(handlers, type, handler as EventHandler<CommerceEventType>),
    subscribeBatch: (type, handler) => add(batchHandlers, type, handler as BatchHandler<CommerceEventType>),
    async publish(event) {
      await publishOne(event)
      await publishBatches([event])
    },
    async publishAll(events) {
      for (const event of events) await publishOne(event)
      await publishBatches(events)
    },
  }
}

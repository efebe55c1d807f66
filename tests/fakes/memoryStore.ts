import type { CommerceEvent } from '../../src/commerce/events'
import { formatOrderNumber } from '../../src/commerce/orderNumber'
import type { OrderStatus } from '../../src/commerce/orderStates'
import type { LineOption } from '../../src/commerce/pricingRegistry'
import { adjustmentMovement, ledgerSum } from '../../src/commerce/stock'
import type { StockMovement } from '../../src/commerce/stock'
import type { IdempotencyClaim, StoredResponse } from '../../src/commerce/idempotency'
import { holdEmail } from '../../src/commerce/holds'
import type { HoldCount, HolderKeys, PendingHoldCounts } from '../../src/commerce/holds'
import type {
  CommerceStore,
  Id,
  IdempotencyScope,
  OrderDraft,
  OrderPatch,
  OrderRecord,
  SellableSku,
  StockLevel,
  StoreSettings,
} from '../../src/commerce/workflows/ports'
import { FaultInjector } from './faultInjector'
import { MemoryIdempotencyKeys } from './memoryIdempotencyKeys'
import { defaultTestSettings } from './testing'

export interface MemorySku {
  sku: string
  unitPrice: number
  available: number
  title?: string
  options?: LineOption[]
  published?: boolean
  purchasable?: boolean
  lowStockThreshold?: number
}

export type StoredOrder = OrderRecord & Pick<OrderDraft, 'shippingAddress' | 'billingAddress' | 'lookupTokenHash' | 'clientAddress'>
/** An order as allOrders() shows it: with the Idempotency-Key and request hash that made it, joined like the real tables. */
export type OrderWithKey = StoredOrder & { idempotencyKey: string | null; requestHash: string | null }
export interface StoredMovement extends StockMovement {
  id: number
}

export type MemoryStoreMethod = Exclude<keyof CommerceStore, 'withTransaction'>

/**
 * The port in memory, with the adapter's conditional semantics (never short, never negative, status-guarded
 * updates). Transactions are pass-through by default so workflow specs see what the undos alone restore;
 * `rollback: true` makes them roll back like the database's, which the port contract suite checks.
 */
export class MemoryStore implements CommerceStore {
  settingsValue: StoreSettings
  transactions = 0
  private catalogue = new Map<string, Required<Omit<MemorySku, 'available'>>>()
  private stock = new Map<string, number>()
  private orders = new Map<Id, StoredOrder>()
  private ledger = new Map<number, StoredMovement>()
  private sequence = 0
  private numbers = 0
  private movementIds = 0
  private keys = new MemoryIdempotencyKeys()
  private rollback: boolean
  private queue: Promise<unknown> = Promise.resolve()
  private faults = new FaultInjector<MemoryStoreMethod>()
  /** The events whose follow-up work the workflows queued, in order. */
  followUps: CommerceEvent[] = []

  constructor(options: { settings?: Partial<StoreSettings>; skus?: MemorySku[]; rollback?: boolean } = {}) {
    this.settingsValue = { ...defaultTestSettings, ...options.settings }
    this.rollback = options.rollback ?? false
    options.skus?.forEach((s) => this.addSku(s))
  }

  /** Opening stock goes through the ledger, so its sum equals available from the start. */
  addSku(seed: MemorySku): void {
    const { available, ...rest } = seed
    this.catalogue.set(seed.sku, {
      title: seed.sku,
      options: [],
      published: true,
      purchasable: true,
      lowStockThreshold: 5,
      ...rest,
    })
    this.stock.set(seed.sku, available)
    this.record([adjustmentMovement(seed.sku, available, { note: 'opening stock' })])
  }

  /** The call of `method` after `skip` successful ones throws `error`, once. */
  failOn(method: MemoryStoreMethod, error?: Error, skip = 0): void {
    this.faults.failOn(method, error, skip)
  }

  available(sku: string): number | undefined {
    return this.stock.get(sku)
  }

  ledgerRows(sku?: string): StoredMovement[] {
    return [...this.ledger.values()].filter((m) => sku === undefined || m.sku === sku).map((m) => ({ ...m }))
  }

  ledgerSum(sku: string): number {
    return ledgerSum(this.ledgerRows(sku), sku)
  }

  allOrders(): OrderWithKey[] {
    return [...this.orders.values()].map((o) => {
      const key = this.keys.find('checkout', o.id)
      return { ...structuredClone(o), idempotencyKey: key?.key ?? null, requestHash: key?.requestHash ?? null }
    })
  }

  private record(rows: readonly StockMovement[]): number[] {
    return rows.map((row) => {
      const id = ++this.movementIds
      this.ledger.set(id, { ...row, id })
      return id
    })
  }

  private level(sku: string): number {
    const available = this.stock.get(sku)
    if (available === undefined) throw new Error(`No inventory for SKU ${sku}`)
    return available
  }

  async withTransaction<T>(fn: (tx: CommerceStore) => Promise<T>): Promise<T> {
    this.transactions += 1
    if (!this.rollback) return fn(this)
    // One transaction at a time, as SQLite's single writer does, so a rollback restores only its own writes.
    const run = this.queue.then(() => this.inSnapshot(fn))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async inSnapshot<T>(fn: (tx: CommerceStore) => Promise<T>): Promise<T> {
    const saved = structuredClone({ stock: this.stock, orders: this.orders, ledger: this.ledger, followUps: this.followUps })
    const keys = this.keys.snapshot()
    try {
      return await fn(this)
    } catch (error) {
      Object.assign(this, saved)
      this.keys.restore(keys)
      throw error
    }
  }

  async settings(): Promise<StoreSettings> {
    this.faults.check('settings')
    return structuredClone(this.settingsValue)
  }

  async findSellable(skus: readonly string[]): Promise<SellableSku[]> {
    this.faults.check('findSellable')
    return skus.flatMap((sku) => {
      const entry = this.catalogue.get(sku)
      return entry ? [{ ...structuredClone(entry), available: this.level(sku) }] : []
    })
  }

  async readStock(skus: readonly string[]): Promise<StockLevel[]> {
    this.faults.check('readStock')
    return skus.flatMap((sku) => {
      const entry = this.catalogue.get(sku)
      return entry ? [{ sku, available: this.level(sku), lowStockThreshold: entry.lowStockThreshold }] : []
    })
  }

  async reserveStock(sku: string, quantity: number): Promise<number | null> {
    this.faults.check('reserveStock')
    // Like the SQL update, an unknown SKU simply matches no row.
    const available = this.stock.get(sku)
    if (available === undefined || available < quantity) return null
    this.stock.set(sku, available - quantity)
    return available - quantity
  }

  async releaseStock(sku: string, quantity: number): Promise<number> {
    this.faults.check('releaseStock')
    const next = this.level(sku) + quantity
    this.stock.set(sku, next)
    return next
  }

  async adjustAvailable(sku: string, delta: number, expected?: number): Promise<number | null> {
    this.faults.check('adjustAvailable')
    const available = this.stock.get(sku)
    if (available === undefined || available + delta < 0) return null
    if (expected !== undefined && available !== expected) return null
    this.stock.set(sku, available + delta)
    return available + delta
  }

  async insertMovements(rows: readonly StockMovement[]): Promise<Id[]> {
    this.faults.check('insertMovements')
    return this.record(rows)
  }

  async deleteMovements(ids: readonly Id[]): Promise<void> {
    this.faults.check('deleteMovements')
    ids.forEach((id) => this.ledger.delete(Number(id)))
  }

  async allocateOrderNumber(): Promise<string> {
    this.faults.check('allocateOrderNumber')
    return formatOrderNumber(++this.numbers)
  }

  async createOrder(draft: OrderDraft): Promise<{ id: Id; orderNumber: string }> {
    this.faults.check('createOrder')
    // Like the orders table's unique column.
    if ([...this.orders.values()].some((o) => o.orderNumber === draft.orderNumber)) throw new Error(`duplicate order number ${draft.orderNumber}`)
    const id = ++this.sequence
    this.orders.set(id, { ...structuredClone(draft), id, fulfilment: null })
    return { id, orderNumber: draft.orderNumber }
  }

  async deleteOrder(id: Id): Promise<void> {
    this.faults.check('deleteOrder')
    this.orders.delete(id)
    this.keys.forgetResult(id)
  }

  async findOrder(id: Id): Promise<OrderRecord | null> {
    this.faults.check('findOrder')
    const order = this.orders.get(id)
    if (!order) return null
    // Only the record's fields, as the adapter reads them back; addresses and the token hash stay stored.
    const { id: orderId, orderNumber, status, email, customer, lines, totals, statusHistory, payment, fulfilment, reservationExpiresAt } = order
    const discountCode = order.discountCode ?? null
    return structuredClone({
      id: orderId,
      orderNumber,
      status,
      email,
      customer,
      lines,
      totals,
      discountCode,
      statusHistory,
      payment,
      fulfilment,
      reservationExpiresAt,
    })
  }

  async updateOrder(id: Id, patch: OrderPatch, expectedStatus: OrderStatus): Promise<boolean> {
    this.faults.check('updateOrder')
    const order = this.orders.get(id)
    if (!order || order.status !== expectedStatus) return false
    this.orders.set(id, { ...order, ...structuredClone(patch) })
    return true
  }

  async queueFollowUps(events: readonly CommerceEvent[]): Promise<void> {
    this.faults.check('queueFollowUps')
    this.followUps.push(...structuredClone(events))
  }

  async findExpiredPendingOrders(now: Date, limit: number): Promise<Id[]> {
    this.faults.check('findExpiredPendingOrders')
    return [...this.orders.values()]
      .filter((o) => o.status === 'pending' && o.reservationExpiresAt !== null && o.reservationExpiresAt <= now)
      .sort((a, b) => Number(a.reservationExpiresAt) - Number(b.reservationExpiresAt) || Number(a.id) - Number(b.id))
      .slice(0, limit)
      .map((o) => o.id)
  }

  async countPendingHolds(keys: HolderKeys): Promise<PendingHoldCounts> {
    this.faults.check('countPendingHolds')
    const pending = [...this.orders.values()].filter((o) => o.status === 'pending')
    const count = (match: (o: StoredOrder) => boolean): HoldCount => {
      const held = pending.filter(match)
      return { orders: held.length, units: held.reduce((sum, o) => sum + o.lines.reduce((n, l) => n + l.quantity, 0), 0) }
    }
    return {
      email: count((o) => holdEmail(o.email) === holdEmail(keys.email)),
      customer: keys.customerId == null ? null : count((o) => o.customer != null && String(o.customer) === String(keys.customerId)),
      address: keys.clientAddress == null ? null : count((o) => o.clientAddress === keys.clientAddress),
    }
  }

  async claimIdempotencyKey(scope: IdempotencyScope, key: string, requestHash: string): Promise<IdempotencyClaim> {
    this.faults.check('claimIdempotencyKey')
    return this.keys.claim(scope, key, requestHash)
  }

  async completeIdempotencyKey(scope: IdempotencyScope, key: string, claimId: Id, resultId: Id | null, response?: StoredResponse): Promise<void> {
    this.faults.check('completeIdempotencyKey')
    this.keys.complete(scope, key, claimId, resultId, response)
  }

  async releaseIdempotencyKey(scope: IdempotencyScope, key: string, claimId: Id): Promise<void> {
    this.faults.check('releaseIdempotencyKey')
    this.keys.release(scope, key, claimId)
  }

  async findIdempotencyKey(scope: IdempotencyScope, resultId: Id): Promise<{ key: string; requestHash: string } | null> {
    this.faults.check('findIdempotencyKey')
    return this.keys.find(scope, resultId)
  }
}

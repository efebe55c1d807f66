import { conflict } from '../../src/commerce/errors'
import type { CommerceEvent } from '../../src/commerce/events'
import { formatOrderNumber } from '../../src/commerce/orderNumber'
import type { OrderStatus } from '../../src/commerce/orderStates'
import type { LineOption } from '../../src/commerce/pricingRegistry'
import { adjustmentMovement, ledgerSum } from '../../src/commerce/stock'
import type { StockMovement } from '../../src/commerce/stock'
import type { CommerceStore, Id, OrderDraft, OrderPatch, OrderRecord, SellableSku, StockLevel, StoreSettings } from '../../src/commerce/workflows/ports'
import { FaultInjector } from './faultInjector'
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

export type StoredOrder = OrderRecord & Pick<OrderDraft, 'shippingAddress' | 'billingAddress' | 'lookupTokenHash' | 'idempotencyKey' | 'requestHash'>
export interface StoredMovement extends StockMovement {
  id: number
}

export type MemoryStoreMethod = Exclude<keyof CommerceStore, 'withTransaction'>

/**
 * The port in memory, with the adapter's conditional semantics (never short, never negative,
 * status-guarded updates). Transactions are pass-through so tests see what the undos alone restore.
 */
export class MemoryStore implements CommerceStore {
  settingsValue: StoreSettings
  transactions = 0
  private catalogue = new Map<string, Required<Omit<MemorySku, 'available'>>>()
  private stock = new Map<string, number>()
  private orders = new Map<Id, StoredOrder>()
  private ledger = new Map<number, StoredMovement>()
  private sequence = 0
  private movementIds = 0
  private faults = new FaultInjector<MemoryStoreMethod>()
  /** The events whose follow-up work the workflows queued, in order. */
  followUps: CommerceEvent[] = []

  constructor(options: { settings?: Partial<StoreSettings>; skus?: MemorySku[] } = {}) {
    this.settingsValue = { ...defaultTestSettings, ...options.settings }
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

  allOrders(): StoredOrder[] {
    return [...this.orders.values()].map((o) => structuredClone(o))
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
    return fn(this)
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

  async createOrder(draft: OrderDraft): Promise<{ id: Id; orderNumber: string }> {
    this.faults.check('createOrder')
    const key = draft.idempotencyKey
    if (key !== null && [...this.orders.values()].some((o) => o.idempotencyKey === key)) {
      throw conflict('idempotency_key_taken', `An order already exists for Idempotency-Key ${key}`)
    }
    const id = ++this.sequence
    const orderNumber = formatOrderNumber(id)
    this.orders.set(id, { ...structuredClone(draft), id, orderNumber, fulfilment: null })
    return { id, orderNumber }
  }

  async deleteOrder(id: Id): Promise<void> {
    this.faults.check('deleteOrder')
    this.orders.delete(id)
  }

  async findOrder(id: Id): Promise<OrderRecord | null> {
    this.faults.check('findOrder')
    const order = this.orders.get(id)
    return order ? structuredClone(order) : null
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
      .sort((a, b) => Number(a.id) - Number(b.id))
      .slice(0, limit)
      .map((o) => o.id)
  }
}

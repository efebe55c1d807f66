import type { Address } from '../address'
import type { HoldLimits, HolderKeys, PendingHoldCounts } from '../holds'
import type { IdempotencyClaim, StoredResponse } from '../idempotency'
import type { CommerceEvent, EventBus } from '../events'
import type { Pence } from '../money'
import type { OrderStatus } from '../orderStates'
import type { PaymentProviders } from '../payments'
import type { OrderTotals, PricingSettings } from '../pricing'
import type { LineOption, PricedLine, PricingRegistry } from '../pricingRegistry'
import type { StockMovement } from '../stock'

export type Id = number | string

export interface StoreSettings extends PricingSettings {
  storeName: string
  currency: 'GBP'
  pricesIncludeVat: boolean
  reservationMinutes: number
  manualPaymentHoldDays: number
  /** Hold times for anonymous shoppers and caps on what one shopper may hold unpaid (src/commerce/holds.ts). */
  holds: HoldLimits
}

/** A known SKU as the shop sees it; unknown SKUs are simply absent from findSellable's answer. */
export interface SellableSku {
  sku: string
  /** Product title, with the variant's title where there is one. */
  title: string
  options: LineOption[]
  unitPrice: Pence
  published: boolean
  /** False for a product's own SKU when the product has variants: only variants are bought. */
  purchasable: boolean
  available: number
  lowStockThreshold: number
}

export interface StockLevel {
  sku: string
  available: number
  lowStockThreshold: number
}

export interface HistoryEntry {
  from: OrderStatus
  to: OrderStatus
  at: Date
  by: Id | null
  /** The staff member's name as it was at the time (ids outlive renames and deleted accounts). */
  byName?: string | null
  note: string | null
}

export type PaymentState = 'pending' | 'paid' | 'refunded'

export interface PaymentRecord {
  method: string
  provider: string
  reference: string | null
  state: PaymentState
}

export interface Fulfilment {
  carrier: string
  trackingNumber: string
  shippedAt: Date
}

export interface OrderDraft {
  email: string
  customer: Id | null
  lines: PricedLine[]
  totals: OrderTotals
  /** Created paid, with its history entry and no hold, when the payment was approved before the transaction. */
  status: 'pending' | 'paid'
  statusHistory: HistoryEntry[]
  shippingAddress: Address
  billingAddress: Address
  payment: PaymentRecord
  reservationExpiresAt: Date | null
  lookupTokenHash: string
  /** Allocated before the order exists, so the payment can be authorised against it first. */
  orderNumber: string
  /** The code the shopper priced the cart with, as they typed it; null without one. */
  discountCode?: string | null
  /** The address the checkout came from (hidden; counted by the hold caps, erased with the customer's data). */
  clientAddress?: string | null
}

export interface OrderRecord {
  id: Id
  orderNumber: string
  status: OrderStatus
  email: string
  customer: Id | null
  lines: PricedLine[]
  totals: OrderTotals
  statusHistory: HistoryEntry[]
  payment: PaymentRecord
  fulfilment: Fulfilment | null
  reservationExpiresAt: Date | null
  discountCode?: string | null
}

export type OrderPatch = Partial<Pick<OrderRecord, 'status' | 'statusHistory' | 'payment' | 'fulfilment' | 'reservationExpiresAt'>>

/** Everything the workflows need from the database; the Payload/SQL adapter implements it. */
export interface CommerceStore {
  /**
   * Runs `fn` with a store bound to one transaction: commit when it resolves, roll back when it
   * throws (a lost write race on SQLite should surface as CommerceError 503 `busy`).
   */
  withTransaction<T>(fn: (tx: CommerceStore) => Promise<T>): Promise<T>
  /** The adapter's handle on this store's transaction, handed to pricing steps' `redeem` (undefined outside one). */
  transactionHandle?(): unknown
  settings(): Promise<StoreSettings>
  findSellable(skus: readonly string[]): Promise<SellableSku[]>
  readStock(skus: readonly string[]): Promise<StockLevel[]>
  /** `UPDATE … SET available = available - q WHERE sku = ? AND available >= q`: new available, or null when short. */
  reserveStock(sku: string, quantity: number): Promise<number | null>
  /** Unconditional `available + q` (release, restock, undo of a reservation): new available. */
  releaseStock(sku: string, quantity: number): Promise<number>
  /**
   * `available + delta` only if the result is ≥ 0 and, when `expected` is given, only if
   * available still equals it (compare-and-set for `setTo`): new available, or null.
   */
  adjustAvailable(sku: string, delta: number, expected?: number): Promise<number | null>
  insertMovements(rows: readonly StockMovement[]): Promise<Id[]>
  deleteMovements(ids: readonly Id[]): Promise<void>
  /**
   * The next order number (formatOrderNumber of a counter of its own, never the orders' ids): consecutive for orders
   * that commit; a number left unused by a refused checkout is skipped.
   */
  allocateOrderNumber(): Promise<string>
  createOrder(draft: OrderDraft): Promise<{ id: Id; orderNumber: string }>
  deleteOrder(id: Id): Promise<void>
  findOrder(id: Id): Promise<OrderRecord | null>
  /** Applies `patch` only while the order is still `expectedStatus`; false when it has moved on. */
  updateOrder(id: Id, patch: OrderPatch, expectedStatus: OrderStatus): Promise<boolean>
  /** Pending orders whose reservation ended at or before `now`, oldest first. */
  findExpiredPendingOrders(now: Date, limit: number): Promise<Id[]>
  /** Pending orders and the units they hold, by email (any case), customer and client address; null for a null key. */
  countPendingHolds(keys: HolderKeys): Promise<PendingHoldCounts>
  /**
   * Queues the background work these events call for (order emails, low-stock alerts) in this store's
   * transaction, so it commits with the change it follows or not at all: a crash or a database error after the
   * commit can no longer lose an order's confirmation email.
   */
  queueFollowUps(events: readonly CommerceEvent[]): Promise<void>
  /**
   * Claims `key` for a request with this hash, outside any transaction so other requests see it: `claimed`, or
   * `replay` with the first request's result once it completed. Waits while another request holds the key; a
   * different hash is a 422 `idempotency_key_reused`.
   */
  claimIdempotencyKey(scope: IdempotencyScope, key: string, requestHash: string): Promise<IdempotencyClaim>
  /**
   * Records the result (an order, or none) and the answer given, in the same transaction as the work; a claim no
   * longer this request's is a 409.
   */
  completeIdempotencyKey(scope: IdempotencyScope, key: string, claimId: Id, resultId: Id | null, response?: StoredResponse): Promise<void>
  /** Lets the key be retried after a refusal; a completed claim is kept. */
  releaseIdempotencyKey(scope: IdempotencyScope, key: string, claimId: Id): Promise<void>
  /** The key and request hash that made `resultId` (the guest's lookup token is derived from them). */
  findIdempotencyKey(scope: IdempotencyScope, resultId: Id): Promise<{ key: string; requestHash: string } | null>
}

/** What a key is claimed for; keys of different scopes never meet. */
export type IdempotencyScope = 'checkout' | 'adjustStock' | 'transitionOrder'

export interface Clock {
  now(): Date
}

/** What every workflow is given: the store plus the in-process services. */
export interface CommerceDeps {
  store: CommerceStore
  payments: PaymentProviders
  events: EventBus
  clock: Clock
  pricing: PricingRegistry
}

export const systemClock: Clock = { now: () => new Date() }

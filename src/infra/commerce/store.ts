import { createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { CommerceError } from '../../commerce/errors'
import { followUpJobs } from '../../commerce/followUps'
import { webhookEventsFor } from '../../commerce/webhooks/events'
import type { CommerceStore } from '../../commerce/workflows/ports'
import type { ReadCache } from '../cache'
import { recordStockUpdateRefused } from '../metrics'
import { queueJobs } from '../jobQueue'
import { commitOrThrow, CommitFailedError, transactionSession } from '../frameworkPatches'
import { queryRows, sql } from '../sql'
import { queueWebhookEvents } from '../webhooks/queue'
import { auditCommerceEvents } from './auditEvents'
import { findSellable, loadSettings } from './catalogue'
import { countPendingHolds } from './holds'
import { idempotencyKeys } from './idempotency'
import { createOrder } from './orderInsert'
import { findExpiredPendingOrders, findOrder, updateOrder } from './orders'
import { allocateOrderNumber } from './orderNumbers'
import { setStockStatusAfter } from './stockStatusSql'

const internal = { overrideAccess: true, context: { workflowWrite: true } } as const

// Lost write races (SQLite's single writer, a Postgres deadlock or serialization failure) are retryable.
export function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } }
  const codes = [e?.code, e?.cause?.code]
  const text = `${e?.message ?? ''} ${e?.cause?.message ?? ''}`
  return codes.some((c) => c === '40P01' || c === '40001' || c === 'SQLITE_BUSY' || c === 'SQLITE_LOCKED') || /SQLITE_BUSY|database is locked/i.test(text)
}

export const busy = () => new CommerceError(503, 'busy', 'The shop is busy with another change to the same stock; please retry in a moment')

const transactionEnded = () => new CommerceError(503, 'busy', 'The database ended the change part-way (nothing of it was kept); please retry in a moment')

/**
 * Whether the transaction `txReq` opened is still open. A Local API call that fails inside it (a lost connection, a
 * PostgreSQL restart) rolls it back and forgets it (Payload's operations call killTransaction on any error), and from
 * then on every statement given that request, Payload's and ours, would run outside any transaction and commit on its
 * own: an undo step, say, putting back stock whose taking the rollback had already undone.
 */
async function transactionLiveness(payload: Payload, txReq: PayloadRequest): Promise<() => boolean> {
  const session = await transactionSession(payload, txReq)
  if (!session) return () => true // an adapter without transactions: nothing to lose
  return () =>
    txReq.transactionID !== undefined && Boolean((payload.db as unknown as { sessions?: Record<string, unknown> }).sessions?.[String(txReq.transactionID)])
}

/** The store, refusing every call once its transaction has ended, so nothing runs outside it by accident. */
export function guardTransaction(store: CommerceStore, alive: () => boolean): CommerceStore {
  const guarded = {} as Record<string, unknown>
  for (const [name, value] of Object.entries(store)) {
    guarded[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            if (!alive()) return Promise.reject(transactionEnded())
            return (value as (...a: unknown[]) => unknown).apply(store, args)
          }
        : value
  }
  return guarded as unknown as CommerceStore
}

/**
 * The CommerceStore port on Payload: Local API writes plus conditional SQL on the request's transaction.
 * `settingsCache` gives the cache that holds the store settings between quotes (commerceDeps passes the read cache
 * unless it is off); without one the settings are read from the database every time.
 */
export function payloadCommerceStore(payload: Payload, req?: PayloadRequest, settingsCache: () => ReadCache | null = () => null): CommerceStore {
  const r = () => req as PayloadRequest
  const store: CommerceStore = {
    // On SQLite the driver queues this process's writers, so transactions wait rather than fail (frameworkPatches.ts).
    async withTransaction(fn) {
      const txReq = await createLocalReq({ user: req?.user ?? undefined }, payload)
      try {
        await initTransaction(txReq)
        const alive = await transactionLiveness(payload, txReq)
        const result = await fn(guardTransaction(payloadCommerceStore(payload, txReq, settingsCache), alive))
        if (!alive()) throw transactionEnded()
        await commitOrThrow(txReq)
        return result
      } catch (error) {
        await killTransaction(txReq)
        if (isWriteConflict(error)) throw busy()
        if (error instanceof CommitFailedError)
          throw new CommerceError(503, 'busy', 'The database did not confirm the change; retry with the same Idempotency-Key to learn whether it was kept')
        throw error
      }
    },
    transactionHandle: () => req,
    settings: () => loadSettings(payload, r(), settingsCache()),
    findSellable: (skus) => findSellable(payload, r(), skus),
    async readStock(skus) {
      if (skus.length === 0) return []
      const rows = await queryRows<{ sku: string; available: number | string; low_stock_threshold: number | string | null }>(
        payload,
        req,
        sql`SELECT sku, available, low_stock_threshold FROM inventory WHERE sku IN (${sql.join(
          skus.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      )
      return rows.map((row) => ({ sku: row.sku, available: Number(row.available), lowStockThreshold: Number(row.low_stock_threshold ?? 0) }))
    },
    async reserveStock(sku, quantity) {
      return store.adjustAvailable(sku, -quantity)
    },
    async releaseStock(sku, quantity) {
      const available = await store.adjustAvailable(sku, quantity)
      if (available === null) throw new CommerceError(404, 'unknown_sku', `No stock row for SKU ${sku}`)
      return available
    },
    async adjustAvailable(sku, delta, expected) {
      const guard = expected === undefined ? sql`` : sql` AND available = ${expected}`
      const rows = await queryRows<{ available: number | string }>(
        payload,
        req,
        sql`UPDATE inventory SET available = available + ${delta}, ${setStockStatusAfter(payload, delta)}, updated_at = ${new Date().toISOString()}
            WHERE sku = ${sku} AND available + ${delta} >= 0${guard} RETURNING available`,
      )
      if (rows.length === 0) {
        recordStockUpdateRefused()
        return null
      }
      return Number(rows[0].available)
    },
    // One multi-row INSERT on the request's transaction: the ledger is written only here (create access is
    // `nobody`), has no hooks, and its rows come from the commerce rules, so Payload's per-row create (validate,
    // insert, read back) bought nothing but time on every checkout.
    async insertMovements(rows) {
      if (rows.length === 0) return []
      const now = new Date().toISOString()
      const values = rows.map(
        (row) =>
          sql`(${row.sku}, ${row.change}, ${row.reason}, ${row.order == null ? null : Number(row.order)}, ${row.by == null ? null : Number(row.by)}, ${row.note ?? null}, ${now}, ${now})`,
      )
      const inserted = await queryRows<{ id: number }>(
        payload,
        req,
        sql`INSERT INTO stock_movements (sku, change, reason, order_id, by_id, note, created_at, updated_at) VALUES ${sql.join(values, sql`, `)} RETURNING id`,
      )
      return inserted.map((row) => row.id)
    },
    async deleteMovements(ids) {
      if (ids.length === 0) return
      await payload.delete({ collection: 'stock-movements', where: { id: { in: [...ids] } }, req, ...internal })
    },
    allocateOrderNumber: () => allocateOrderNumber(payload),
    createOrder: (draft) => createOrder(payload, r(), draft),
    async deleteOrder(id) {
      await payload.delete({ collection: 'orders', id, req, ...internal })
    },
    findOrder: (id) => findOrder(payload, r(), id),
    updateOrder: (id, patch, expected) => updateOrder(payload, r(), id, patch, expected),
    findExpiredPendingOrders: (now, limit) => findExpiredPendingOrders(payload, r(), now, limit),
    countPendingHolds: (keys) => countPendingHolds(payload, req, keys),
    // Queued on this request's transaction, in one INSERT: the jobs commit with the order or stock change.
    async queueFollowUps(events) {
      await queueJobs(payload, req, followUpJobs(events))
      await queueWebhookEvents(payload, req, webhookEventsFor(events))
      await auditCommerceEvents(payload, req, events)
    },
    ...idempotencyKeys(payload, req),
  }
  return store
}

import { describe, expect, it } from '@jest/globals'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { releaseExpiredReservations } from './releaseExpiredReservations'
import { checkoutBody, createTestDeps } from '../../../tests/fakes/testing'

const DAY = 24 * 60 * 60 * 1000
const manual = { paymentMethod: 'manual', card: undefined }

async function shop() {
  const store = catalogueStore()
  const deps = createTestDeps(store)
  const place = (items: { sku: string; quantity: number }[], extra: Record<string, unknown> = manual) =>
    placeOrder(deps, { body: checkoutBody({ items, ...extra }), customerId: 1 })
  return { store, deps, place }
}

describe('releaseExpiredReservations', () => {
  it('should expire a pending order past its hold and put its stock back', async () => {
    const { store, deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 2 }])
    deps.clock.advance(7 * DAY)
    await releaseExpiredReservations(deps)
    expect([store.allOrders()[0].status, store.available('TEA'), store.ledgerSum('TEA')]).toEqual(['expired', 3, 3])
  })

  it('should leave an order whose hold has not ended', async () => {
    const { store, deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 2 }])
    deps.clock.advance(7 * DAY - 1)
    const result = await releaseExpiredReservations(deps)
    expect([result.found, store.allOrders()[0].status]).toEqual([0, 'pending'])
  })

  it('should expire an anonymous shopper’s bank-transfer order after the anonymous hold minutes', async () => {
    const { store, deps } = await shop()
    await placeOrder(deps, { body: checkoutBody({ items: [{ sku: 'TEA', quantity: 2 }], ...manual }) })
    deps.clock.advance(store.settingsValue.holds.anonymousHoldMinutes * 60_000)
    await releaseExpiredReservations(deps)
    expect([store.allOrders()[0].status, store.available('TEA'), store.ledgerSum('TEA')]).toEqual(['expired', 3, 3])
  })

  it('should leave paid orders alone', async () => {
    const { store, deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 1 }], {})
    deps.clock.advance(30 * DAY)
    await releaseExpiredReservations(deps)
    expect(store.allOrders()[0].status).toBe('paid')
  })

  it('should note the expiry in the history as done by the system', async () => {
    const { store, deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 1 }])
    deps.clock.advance(8 * DAY)
    await releaseExpiredReservations(deps)
    expect(store.allOrders()[0].statusHistory).toEqual([
      {
        from: 'pending',
        to: 'expired',
        at: new Date('2030-01-09T10:00:00Z'),
        by: null,
        note: 'Reservation expired',
      },
    ])
  })

  it('should go on after one order fails and count both', async () => {
    const { store, deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 1 }])
    await place([{ sku: 'MUG-BLUE', quantity: 1 }])
    deps.clock.advance(8 * DAY)
    store.failOn('insertMovements', new Error('deadlock'))
    const result = await releaseExpiredReservations(deps)
    expect(result).toEqual({
      found: 2,
      expired: 1,
      failed: 1,
      failures: [{ orderId: 1, code: 'internal_error', message: 'deadlock' }],
    })
  })

  it('should leave the failed order pending with its reservation intact', async () => {
    const { store, deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 1 }])
    deps.clock.advance(8 * DAY)
    store.failOn('insertMovements')
    await releaseExpiredReservations(deps)
    expect([store.allOrders()[0].status, store.available('TEA')]).toEqual(['pending', 2])
  })

  it('should publish the transitions and stock changes of expired orders', async () => {
    const { deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 1 }])
    deps.published.length = 0
    deps.clock.advance(8 * DAY)
    await releaseExpiredReservations(deps)
    expect(deps.published.map((e) => e.type)).toEqual(['order.transitioned', 'stock.changed'])
  })

  it('should process at most the limit given', async () => {
    const { deps, place } = await shop()
    await place([{ sku: 'TEA', quantity: 1 }])
    await place([{ sku: 'TEA', quantity: 1 }])
    deps.clock.advance(8 * DAY)
    expect((await releaseExpiredReservations(deps, { limit: 1 })).expired).toBe(1)
  })
})

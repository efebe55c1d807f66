import { describe, expect, it } from '@jest/globals'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { checkoutBody, createTestDeps, rejectionOf } from '../../../tests/fakes/testing'
import type { TestDeps } from '../../../tests/fakes/testing'
import { transitionOrder } from './transitionOrder'

const twoLines = [
  { sku: 'TEA', quantity: 2 },
  { sku: 'MUG-BLUE', quantity: 1 },
]

const payBy = {
  paid: { paymentMethod: 'test-card' },
  pending: { paymentMethod: 'manual', card: undefined },
}

/** A store with one order placed: paid by test card, or pending for manual payment. */
async function withOrder(kind: keyof typeof payBy) {
  const store = catalogueStore()
  const deps = createTestDeps(store)
  const { order } = await placeOrder(deps, {
    body: checkoutBody({ items: twoLines, ...payBy[kind] }),
  })
  deps.published.length = 0
  return { store, deps, orderId: order.id }
}

function move(deps: TestDeps, orderId: number | string, body: Record<string, unknown>) {
  return transitionOrder(deps, { orderId, by: 7, body })
}

describe('transitionOrder with an Idempotency-Key', () => {
  it('should move once and give the first answer to a retry, with the order after the move', async () => {
    const { store, deps, orderId } = await withOrder('paid')
    const request = {
      orderId,
      by: 7,
      body: { to: 'cancelled' },
      idempotencyKey: 'k-move',
      responseOf: (r: { to: string; order: { status: string } }) => ({ status: 200, body: { to: r.to, status: r.order.status } }),
    }
    const first = await transitionOrder(deps, request)
    const again = await transitionOrder(deps, request)
    const moves = store.allOrders()[0].statusHistory.filter((h) => h.to === 'cancelled')
    expect([first.replay ? null : first.order.status, again.replay, moves.length]).toEqual([
      'cancelled',
      { status: 200, body: { to: 'cancelled', status: 'cancelled' } },
      1,
    ])
  })

  it('should refuse the key with another move with 422 idempotency_key_reused', async () => {
    const { deps, orderId } = await withOrder('paid')
    await transitionOrder(deps, { orderId, by: 7, body: { to: 'cancelled' }, idempotencyKey: 'k-two', responseOf: () => ({ status: 200, body: {} }) })
    const error = await rejectionOf(transitionOrder(deps, { orderId, by: 7, body: { to: 'refunded' }, idempotencyKey: 'k-two' }))
    expect([error.status, error.code]).toEqual([422, 'idempotency_key_reused'])
  })
})

describe('transitionOrder', () => {
  it('should move a paid order to fulfilled with carrier and tracking number', async () => {
    const { store, deps, orderId } = await withOrder('paid')
    await move(deps, orderId, { to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM123' })
    expect([store.allOrders()[0].status, store.allOrders()[0].fulfilment]).toEqual([
      'fulfilled',
      {
        carrier: 'Royal Mail',
        trackingNumber: 'RM123',
        shippedAt: new Date('2030-01-01T10:00:00Z'),
      },
    ])
  })

  it('should refuse fulfilment without carrier and tracking number, naming both', async () => {
    const { deps, orderId } = await withOrder('paid')
    const error = await rejectionOf(move(deps, orderId, { to: 'fulfilled' }))
    expect([error.status, error.details]).toEqual([
      400,
      [
        { field: 'carrier', message: 'is required when moving to fulfilled' },
        { field: 'trackingNumber', message: 'is required when moving to fulfilled' },
      ],
    ])
  })

  it('should refuse an illegal move with 409 naming the allowed moves', async () => {
    const { deps, orderId } = await withOrder('paid')
    const error = await rejectionOf(move(deps, orderId, { to: 'delivered' }))
    expect([error.status, error.code, error.message]).toEqual([
      409,
      'illegal_transition',
      'Cannot move an order from paid to delivered; allowed moves: fulfilled, cancelled, refunded',
    ])
  })

  it('should answer 404 for an unknown order', async () => {
    const { deps } = await withOrder('paid')
    const error = await rejectionOf(move(deps, 999, { to: 'cancelled' }))
    expect([error.status, error.code]).toEqual([404, 'order_not_found'])
  })

  it('should record the move with who, when and the note', async () => {
    const { store, deps, orderId } = await withOrder('paid')
    await move(deps, orderId, { to: 'cancelled', note: 'customer changed mind' })
    expect(store.allOrders()[0].statusHistory.at(-1)).toEqual({
      from: 'paid',
      to: 'cancelled',
      at: new Date('2030-01-01T10:00:00Z'),
      by: 7,
      note: 'customer changed mind',
    })
  })

  it("should keep the staff member's name in the history", async () => {
    const { store, deps, orderId } = await withOrder('paid')
    await transitionOrder(deps, { orderId, by: 7, byName: 'Sam Staff', body: { to: 'cancelled' } })
    expect(store.allOrders()[0].statusHistory.at(-1)).toMatchObject({ by: 7, byName: 'Sam Staff' })
  })

  it('should release the reservation when a pending order is cancelled', async () => {
    const { store, deps, orderId } = await withOrder('pending')
    await move(deps, orderId, { to: 'cancelled' })
    expect([store.available('TEA'), store.available('MUG-BLUE')]).toEqual([3, 10])
  })

  it('should write release rows so the ledger still sums to stock', async () => {
    const { store, deps, orderId } = await withOrder('pending')
    await move(deps, orderId, { to: 'expired' })
    expect(store.ledgerRows('TEA').map((m) => [m.reason, m.change])).toEqual([
      ['adjustment', 3],
      ['reserve', -2],
      ['release', 2],
    ])
  })

  it('should record zero-change sale rows when staff mark a manual order paid', async () => {
    const { store, deps, orderId } = await withOrder('pending')
    await move(deps, orderId, { to: 'paid', note: 'bank transfer received' })
    expect(store.ledgerRows('MUG-BLUE').map((m) => [m.reason, m.change, m.by])).toEqual([
      ['adjustment', 10, null],
      ['reserve', -1, null],
      ['sale', 0, 7],
    ])
  })

  it('should mark the payment paid and end the reservation when marked paid', async () => {
    const { store, deps, orderId } = await withOrder('pending')
    await move(deps, orderId, { to: 'paid' })
    const order = store.allOrders()[0]
    expect([order.payment.state, order.reservationExpiresAt]).toEqual(['paid', null])
  })

  it('should leave stock sold when a paid order is cancelled without restock', async () => {
    const { store, deps, orderId } = await withOrder('paid')
    await move(deps, orderId, { to: 'cancelled' })
    expect(store.available('TEA')).toBe(1)
  })

  it('should restock a cancelled paid order when staff choose it', async () => {
    const { store, deps, orderId } = await withOrder('paid')
    await move(deps, orderId, { to: 'cancelled', restock: true })
    expect([store.available('TEA'), store.ledgerSum('TEA'), store.ledgerRows('TEA').at(-1)?.reason]).toEqual([3, 3, 'restock'])
  })

  it('should restock a refund of a delivered order when staff choose it', async () => {
    const { store, deps, orderId } = await withOrder('paid')
    await move(deps, orderId, { to: 'fulfilled', carrier: 'DPD', trackingNumber: '1' })
    await move(deps, orderId, { to: 'delivered' })
    await move(deps, orderId, { to: 'refunded', restock: true })
    expect([store.available('MUG-BLUE'), store.allOrders()[0].payment.state]).toEqual([10, 'refunded'])
  })

  it('should refuse restock on a move that cannot restock', async () => {
    const { deps, orderId } = await withOrder('paid')
    const error = await rejectionOf(move(deps, orderId, { to: 'fulfilled', carrier: 'DPD', trackingNumber: '1', restock: true }))
    expect([error.status, error.code, error.details]).toEqual([
      400,
      'restock_not_applicable',
      [{ field: 'restock', message: 'cannot restock when moving from paid to fulfilled' }],
    ])
  })

  it('should publish order.transitioned then stock.changed for released SKUs', async () => {
    const { deps, orderId } = await withOrder('pending')
    await move(deps, orderId, { to: 'cancelled' })
    expect(deps.published.map((e) => e.type)).toEqual(['order.transitioned', 'stock.changed', 'stock.changed'])
  })

  it('should queue the follow-ups of the move in its transaction, and none when the move is undone', async () => {
    const { store, deps, orderId } = await withOrder('paid')
    store.followUps.length = 0
    await move(deps, orderId, { to: 'fulfilled', carrier: 'DPD', trackingNumber: 'DPD1' })
    expect(store.followUps).toEqual(deps.published)
    expect(store.followUps.map((e) => e.type)).toEqual(['order.transitioned'])

    store.followUps.length = 0
    store.failOn('queueFollowUps', new Error('jobs table locked'))
    await rejectionOf<Error>(move(deps, orderId, { to: 'delivered' }))
    expect([store.allOrders()[0].status, store.followUps]).toEqual(['fulfilled', []])
  })

  it('should say in order.transitioned whether stock was restocked', async () => {
    const { deps, orderId } = await withOrder('paid')
    await move(deps, orderId, { to: 'refunded', restock: true })
    expect(deps.published[0]).toEqual({
      type: 'order.transitioned',
      payload: {
        orderId,
        orderNumber: 'IR-000001',
        from: 'paid',
        to: 'refunded',
        by: 7,
        note: null,
        restocked: true,
      },
    })
  })

  it('should let only one of two racing cancels release stock', async () => {
    const { store, deps, orderId } = await withOrder('pending')
    const results = await Promise.allSettled([move(deps, orderId, { to: 'cancelled' }), move(deps, orderId, { to: 'cancelled' })])
    expect([results.map((r) => r.status), store.available('TEA')]).toEqual([['fulfilled', 'rejected'], 3])
  })

  it('should answer 409 order_changed to the loser of a race', async () => {
    const { deps, orderId } = await withOrder('pending')
    const [, loser] = await Promise.allSettled([move(deps, orderId, { to: 'paid' }), move(deps, orderId, { to: 'cancelled' })])
    expect((loser as PromiseRejectedResult).reason.code).toBe('order_changed')
  })
})

import { expect, it } from '@jest/globals'

import { parseOrderNumber } from '../../src/commerce/orderNumber'
import { orderDraft, unique } from './storeUnderTest'
import type { StoreUnderTest } from './storeUnderTest'

const paidAt = new Date('2031-01-01T10:05:00Z')

export function orderCases(subject: () => StoreUnderTest): void {
  it('should allocate distinct order numbers before any order exists', async () => {
    const { store } = subject()
    const numbers = [await store.allocateOrderNumber(), await store.allocateOrderNumber()]
    expect([new Set(numbers).size, numbers.every((n) => parseOrderNumber(n) !== null)]).toEqual([2, true])
  })

  it('should allocate consecutive order numbers, so a shop sees no gaps between successful checkouts', async () => {
    const { store, addSku } = subject()
    const sku = unique('SEQ')
    await addSku(sku, 1)
    const draft = await orderDraft(store, sku)
    await store.createOrder(draft)
    const next = await store.allocateOrderNumber()
    expect(parseOrderNumber(next)).toBe((parseOrderNumber(draft.orderNumber) as number) + 1)
  })

  it('should create an order under its allocated number and find it as stored', async () => {
    const { store, addSku } = subject()
    const sku = unique('ORD')
    await addSku(sku, 1)
    const draft = await orderDraft(store, sku)
    const { id, orderNumber } = await store.createOrder(draft)
    expect([orderNumber, await store.findOrder(id)]).toEqual([
      draft.orderNumber,
      {
        id,
        orderNumber: draft.orderNumber,
        status: 'pending',
        email: draft.email,
        customer: null,
        lines: draft.lines,
        totals: draft.totals,
        discountCode: draft.discountCode ?? null,
        statusHistory: [],
        payment: draft.payment,
        fulfilment: null,
        reservationExpiresAt: draft.reservationExpiresAt,
      },
    ])
  })

  it('should find no order for an unknown id', async () => {
    expect(await subject().store.findOrder(987654321)).toBeNull()
  })

  it('should update an order still in the expected status', async () => {
    const { store, addSku } = subject()
    const sku = unique('UPD')
    await addSku(sku, 1)
    const { id } = await store.createOrder(await orderDraft(store, sku))
    const history = [{ from: 'pending' as const, to: 'paid' as const, at: paidAt, by: null, note: 'Payment approved' }]
    const payment = { method: 'test-card', provider: 'test-card', reference: 'test-card:1', state: 'paid' as const }
    const updated = await store.updateOrder(id, { status: 'paid', payment, statusHistory: history, reservationExpiresAt: null }, 'pending')
    const order = await store.findOrder(id)
    expect([updated, order?.status, order?.payment, order?.statusHistory, order?.reservationExpiresAt]).toEqual([true, 'paid', payment, history, null])
  })

  it("should keep the staff member's name in the history beside their id", async () => {
    const { store, addSku } = subject()
    const sku = unique('NAMED')
    await addSku(sku, 1)
    const { id } = await store.createOrder(await orderDraft(store, sku))
    const history = [{ from: 'pending' as const, to: 'cancelled' as const, at: paidAt, by: 7, byName: 'Ada Lovelace', note: null }]
    await store.updateOrder(id, { status: 'cancelled', statusHistory: history }, 'pending')
    const order = await store.findOrder(id)
    expect(order?.statusHistory.map((h) => [String(h.by), h.byName])).toEqual([['7', 'Ada Lovelace']])
  })

  it('should refuse an update when the order has moved on from the expected status', async () => {
    const { store, addSku } = subject()
    const sku = unique('MOVED')
    await addSku(sku, 1)
    const { id } = await store.createOrder(await orderDraft(store, sku))
    expect([await store.updateOrder(id, { status: 'cancelled' }, 'paid'), (await store.findOrder(id))?.status]).toEqual([false, 'pending'])
  })

  it('should refuse an update of an unknown order', async () => {
    expect(await subject().store.updateOrder(987654321, { status: 'paid' }, 'pending')).toBe(false)
  })

  it('should delete an order', async () => {
    const { store, addSku } = subject()
    const sku = unique('GONE')
    await addSku(sku, 1)
    const { id } = await store.createOrder(await orderDraft(store, sku))
    await store.deleteOrder(id)
    expect(await store.findOrder(id)).toBeNull()
  })

  it('should list pending orders whose reservation has ended, soonest ended first, up to the limit', async () => {
    const { store, addSku } = subject()
    const sku = unique('EXP')
    await addSku(sku, 5)
    const at = (iso: string) => ({ reservationExpiresAt: new Date(iso) })
    const later = await store.createOrder(await orderDraft(store, sku, at('2001-01-01T02:00:00Z')))
    const sooner = await store.createOrder(await orderDraft(store, sku, at('2001-01-01T01:00:00Z')))
    const third = await store.createOrder(await orderDraft(store, sku, at('2001-01-01T03:00:00Z')))
    const paid = await store.createOrder(await orderDraft(store, sku, at('2001-01-01T00:30:00Z')))
    await store.updateOrder(paid.id, { status: 'paid' }, 'pending')
    await store.createOrder(await orderDraft(store, sku, at('2001-01-02T01:00:00Z')))
    const now = new Date('2001-01-01T03:00:00Z')
    expect([await store.findExpiredPendingOrders(now, 10), await store.findExpiredPendingOrders(now, 2)]).toEqual([
      [sooner.id, later.id, third.id],
      [sooner.id, later.id],
    ])
  })

  it('should count pending orders and their units by email in any case and by client address, paid ones apart', async () => {
    const { store, addSku } = subject()
    const sku = unique('HOLD')
    await addSku(sku, 10)
    const [email, address] = [`${unique('holder').toLowerCase()}@example.com`, unique('address')]
    const line = (quantity: number) => [{ sku, title: 'Blue mug', options: [], unitPrice: 1200, quantity, lineTotal: 1200 * quantity }]
    await store.createOrder(await orderDraft(store, sku, { email: email.toUpperCase(), lines: line(2), clientAddress: address }))
    await store.createOrder(await orderDraft(store, sku, { email, lines: line(3) }))
    const paid = await store.createOrder(await orderDraft(store, sku, { email, lines: line(4), clientAddress: address }))
    await store.updateOrder(paid.id, { status: 'paid' }, 'pending')
    expect(await store.countPendingHolds({ email, customerId: null, clientAddress: address })).toEqual({
      email: { orders: 2, units: 5 },
      customer: null,
      address: { orders: 1, units: 2 },
    })
  })
}

import { describe, expect, it } from '@jest/globals'
import { MemoryStore } from '../../../tests/fakes/memoryStore'

function store() {
  return new MemoryStore({ skus: [{ sku: 'A', unitPrice: 100, available: 3 }] })
}

describe('MemoryStore', () => {
  it('should refuse a reservation larger than the stock', async () => {
    const s = store()
    expect([await s.reserveStock('A', 4), s.available('A')]).toEqual([null, 3])
  })

  it('should never oversell under concurrent reservations', async () => {
    const s = store()
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => s.reserveStock('A', 1)))
    expect([results.filter((r) => r !== null).length, s.available('A')]).toEqual([3, 0])
  })

  it('should refuse an adjustment below zero', async () => {
    expect(await store().adjustAvailable('A', -4)).toBeNull()
  })

  it('should refuse a compare-and-set against a stale level', async () => {
    expect(await store().adjustAvailable('A', 2, 1)).toBeNull()
  })

  it('should refuse an update when the order has moved on', async () => {
    const s = store()
    expect(await s.updateOrder(1, { status: 'paid' }, 'pending')).toBe(false)
  })

  it('should record opening stock in the ledger', () => {
    expect(store().ledgerSum('A')).toBe(3)
  })

  it('should fail the chosen call once', async () => {
    const s = store()
    s.failOn('readStock', new Error('boom'), 1)
    await s.readStock(['A'])
    await expect(s.readStock(['A'])).rejects.toThrow('boom')
  })

  it('should not let callers change stored orders through returned copies', async () => {
    const s = store()
    const address = { name: 'A', line1: 'B', city: 'C', postcode: 'D', country: 'FR' }
    const { id } = await s.createOrder({
      email: 'a@b.co',
      customer: null,
      lines: [],
      totals: { subtotal: 0, discount: 0, shipping: 0, vat: 0, total: 0 },
      status: 'pending',
      statusHistory: [],
      shippingAddress: address,
      billingAddress: address,
      payment: { method: 'manual', provider: 'manual', reference: null, state: 'pending' },
      reservationExpiresAt: new Date(0),
      lookupTokenHash: 'h',
      orderNumber: 'IR-000001',
    })
    const copy = await s.findOrder(id)
    copy?.statusHistory.push({ from: 'pending', to: 'paid', at: new Date(0), by: null, note: null })
    expect((await s.findOrder(id))?.statusHistory).toEqual([])
  })
})

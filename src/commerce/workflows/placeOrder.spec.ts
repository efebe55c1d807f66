import { describe, expect, it } from '@jest/globals'
import { verifyLookupToken } from '../orderNumber'
import { testCardPayments } from '../payments'
import type { PaymentProvider } from '../payments'
import { placeOrder } from './placeOrder'
import { catalogueStore } from '../../../tests/fakes/catalogueStore'
import { checkoutBody, createTestDeps } from '../../../tests/fakes/testing'

const twoLines = [
  { sku: 'TEA', quantity: 2 },
  { sku: 'MUG-BLUE', quantity: 1 },
]

describe('placeOrder', () => {
  it('should make an order paid at once when the test card is approved', async () => {
    const store = catalogueStore()
    const result = await placeOrder(createTestDeps(store), { body: checkoutBody() })
    expect([result.order.status, store.allOrders()[0].status]).toEqual(['paid', 'paid'])
  })

  it('should number orders from the sequence', async () => {
    const result = await placeOrder(createTestDeps(catalogueStore()), { body: checkoutBody() })
    expect(result.order.orderNumber).toBe('IR-000001')
  })

  it('should take the stock of every line', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody({ items: twoLines }) })
    expect([store.available('TEA'), store.available('MUG-BLUE')]).toEqual([1, 9])
  })

  it('should keep every SKU ledger summing to its stock', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody({ items: twoLines }) })
    expect([store.ledgerSum('TEA'), store.ledgerSum('MUG-BLUE')]).toEqual([1, 9])
  })

  it('should write reserve rows and zero-change sale rows for a paid order', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody() })
    expect(store.ledgerRows('MUG-BLUE').map((m) => [m.reason, m.change, m.order])).toEqual([
      ['adjustment', 10, null],
      ['reserve', -1, 1],
      ['sale', 0, 1],
    ])
  })

  it('should price the order on the server', async () => {
    const result = await placeOrder(createTestDeps(catalogueStore()), {
      body: checkoutBody({ items: twoLines }),
    })
    expect(result.order.totals).toEqual({
      subtotal: 2100,
      discount: 0,
      shipping: 495,
      vat: 433,
      total: 2595,
    })
  })

  it('should snapshot lines with title, unit price and line total', async () => {
    const result = await placeOrder(createTestDeps(catalogueStore()), { body: checkoutBody() })
    expect(result.order.lines).toEqual([
      {
        sku: 'MUG-BLUE',
        title: 'Blue mug',
        options: [],
        unitPrice: 1200,
        quantity: 1,
        lineTotal: 1200,
      },
    ])
  })

  it('should merge repeated SKUs into one line', async () => {
    const items = [
      { sku: 'MUG-BLUE', quantity: 1 },
      { sku: 'MUG-BLUE', quantity: 2 },
    ]
    const result = await placeOrder(createTestDeps(catalogueStore()), {
      body: checkoutBody({ items }),
    })
    expect(result.order.lines.map((l) => [l.sku, l.quantity])).toEqual([['MUG-BLUE', 3]])
  })

  it('should store only the hash of the lookup token it returns', async () => {
    const store = catalogueStore()
    const result = await placeOrder(createTestDeps(store), { body: checkoutBody() })
    expect(verifyLookupToken(result.lookupToken, store.allOrders()[0].lookupTokenHash)).toBe(true)
  })

  it('should leave a signed-in customer’s manual order pending, holding stock for manualPaymentHoldDays', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    const body = checkoutBody({ paymentMethod: 'manual', card: undefined })
    await placeOrder(deps, { body, customerId: 7 })
    const order = store.allOrders()[0]
    expect([order.status, order.reservationExpiresAt?.toISOString()]).toEqual(['pending', '2030-01-08T10:00:00.000Z'])
  })

  it('should hold an anonymous manual order for the anonymous hold minutes only', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    await placeOrder(deps, { body: checkoutBody({ paymentMethod: 'manual', card: undefined }) })
    expect(store.allOrders()[0].reservationExpiresAt?.toISOString()).toBe('2030-01-01T11:00:00.000Z')
  })

  it('should hold a staff-placed manual order for manualPaymentHoldDays', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    await placeOrder(deps, { body: checkoutBody({ paymentMethod: 'manual', card: undefined }), holder: { staff: true } })
    expect(store.allOrders()[0].reservationExpiresAt?.toISOString()).toBe('2030-01-08T10:00:00.000Z')
  })

  it('should refuse a manual order past the unit cap of one address with 409 hold_limit_reached', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    const body = (email: string) => checkoutBody({ paymentMethod: 'manual', card: undefined, email, items: [{ sku: 'TEA', quantity: 1 }] })
    const holder = { clientAddress: '203.0.113.9' }
    store.settingsValue.holds = { ...store.settingsValue.holds, maxPendingUnits: 1 }
    await placeOrder(deps, { body: body('one@example.com'), holder })
    await expect(placeOrder(deps, { body: body('two@example.com'), holder })).rejects.toMatchObject({ status: 409, code: 'hold_limit_reached' })
  })

  it('should hold stock for reservationMinutes while an online payment is pending', async () => {
    const store = catalogueStore()
    const pendingCard: PaymentProvider = {
      ...testCardPayments,
      authorize: async () => ({ status: 'pending', reference: 'p-1' }),
    }
    await placeOrder(createTestDeps(store, { payments: new Map([['test-card', pendingCard]]) }), {
      body: checkoutBody(),
    })
    expect(store.allOrders()[0].reservationExpiresAt?.toISOString()).toBe('2030-01-01T10:30:00.000Z')
  })

  it('should record the payment reference on the order', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody() })
    expect(store.allOrders()[0].payment).toEqual({
      method: 'test-card',
      provider: 'test-card',
      reference: 'test-card:IR-000001',
      state: 'paid',
    })
  })

  it('should record the move to paid in the status history', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody() })
    expect(store.allOrders()[0].statusHistory).toEqual([
      {
        from: 'pending',
        to: 'paid',
        at: new Date('2030-01-01T10:00:00Z'),
        by: null,
        note: 'Payment approved (test-card)',
      },
    ])
  })

  it('should create an approved order paid, with no hold, and never update it', async () => {
    const store = catalogueStore()
    store.failOn('updateOrder')
    await placeOrder(createTestDeps(store), { body: checkoutBody() })
    const order = store.allOrders()[0]
    expect([order.status, order.reservationExpiresAt]).toEqual(['paid', null])
  })

  it('should create a pending online payment’s order pending, with its reference and no history', async () => {
    const store = catalogueStore()
    const pendingCard: PaymentProvider = { ...testCardPayments, authorize: async () => ({ status: 'pending', reference: 'p-1' }) }
    store.failOn('updateOrder')
    await placeOrder(createTestDeps(store, { payments: new Map([['test-card', pendingCard]]) }), { body: checkoutBody() })
    const { status, payment, statusHistory } = store.allOrders()[0]
    expect([status, payment.reference, payment.state, statusHistory]).toEqual(['pending', 'p-1', 'pending', []])
  })

  it('should make the order the logged-in customer’s', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody(), customerId: 42 })
    expect(store.allOrders()[0].customer).toBe(42)
  })

  it('should store the idempotency key with the request hash', async () => {
    const store = catalogueStore()
    const result = await placeOrder(createTestDeps(store), {
      body: checkoutBody(),
      idempotencyKey: 'k-1',
    })
    const order = store.allOrders()[0]
    expect([order.idempotencyKey, order.requestHash]).toEqual(['k-1', result.requestHash])
  })

  it('should hash equal bodies equally whatever their key order', async () => {
    const deps = createTestDeps(catalogueStore())
    const body = checkoutBody()
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    const [first, second] = [await placeOrder(deps, { body }), await placeOrder(deps, { body: reordered })]
    expect(first.requestHash).toBe(second.requestHash)
  })

  it('should copy the shipping address to billing when none is given', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody() })
    expect(store.allOrders()[0].billingAddress).toEqual(store.allOrders()[0].shippingAddress)
  })

  it('should publish order.placed then stock.changed for each SKU', async () => {
    const deps = createTestDeps(catalogueStore())
    await placeOrder(deps, { body: checkoutBody({ items: twoLines }) })
    expect(deps.published.map((e) => e.type)).toEqual(['order.placed', 'stock.changed', 'stock.changed'])
  })

  it('should publish stock.changed with the new available count', async () => {
    const deps = createTestDeps(catalogueStore())
    await placeOrder(deps, { body: checkoutBody() })
    expect(deps.published[1]).toEqual({
      type: 'stock.changed',
      payload: { sku: 'MUG-BLUE', available: 9, change: -1, reason: 'reserve' },
    })
  })

  it('should publish stock.low when a SKU crosses its threshold', async () => {
    const deps = createTestDeps(catalogueStore())
    await placeOrder(deps, { body: checkoutBody({ items: [{ sku: 'MUG-BLUE', quantity: 5 }] }) })
    expect(deps.published.filter((e) => e.type === 'stock.low')).toEqual([{ type: 'stock.low', payload: { sku: 'MUG-BLUE', available: 5, threshold: 5 } }])
  })

  it('should queue the follow-up work of exactly the events it publishes, inside its transaction', async () => {
    const store = catalogueStore()
    const deps = createTestDeps(store)
    await placeOrder(deps, { body: checkoutBody({ items: [{ sku: 'MUG-BLUE', quantity: 5 }] }) })
    expect(store.followUps.map((e) => e.type)).toEqual(['order.placed', 'stock.changed', 'stock.low'])
    expect(store.followUps).toEqual(deps.published)
  })

  it('should run the writes in one transaction', async () => {
    const store = catalogueStore()
    await placeOrder(createTestDeps(store), { body: checkoutBody() })
    expect(store.transactions).toBe(1)
  })
})

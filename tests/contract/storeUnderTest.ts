import type { CommerceError } from '../../src/commerce/errors'
import type { CommerceStore, OrderDraft } from '../../src/commerce/workflows/ports'

/** What a contract case needs besides the port: seeding stock and reading the ledger, which the port does not do. */
export interface StoreUnderTest {
  store: CommerceStore
  /** A sellable SKU with this much stock. */
  addSku(sku: string, available: number): Promise<void>
  ledger(sku: string): Promise<{ change: number; reason: string }[]>
}

let names = 0
/** Every case names its own SKUs and keys, so cases sharing one database never meet. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++names}`

const address = { name: 'Ada Shopper', line1: '1 Buttermarket', city: 'Ipswich', postcode: 'IP1 1BQ', country: 'GB' }

export function orderDraft(store: CommerceStore, sku: string, overrides: Partial<OrderDraft> = {}): Promise<OrderDraft> {
  return store.allocateOrderNumber().then((orderNumber) => ({
    orderNumber,
    email: 'ada@example.com',
    customer: null,
    lines: [{ sku, title: 'Blue mug', options: [], unitPrice: 1200, quantity: 1, lineTotal: 1200 }],
    totals: { subtotal: 1200, discount: 0, shipping: 495, vat: 283, total: 1695 },
    status: 'pending',
    statusHistory: [],
    shippingAddress: address,
    billingAddress: address,
    payment: { method: 'manual', provider: 'manual', reference: null, state: 'pending' },
    reservationExpiresAt: new Date('2031-01-01T10:00:00Z'),
    lookupTokenHash: 'a'.repeat(64),
    ...overrides,
  }))
}

/** The error a promise rejects with, or a failure when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<CommerceError> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject')
    },
    (error: CommerceError) => error,
  )
}

import type { PayloadRequest } from 'payload'

import { createLookupToken, hashLookupToken } from '../commerce/orderNumber'
import { handleLookupOrder } from './lookupOrder'

// A guest's order look-up, with Payload's find standing on one stored order.
const token = createLookupToken()
const order = {
  orderNumber: 'IR-000123',
  status: 'paid',
  email: 'guest@example.com',
  createdAt: '2026-12-01T10:00:00.000Z',
  lines: [{ sku: 'MUG-1', title: 'Harbour Mug', unitPrice: 1500, quantity: 1, lineTotal: 1500 }],
  totals: { subtotal: 1500, discount: 0, shipping: 395, vat: 316, total: 1895 },
  shippingAddress: { postcode: 'IP1 1AA' },
  statusHistory: [{ from: 'pending', to: 'paid', at: '2026-12-01T10:01:00.000Z', by: 'staff-7', note: 'paid by card' }],
  payment: { method: 'test-card', state: 'captured', reference: 'secret-ref' },
  fulfilment: null,
  lookupTokenHash: hashLookupToken(token),
}

function lookup(query: string) {
  const payload = {
    find: async ({ where }: { where: { orderNumber: { equals: string } } }) => ({ docs: where.orderNumber.equals === order.orderNumber ? [order] : [] }),
    logger: { error: () => {} },
  }
  return handleLookupOrder({ url: `http://localhost/api/orders/lookup${query}`, payload } as unknown as PayloadRequest)
}

describe('handleLookupOrder', () => {
  it('should answer the order for its number and token, without staff notes, payment references or the token hash', async () => {
    const res = await lookup(`?number=IR-000123&token=${token}`)
    const body = await res.json()
    expect([res.status, body.order.orderNumber, body.order.statusHistory]).toEqual([200, 'IR-000123', [{ to: 'paid', at: '2026-12-01T10:01:00.000Z' }]])
    expect(body.order.payment).toEqual({ method: 'test-card', state: 'captured' })
    expect(JSON.stringify(body)).not.toMatch(/lookupTokenHash|secret-ref|paid by card/)
  })

  it('should answer no payment instructions for a card order', async () => {
    const body = await (await lookup(`?number=IR-000123&token=${token}`)).json()
    expect(body.order.paymentInstructions).toBeNull()
  })

  it('should answer a wrong token exactly like an unknown number', async () => {
    const wrong = await lookup(`?number=IR-000123&token=${createLookupToken()}`)
    const unknown = await lookup(`?number=IR-999999&token=${token}`)
    expect([wrong.status, await wrong.json()]).toEqual([unknown.status, await unknown.json()])
    expect(wrong.status).toBe(404)
  })

  it('should name each missing parameter in a 400', async () => {
    const res = await lookup('?number=IR-000123')
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        error: {
          code: 'invalid_query',
          message: 'Give both number and token, e.g. ?number=IR-000123&token=…',
          details: [{ field: 'token', message: 'is required' }],
        },
      },
    ])
  })
})

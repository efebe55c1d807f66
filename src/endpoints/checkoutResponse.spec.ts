import { checkoutResponse } from './checkoutResponse'

describe('checkoutResponse', () => {
  it('should answer the order field by field in a fixed order, leaving out internal fields', () => {
    const order = {
      id: 7,
      orderNumber: 'IR-000007',
      status: 'pending' as const,
      totals: { total: 1895, vat: 316, subtotal: 1500, discount: 0, shipping: 395, internal: 'x' },
      lines: [{ quantity: 1, sku: 'MUG-1', title: 'Harbour Mug', unitPrice: 1500, lineTotal: 1500, options: [{ value: 'Blue', name: 'Colour', id: 'o1' }] }],
      lookupTokenHash: 'hidden',
    }
    expect(JSON.stringify(checkoutResponse(order as never, 'token-1'))).toBe(
      JSON.stringify({
        order: {
          id: 7,
          orderNumber: 'IR-000007',
          status: 'pending',
          totals: { subtotal: 1500, discount: 0, shipping: 395, vat: 316, total: 1895 },
          lines: [{ sku: 'MUG-1', title: 'Harbour Mug', options: [{ name: 'Colour', value: 'Blue' }], unitPrice: 1500, quantity: 1, lineTotal: 1500 }],
        },
        lookupToken: 'token-1',
      }),
    )
  })

  it('should answer an empty options list for a line without options', () => {
    const order = {
      id: 8,
      orderNumber: 'IR-000008',
      status: 'pending' as const,
      totals: { subtotal: 0, discount: 0, shipping: 0, vat: 0, total: 0 },
      lines: [{ sku: 'A', title: 'A', unitPrice: 1, quantity: 1, lineTotal: 1 }],
    }
    expect(checkoutResponse(order as never, 't').order.lines[0].options).toEqual([])
  })
})

import { CommerceError } from './errors'
import { buildVatInvoice, formatLineOptions, orderVatRate, splitVat, type PrintableOrder } from './invoice'

const seller = { name: 'Ipswich Retail Ltd', address: '1 Butter Market\nIpswich IP1 1BE', vatNumber: 'GB123456789' }
const paidAt = new Date('2026-12-02T10:00:00Z')

function order(overrides: Partial<PrintableOrder> = {}): PrintableOrder {
  return {
    orderNumber: 'IR-000042',
    status: 'paid',
    createdAt: new Date('2026-12-02T09:55:00Z'),
    email: 'harriet@example.com',
    lines: [
      {
        sku: 'JUMPER-M',
        title: 'Jumper',
        options: [
          { name: 'Size', value: 'M' },
          { name: 'Colour', value: 'Navy' },
        ],
        unitPrice: 3999,
        quantity: 2,
        lineTotal: 7998,
      },
      { sku: 'MUG', title: 'Mug', options: [], unitPrice: 650, quantity: 1, lineTotal: 650 },
    ],
    // 7998 + 650 + 0 shipping = 8648; VAT at 20 % = 8648 / 6 = 1441.33 → 1441
    totals: { subtotal: 8648, discount: 0, shipping: 0, vat: 1441, total: 8648 },
    statusHistory: [
      { to: 'pending', at: new Date('2026-12-02T09:55:00Z') },
      { to: 'paid', at: paidAt },
    ],
    shippingAddress: { name: 'Harriet Cobbold', line1: '2 Quay St', city: 'Ipswich', postcode: 'IP4 1AA', country: 'GB' },
    billingAddress: null,
    paymentMethod: 'test-card',
    fulfilment: null,
    ...overrides,
  }
}

describe('formatLineOptions', () => {
  it('should list the options as name: value', () => {
    expect(
      formatLineOptions([
        { name: 'Size', value: 'M' },
        { name: 'Colour', value: 'Navy' },
      ]),
    ).toBe('Size: M, Colour: Navy')
  })

  it('should be empty for a line without options', () => {
    expect(formatLineOptions(undefined)).toBe('')
  })
})

describe('splitVat', () => {
  it('should add up to the VAT recorded on the order', () => {
    const vats = splitVat([7998, 650], 20, 1441)
    expect([vats, vats[0] + vats[1]]).toEqual([[1333, 108], 1441])
  })

  it('should give the spare penny to the largest remainder', () => {
    // exact shares 0.1666…, 0.1666…, 0.8333… of a penny at 20 %: the third row gets the penny.
    expect(splitVat([1, 1, 5], 20, 1)).toEqual([0, 0, 1])
  })

  it('should split a discount row as negative VAT', () => {
    expect(splitVat([1200, -120], 20, 180)).toEqual([200, -20])
  })
})

describe('orderVatRate', () => {
  it("should use the store's rate when it reproduces the order's VAT", () => {
    expect(orderVatRate({ subtotal: 1200, discount: 0, shipping: 0, vat: 200, total: 1200 }, 20)).toBe(20)
  })

  it('should find the rate an older order was charged at after the store rate changed', () => {
    expect(orderVatRate({ subtotal: 1050, discount: 0, shipping: 0, vat: 50, total: 1050 }, 20)).toBe(5)
  })

  it('should refuse figures no rate explains', () => {
    expect(() => orderVatRate({ subtotal: 1000, discount: 0, shipping: 0, vat: 333, total: 1000 }, 20)).toThrow(CommerceError)
  })
})

describe('buildVatInvoice', () => {
  it('should show each line with net, rate, VAT and gross that add up to the order', () => {
    const invoice = buildVatInvoice(order(), seller, 20)
    expect(invoice.lines.map((l) => [l.description, l.net, l.vatRate, l.vat, l.gross])).toEqual([
      ['Jumper (Size: M, Colour: Navy)', 6665, 20, 1333, 7998],
      ['Mug', 542, 20, 108, 650],
    ])
  })

  it('should total net, VAT and gross from the order', () => {
    expect(buildVatInvoice(order(), seller, 20).totals).toEqual({ net: 7207, vat: 1441, gross: 8648 })
  })

  it('should number the invoice after the order and date it when it was paid', () => {
    const invoice = buildVatInvoice(order(), seller, 20)
    expect([invoice.invoiceNumber, invoice.invoiceDate]).toEqual(['IR-000042', paidAt])
  })

  it('should add shipping and a discount as rows of their own', () => {
    // goods 1000 - 100 discount + 395 shipping = 1295; VAT 1295 / 6 = 215.83 → 216
    const totals = { subtotal: 1000, discount: 100, shipping: 395, vat: 216, total: 1295 }
    const lines = [{ sku: 'MUG', title: 'Mug', options: [], unitPrice: 1000, quantity: 1, lineTotal: 1000 }]
    const invoice = buildVatInvoice(order({ lines, totals }), seller, 20)
    expect(invoice.lines.map((l) => [l.description, l.gross, l.vat])).toEqual([
      ['Mug', 1000, 167],
      ['Discount', -100, -17],
      ['Shipping', 395, 66],
    ])
  })

  it('should refuse an order that was never paid', () => {
    expect(() => buildVatInvoice(order({ status: 'cancelled' }), seller, 20)).toThrow('Order IR-000042 is cancelled')
  })

  it("should refuse without the seller's VAT number", () => {
    expect(() => buildVatInvoice(order(), { ...seller, vatNumber: ' ' }, 20)).toThrow("seller's vatNumber")
  })
})

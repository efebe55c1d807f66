import { renderLowStockEmail } from './lowStockEmail'
import { renderOrderEmail, type OrderEmailData } from './orderEmail'

const data: OrderEmailData = {
  storeName: 'Ipswich Retail',
  order: {
    orderNumber: 'IR-000042',
    email: 'ada@example.com',
    status: 'paid',
    lines: [{ title: 'Orwell <Mug>', sku: 'MUG-1', quantity: 2, unitPrice: 1200, lineTotal: 2400 }],
    totals: { subtotal: 2400, discount: 0, shipping: 395, vat: 466, total: 2795 },
    fulfilment: { carrier: 'Royal Mail', trackingNumber: 'RM123' },
  },
  lookupUrl: 'http://localhost:3000/orders/IR-000042?token=abc',
}

describe('renderOrderEmail', () => {
  it('should address the customer and name the order in the subject', () => {
    const email = renderOrderEmail('confirmation', data)
    expect(email.to).toBe('ada@example.com')
    expect(email.subject).toBe('Thank you for your order IR-000042 – Ipswich Retail')
  })

  it('should list lines and totals in pounds in the plain text', () => {
    const { text } = renderOrderEmail('confirmation', data)
    expect(text).toContain('2 × Orwell <Mug> (MUG-1) £24.00')
    expect(text).toContain('Total: £27.95')
    expect(text).toContain('of which VAT: £4.66')
  })

  it('should name the discount code beside the discount', () => {
    const discounted = {
      ...data,
      order: { ...data.order, discountCode: 'SAVE10', totals: { subtotal: 2400, discount: 240, shipping: 395, vat: 426, total: 2555 } },
    }
    expect(renderOrderEmail('confirmation', discounted).text).toContain('Discount (SAVE10): -£2.40')
  })

  it('should escape product titles in the HTML', () => {
    expect(renderOrderEmail('paid', data).html).toContain('Orwell &#60;Mug&#62;')
  })

  it('should give the guest lookup link in the confirmation', () => {
    expect(renderOrderEmail('confirmation', data).text).toContain('http://localhost:3000/orders/IR-000042?token=abc')
  })

  it('should give the carrier and tracking number when fulfilled', () => {
    const { text } = renderOrderEmail('fulfilled', data)
    expect(text).toContain('Royal Mail')
    expect(text).toContain('RM123')
  })
})

describe('renderOrderEmail for a bank-transfer order', () => {
  const paymentInstructions = {
    method: 'bank-transfer' as const,
    amount: '£27.95',
    reference: 'IR-000042',
    payBy: 'Thursday 10 December 2026',
    payByDate: '2026-12-10',
    bank: { accountName: 'Ipswich <Retail>', sortCode: '12-34-56', accountNumber: '12345678', iban: null, bic: null },
  }
  const bankData: OrderEmailData = { ...data, order: { ...data.order, status: 'pending', paymentInstructions } }

  it('should say how to pay in the confirmation, with the order number as reference', () => {
    const { text } = renderOrderEmail('confirmation', bankData)
    expect(text).toContain('How to pay\nPlease pay £27.95 by bank transfer by Thursday 10 December 2026.\nAccount name: Ipswich <Retail>\nSort code: 12-34-56')
    expect(text).toContain('Reference: IR-000042')
  })

  it('should escape the instructions in the HTML', () => {
    expect(renderOrderEmail('confirmation', bankData).html).toContain('<p>Account name: Ipswich &#60;Retail&#62;</p>')
  })

  it('should leave the instructions out of later emails', () => {
    expect(renderOrderEmail('cancelled', bankData).text).not.toContain('How to pay')
  })
})

describe('renderLowStockEmail', () => {
  it('should name the SKU and what is left', () => {
    const email = renderLowStockEmail('Ipswich Retail', ['stock@example.com'], [{ sku: 'MUG-1', available: 2, threshold: 5 }])
    expect(email.subject).toBe('Low stock: MUG-1 has 2 left – Ipswich Retail')
    expect(email.to).toBe('stock@example.com')
  })
})

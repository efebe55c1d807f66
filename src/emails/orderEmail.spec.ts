import { emailFixtures, fixtureOrder } from '../../tests/fixtures/emails'
import { renderLowStockEmail } from './lowStockEmail'
import { renderOrderEmail, type OrderEmailData } from './orderEmail'

const SHOP = 'https://shop.example'
const data = fixtureOrder(SHOP, `${SHOP}/media`)
const ORDER_URL = 'https://shop.example/orders/IR-000042?token=guest-token-123'

describe('renderOrderEmail', () => {
  it('should address the customer and name the order in the subject', async () => {
    const email = await renderOrderEmail('confirmation', data)
    expect(email.to).toBe('ada@example.com')
    expect(email.subject).toBe('Thank you for your order IR-000042 – Ipswich Retail')
  })

  it('should greet the customer by name in both parts', async () => {
    const { html, text } = await renderOrderEmail('confirmation', data)
    expect(text).toContain('Hello Ada,')
    expect(html).toContain('Hello Ada,')
  })

  it('should list lines, totals with Free shipping and the delivery address in the plain text', async () => {
    const { text } = await renderOrderEmail('confirmation', data)
    expect(text).toContain('2 × Lambswool jumper – Size: M · Colour: Navy (JUMPER-M-NAVY) £90.00')
    expect(text).toContain('Shipping: Free')
    expect(text).toContain('Total: £102.00')
    expect(text).toContain('Delivery address\nAda Lovelace\n12 Fore Street\nFlat 3\nIpswich\nIP4 1JU\nUnited Kingdom')
    expect(text).toContain(`View your order: ${ORDER_URL}`)
  })

  it('should link the order page and show each product picture in the HTML', async () => {
    const { html } = await renderOrderEmail('paid', data)
    expect(html).toContain(`href="${ORDER_URL}"`)
    expect(html).toContain('src="https://shop.example/media/JUMPER-M-NAVY.png"')
    expect(html).toContain('>Free<')
    expect(html).toContain('IP4 1JU')
  })

  it('should escape product titles in the HTML', async () => {
    expect((await renderOrderEmail('paid', data)).html).toContain('Orwell &#60;Mug&#62;')
  })

  it('should give the shipping price when it is charged', async () => {
    const charged: OrderEmailData = { ...data, order: { ...data.order, totals: { ...data.order.totals, shipping: 395 } } }
    expect((await renderOrderEmail('confirmation', charged)).text).toContain('Shipping: £3.95')
  })

  it('should link the carrier tracking page when dispatched', async () => {
    const shipped: OrderEmailData = { ...data, order: { ...data.order, fulfilment: { carrier: 'DPD', trackingNumber: '15501234' } } }
    const { html, text, subject } = await renderOrderEmail('fulfilled', shipped)
    expect(subject).toBe('Your order IR-000042 is on its way – Ipswich Retail')
    expect(text).toContain('Carrier: DPD\nTracking number: 15501234\nTrack your parcel: https://track.dpd.co.uk/parcels/15501234')
    expect(html).toContain('href="https://track.dpd.co.uk/parcels/15501234"')
  })

  it('should give the tracking number without a link for a carrier with no template', async () => {
    const shipped: OrderEmailData = { ...data, order: { ...data.order, fulfilment: { carrier: 'Van', trackingNumber: 'V1' } } }
    const { text } = await renderOrderEmail('fulfilled', shipped)
    expect(text).toContain('Tracking number: V1')
    expect(text).not.toContain('Track your parcel')
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
  const bankData: OrderEmailData = { ...data, order: { ...data.order, paymentInstructions } }

  it('should say how to pay in the confirmation, with the order number as reference', async () => {
    const { text } = await renderOrderEmail('confirmation', bankData)
    expect(text).toContain('How to pay\nPlease pay £27.95 by bank transfer by Thursday 10 December 2026.\nAccount name: Ipswich <Retail>\nSort code: 12-34-56')
    expect(text).toContain('Reference: IR-000042')
  })

  it('should escape the instructions in the HTML', async () => {
    expect((await renderOrderEmail('confirmation', bankData)).html).toContain('Account name: Ipswich &#60;Retail&#62;')
  })

  it('should leave the instructions out of later emails', async () => {
    expect((await renderOrderEmail('cancelled', bankData)).text).not.toContain('How to pay')
  })
})

describe('renderLowStockEmail', () => {
  const base = { storeName: 'Ipswich Retail', inventoryUrl: 'https://cms.example/admin/collections/inventory' }

  it('should name the SKU and what is left', async () => {
    const email = await renderLowStockEmail({ ...base, recipients: ['stock@example.com'], items: [{ sku: 'MUG-1', available: 2, threshold: 5 }] })
    expect(email.subject).toBe('Low stock: MUG-1 has 2 left – Ipswich Retail')
    expect(email.to).toBe('stock@example.com')
    expect(email.text).toContain('MUG-1: 2 left (alert at 5)')
    expect(email.html).toContain('href="https://cms.example/admin/collections/inventory"')
  })

  it('should count the SKUs of a digest and show their pictures', async () => {
    const email = await renderLowStockEmail({
      ...base,
      recipients: ['a@example.com', 'b@example.com'],
      items: [
        { sku: 'A', title: 'Apple', available: 1, threshold: 2, imageUrl: 'https://shop.example/media/1/thumb' },
        { sku: 'B', available: 0, threshold: 2 },
      ],
    })
    expect(email.subject).toBe('Low stock: 2 SKUs at or below their threshold – Ipswich Retail')
    expect(email.to).toBe('a@example.com, b@example.com')
    expect(email.text).toContain('A (Apple): 1 left (alert at 2)')
    expect(email.html).toContain('src="https://shop.example/media/1/thumb"')
  })
})

describe('every email', () => {
  it('should render with a greeting and a plain-text part', async () => {
    for (const fixture of emailFixtures(SHOP, `${SHOP}/media`, 'https://cms.example')) {
      const email = await fixture.render()
      expect(email.text).toMatch(/^Hello( Ada)?,$/m)
      expect(email.html).toMatch(/^<!doctype html>/i)
    }
  })
})

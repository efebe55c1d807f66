import { DEFAULT_CARRIERS } from './carriers'
import {
  addressLines,
  countryName,
  greeting,
  optionsText,
  orderEmailContent,
  orderPageUrl,
  shippingText,
  totalRows,
  type OrderEmailOrder,
} from './orderEmailContent'

const order: OrderEmailOrder = {
  orderNumber: 'IR-1001',
  email: 'ada@example.com',
  lines: [
    { title: 'Wool jumper', sku: 'JUMPER-M-NAVY', quantity: 2, unitPrice: 4500, lineTotal: 9000, options: [{ name: 'Size', value: 'M' }] },
    { title: 'Mug', sku: 'MUG', quantity: 1, unitPrice: 800, lineTotal: 800 },
  ],
  totals: { subtotal: 9800, discount: 0, shipping: 0, vat: 1633, total: 9800 },
  shippingAddress: { name: 'Ada Lovelace', line1: '1 Main Street', line2: '', city: 'Ipswich', postcode: 'IP1 1AA', country: 'GB' },
  fulfilment: { carrier: 'Royal Mail', trackingNumber: 'RM123456789GB' },
}

describe('greeting', () => {
  it('should greet the customer by the first word of the delivery name', () => {
    expect(greeting('Ada Lovelace')).toBe('Hello Ada,')
    expect(greeting('  Bob ')).toBe('Hello Bob,')
  })

  it('should say just hello without a name', () => {
    expect(greeting('')).toBe('Hello,')
    expect(greeting(null)).toBe('Hello,')
  })
})

describe('shippingText and totalRows', () => {
  it('should say Free when shipping costs nothing, and the price otherwise', () => {
    expect(shippingText(0)).toBe('Free')
    expect(shippingText(395)).toBe('£3.95')
  })

  it('should list subtotal, shipping, total and VAT, with a discount only when there is one', () => {
    expect(totalRows({ subtotal: 2500, discount: 0, shipping: 395, vat: 482, total: 2895 })).toEqual([
      { label: 'Subtotal', value: '£25.00' },
      { label: 'Shipping', value: '£3.95' },
      { label: 'Total', value: '£28.95', strong: true },
      { label: 'VAT included', value: '£4.82' },
    ])
    expect(totalRows({ subtotal: 6000, discount: 600, shipping: 0, vat: 900, total: 5400 }).map((r) => `${r.label} ${r.value}`)).toEqual([
      'Subtotal £60.00',
      'Discount -£6.00',
      'Shipping Free',
      'Total £54.00',
      'VAT included £9.00',
    ])
  })
})

describe('optionsText', () => {
  it('should join the chosen options and skip anything malformed', () => {
    expect(optionsText([{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Navy' }, { name: 1 }, null])).toBe('Size: M · Colour: Navy')
    expect(optionsText(undefined)).toBe('')
    expect(optionsText('Size M')).toBe('')
  })
})

describe('addressLines', () => {
  it('should give the address one part a line, with the country by name, leaving out empty parts', () => {
    expect(addressLines(order.shippingAddress)).toEqual(['Ada Lovelace', '1 Main Street', 'Ipswich', 'IP1 1AA', 'United Kingdom'])
    expect(addressLines(null)).toEqual([])
  })

  it('should name a country by its code, and keep a code it does not know', () => {
    expect(countryName('IE')).toBe('Ireland')
    expect(countryName('not a code')).toBe('not a code')
  })
})

describe('orderPageUrl', () => {
  it('should link the order page with the guest token when there is one', () => {
    expect(orderPageUrl('https://shop.example/', 'IR-1001', 'a b')).toBe('https://shop.example/orders/IR-1001?token=a%20b')
    expect(orderPageUrl('https://shop.example', 'IR-1001')).toBe('https://shop.example/orders/IR-1001')
  })
})

describe('orderEmailContent', () => {
  it('should shape everything an order email shows', () => {
    const content = orderEmailContent(order, {
      storefrontUrl: 'https://shop.example',
      lookupToken: 'tok',
      carriers: DEFAULT_CARRIERS,
      images: new Map([['JUMPER-M-NAVY', 'https://shop.example/media/4/thumb']]),
    })
    expect(content.greeting).toBe('Hello Ada,')
    expect(content.lines[0]).toEqual({
      title: 'Wool jumper',
      options: 'Size: M',
      sku: 'JUMPER-M-NAVY',
      quantity: 2,
      unitPrice: '£45.00',
      lineTotal: '£90.00',
      imageUrl: 'https://shop.example/media/4/thumb',
    })
    expect(content.lines[1].imageUrl).toBeNull()
    expect(content.totals.find((r) => r.label === 'Shipping')?.value).toBe('Free')
    expect(content.address[0]).toBe('Ada Lovelace')
    expect(content.orderUrl).toBe('https://shop.example/orders/IR-1001?token=tok')
    expect(content.tracking).toEqual({
      carrier: 'Royal Mail',
      number: 'RM123456789GB',
      url: 'https://www.royalmail.com/track-your-item#/tracking-results/RM123456789GB',
    })
  })

  it('should keep the tracking number without a link when the carrier has no template, and give none before dispatch', () => {
    const unknown = orderEmailContent({ ...order, fulfilment: { carrier: 'Parcelforce', trackingNumber: 'PF1' } }, { storefrontUrl: 'https://s.example' })
    expect(unknown.tracking).toEqual({ carrier: 'Parcelforce', number: 'PF1', url: null })
    expect(orderEmailContent({ ...order, fulfilment: null }, { storefrontUrl: 'https://s.example' }).tracking).toBeNull()
  })
})

describe('totalRows with a discount code', () => {
  it('should name the code beside the discount', () => {
    expect(totalRows({ subtotal: 2400, discount: 240, shipping: 395, vat: 426, total: 2555 }, 'SAVE10')[1]).toEqual({
      label: 'Discount (SAVE10)',
      value: '-£2.40',
    })
  })
})

import { fillAvailable, skusOfProducts } from './availableStock'

describe('fillAvailable', () => {
  it('should total a product over its variants and fill each variant', () => {
    const doc = { sku: null, variants: [{ sku: 'A-S' }, { sku: 'A-M' }] as { sku: string; available?: number }[] } as Record<string, unknown>
    fillAvailable([doc], new Map([['A-S', 2]]))
    expect(doc).toEqual({
      sku: null,
      variants: [
        { sku: 'A-S', available: 2 },
        { sku: 'A-M', available: 0 },
      ],
      available: 2,
    })
  })

  it('should leave a product without a SKU as it is', () => {
    const doc = { title: 'No SKU' }
    fillAvailable([doc, null], new Map())
    expect(doc).toEqual({ title: 'No SKU' })
  })
})

describe('skusOfProducts', () => {
  it('should list each SKU once, skipping what is not a document', () => {
    expect(skusOfProducts([{ sku: 'B-1' }, { sku: 'B-1' }, null, 'x'])).toEqual(['B-1'])
  })
})

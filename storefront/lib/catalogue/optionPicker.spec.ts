import { describe, expect, it } from '@jest/globals'
import { choose, optionNames, optionPickers, skuFor } from './optionPicker'
import type { PurchasableSku } from './productView'

const sku = (code: string, size: string, colour: string, available: number): PurchasableSku => ({
  sku: code,
  title: `${size} / ${colour}`,
  options: [
    { name: 'Size', value: size },
    { name: 'Colour', value: colour },
  ],
  price: 6500,
  available,
})

// The demo jumper's shape: four sizes by two colours, with Small/Oat sold out and no XL in Oat.
const jumper = [
  sku('J-S-NAVY', 'S', 'Navy', 3),
  sku('J-S-OAT', 'S', 'Oat', 0),
  sku('J-M-NAVY', 'M', 'Navy', 0),
  sku('J-M-OAT', 'M', 'Oat', 2),
  sku('J-L-NAVY', 'L', 'Navy', 5),
  sku('J-L-OAT', 'L', 'Oat', 5),
  sku('J-XL-NAVY', 'XL', 'Navy', 1),
]
const names = ['Size', 'Colour']

describe('optionNames', () => {
  it('should name the options every variant shares, in order', () => {
    expect(optionNames(jumper)).toEqual(['Size', 'Colour'])
  })
  it('should give up (so the page lists variants by title) when variants are described differently or not at all', () => {
    expect(optionNames([jumper[0], { ...jumper[1], options: [{ name: 'Size', value: 'S' }] }])).toBeNull()
    expect(optionNames([{ ...jumper[0], options: [] }])).toBeNull()
    expect(optionNames([jumper[0], { ...jumper[1], sku: 'OTHER', options: jumper[0].options }])).toBeNull()
  })
})

describe('optionPickers', () => {
  it('should offer every size, and only the colours in stock for the size picked', () => {
    const [size, colour] = optionPickers(jumper, names, { Size: 'S', Colour: 'Navy' })
    expect(size.values.map((v) => [v.value, v.inStock])).toEqual([
      ['S', true],
      ['M', true],
      ['L', true],
      ['XL', true],
    ])
    expect(colour.values).toEqual([
      { value: 'Navy', exists: true, inStock: true },
      { value: 'Oat', exists: true, inStock: false },
    ])
  })
  it('should mark a combination that does not exist apart from one that is sold out', () => {
    const [, colour] = optionPickers(jumper, names, { Size: 'XL', Colour: 'Navy' })
    expect(colour.values.find((v) => v.value === 'Oat')).toEqual({ value: 'Oat', exists: false, inStock: false })
  })
  it('should mark a first-option value sold out when every SKU with it is', () => {
    const soldOutMedium = jumper.map((s) => (s.sku === 'J-M-OAT' ? { ...s, available: 0 } : s))
    const [size] = optionPickers(soldOutMedium, names, { Size: 'S', Colour: 'Navy' })
    expect(size.values.find((v) => v.value === 'M')).toEqual({ value: 'M', exists: true, inStock: false })
  })
})

describe('choose', () => {
  it('should keep the colour when the new size has it in stock', () => {
    expect(choose(jumper, names, { Size: 'S', Colour: 'Navy' }, 'Size', 'L')).toEqual({ Size: 'L', Colour: 'Navy' })
  })
  it('should move the colour to one in stock when the new size is sold out or missing in it', () => {
    expect(choose(jumper, names, { Size: 'S', Colour: 'Navy' }, 'Size', 'M')).toEqual({ Size: 'M', Colour: 'Oat' })
    expect(choose(jumper, names, { Size: 'L', Colour: 'Oat' }, 'Size', 'XL')).toEqual({ Size: 'XL', Colour: 'Navy' })
  })
  it('should change only the option picked when it is the last one', () => {
    expect(choose(jumper, names, { Size: 'L', Colour: 'Navy' }, 'Colour', 'Oat')).toEqual({ Size: 'L', Colour: 'Oat' })
  })
  it('should ignore an option the product does not have', () => {
    expect(choose(jumper, names, { Size: 'L', Colour: 'Navy' }, 'Fit', 'Slim')).toEqual({ Size: 'L', Colour: 'Navy' })
  })
})

describe('skuFor', () => {
  it('should find the SKU a full selection names, and none for a combination that does not exist', () => {
    expect(skuFor(jumper, names, { Size: 'M', Colour: 'Oat' })?.sku).toBe('J-M-OAT')
    expect(skuFor(jumper, names, { Size: 'XL', Colour: 'Oat' })).toBeUndefined()
  })
})

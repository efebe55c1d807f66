import { describe, expect, it } from '@jest/globals'
import {
  MAX_CART_LINES,
  MAX_QUANTITY,
  addToCart,
  cartLines,
  countItems,
  mergeCarts,
  parseCart,
  sameCart,
  sanitiseCart,
  serialiseCart,
  setQuantity,
} from './cartItems'

describe('sanitiseCart', () => {
  it('should keep valid lines and upper-case SKUs', () => {
    expect(sanitiseCart([{ sku: 'tee-m', quantity: 2 }])).toEqual([{ sku: 'TEE-M', quantity: 2 }])
  })
  it('should drop lines with bad SKUs or quantities', () => {
    const input = [{ sku: 'A*B', quantity: 1 }, { sku: 'OK1', quantity: 0 }, { sku: 'OK2', quantity: 1.5 }, null, 'x']
    expect(sanitiseCart(input)).toEqual([])
  })
  it('should merge repeated SKUs', () => {
    expect(
      sanitiseCart([
        { sku: 'AB', quantity: 1 },
        { sku: 'ab', quantity: 2 },
      ]),
    ).toEqual([{ sku: 'AB', quantity: 3 }])
  })
  it('should cap quantities and the number of lines', () => {
    const many = Array.from({ length: MAX_CART_LINES + 5 }, (_, i) => ({ sku: `SKU-${i}`, quantity: 5000 }))
    const cart = sanitiseCart(many)
    expect([cart.length, cart[0].quantity]).toEqual([MAX_CART_LINES, MAX_QUANTITY])
  })
  it('should treat a non-list as an empty cart', () => {
    expect(sanitiseCart({ sku: 'AB', quantity: 1 })).toEqual([])
  })
})

describe('serialiseCart and parseCart', () => {
  it('should round-trip a cart through the cookie form', () => {
    const cart = [
      { sku: 'TEE-M-NAVY', quantity: 2 },
      { sku: 'MUG-01', quantity: 1 },
    ]
    expect(parseCart(serialiseCart(cart))).toEqual(cart)
  })
  it('should read a tampered cookie as the valid part only', () => {
    expect(parseCart('GOOD-1*2.<bad>*1.ALSO*x')).toEqual([{ sku: 'GOOD-1', quantity: 2 }])
  })
  it('should read an empty cookie as an empty cart', () => {
    expect(parseCart(undefined)).toEqual([])
  })
})

describe('addToCart and setQuantity', () => {
  it('should add to an existing line', () => {
    expect(addToCart([{ sku: 'AB', quantity: 1 }], 'AB', 2)).toEqual([{ sku: 'AB', quantity: 3 }])
  })
  it('should set a quantity in place', () => {
    expect(
      setQuantity(
        [
          { sku: 'AB', quantity: 1 },
          { sku: 'CD', quantity: 1 },
        ],
        'AB',
        4,
      ),
    ).toEqual([
      { sku: 'AB', quantity: 4 },
      { sku: 'CD', quantity: 1 },
    ])
  })
  it('should remove a line set to zero', () => {
    expect(setQuantity([{ sku: 'AB', quantity: 1 }], 'AB', 0)).toEqual([])
  })
  it('should count every unit', () => {
    expect(
      countItems([
        { sku: 'AB', quantity: 2 },
        { sku: 'CD', quantity: 3 },
      ]),
    ).toBe(5)
  })
})

describe('mergeCarts', () => {
  it('should keep the account lines and append new browser lines', () => {
    expect(mergeCarts([{ sku: 'AB', quantity: 1 }], [{ sku: 'CD', quantity: 2 }])).toEqual([
      { sku: 'AB', quantity: 1 },
      { sku: 'CD', quantity: 2 },
    ])
  })
  it('should keep the larger quantity of a SKU in both rather than add them', () => {
    expect(mergeCarts([{ sku: 'AB', quantity: 2 }], [{ sku: 'AB', quantity: 3 }])).toEqual([{ sku: 'AB', quantity: 3 }])
  })
  it('should ignore a malformed saved cart', () => {
    expect(mergeCarts(sanitiseCart('nonsense'), [{ sku: 'AB', quantity: 1 }])).toEqual([{ sku: 'AB', quantity: 1 }])
  })
})

describe('the price shown when a line was added', () => {
  it('should round-trip through the cookie form', () => {
    const cart = [
      { sku: 'TEE-M', quantity: 2, seenPrice: 1250 },
      { sku: 'MUG-01', quantity: 1 },
    ]
    expect(parseCart(serialiseCart(cart))).toEqual(cart)
  })
  it('should drop a tampered price and keep the line', () => {
    expect(parseCart('TEE-M*2*-5.MUG*1*x')).toEqual([
      { sku: 'TEE-M', quantity: 2 },
      { sku: 'MUG', quantity: 1 },
    ])
  })
  it('should keep the latest price shown when the same SKU is added again', () => {
    expect(addToCart([{ sku: 'AB', quantity: 1, seenPrice: 6700 }], 'AB', 1, 6500)).toEqual([{ sku: 'AB', quantity: 2, seenPrice: 6500 }])
  })
  it('should keep the price seen when a quantity is set without one', () => {
    expect(setQuantity([{ sku: 'AB', quantity: 1, seenPrice: 6700 }], 'AB', 3)).toEqual([{ sku: 'AB', quantity: 3, seenPrice: 6700 }])
  })
  it('should never send a price to the CMS', () => {
    expect(cartLines([{ sku: 'AB', quantity: 1, seenPrice: 6700 }])).toEqual([{ sku: 'AB', quantity: 1 }])
  })
  it('should count carts with the same lines as the same whatever prices were seen', () => {
    expect(sameCart([{ sku: 'AB', quantity: 1, seenPrice: 6700 }], [{ sku: 'AB', quantity: 1 }])).toBe(true)
  })
  it('should keep the browser line’s price when carts merge on login', () => {
    expect(mergeCarts([{ sku: 'AB', quantity: 2 }], [{ sku: 'AB', quantity: 1, seenPrice: 6700 }])).toEqual([{ sku: 'AB', quantity: 2, seenPrice: 6700 }])
  })
})

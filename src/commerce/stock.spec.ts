import { describe, expect, it } from '@jest/globals'
import { CommerceError } from './errors'
import {
  adjustmentMovement,
  applyAdjustment,
  assertLineQuantity,
  crossedLowStock,
  crossedZero,
  insufficientStock,
  ledgerSum,
  mergeItems,
  orderMovements,
  sortBySku,
} from './stock'

const lines = [
  { sku: 'A', quantity: 2 },
  { sku: 'B', quantity: 3 },
]

describe('orderMovements', () => {
  it('should take stock on reserve', () => {
    expect(orderMovements('reserve', lines, { order: 7 }).map((m) => m.change)).toEqual([-2, -3])
  })

  it('should record a sale with change 0', () => {
    expect(orderMovements('sale', lines, { order: 7 }).map((m) => m.change)).toEqual([0, 0])
  })

  it('should give stock back on release', () => {
    expect(orderMovements('release', lines, { order: 7 }).map((m) => m.change)).toEqual([2, 3])
  })

  it('should give stock back on restock with who and why', () => {
    expect(orderMovements('restock', [lines[0]], { order: 7, by: 3, note: 'returned' })).toEqual([
      { sku: 'A', change: 2, reason: 'restock', order: 7, by: 3, note: 'returned' },
    ])
  })
})

describe('ledgerSum', () => {
  it('should equal stock after reserve, sale and release', () => {
    const rows = [
      adjustmentMovement('A', 10, { note: 'opening' }),
      ...orderMovements('reserve', lines, { order: 1 }),
      ...orderMovements('sale', lines, { order: 1 }),
      ...orderMovements('reserve', lines, { order: 2 }),
      ...orderMovements('release', lines, { order: 2 }),
    ]
    expect(ledgerSum(rows, 'A')).toBe(8)
  })
})

describe('assertLineQuantity', () => {
  it('should accept 1000', () => {
    expect(() => assertLineQuantity(1000)).not.toThrow()
  })

  it('should refuse 0', () => {
    expect(() => assertLineQuantity(0, 'items.0.quantity')).toThrow('items.0.quantity: must be a whole number from 1 to 1000')
  })

  it('should refuse 1001', () => {
    expect(() => assertLineQuantity(1001)).toThrow('from 1 to 1000')
  })

  it('should refuse 1.5', () => {
    expect(() => assertLineQuantity(1.5)).toThrow('whole number')
  })
})

describe('mergeItems', () => {
  it('should add up repeated SKUs in order of first appearance', () => {
    const items = [
      { sku: 'B', quantity: 1 },
      { sku: 'A', quantity: 2 },
      { sku: 'B', quantity: 4 },
    ]
    expect(mergeItems(items)).toEqual([
      { sku: 'B', quantity: 5 },
      { sku: 'A', quantity: 2 },
    ])
  })
})

describe('sortBySku', () => {
  it('should order by code unit, not locale', () => {
    const skus = ['b-1', 'B-2', 'a-1', 'A-1'].map((sku) => ({ sku }))
    expect(sortBySku(skus).map((s) => s.sku)).toEqual(['A-1', 'B-2', 'a-1', 'b-1'])
  })
})

describe('applyAdjustment', () => {
  it('should add a positive delta', () => {
    expect(applyAdjustment(5, { delta: 3 })).toEqual({ delta: 3, available: 8 })
  })

  it('should express setTo as a delta from the available read', () => {
    expect(applyAdjustment(5, { setTo: 2 })).toEqual({ delta: -3, available: 2 })
  })

  it('should refuse a delta that would go below zero with 409', () => {
    expect(() => applyAdjustment(2, { delta: -3 })).toThrow(new CommerceError(409, 'negative_stock', 'Stock cannot go below 0 (available 2, change -3)'))
  })

  it('should refuse a zero delta', () => {
    expect(() => applyAdjustment(2, { delta: 0 })).toThrow('delta: must be a whole number other than 0')
  })

  it('should refuse a negative setTo', () => {
    expect(() => applyAdjustment(2, { setTo: -1 })).toThrow('setTo: must be a whole number, 0 or more')
  })

  it('should accept setTo equal to the current stock as a zero change', () => {
    expect(applyAdjustment(4, { setTo: 4 })).toEqual({ delta: 0, available: 4 })
  })
})

describe('crossedLowStock', () => {
  it('should detect falling onto the threshold', () => {
    expect(crossedLowStock(6, 5, 5)).toBe(true)
  })

  it('should ignore a change that stays below the threshold', () => {
    expect(crossedLowStock(4, 3, 5)).toBe(false)
  })

  it('should ignore a change that stays above the threshold', () => {
    expect(crossedLowStock(9, 6, 5)).toBe(false)
  })
})

describe('insufficientStock', () => {
  it('should carry each short SKU with requested and available', () => {
    const error = insufficientStock([{ sku: 'A', requested: 3, available: 1 }])
    expect([error.status, error.code, error.message, error.details]).toEqual([
      409,
      'insufficient_stock',
      'Not enough stock for A (requested 3, available 1)',
      [{ sku: 'A', requested: 3, available: 1 }],
    ])
  })
})

describe('crossedZero', () => {
  it('should be true when a sale takes the last unit', () => {
    expect(crossedZero({ available: 0, change: -2 })).toBe(true)
  })

  it('should be true when a delivery arrives at an empty shelf', () => {
    expect(crossedZero({ available: 3, change: 3 })).toBe(true)
  })

  it('should be false when units are left before and after', () => {
    expect(crossedZero({ available: 4, change: -1 })).toBe(false)
  })

  it('should be false when the shelf stays empty', () => {
    expect(crossedZero({ available: 0, change: 0 })).toBe(false)
  })
})

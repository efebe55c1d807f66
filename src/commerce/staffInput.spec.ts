import { describe, expect, it } from '@jest/globals'
import { parseAdjustStockBody, parseTransitionBody } from './staffInput'

describe('parseTransitionBody', () => {
  it('should accept a move with a note', () => {
    expect(parseTransitionBody({ to: 'cancelled', note: 'customer asked', restock: true })).toEqual({
      to: 'cancelled',
      note: 'customer asked',
      restock: true,
    })
  })

  it('should refuse an unknown status, listing the known ones', () => {
    expect(() => parseTransitionBody({ to: 'shipped' })).toThrow('to: must be one of pending, paid, fulfilled, delivered, cancelled, expired, refunded')
  })

  it('should refuse restock given as a string', () => {
    expect(() => parseTransitionBody({ to: 'refunded', restock: 'yes' })).toThrow('restock: must be true or false')
  })
})

describe('parseAdjustStockBody', () => {
  it('should accept a delta with a reason', () => {
    expect(parseAdjustStockBody({ sku: 'MUG', delta: -2, reason: 'broken' })).toEqual({
      sku: 'MUG',
      delta: -2,
      reason: 'broken',
    })
  })

  it('should require a reason', () => {
    expect(() => parseAdjustStockBody({ sku: 'MUG', delta: 2 })).toThrow('reason: is required')
  })

  it('should refuse both delta and setTo', () => {
    expect(() => parseAdjustStockBody({ sku: 'MUG', delta: 2, setTo: 4, reason: 'count' })).toThrow('delta: give exactly one of delta or setTo')
  })

  it('should refuse neither delta nor setTo', () => {
    expect(() => parseAdjustStockBody({ sku: 'MUG', reason: 'count' })).toThrow('give exactly one of delta or setTo')
  })

  it('should refuse a negative setTo', () => {
    expect(() => parseAdjustStockBody({ sku: 'MUG', setTo: -1, reason: 'count' })).toThrow('setTo: must be 0 or more')
  })

  it('should refuse a zero delta', () => {
    expect(() => parseAdjustStockBody({ sku: 'MUG', delta: 0, reason: 'count' })).toThrow('delta: must not be 0')
  })
})

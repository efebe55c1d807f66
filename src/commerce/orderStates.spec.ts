import { describe, expect, it } from '@jest/globals'
import { CommerceError } from './errors'
import { allowedMoves, assertTransition, canRestock, isOrderStatus, isTerminal, stockEffectOf } from './orderStates'

function refusalOf(fn: () => void): CommerceError {
  try {
    fn()
  } catch (error) {
    return error as CommerceError
  }
  throw new Error('expected a refusal')
}

describe('allowedMoves', () => {
  it('should let a pending order be paid, cancelled or expired', () => {
    expect(allowedMoves('pending')).toEqual(['paid', 'cancelled', 'expired'])
  })

  it('should let a paid order be fulfilled, cancelled or refunded', () => {
    expect(allowedMoves('paid')).toEqual(['fulfilled', 'cancelled', 'refunded'])
  })

  it('should let a fulfilled order be delivered or refunded', () => {
    expect(allowedMoves('fulfilled')).toEqual(['delivered', 'refunded'])
  })

  it('should let a delivered order only be refunded', () => {
    expect(allowedMoves('delivered')).toEqual(['refunded'])
  })

  it('should allow no move from cancelled, expired or refunded', () => {
    expect(['cancelled', 'expired', 'refunded'].map((s) => isTerminal(s as 'cancelled'))).toEqual([true, true, true])
  })
})

describe('assertTransition', () => {
  it('should accept a move in the table', () => {
    expect(() => assertTransition('paid', 'fulfilled')).not.toThrow()
  })

  it('should refuse a move outside the table with 409 illegal_transition', () => {
    const error = refusalOf(() => assertTransition('pending', 'delivered'))
    expect([error.status, error.code]).toEqual([409, 'illegal_transition'])
  })

  it('should name the allowed moves in the message', () => {
    const error = refusalOf(() => assertTransition('paid', 'pending'))
    expect(error.message).toBe('Cannot move an order from paid to pending; allowed moves: fulfilled, cancelled, refunded')
  })

  it('should list the allowed moves in the details', () => {
    const error = refusalOf(() => assertTransition('fulfilled', 'paid'))
    expect(error.details).toEqual({
      from: 'fulfilled',
      to: 'paid',
      allowed: ['delivered', 'refunded'],
    })
  })

  it('should say a final state allows no moves', () => {
    const error = refusalOf(() => assertTransition('refunded', 'paid'))
    expect(error.message).toBe('Cannot move an order from refunded to paid; refunded is final: no moves are allowed')
  })

  it('should refuse staying in the same state', () => {
    expect(() => assertTransition('paid', 'paid')).toThrow('allowed moves')
  })
})

describe('stockEffectOf', () => {
  it('should release the reservation when a pending order is cancelled', () => {
    expect(stockEffectOf('pending', 'cancelled')).toBe('release')
  })

  it('should release the reservation when a pending order expires', () => {
    expect(stockEffectOf('pending', 'expired')).toBe('release')
  })

  it('should release a pending reservation even when staff decline restock', () => {
    expect(stockEffectOf('pending', 'cancelled', { restock: false })).toBe('release')
  })

  it('should record a sale when a pending order is paid', () => {
    expect(stockEffectOf('pending', 'paid')).toBe('sale')
  })

  it('should restock a cancelled paid order when staff choose it', () => {
    expect(stockEffectOf('paid', 'cancelled', { restock: true })).toBe('restock')
  })

  it('should leave stock alone on a cancelled paid order by default', () => {
    expect(stockEffectOf('paid', 'cancelled')).toBeNull()
  })

  it('should restock a refunded delivered order when staff choose it', () => {
    expect(stockEffectOf('delivered', 'refunded', { restock: true })).toBe('restock')
  })

  it('should not touch stock on fulfilment', () => {
    expect(stockEffectOf('paid', 'fulfilled', { restock: true })).toBeNull()
  })
})

describe('canRestock', () => {
  it('should allow restock on a refund from fulfilled', () => {
    expect(canRestock('fulfilled', 'refunded')).toBe(true)
  })

  it('should not offer restock when a pending order is cancelled', () => {
    expect(canRestock('pending', 'cancelled')).toBe(false)
  })
})

describe('isOrderStatus', () => {
  it('should reject a made-up status', () => {
    expect(isOrderStatus('shipped')).toBe(false)
  })
})

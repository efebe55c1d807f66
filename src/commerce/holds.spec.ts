import { DEFAULT_HOLD_LIMITS, assertHoldCaps, assertOrderSize, holdEmail, holdEnds, type HoldLimits } from './holds'

const limits: HoldLimits = { anonymousHoldMinutes: 15, maxPendingOrders: 2, maxPendingUnits: 10, maxLines: 3, maxLineQuantity: 5 }
const settings = { reservationMinutes: 30, manualPaymentHoldDays: 7, holds: limits }
const now = new Date('2026-12-03T10:00:00Z')
const none = { email: { orders: 0, units: 0 }, customer: null, address: null }

const codeOf = (fn: () => void) => {
  try {
    fn()
    return null
  } catch (error) {
    return (error as { code: string; status: number; details?: unknown }) ?? null
  }
}

describe('holdEnds', () => {
  it('should hold an anonymous bank transfer for the anonymous minutes', () => {
    expect(holdEnds('manual', 'guest', now, settings).toISOString()).toBe('2026-12-03T10:15:00.000Z')
  })

  it('should hold a signed-in customer’s bank transfer for the hold days', () => {
    expect(holdEnds('manual', 'customer', now, settings).toISOString()).toBe('2026-12-10T10:00:00.000Z')
  })

  it('should hold a staff-placed bank transfer for the hold days', () => {
    expect(holdEnds('manual', 'staff', now, settings).toISOString()).toBe('2026-12-10T10:00:00.000Z')
  })

  it('should hold a card payment for the reservation minutes whoever pays', () => {
    expect(holdEnds('test-card', 'customer', now, settings).toISOString()).toBe('2026-12-03T10:30:00.000Z')
  })
})

describe('assertOrderSize', () => {
  it('should accept an order at the limits', () => {
    expect(
      codeOf(() =>
        assertOrderSize(
          [
            { sku: 'A', quantity: 5 },
            { sku: 'B', quantity: 1 },
            { sku: 'C', quantity: 1 },
          ],
          limits,
        ),
      ),
    ).toBeNull()
  })

  it('should refuse more lines than the limit with 400 too_many_lines', () => {
    const lines = ['A', 'B', 'C', 'D'].map((sku) => ({ sku, quantity: 1 }))
    expect(codeOf(() => assertOrderSize(lines, limits))).toMatchObject({ status: 400, code: 'too_many_lines' })
  })

  it('should refuse more of one item than the limit with 400 line_quantity_limit', () => {
    expect(codeOf(() => assertOrderSize([{ sku: 'A', quantity: 6 }], limits))).toMatchObject({ status: 400, code: 'line_quantity_limit' })
  })
})

describe('assertHoldCaps', () => {
  it('should accept a first order within the unit cap', () => {
    expect(codeOf(() => assertHoldCaps(none, 10, limits))).toBeNull()
  })

  it('should refuse a first order over the unit cap with 409 hold_limit_reached', () => {
    expect(codeOf(() => assertHoldCaps(none, 11, limits))).toMatchObject({ status: 409, code: 'hold_limit_reached', details: { scope: 'email' } })
  })

  it('should refuse an order past the pending-order cap of one address', () => {
    const pending = { email: { orders: 0, units: 0 }, customer: null, address: { orders: 2, units: 2 } }
    expect(codeOf(() => assertHoldCaps(pending, 1, limits))).toMatchObject({ code: 'hold_limit_reached', details: { scope: 'address' } })
  })

  it('should refuse units that add up past the cap for one customer', () => {
    const pending = { email: { orders: 0, units: 0 }, customer: { orders: 1, units: 8 }, address: null }
    expect(codeOf(() => assertHoldCaps(pending, 3, limits))).toMatchObject({ code: 'hold_limit_reached', details: { scope: 'customer' } })
  })

  it('should not count keys that are absent', () => {
    expect(codeOf(() => assertHoldCaps({ email: { orders: 1, units: 1 }, customer: null, address: null }, 1, limits))).toBeNull()
  })
})

describe('holdEmail', () => {
  it('should count one mailbox whatever its case', () => {
    expect(holdEmail(' Ada@Example.COM ')).toBe('ada@example.com')
  })
})

describe('DEFAULT_HOLD_LIMITS', () => {
  it('should hold anonymous orders for less than a day', () => {
    expect(DEFAULT_HOLD_LIMITS.anonymousHoldMinutes).toBeLessThan(24 * 60)
  })
})

import { londonDay, manualPaymentDeadline, NO_BANK_DETAILS, paymentInstructionLines, paymentInstructions } from './paymentInstructions'

const bankDetails = { accountName: 'Ipswich Retail Ltd', sortCode: '123456', accountNumber: '12345678', iban: null, bic: null }
const settings = { manualPaymentHoldDays: 7, bankDetails }
const order = {
  orderNumber: 'IR-000042',
  status: 'pending',
  paymentMethod: 'manual',
  total: 2895,
  placedAt: '2026-12-03T10:00:00.000Z',
}

describe('paymentInstructions', () => {
  it('should give the amount, bank details, the order number as reference and the pay-by day', () => {
    expect(paymentInstructions(order, settings)).toEqual({
      method: 'bank-transfer',
      amount: '£28.95',
      reference: 'IR-000042',
      payBy: 'Thursday 10 December 2026',
      payByDate: '2026-12-10',
      bank: { accountName: 'Ipswich Retail Ltd', sortCode: '12-34-56', accountNumber: '12345678', iban: null, bic: null },
    })
  })

  it('should count the hold days from when the order was placed', () => {
    expect(paymentInstructions(order, { ...settings, manualPaymentHoldDays: 3 })?.payByDate).toBe('2026-12-06')
  })

  it("should prefer the order's own deadline to today's settings", () => {
    const kept = { ...order, reservationExpiresAt: '2026-12-12T09:00:00.000Z' }
    expect(paymentInstructions(kept, settings)?.payBy).toBe('Saturday 12 December 2026')
  })

  it('should give the London day, which in summer starts an hour before UTC', () => {
    expect(londonDay(new Date('2026-06-30T23:30:00.000Z'))).toEqual({ iso: '2026-07-01', text: 'Wednesday 1 July 2026' })
  })

  it('should give null for a card order', () => {
    expect(paymentInstructions({ ...order, paymentMethod: 'test-card' }, settings)).toBeNull()
  })

  it('should give null once a bank-transfer order is no longer awaiting payment', () => {
    expect(paymentInstructions({ ...order, status: 'paid' }, settings)).toBeNull()
  })

  it('should give no bank details while the shop has not set them', () => {
    expect(paymentInstructions(order, { manualPaymentHoldDays: 7 })?.bank).toBeNull()
  })
})

describe('manualPaymentDeadline', () => {
  it('should add the hold days to the moment the order was placed', () => {
    expect(manualPaymentDeadline(new Date('2030-01-01T10:00:00.000Z'), 7).toISOString()).toBe('2030-01-08T10:00:00.000Z')
  })
})

describe('paymentInstructionLines', () => {
  it('should print every detail a shopper types into their bank', () => {
    const lines = paymentInstructionLines(paymentInstructions(order, settings)!)
    expect(lines).toEqual([
      'Please pay £28.95 by bank transfer by Thursday 10 December 2026.',
      'Account name: Ipswich Retail Ltd',
      'Sort code: 12-34-56',
      'Account number: 12345678',
      'Reference: IR-000042',
      'An order not paid by then expires.',
    ])
  })

  it('should print the IBAN and BIC when the shop gives them', () => {
    const withIban = { ...settings, bankDetails: { ...bankDetails, iban: 'GB82WEST12345698765432', bic: 'NWBKGB2L' } }
    expect(paymentInstructionLines(paymentInstructions(order, withIban)!)).toEqual(expect.arrayContaining(['IBAN: GB82WEST12345698765432', 'BIC: NWBKGB2L']))
  })

  it('should say plainly that details will follow when the shop has none', () => {
    expect(paymentInstructionLines(paymentInstructions(order, { manualPaymentHoldDays: 7 })!)).toEqual([
      'Please pay £28.95 by bank transfer by Thursday 10 December 2026.',
      NO_BANK_DETAILS,
      'Reference: IR-000042',
    ])
  })
})

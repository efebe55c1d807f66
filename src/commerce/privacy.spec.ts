import { assertErasureConfirmed, customerExport, erasedAddress, erasedEmail, EXPORT_FORMAT } from './privacy'

const customer = { id: 4, email: 'ada@example.com', name: 'Ada', phone: '01473 000000', hash: 'secret-hash', salt: 'salt', resetPasswordToken: 't' }
const order = {
  orderNumber: 'IR-000001',
  email: 'ada@example.com',
  internalNotes: 'staff only',
  lookupTokenHash: 'h',
  payment: { method: 'manual', state: 'pending', reference: 'manual:IR-000001' },
  statusHistory: [{ from: null, to: 'pending', at: '2026-12-01T10:00:00.000Z', by: '7', byName: 'Staff Name' }],
}

describe('customerExport', () => {
  const exported = customerExport({ customer, orders: [order], reviews: [], backInStock: [] }, new Date('2026-12-03T09:00:00Z'))

  it('should carry the format and the moment of export', () => {
    expect([exported.format, exported.exportedAt]).toEqual([EXPORT_FORMAT, '2026-12-03T09:00:00.000Z'])
  })

  it('should hold the account without its password hash, salt or tokens', () => {
    expect(exported.account).toEqual({ id: 4, email: 'ada@example.com', name: 'Ada', phone: '01473 000000' })
  })

  it('should hold the orders without staff notes, token hashes, payment references or staff names', () => {
    const text = JSON.stringify(exported.orders)
    expect(['staff only', 'lookupTokenHash', 'manual:IR-000001', 'Staff Name'].filter((s) => text.includes(s))).toEqual([])
  })
})

describe('erasure', () => {
  it('should keep only the country of an address', () => {
    expect(erasedAddress('GB')).toEqual({ name: 'Erased', line1: 'Erased', line2: null, city: 'Erased', postcode: '', country: 'GB' })
  })

  it('should give each erased customer an address no mail reaches', () => {
    expect(erasedEmail(12)).toBe('erased-customer-12@erased.invalid')
  })

  it('should accept the account’s email as confirmation whatever its case', () => {
    expect(() => assertErasureConfirmed({ confirmEmail: ' Ada@Example.com ' }, 'ada@example.com')).not.toThrow()
  })

  it('should refuse another email with 400 confirmation_required', () => {
    expect(() => assertErasureConfirmed({ confirmEmail: 'bob@example.com' }, 'ada@example.com')).toThrow(
      expect.objectContaining({ status: 400, code: 'confirmation_required' }),
    )
  })
})

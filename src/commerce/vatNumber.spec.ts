import { normaliseVatNumber, vatNumberProblem } from './vatNumber'

describe('vatNumberProblem', () => {
  it('should accept GB and 9 digits written with spaces', () => {
    expect(vatNumberProblem('GB 123 4567 89')).toBeNull()
  })

  it('should accept a Northern Ireland number and a branch number', () => {
    expect([vatNumberProblem('XI123456789'), vatNumberProblem('GB123456789001')]).toEqual([null, null])
  })

  it('should accept an empty value (not registered yet)', () => {
    expect(vatNumberProblem('')).toBeNull()
  })

  it('should refuse a number without the country prefix', () => {
    expect(vatNumberProblem('123456789')).toContain('must be a UK VAT number')
  })

  it('should refuse too few digits', () => {
    expect(vatNumberProblem('GB12345678')).toContain('must be a UK VAT number')
  })
})

describe('normaliseVatNumber', () => {
  it('should remove spaces and upper-case', () => {
    expect(normaliseVatNumber('gb 123 4567 89')).toBe('GB123456789')
  })
})

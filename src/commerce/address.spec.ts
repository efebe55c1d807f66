import { describe, expect, it } from '@jest/globals'
import { addressSchema, normaliseUkPostcode } from './address'

describe('normaliseUkPostcode', () => {
  it('should upper-case and put one space before the inward code', () => {
    expect(normaliseUkPostcode('sw1a1aa')).toBe('SW1A 1AA')
  })

  it('should collapse extra spaces', () => {
    expect(normaliseUkPostcode('  IP1   1BQ ')).toBe('IP1 1BQ')
  })

  it('should accept the A9 9AA shape', () => {
    expect(normaliseUkPostcode('M1 1AE')).toBe('M1 1AE')
  })

  it('should accept GIR 0AA', () => {
    expect(normaliseUkPostcode('gir0aa')).toBe('GIR 0AA')
  })

  it('should refuse an inward code that starts with a letter', () => {
    expect(normaliseUkPostcode('IP1 ABQ')).toBeNull()
  })

  it('should refuse a second letter the pattern forbids (I, J, Z)', () => {
    expect(normaliseUkPostcode('AI1 1AA')).toBeNull()
  })

  it('should refuse something too short', () => {
    expect(normaliseUkPostcode('1AA')).toBeNull()
  })
})

describe('addressSchema', () => {
  const address = { name: 'Ada', line1: '1 Rue', city: 'Paris', postcode: '75001', country: 'fr' }

  it('should leave a non-UK postcode as given', () => {
    expect(addressSchema.parse(address)).toEqual({ ...address, country: 'FR' })
  })

  it('should normalise a UK postcode when the country is GB', () => {
    expect(addressSchema.parse({ ...address, country: 'GB', postcode: 'ip11bq' }).postcode).toBe('IP1 1BQ')
  })

  it('should refuse a blank line1', () => {
    expect(addressSchema.safeParse({ ...address, line1: '   ' }).error?.issues[0].message).toBe('must not be empty')
  })
})

import { describe, expect, it } from '@jest/globals'
import { addressSchema } from './address'

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

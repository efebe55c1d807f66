import { describe, expect, it } from '@jest/globals'
import { safeNext } from '../session/safeNext'
import { validateAddress, withAddress } from './address'

const form = (values: Record<string, string>) => (field: string) => values[field] ?? null
const good = { name: 'Ada', line1: '1 Quay St', city: 'Ipswich', postcode: 'ip11aa', country: 'gb' }

describe('validateAddress', () => {
  it('should accept a UK address and tidy its postcode and country', () => {
    const { address, errors } = validateAddress(form(good))
    expect([errors, address.postcode, address.country]).toEqual([{}, 'IP1 1AA', 'GB'])
  })
  it('should name each missing field', () => {
    expect(validateAddress(form({})).errors).toEqual({
      name: 'is required',
      line1: 'is required',
      city: 'is required',
      postcode: 'is required',
      country: 'is required',
    })
  })
  it('should refuse a bad UK postcode', () => {
    expect(validateAddress(form({ ...good, postcode: '12345' })).errors.postcode).toMatch(/UK postcode/)
  })
  it('should leave foreign postcodes alone', () => {
    expect(validateAddress(form({ ...good, country: 'FR', postcode: '75001' })).errors).toEqual({})
  })
})

describe('withAddress', () => {
  const home = { id: 'a', name: 'Home', isDefaultShipping: true, isDefaultBilling: true }
  it('should append a new address', () => {
    expect(withAddress([home], null, { name: 'Work' }).map((a) => a.name)).toEqual(['Home', 'Work'])
  })
  it('should move the default to the saved address', () => {
    const list = withAddress([home], null, { name: 'Work', isDefaultShipping: true })
    expect(list.map((a) => [a.name, a.isDefaultShipping, a.isDefaultBilling])).toEqual([
      ['Home', false, true],
      ['Work', true, false],
    ])
  })
  it('should keep the row id when editing', () => {
    expect(withAddress([home], 0, { name: 'Home 2', isDefaultShipping: true })[0]).toMatchObject({ id: 'a', name: 'Home 2' })
  })
})

describe('safeNext', () => {
  it('should allow site paths and refuse other hosts', () => {
    expect([safeNext('/checkout'), safeNext('//evil.com'), safeNext('https://evil.com'), safeNext('/\\evil.com'), safeNext(undefined)]).toEqual([
      '/checkout',
      '/account',
      '/account',
      '/account',
      '/account',
    ])
  })
})

import { describe, expect, it } from '@jest/globals'
import { customerIdFromToken, secondsUntilExpiry } from './tokenClaims'

const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`

describe('customerIdFromToken', () => {
  it('should read the id of a customer token', () => {
    expect(customerIdFromToken(jwt({ id: 42, collection: 'customers', email: 'a@b.c' }))).toBe(42)
  })
  it("should refuse a staff user's token", () => {
    expect(customerIdFromToken(jwt({ id: 1, collection: 'users' }))).toBeNull()
  })
  it('should refuse garbage', () => {
    expect([customerIdFromToken('nope'), customerIdFromToken('a.!!!.c')]).toEqual([null, null])
  })
})

describe('secondsUntilExpiry', () => {
  it('should count down to exp and never below zero', () => {
    expect([secondsUntilExpiry(1_000_100, 1_000_000_000, 5), secondsUntilExpiry(10, 1_000_000_000, 5), secondsUntilExpiry(undefined, 0, 5)]).toEqual([
      100, 0, 5,
    ])
  })
})

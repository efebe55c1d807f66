import { describe, expect, it } from '@jest/globals'
import { createLookupToken, deriveLookupToken, formatOrderNumber, hashLookupToken, parseOrderNumber, verifyLookupToken } from './orderNumber'

describe('formatOrderNumber', () => {
  it('should pad to six digits', () => {
    expect(formatOrderNumber(123)).toBe('IR-000123')
  })

  it('should keep every digit past a million', () => {
    expect(formatOrderNumber(1234567)).toBe('IR-1234567')
  })

  it('should refuse zero', () => {
    expect(() => formatOrderNumber(0)).toThrow('positive integer')
  })
})

describe('parseOrderNumber', () => {
  it('should read the sequence back', () => {
    expect(parseOrderNumber('ir-000123')).toBe(123)
  })

  it('should reject another shape', () => {
    expect(parseOrderNumber('IR-12')).toBeNull()
  })
})

describe('lookup tokens', () => {
  it('should create URL-safe tokens of 43 characters', () => {
    expect(createLookupToken()).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('should create a different token each time', () => {
    expect(createLookupToken()).not.toBe(createLookupToken())
  })

  it('should hash with sha256 hex', () => {
    expect(hashLookupToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('should verify a token against its hash', () => {
    const token = createLookupToken()
    expect(verifyLookupToken(token, hashLookupToken(token))).toBe(true)
  })

  it('should refuse a wrong token', () => {
    expect(verifyLookupToken('wrong', hashLookupToken(createLookupToken()))).toBe(false)
  })

  it('should refuse a malformed stored hash without throwing', () => {
    expect(verifyLookupToken('abc', 'not-hex')).toBe(false)
  })
})

describe('deriveLookupToken', () => {
  it('should give the same token for the same key and request, so a replay and the email carry one link', () => {
    expect(deriveLookupToken('secret', 'key-1', 'hash-1')).toBe(deriveLookupToken('secret', 'key-1', 'hash-1'))
  })

  it('should give different tokens for another key, request or shop secret', () => {
    const tokens = [
      deriveLookupToken('secret', 'key-1', 'hash-1'),
      deriveLookupToken('secret', 'key-2', 'hash-1'),
      deriveLookupToken('secret', 'key-1', 'hash-2'),
      deriveLookupToken('other', 'key-1', 'hash-1'),
    ]
    expect(new Set(tokens).size).toBe(4)
  })

  it('should verify against the hash stored with the order', () => {
    const token = deriveLookupToken('secret', 'key-1', 'hash-1')
    expect(verifyLookupToken(token, hashLookupToken(token))).toBe(true)
  })
})

import { describe, expect, it } from '@jest/globals'
import type { CommerceError } from './errors'
import { canonicalJson, claimOrWait, hashRequestBody, parseIdempotencyKey } from './idempotency'

describe('canonicalJson', () => {
  it('should sort keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe('{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}')
  })

  it('should drop undefined properties', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}')
  })
})

describe('hashRequestBody', () => {
  it('should give the same hash whatever the key order', () => {
    expect(hashRequestBody({ a: 1, b: [1, 2] })).toBe(hashRequestBody({ b: [1, 2], a: 1 }))
  })

  it('should give a different hash for a different body', () => {
    expect(hashRequestBody({ a: 1 })).not.toBe(hashRequestBody({ a: 2 }))
  })

  it('should keep array order significant', () => {
    expect(hashRequestBody([1, 2])).not.toBe(hashRequestBody([2, 1]))
  })
})

describe('parseIdempotencyKey', () => {
  it('should accept a UUID', () => {
    expect(parseIdempotencyKey('3f1c2b9e-6a1d-4c55-9b8e-2f0c1a7d9e10')).toBe('3f1c2b9e-6a1d-4c55-9b8e-2f0c1a7d9e10')
  })

  it('should refuse a missing key, naming the header', () => {
    expect(() => parseIdempotencyKey(undefined)).toThrow('Idempotency-Key: is required')
  })

  it('should refuse a key longer than 255 characters', () => {
    expect(() => parseIdempotencyKey('k'.repeat(256))).toThrow('must be 1 to 255 printable ASCII characters')
  })

  it('should refuse a non-ASCII key', () => {
    expect(() => parseIdempotencyKey('clé')).toThrow('printable ASCII')
  })

  it('should refuse a control character', () => {
    expect(() => parseIdempotencyKey('a\nb')).toThrow('printable ASCII')
  })
})

describe('claimOrWait', () => {
  const wait = { stepMs: 1, limitMs: 50, staleMs: 1000 }
  const processing = (updatedAt: Date) => ({ claimId: 1, requestHash: 'h', completed: false, resultId: null, updatedAt })

  it('should take over a claim left processing longer than staleMs', async () => {
    const removed: (string | number)[] = []
    let taken = true
    const rows = {
      insert: async () => (taken ? null : 2),
      read: async () => processing(new Date(Date.now() - 5000)),
      remove: async (id: string | number) => {
        removed.push(id)
        taken = false
      },
    }
    expect([await claimOrWait(rows, 'h', wait), removed]).toEqual([{ kind: 'claimed', claimId: 2 }, [1]])
  })

  it('should answer 503 busy when the holder neither finishes nor goes stale in time', async () => {
    const rows = { insert: async () => null, read: async () => processing(new Date()), remove: async () => undefined }
    const error = await claimOrWait(rows, 'h', wait).then(
      () => null,
      (e: CommerceError) => [e.status, e.code],
    )
    expect(error).toEqual([503, 'busy'])
  })
})

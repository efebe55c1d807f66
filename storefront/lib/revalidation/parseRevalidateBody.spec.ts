import { describe, expect, it } from '@jest/globals'
import { parseRevalidateBody } from './parseRevalidateBody'

describe('parseRevalidateBody', () => {
  it('should accept tags and paths, dropping duplicates', () => {
    expect(parseRevalidateBody({ tags: ['sku:A-1', 'sku:A-1', 'products'], paths: ['/products/mug'] })).toEqual({
      ok: true,
      value: { tags: ['sku:A-1', 'products'], paths: ['/products/mug'] },
    })
  })
  it('should refuse a body that is not an object', () => {
    expect(parseRevalidateBody(['x'])).toEqual({ ok: false, error: 'body must be a JSON object' })
  })
  it('should refuse an empty request', () => {
    expect(parseRevalidateBody({ tags: [] }).ok).toBe(false)
  })
  it('should refuse tags that are not strings and paths that are not site paths', () => {
    expect([parseRevalidateBody({ tags: [1] }).ok, parseRevalidateBody({ paths: ['https://x'] }).ok, parseRevalidateBody({ paths: ['//x'] }).ok]).toEqual([
      false,
      false,
      false,
    ])
  })
  it('should refuse unknown fields', () => {
    expect(parseRevalidateBody({ tag: 'x' }).ok).toBe(false)
  })
})

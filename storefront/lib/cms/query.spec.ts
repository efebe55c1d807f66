import { describe, expect, it } from '@jest/globals'
import { inList, selectFields, toQueryString } from './query'

const decoded = (params: Parameters<typeof toQueryString>[0]) => decodeURIComponent(toQueryString(params))

describe('toQueryString', () => {
  it('should write nested objects in bracket notation', () => {
    expect(decoded({ where: { slug: { equals: 'red-shirt' } } })).toBe('where[slug][equals]=red-shirt')
  })
  it('should index arrays', () => {
    expect(decoded({ where: { and: [{ a: { equals: 1 } }, { b: { equals: 2 } }] } })).toBe('where[and][0][a][equals]=1&where[and][1][b][equals]=2')
  })
  it('should leave out undefined values and keep numbers and booleans', () => {
    expect(decoded({ limit: 12, page: undefined, draft: false })).toBe('limit=12&draft=false')
  })
  it('should encode characters that would break the query', () => {
    expect(toQueryString({ q: 'a&b=c #1' })).toBe('q=a%26b%3Dc%20%231')
  })
})

describe('inList', () => {
  it('should join values with commas', () => {
    expect(inList([1, 2, 3])).toBe('1,2,3')
  })
})

describe('selectFields', () => {
  it('should mark each field true', () => {
    expect(selectFields(['title', 'slug'])).toEqual({ title: true, slug: true })
  })
})

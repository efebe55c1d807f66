import { graphqlCacheKey, normaliseQuery, restCacheKey } from './cacheKey'

const body = (value: unknown) => Buffer.from(JSON.stringify(value))

describe('restCacheKey', () => {
  it('should give reordered query parameters the same key', () => {
    expect(restCacheKey('/api/products', '?limit=5&depth=1')).toEqual(restCacheKey('/api/products', '?depth=1&limit=5'))
  })

  it('should refuse drafts, versions and collections outside the catalogue', () => {
    expect([
      restCacheKey('/api/products', '?draft=true'),
      restCacheKey('/api/products/versions', ''),
      restCacheKey('/api/orders', ''),
      restCacheKey('/api/customers/me', ''),
    ]).toEqual([null, null, null, null])
  })

  it('should key searches in their own group, whatever the order of their parameters', () => {
    expect(restCacheKey('/api/search', '?q=wool&inStock=true')).toEqual({ group: 'search', requestKey: '/api/search?inStock=true&q=wool' })
  })

  it('should key the store settings global in its own group', () => {
    expect(restCacheKey('/api/globals/store-settings', '')).toEqual({ group: 'settings', requestKey: '/api/globals/store-settings?' })
  })
})

describe('normaliseQuery', () => {
  it('should re-encode values the same way however they arrived', () => {
    expect(normaliseQuery('?where[slug][equals]=a%20b')).toBe(normaliseQuery('?where%5Bslug%5D%5Bequals%5D=a+b'))
  })
})

describe('graphqlCacheKey', () => {
  it('should ignore layout, comments and the query keyword', () => {
    const a = graphqlCacheKey(body({ query: '{ Products(limit: 2) { docs { title } } }' }))
    const b = graphqlCacheKey(body({ query: 'query {\n  # listing\n  Products(limit: 2) {\n    docs { title }\n  }\n}' }))
    expect(a).toBe(b)
  })

  it('should tell different variables apart but not their key order', () => {
    const q = 'query P($l: Int, $p: Int) { Products(limit: $l, page: $p) { docs { title } } }'
    expect(graphqlCacheKey(body({ query: q, variables: { l: 1, p: 2 } }))).toBe(graphqlCacheKey(body({ query: q, variables: { p: 2, l: 1 } })))
    expect(graphqlCacheKey(body({ query: q, variables: { l: 1, p: 2 } }))).not.toBe(graphqlCacheKey(body({ query: q, variables: { l: 2, p: 2 } })))
  })

  it('should refuse mutations, invalid documents and batches', () => {
    expect([
      graphqlCacheKey(body({ query: 'mutation { logoutUser }' })),
      graphqlCacheKey(body({ query: '{ Products(' })),
      graphqlCacheKey(body([{ query: '{ Products { totalDocs } }' }])),
      graphqlCacheKey(Buffer.from('not json')),
    ]).toEqual([null, null, null, null])
  })
})

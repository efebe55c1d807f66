import { isCommerceError } from '../errors'
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, parseSearchInput } from './searchInput'
import { MAX_QUERY_LENGTH } from './tokens'

function refusal(params: Record<string, unknown>) {
  try {
    parseSearchInput(params)
  } catch (error) {
    if (isCommerceError(error)) return { status: error.status, code: error.code, fields: (error.details as { field: string }[]).map((d) => d.field) }
    throw error
  }
  throw new Error('accepted')
}

describe('parseSearchInput', () => {
  it('should read the query, its words and the defaults', () => {
    expect(parseSearchInput({ q: '  Wool jumper ' })).toEqual({ q: 'Wool jumper', tokens: ['wool', 'jumper'], page: 1, limit: DEFAULT_SEARCH_LIMIT })
  })

  it('should read the filters and paging from query-string text', () => {
    expect(parseSearchInput({ q: 'wool', category: 'knitwear', priceBand: '25-50', inStock: 'true', page: '2', limit: '10' })).toEqual({
      q: 'wool',
      tokens: ['wool'],
      category: 'knitwear',
      priceBand: '25-50',
      inStock: true,
      page: 2,
      limit: 10,
    })
  })

  it('should take the first of repeated parameters and accept GraphQL values', () => {
    expect(parseSearchInput({ q: ['wool', 'silk'], inStock: false, page: 3, limit: null })).toMatchObject({ q: 'wool', inStock: false, page: 3 })
  })

  it.each([
    ['no query', {}],
    ['an empty query', { q: '' }],
    ['a query of spaces', { q: '   ' }],
    ['a query that is too long', { q: 'x'.repeat(MAX_QUERY_LENGTH + 1) }],
  ])('should refuse %s naming q', (_, params) => {
    expect(refusal(params)).toEqual({ status: 400, code: 'invalid_search', fields: ['q'] })
  })

  it('should accept a query of exactly the longest length', () => {
    expect(parseSearchInput({ q: 'x'.repeat(MAX_QUERY_LENGTH) }).q).toHaveLength(MAX_QUERY_LENGTH)
  })

  it('should refuse an unknown price band, a bad flag and paging out of range, naming each', () => {
    expect(refusal({ q: 'wool', priceBand: 'cheap', inStock: 'maybe', page: '0', limit: String(MAX_SEARCH_LIMIT + 1) })).toEqual({
      status: 400,
      code: 'invalid_search',
      fields: ['priceBand', 'inStock', 'page', 'limit'],
    })
  })
})

import { parseSearchState, searchApiQuery, searchHref } from './searchState'

describe('parseSearchState', () => {
  it('should read the query, the facet filters and the page from the URL', () => {
    expect(parseSearchState({ q: ' wool jumper ', category: 'knitwear', band: '50-100', stock: '1', page: '2' })).toEqual({
      q: 'wool jumper',
      category: 'knitwear',
      band: '50-100',
      inStock: true,
      page: 2,
    })
  })

  it('should default what is missing or malformed', () => {
    expect(parseSearchState({ q: ['navy', 'oat'], page: 'x', category: '' })).toEqual({ q: 'navy', category: null, band: null, inStock: false, page: 1 })
  })
})

describe('searchHref and searchApiQuery', () => {
  const state = { q: 'wool & silk', category: 'knitwear', band: '25-50', inStock: true, page: 3 }

  it('should keep the query and the filters in the page link', () => {
    expect(searchHref(state)).toBe('/search?q=wool+%26+silk&category=knitwear&band=25-50&stock=1&page=3')
  })

  it('should ask the CMS with its own parameter names', () => {
    expect(searchApiQuery(state)).toBe('q=wool+%26+silk&limit=12&page=3&category=knitwear&priceBand=25-50&inStock=true')
  })

  it('should leave defaults out of the page link', () => {
    expect(searchHref({ q: 'navy', category: null, band: null, inStock: false, page: 1 })).toBe('/search?q=navy')
  })
})

import { describe, expect, it } from '@jest/globals'
import { activeFilterCount, listingQuery, listingSegment, listingWhere, pageWindow, paramsFromSegment, parseListingParams } from './listing'

describe('parseListingParams', () => {
  it('should default to the first page of the newest products without filters', () => {
    expect(parseListingParams({})).toEqual({ page: 1, sort: 'newest', minPence: null, maxPence: null, inStock: false })
  })
  it('should read sort, page, price range in pounds and the in-stock flag', () => {
    expect(parseListingParams({ sort: 'price-asc', page: '3', min: '5', max: '20.50', stock: '1' })).toEqual({
      page: 3,
      sort: 'price-asc',
      minPence: 500,
      maxPence: 2050,
      inStock: true,
    })
  })
  it('should ignore an unknown sort and a bad page', () => {
    expect(parseListingParams({ sort: 'evil', page: '-2' })).toMatchObject({ sort: 'newest', page: 1 })
  })
  it('should swap a reversed price range', () => {
    expect(parseListingParams({ min: '30', max: '10' })).toMatchObject({ minPence: 1000, maxPence: 3000 })
  })
})

describe('listingWhere', () => {
  it('should combine category, price and stock conditions', () => {
    const params = parseListingParams({ min: '5', stock: '1' })
    expect(listingWhere(params, { categoryIds: [1, 2], inStockIds: [7, 9] })).toEqual({
      and: [{ categories: { in: '1,2' } }, { price: { greater_than_equal: 500 } }, { id: { in: '7,9' } }],
    })
  })
  it('should search titles with like', () => {
    expect(listingWhere(parseListingParams({}), { search: 'blue mug' })).toEqual({ and: [{ title: { like: 'blue mug' } }] })
  })
  it('should be empty when nothing narrows the list', () => {
    expect(listingWhere(parseListingParams({}), {})).toEqual({})
  })
})

describe('listingQuery', () => {
  it('should keep only values that differ from the defaults', () => {
    expect(listingQuery(parseListingParams({ sort: 'name', page: '2', max: '12.5' }))).toBe('?sort=name&max=12.5&page=2')
  })
  it('should carry extra parameters such as the search words', () => {
    expect(listingQuery(parseListingParams({}), { q: 'mug' })).toBe('?q=mug')
  })
})

describe('pageWindow', () => {
  it('should show the ends and the neighbours with gaps', () => {
    expect(pageWindow(5, 20)).toEqual([1, null, 4, 5, 6, null, 20])
  })
  it('should list every page of a short list', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3])
  })
})

describe('listingSegment and paramsFromSegment', () => {
  it('should carry the canonical listing query in a path segment and read it back', () => {
    const segment = listingSegment({ page: '2', sort: 'name', junk: 'x' })
    expect([segment, parseListingParams(paramsFromSegment(segment ?? ''))]).toEqual([
      '~sort=name&page=2',
      { page: 2, sort: 'name', minPence: null, maxPence: null, inStock: false },
    ])
  })
  it('should give no segment for the default listing', () => {
    expect(listingSegment({ sort: 'newest', page: '1' })).toBeNull()
  })
  it('should read an encoded segment and ignore ordinary slugs', () => {
    expect([paramsFromSegment('~stock%3D1'), paramsFromSegment('shirts')]).toEqual([{ stock: '1' }, {}])
  })
})

describe('activeFilterCount', () => {
  it('should count the price bounds and the in-stock box, not the sort order', () => {
    expect(activeFilterCount({ page: 1, sort: 'price-asc', minPence: null, maxPence: null, inStock: false })).toBe(0)
    expect(activeFilterCount({ page: 2, sort: 'newest', minPence: 500, maxPence: 2000, inStock: true })).toBe(3)
  })
})

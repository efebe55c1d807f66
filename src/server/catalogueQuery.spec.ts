import { parseCatalogueQuery } from './catalogueQuery'

describe('parseCatalogueQuery', () => {
  it('should read a depth-1 listing with Payload’s defaults', () => {
    expect(parseCatalogueQuery('?depth=1', 100)).toEqual({ kind: 'list', limit: 10, page: 1, field: 'createdAt', descending: true })
  })

  it('should read a page sorted by title', () => {
    expect(parseCatalogueQuery('?limit=20&page=3&sort=title&depth=1', 100)).toEqual({ kind: 'list', limit: 20, page: 3, field: 'title', descending: false })
  })

  it('should read the storefront’s product query', () => {
    expect(parseCatalogueQuery('?where%5Bslug%5D%5Bequals%5D=oak-bowl&limit=1&depth=1', 100)).toEqual({ kind: 'slug', slug: 'oak-bowl', limit: 1 })
  })

  it.each([
    ['another depth', '?depth=0'],
    ['no depth (Payload’s default is 2)', '?limit=5'],
    ['a draft read', '?depth=1&draft=true'],
    ['a field selection', '?depth=1&select[title]=true'],
    ['a repeated parameter', '?depth=1&limit=5&limit=6'],
    ['a limit over the maximum', '?depth=1&limit=101'],
    ['a limit written oddly', '?depth=1&limit=05'],
    ['an unsortable field', '?depth=1&sort=weight'],
    ['two sort fields', '?depth=1&sort=title,-price'],
    ['another status', '?depth=1&where[_status][equals]=draft'],
    ['a second page of a slug', '?depth=1&where[slug][equals]=a&page=2'],
    ['an empty slug', '?depth=1&where[slug][equals]='],
  ])('should leave %s to Payload', (_name, search) => {
    expect(parseCatalogueQuery(search, 100)).toBeNull()
  })
})

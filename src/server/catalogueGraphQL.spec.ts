import { graphQLAnswer, graphQLContentType, NotProjectable, parseGraphQLCatalogueQuery, projectDocument } from './catalogueGraphQL'

const body = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra })
const envelope = { hasNextPage: true, hasPrevPage: false, limit: 2, nextPage: 2, page: 1, pagingCounter: 1, prevPage: null, totalDocs: 3, totalPages: 2 }

describe('parseGraphQLCatalogueQuery', () => {
  it('should read the benchmark’s listing', () => {
    const q = parseGraphQLCatalogueQuery(body('{ Products(limit: 20, sort: "title") { totalDocs docs { id title slug price } } }'), 100)
    expect(q?.query).toEqual({ kind: 'list', limit: 20, page: 1, field: 'title', descending: false })
    expect(q?.fields.map((f) => f.name)).toEqual(['totalDocs', 'docs'])
    expect(q?.docs.map((d) => d.name)).toEqual(['id', 'title', 'slug', 'price'])
  })

  it('should read Payload’s defaults and a product by slug', () => {
    expect(parseGraphQLCatalogueQuery(body('{ Products { docs { id } } }'), 100)?.query).toEqual({
      kind: 'list',
      limit: 10,
      page: 1,
      field: 'createdAt',
      descending: true,
    })
    expect(parseGraphQLCatalogueQuery(body('{ Products(where: { slug: { equals: "oak-bowl" } }, limit: 1) { docs { id } } }'), 100)?.query).toEqual({
      kind: 'slug',
      slug: 'oak-bowl',
      limit: 1,
    })
  })

  it.each([
    ['variables', body('query ($n: Int) { Products(limit: $n) { docs { id } } }', { variables: { n: 2 } })],
    ['a draft read', body('{ Products(draft: true) { docs { id } } }')],
    ['a where it does not know', body('{ Products(where: { price: { equals: 3 } }) { docs { id } } }')],
    ['a limit over the maximum', body('{ Products(limit: 101) { docs { id } } }')],
    ['a zero limit', body('{ Products(limit: 0) { docs { id } } }')],
    ['an unsortable field', body('{ Products(sort: "weight") { docs { id } } }')],
    ['two sort fields', body('{ Products(sort: "title,-price") { docs { id } } }')],
    ['a field it cannot project', body('{ Products { docs { description } } }')],
    ['__typename', body('{ Products { docs { __typename id } } }')],
    ['a fragment', body('{ Products { docs { ...f } } } fragment f on Product { id }')],
    ['a directive', body('{ Products { docs { id @include(if: true) } } }')],
    ['a repeated response key', body('{ Products { docs { id id } } }')],
    ['a second root field', body('{ Products { docs { id } } Categories { totalDocs } }')],
    ['a mutation', body('mutation { logoutUser }')],
    ['a batch', JSON.stringify([{ query: '{ Products { docs { id } } }' }])],
    ['extensions', body('{ Products { docs { id } } }', { extensions: { persistedQuery: {} } })],
    ['not JSON', '{'],
    ['a syntax error', body('{ Products { docs { id }')],
  ])('should leave %s to Payload', (_name, raw) => {
    expect(parseGraphQLCatalogueQuery(raw, 100)).toBeNull()
  })
})

describe('graphQLAnswer', () => {
  const docs = [
    JSON.stringify({
      id: 1,
      title: 'Oak bowl',
      price: 12.5,
      createdAt: '2026-01-02T03:04:05.006Z',
      rating: { average: 4, count: 2 },
      categories: [{ id: 7, title: 'Kitchen', slug: 'k' }],
    }),
    JSON.stringify({ id: 2, title: 'Ash spoon', createdAt: '2026-01-03T03:04:05.006Z', categories: [] }),
  ]

  it('should keep the selection’s order and aliases, and give null for absent values', () => {
    const q = parseGraphQLCatalogueQuery(
      body('{ list: Products(limit: 2) { docs { name: title price createdAt rating { count } categories { title } } n: totalDocs hasNextPage } }'),
      100,
    )!
    expect(
      graphQLAnswer(
        q,
        envelope,
        docs.map((d) => projectDocument(q, d)),
      ),
    ).toBe(
      JSON.stringify({
        data: {
          list: {
            docs: [
              { name: 'Oak bowl', price: 12.5, createdAt: '2026-01-02T03:04:05.006Z', rating: { count: 2 }, categories: [{ title: 'Kitchen' }] },
              { name: 'Ash spoon', price: null, createdAt: '2026-01-03T03:04:05.006Z', rating: null, categories: [] },
            ],
            n: 3,
            hasNextPage: true,
          },
        },
      }),
    )
  })

  it('should refuse a relationship left as an id, which GraphQL resolves itself', () => {
    const q = parseGraphQLCatalogueQuery(body('{ Products { docs { categories { id } } } }'), 100)!
    expect(() => projectDocument(q, JSON.stringify({ id: 1, categories: [7] }))).toThrow(NotProjectable)
  })
})

describe('graphQLContentType', () => {
  it.each([
    [undefined, 'application/json; charset=utf-8'],
    ['application/graphql-response+json, application/json', 'application/graphql-response+json; charset=utf-8'],
    ['application/json;charset=utf-8', 'application/json; charset=utf-8'],
    ['text/html', null],
    ['application/json; charset=latin1', null],
  ])('should answer %s with %s', (accept, expected) => {
    expect(graphQLContentType(accept)).toBe(expected)
  })
})

import type { Payload } from 'payload'

import { queryRows, sql } from '../../src/infra/sql'
import type { CatalogueReads } from '../../src/server/catalogueReads'
import { http, type OpsServer } from '../helpers/opsServer'
import { startReadModelPair, type ReadModelPair } from '../helpers/readModelPair'

// GraphQL `Products` listings answered by the catalogue read model (src/server/catalogueGraphQL.ts) against Payload's
// own resolver, on the demo catalogue: the same bytes and content type for every query, the read model answering
// the shapes it knows and leaving the rest to Payload, and edits seen on the next read. SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set.
let pair: ReadModelPair
let payload: Payload
let staff: string
let model: CatalogueReads
let withModel: OpsServer
let plain: OpsServer

beforeAll(async () => {
  pair = await startReadModelPair()
  ;({ payload, staff, model, withModel, plain } = pair)
}, 600_000)

afterAll(async () => {
  await pair?.close()
})

type Ask = { query: string; variables?: Record<string, unknown>; token?: string; accept?: string }

/** Both answers to one GraphQL request, and whether the read model gave the first. */
async function both({ query, variables, token, accept }: Ask) {
  const init = { method: 'POST', json: { query, ...(variables ? { variables } : {}) }, token, headers: accept ? { accept } : undefined }
  const [fromModel, fromPayload] = [await http(`${withModel.url}/api/graphql`, init), await http(`${plain.url}/api/graphql`, init)]
  return { fromModel, fromPayload, served: fromModel.headers.get('x-read-model') === 'hit' }
}

const differences = (results: Awaited<ReturnType<typeof both>>[]) =>
  results
    .filter((r) => r.fromModel.text !== r.fromPayload.text || r.fromModel.headers.get('content-type') !== r.fromPayload.headers.get('content-type'))
    .map((r) => ({ model: r.fromModel.text.slice(0, 300), payload: r.fromPayload.text.slice(0, 300) }))

async function allSlugs(): Promise<string[]> {
  const rows = await queryRows<{ slug: string }>(payload, undefined, sql`SELECT slug FROM products WHERE _status = 'published' ORDER BY slug`)
  return rows.map((r) => r.slug)
}

/** Asks until the read model answers (it renders a changed product in the background after a first miss). */
async function servedAgain(ask: Ask) {
  for (let i = 0; i < 40; i++) {
    const result = await both(ask)
    if (result.served) return result
    await model.idle()
  }
  return both(ask)
}

const bySlug = (slug: string, fields = 'id title slug price available') =>
  `{ Products(where: { slug: { equals: ${JSON.stringify(slug)} } }) { totalDocs docs { ${fields} } } }`

describe('GraphQL listings from the catalogue read model', () => {
  it('should answer the benchmark’s listing with Payload’s bytes', async () => {
    const result = await both({ query: '{ Products(limit: 20, sort: "title") { totalDocs docs { id title slug price } } }' })
    expect(differences([result])).toEqual([])
    expect(result.served).toBe(true)
    expect(result.fromModel.json.data.Products.docs).toHaveLength(20)
  })

  it.each(['title', '-title', 'slug', '-slug'])('should page through the catalogue sorted by %s with Payload’s bytes', async (sort) => {
    const queries = [1, 2, 3, 4, 5, 6, 7, 8].map((page) => ({
      query: `{ Products(limit: 7, page: ${page}, sort: "${sort}") { docs { id slug title } page totalPages totalDocs hasNextPage hasPrevPage nextPage prevPage pagingCounter limit } }`,
    }))
    const results = await Promise.all(queries.map(both))
    expect(differences(results)).toEqual([])
    expect(results.every((r) => r.served)).toBe(true)
  })

  it('should project every selection it takes as Payload’s resolver does: aliases, groups, dates, categories and pictures', async () => {
    const queries = [
      '{ Products { docs { id } } }',
      'query Listing { list: Products(limit: 12, sort: "slug") { count: totalDocs docs { name: title slug createdAt updatedAt _status featured sku weight compareAtPrice available rating { average count } seo { title description } } } }',
      '{ Products(limit: 10, sort: "-slug") { docs { slug categories { id title slug description createdAt updatedAt } images { id alt url filename mimeType filesize width height focalX focalY thumbnailURL createdAt updatedAt } } } }',
      '{ Products(limit: 9, sort: "createdAt") { docs { seo { description } price } hasNextPage } }',
      '{ Products(limit: 5, sort: "-title", where: { _status: { equals: published } }) { docs { id } } }',
    ]
    const results = await Promise.all(queries.map((query) => both({ query })))
    expect(differences(results)).toEqual([])
    expect(results.map((r) => r.served)).toEqual(queries.map(() => true))
  })

  it('should answer a product by slug, and the content type the Accept header asks for', async () => {
    const slugs = await allSlugs()
    const results = await Promise.all([
      ...slugs.slice(0, 8).map((slug) => both({ query: bySlug(slug) })),
      both({ query: bySlug(slugs[0]!), accept: 'application/graphql-response+json' }),
    ])
    expect(differences(results)).toEqual([])
    expect(results.every((r) => r.served)).toBe(true)
    expect(results.at(-1)!.fromModel.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8')
  })

  it('should give Payload’s bytes for orders where prices tie (Payload answers those)', async () => {
    const queries = ['sort: "price"', 'sort: "-price", page: 2'].map((args) => ({ query: `{ Products(limit: 10, ${args}) { docs { id price } } }` }))
    expect(differences(await Promise.all(queries.map(both)))).toEqual([])
  })

  it('should leave other queries to Payload', async () => {
    const category = (await payload.find({ collection: 'categories', limit: 1, depth: 0 })).docs[0]!
    const asks: Ask[] = [
      { query: `{ Products(where: { categories: { in: [${category.id}] } }) { docs { slug } } }` },
      { query: '{ Products(draft: true) { docs { slug } } }' },
      { query: 'query ($n: Int) { Products(limit: $n) { docs { slug } } }', variables: { n: 3 } },
      { query: '{ Products { __typename docs { slug } } }' },
      { query: '{ Products { docs { slug description } } }' },
      { query: '{ Products { docs { slug variants { sku } } } }' },
      { query: '{ Products { docs { ...f } } } fragment f on Product { slug }' },
      { query: '{ Products(limit: 5) { docs { slug } } Categories { totalDocs } }' },
      { query: '{ Products(limit: 5, page: 999) { docs { slug } } }' },
      { query: '{ Products(limit: 500) { docs { slug } } }' },
      { query: bySlug('no-such-product') },
      { query: '{ Products(limit: 3) { docs { slug } } }', token: staff },
    ]
    const results = await Promise.all(asks.map(both))
    expect(results.map((r) => r.served)).toEqual(asks.map(() => false))
    expect(differences(results)).toEqual([])
  })

  it('should show stock as it is now, though each document’s projection is kept from the read before', async () => {
    const slug = (await allSlugs())[2]!
    const first = (await servedAgain({ query: bySlug(slug, 'id sku available') })).fromModel.json.data.Products.docs[0]
    const product = await payload.findByID({ collection: 'products', id: first.id, depth: 0 })
    const sku = product.sku ?? product.variants?.[0]?.sku
    const adjusted = await http(`${withModel.url}/api/inventory/adjust`, { method: 'POST', json: { sku, delta: 4, reason: 'Delivery' }, token: staff })
    const after = await both({ query: bySlug(slug, 'id sku available') })
    const withoutStock = await both({ query: bySlug(slug, 'id sku title') })
    expect(adjusted.status).toBe(200)
    expect(after.served).toBe(true)
    expect(after.fromModel.json.data.Products.docs[0].available).toBe(first.available + 4)
    expect(differences([after, withoutStock])).toEqual([])
    expect(withoutStock.served).toBe(true)
  })

  it('should never show a draft, and show a product edit on the next read', async () => {
    const draft = await payload.create({
      collection: 'products',
      draft: true,
      data: { title: 'A draft product nobody may see', slug: 'a-draft-product-nobody-may-see', price: 1, _status: 'draft' },
    })
    const listing = { query: '{ Products(limit: 100, sort: "slug") { totalDocs docs { id slug title } } }' }
    const withDraft = await servedAgain(listing)
    expect(withDraft.fromModel.json.data.Products.docs.map((d: { id: number }) => d.id)).not.toContain(draft.id)
    expect(differences([withDraft, await both({ query: bySlug(draft.slug!) })])).toEqual([])

    const slug = (await allSlugs())[5]!
    const id = (await servedAgain({ query: bySlug(slug) })).fromModel.json.data.Products.docs[0].id
    const edit = await http(`${withModel.url}/api/products/${id}`, { method: 'PATCH', json: { title: 'Renamed by the GraphQL read-model test' }, token: staff })
    const next = await both({ query: bySlug(slug) })
    const later = await servedAgain({ query: bySlug(slug) })
    expect(edit.status).toBe(200)
    expect(next.fromModel.json.data.Products.docs[0].title).toBe('Renamed by the GraphQL read-model test')
    expect(differences([next, later])).toEqual([])
    expect(later.served).toBe(true)
  })
})

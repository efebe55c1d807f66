import type { Payload } from 'payload'

import { queryRows, sql } from '../../src/infra/sql'
import type { CatalogueReads } from '../../src/server/catalogueReads'
import { http, type OpsServer } from '../helpers/opsServer'
import { startReadModelPair, type ReadModelPair } from '../helpers/readModelPair'

// The catalogue read model (src/server/catalogueReads.ts) against Payload itself, on the demo catalogue: the same
// bytes for the same query, and every write that changes an answer seen on the next read. SQLite, or PostgreSQL
// when TEST_DATABASE_URL is set.
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

/** Both answers to one query, and whether the read model gave the first. */
async function both(query: string) {
  const [fromModel, fromPayload] = [await http(`${withModel.url}/api/products?${query}`), await http(`${plain.url}/api/products?${query}`)]
  return { fromModel, fromPayload, served: fromModel.headers.get('x-read-model') === 'hit' }
}

async function allSlugs(): Promise<string[]> {
  const rows = await queryRows<{ slug: string }>(payload, undefined, sql`SELECT slug FROM products WHERE _status = 'published' ORDER BY slug`)
  return rows.map((r) => r.slug)
}

/** Reads until the read model answers (it renders a changed product in the background after a first miss). */
async function servedAgain(query: string) {
  for (let i = 0; i < 40; i++) {
    const result = await both(query)
    if (result.served) return result
    await model.idle()
  }
  return both(query)
}

describe('the catalogue read model', () => {
  it('should answer every published slug with Payload’s bytes', async () => {
    const results = await Promise.all((await allSlugs()).map((slug) => both(`where[slug][equals]=${encodeURIComponent(slug)}&depth=1`)))
    expect(results.filter((r) => r.fromModel.text !== r.fromPayload.text)).toEqual([])
    expect(results.every((r) => r.served)).toBe(true)
  })

  it.each(['title', '-title', 'slug', '-slug'])('should page through the catalogue sorted by %s with Payload’s bytes', async (sort) => {
    const queries = [1, 2, 3, 4, 5, 6, 7, 8].map((page) => `limit=7&page=${page}&sort=${sort}&depth=1`)
    const results = await Promise.all(queries.map(both))
    expect(results.filter((r) => r.fromModel.text !== r.fromPayload.text).map((r) => r.fromModel.text.slice(0, 80))).toEqual([])
    expect(results.every((r) => r.served)).toBe(true)
  })

  it('should give Payload’s bytes for listings in its default order, by price and by date, and the storefront’s product query', async () => {
    const slug = (await allSlugs())[3]!
    const queries = [
      'depth=1',
      'limit=20&depth=1',
      'limit=5&page=3&depth=1',
      'sort=price&limit=10&depth=1',
      'sort=-price&limit=10&page=2&depth=1',
      'sort=createdAt&limit=9&depth=1',
      'sort=-updatedAt&limit=9&depth=1',
      'where[_status][equals]=published&limit=4&depth=1',
      `where[slug][equals]=${slug}&limit=1&depth=1`,
    ]
    const results = await Promise.all(queries.map(both))
    expect(results.filter((r) => r.fromModel.text !== r.fromPayload.text).map((r) => r.fromModel.text.slice(0, 80))).toEqual([])
  })

  it('should leave other reads to Payload', async () => {
    const queries = [
      'limit=5&depth=0',
      'limit=5',
      'limit=5&depth=1&draft=true',
      'limit=5&depth=1&select[title]=true',
      'where[slug][equals]=no-such-product&depth=1',
      'limit=5&depth=1&page=999',
    ]
    const results = await Promise.all(queries.map(both))
    expect(results.map((r) => r.served)).toEqual(queries.map(() => false))
    expect(results.filter((r) => r.fromModel.text !== r.fromPayload.text)).toEqual([])
  })

  it('should show stock as it is now', async () => {
    const slug = (await allSlugs())[0]!
    const query = `where[slug][equals]=${slug}&depth=1`
    const before = (await servedAgain(query)).fromModel.json.docs[0]
    const sku = before.sku ?? before.variants[0].sku
    const adjusted = await http(`${withModel.url}/api/inventory/adjust`, { method: 'POST', json: { sku, delta: 3, reason: 'Delivery' }, token: staff })
    const after = await both(query)
    expect(adjusted.status).toBe(200)
    expect(after.served).toBe(true)
    expect(after.fromModel.json.docs[0].available).toBe(before.available + 3)
    expect(after.fromModel.text).toBe(after.fromPayload.text)
  })

  it('should show a product edit on the next read, and answer it again once rendered', async () => {
    const slug = (await allSlugs())[1]!
    const query = `where[slug][equals]=${slug}&depth=1`
    const id = (await servedAgain(query)).fromModel.json.docs[0].id
    const edit = await http(`${withModel.url}/api/products/${id}`, { method: 'PATCH', json: { title: 'Renamed by the read-model test' }, token: staff })
    const next = await both(query)
    const later = await servedAgain(query)
    expect(edit.status).toBe(200)
    expect(next.fromModel.json.docs[0].title).toBe('Renamed by the read-model test')
    expect(next.fromModel.text).toBe(next.fromPayload.text)
    expect(later.served).toBe(true)
    expect(later.fromModel.text).toBe(later.fromPayload.text)
  })

  it('should show a category edit and a picture edit in the products that embed them', async () => {
    const slug = (await allSlugs())[2]!
    const query = `where[slug][equals]=${slug}&depth=1`
    const doc = (await servedAgain(query)).fromModel.json.docs[0]
    const category = doc.categories[0]
    const picture = doc.images[0]
    await http(`${withModel.url}/api/categories/${category.id}`, { method: 'PATCH', json: { description: 'Edited by the read-model test' }, token: staff })
    const afterCategory = await both(query)
    await http(`${withModel.url}/api/media/${picture.id}`, { method: 'PATCH', json: { alt: 'Alt edited by the read-model test' }, token: staff })
    const afterPicture = await both(query)
    expect(afterCategory.fromModel.json.docs[0].categories[0].description).toBe('Edited by the read-model test')
    expect(afterCategory.fromModel.text).toBe(afterCategory.fromPayload.text)
    expect(afterPicture.fromModel.json.docs[0].images[0].alt).toBe('Alt edited by the read-model test')
    expect(afterPicture.fromModel.text).toBe(afterPicture.fromPayload.text)
  })

  it('should stop answering for a product as soon as it is unpublished, and never show a draft', async () => {
    const slug = (await allSlugs())[4]!
    const query = `where[slug][equals]=${slug}&depth=1`
    const id = (await servedAgain(query)).fromModel.json.docs[0].id
    await http(`${withModel.url}/api/products/${id}?draft=true`, { method: 'PATCH', json: { title: 'A draft title nobody may see' }, token: staff })
    const withDraft = await servedAgain(query)
    await http(`${withModel.url}/api/products/${id}`, { method: 'PATCH', json: { _status: 'draft' }, token: staff })
    const unpublished = await both(query)
    expect(withDraft.fromModel.json.docs[0].title).not.toBe('A draft title nobody may see')
    expect(withDraft.fromModel.text).toBe(withDraft.fromPayload.text)
    expect(unpublished.fromModel.json.totalDocs).toBe(0)
    expect(unpublished.fromModel.text).toBe(unpublished.fromPayload.text)
  })
})

import pg from 'pg'
import type { Payload } from 'payload'

import { parseSearchInput } from '../../src/commerce/search/searchInput'
import { rebuildSearchIndex } from '../../src/infra/search/indexer'
import { memorySearchIndex } from '../../src/infra/search/memoryIndex'
import { resolveCategory, searchProducts } from '../../src/infra/search/searchProducts'
import { queryRows, sql } from '../../src/infra/sql'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { describeWith } from '../helpers/services'

// PostgreSQL's full-text searches are answered from the in-memory index (src/infra/search/memoryIndex.ts). Its
// answers must be the statement's answers, exactly (page, order, totals, every facet count), and it must follow
// every write to the table: through Payload, by raw SQL, from another connection, committed after a search began.
let app: TestPayload
let payload: Payload
let other: pg.Client

async function hits(params: Record<string, string>, from?: 'database') {
  const input = parseSearchInput(params)
  const categoryId = input.category === undefined ? undefined : ((await resolveCategory(payload, input.category)) ?? undefined)
  const query = {
    q: input.q,
    tokens: input.tokens,
    filters: { categoryId, priceBand: input.priceBand, inStock: input.inStock },
    page: input.page,
    limit: input.limit,
  }
  return searchProducts(payload, query, from === 'database' ? { from } : {})
}

/** The memory's answer, after checking it is the database's. */
async function same(params: Record<string, string>) {
  const memory = await hits(params)
  expect(memory).toEqual(await hits(params, 'database'))
  return memory
}

const productIdTitled = async (title: string) =>
  Number((await payload.find({ collection: 'products', where: { title: { equals: title } }, limit: 1, overrideAccess: true })).docs[0]!.id)

describeWith('postgres', 'search answered from memory', () => {
  beforeAll(async () => {
    app = await bootPayload()
    payload = app.payload
    const { seed } = await import('../../src/seed')
    await seed(payload, { appEnv: 'development', log: () => {} })
    other = new pg.Client({ connectionString: app.databaseUrl })
    await other.connect()
  }, 600_000)

  afterAll(async () => {
    await other?.end()
    await app?.close()
  })

  it('should answer every word of the catalogue, prefixes, corrections and pairs, with every filter, as the statement does', async () => {
    const words = await queryRows<{ word: string }>(payload, undefined, sql`SELECT word FROM search_words ORDER BY word`)
    expect(words.length).toBeGreaterThan(50)
    const queries = [
      ...words.map((w) => w.word),
      ...words.filter((w) => w.word.length >= 4).map((w) => w.word.slice(0, 3)),
      'jumpr',
      'woool',
      'wool jumper',
      'navy wool',
      'cotton navy',
      'the',
      'mug harbour',
    ]
    const categories = await queryRows<{ slug: string }>(payload, undefined, sql`SELECT slug FROM categories ORDER BY id LIMIT 3`)
    let matched = 0
    for (const q of queries) {
      const plain = await same({ q, limit: '5' })
      if (plain.total > 0) matched++
      if (plain.total < 3) continue
      await same({ q, limit: '2', page: '2' })
      await same({ q, inStock: 'true', limit: '5' })
      for (const band of plain.facets.priceBands.filter((b) => b.count > 0).slice(0, 2)) await same({ q, priceBand: band.key, limit: '5' })
      for (const { slug } of categories) await same({ q, category: slug, inStock: 'true', limit: '5' })
    }
    expect(matched).toBeGreaterThan(50)
    expect((await memorySearchIndex(payload)).size).toBe(
      Number((await queryRows<{ n: string }>(payload, undefined, sql`SELECT count(*) AS n FROM search_products`))[0]!.n),
    )
  }, 300_000)

  it('should leave a query of more terms than the index takes to the statement', async () => {
    const words = Array.from({ length: 32 }, (_, i) => `'w${i}'`).join(' | ')
    const index = await memorySearchIndex(payload)
    expect([index.search({ tsquery: words, filters: {}, offset: 0, limit: 5 }), index.search({ tsquery: "'wool'", filters: {}, offset: 0, limit: 5 })]).toEqual(
      [null, expect.objectContaining({ page: expect.any(Array) })],
    )
    await same({ q: 'jumpr woool navi cottn linnen mugg lantrn harbr', limit: '5' })
  })

  it('should follow products created, edited and deleted through Payload', async () => {
    const created = await payload.create({
      collection: 'products',
      data: { title: 'Quernstone Flour Bin', price: 2400, sku: 'MEMORY-1', _status: 'published' },
    })
    const found = await same({ q: 'quernstone' })
    await payload.update({ collection: 'products', id: created.id, data: { title: 'Millrace Flour Bin' } })
    const renamed = [await same({ q: 'quernstone' }), await same({ q: 'millrace' })]
    await payload.delete({ collection: 'products', id: created.id, overrideAccess: true })
    const gone = await same({ q: 'millrace' })
    expect([found.ids, renamed.map((r) => r.ids), gone.ids]).toEqual([[created.id], [[], [created.id]], []])
  })

  it('should see a write from another connection once it commits, even when it began before a search', async () => {
    const id = await productIdTitled('Fisherman’s Rib Jumper')
    await other.query('BEGIN')
    await other.query(`UPDATE search_products SET document = document || to_tsvector('english', 'zanzibar') WHERE product_id = $1`, [id])
    // A later transaction finishes first, so the next snapshot lists this one as in progress (not beyond its xmax).
    await queryRows(payload, undefined, sql`SELECT pg_current_xact_id()`)
    const during = await same({ q: 'zanzibar' })
    await other.query('COMMIT')
    const after = await same({ q: 'zanzibar' })
    await other.query(`DELETE FROM search_products WHERE product_id = $1`, [id])
    const removed = await same({ q: 'jumper' })
    await rebuildSearchIndex(payload)
    const rebuilt = await same({ q: 'jumper' })
    expect([during.ids, after.ids, removed.ids.includes(id), rebuilt.ids.includes(id)]).toEqual([[], [id], false, true])
  })

  it('should follow a stock change, a rolled-back write and a truncated table', async () => {
    const id = await productIdTitled('Fisherman’s Rib Jumper')
    const stocked = async () => (await same({ q: 'jumper', inStock: 'true', limit: '50' })).ids.includes(id)
    const before = await stocked()
    await other.query(`UPDATE search_products SET in_stock = 0 WHERE product_id = $1`, [id])
    const out = await stocked()
    await other.query('BEGIN')
    await other.query(`UPDATE search_products SET in_stock = 1 WHERE product_id = $1`, [id])
    await stocked()
    await other.query('ROLLBACK')
    const rolledBack = await stocked()
    await other.query(`UPDATE search_products SET in_stock = 1 WHERE product_id = $1`, [id])
    const back = await stocked()
    await other.query('TRUNCATE search_products')
    const truncated = await same({ q: 'jumper' })
    await rebuildSearchIndex(payload)
    await same({ q: 'jumper' })
    expect([before, out, rolledBack, back, truncated.total]).toEqual([true, false, false, true, 0])
  })
})

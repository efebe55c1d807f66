import { guardedClient } from '../helpers/guardedClient'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

// GraphQL limits (src/infra/graphqlLimits.ts) through the guard and Payload's GraphQL route, as the server runs them.
const aliasFlood = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: Products(limit: 100) { totalDocs }`).join(' ')} }`
const deepQuery = `{ Products { docs { categories { ${'parent { '.repeat(17)}id${' }'.repeat(17)} } } } }`
const storefrontQuery = '{ Products(limit: 5) { docs { title slug price } } }'

let app: TestPayload
let api: Awaited<ReturnType<typeof guardedClient>>
let unguarded: Awaited<ReturnType<typeof restClient>>

beforeAll(async () => {
  app = await bootPayload({ APP_ENV: 'staging', PAYMENT_METHODS: 'manual' })
  api = await guardedClient(app.payload.config)
  unguarded = await restClient(app.payload.config)
  for (let i = 0; i < 30; i++) {
    await app.payload.create({ collection: 'products', data: { title: `Flood ${i}`, price: 100 + i, sku: `FLOOD-${i}`, _status: 'published' } })
  }
}, 300000)

afterAll(async () => {
  await app?.close()
})

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now()
  const result = await work()
  return { result, ms: performance.now() - started }
}

const productRead = () => api.get('/products?limit=10&depth=0&where[_status][equals]=published')

describe('GraphQL limits', () => {
  it('should refuse 500 aliased Products fields with a GraphQL error', async () => {
    await api.gql(storefrontQuery) // warm the schema so the timing is the refusal's
    const { result, ms } = await timed(() => api.gql(aliasFlood))
    const again: number[] = []
    for (let i = 0; i < 5; i++) again.push((await timed(() => api.gql(aliasFlood))).ms)
    const median = again.sort((a, b) => a - b)[2]
    console.log(
      `HARDENING GRAPHQL alias flood (500 aliases) refused with ${result.status}: first ${ms.toFixed(1)} ms, median of next 5 ${median.toFixed(1)} ms`,
    )
    expect(result.status).toBe(400)
    expect(result.json.errors[0].message).toMatch(/Aliases limit of 15 exceeded, found 500/)
  })

  it('should refuse a 20-level-deep query with a GraphQL error', async () => {
    const { result, ms } = await timed(() => api.gql(deepQuery))
    console.log(`HARDENING GRAPHQL 20-level query refused in ${ms.toFixed(1)} ms with ${result.status}`)
    expect(result.status).toBe(400)
    expect(result.json.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/depth limit of 10 exceeded/i)
  })

  it.each([
    ['500 aliases', aliasFlood, /Aliases limit of 15 exceeded/],
    ['20 levels', deepQuery, /depth limit of 10 exceeded/i],
  ])('should refuse %s with a GraphQL error in Payload itself too (no guard in front)', async (name, query, message) => {
    await unguarded.gql(storefrontQuery)
    const { result, ms } = await timed(() => unguarded.gql(query))
    console.log(`HARDENING GRAPHQL ${name} refused by Payload's validation rules in ${ms.toFixed(1)} ms with ${result.status}`)
    expect(result.json.data).toBeUndefined()
    expect(result.json.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(message)
  })

  it('should answer a normal storefront query', async () => {
    const res = await api.gql(storefrontQuery)
    expect(res.status).toBe(200)
    expect(res.json.data.Products.docs).toHaveLength(5)
    expect(Object.keys(res.json.data.Products.docs[0]).sort()).toEqual(['price', 'slug', 'title'])
  })

  // The 13-second flood with latency figures is a benchmark: `npm run bench:graphql-flood` (bench/RESULTS.md).
  it('should answer a product read sent alongside 8 alias floods, and refuse every flood', async () => {
    const [read, ...floods] = await Promise.all([productRead(), ...Array.from({ length: 8 }, () => api.gql(aliasFlood))])
    expect([read.status, read.json.docs.length]).toEqual([200, 10])
    expect(floods.map((f) => f.status)).toEqual(Array(8).fill(400))
  })
})

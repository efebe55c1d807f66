import { readCache } from '../../src/infra/cache'
import { env } from '../../src/infra/env'
import { allowedOrigins } from '../../src/infra/origins'
import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { apiKeyFor, bootShop, checkoutBody, customerToken, newKey, productWithStock } from '../helpers/shop'

// HTTP behaviour an integrator relies on (README "HTTP behaviour"), over the real server in front of Payload.
const APP_ORIGIN = 'https://app.integrator.example'
let shop: Awaited<ReturnType<typeof bootShop>>
let server: OpsServer
let limited: OpsServer
let categoryId: number | string
let productId: number | string

beforeAll(async () => {
  shop = await bootShop()
  const origins = allowedOrigins({ ...env(), CORS_ORIGINS: [APP_ORIGIN] })
  server = await startOpsServer(shop.payload, { cache: readCache(), limiter: memoryRateLimiter(), origins })
  limited = await startOpsServer(shop.payload, { cache: null, limiter: memoryRateLimiter(), settings: { RATE_LIMIT_QUOTE: 2, RATE_LIMIT_CHECKOUT: 1 } })
  const category = await shop.payload.create({ collection: 'categories', data: { title: 'Manners Kitchen', slug: 'manners-kitchen' } })
  categoryId = category.id
  const product = await shop.payload.create({
    collection: 'products',
    data: {
      title: 'Manners Tee',
      price: 1500,
      categories: [category.id],
      variants: [
        { sku: 'MANNERS-S', title: 'Small' },
        { sku: 'MANNERS-L', title: 'Large' },
      ],
      _status: 'published',
    },
  })
  productId = product.id
  for (const [sku, delta] of [
    ['MANNERS-S', 4],
    ['MANNERS-L', 7],
  ] as const) {
    await shop.api.post('/inventory/adjust', { sku, delta, reason: 'Initial stock' }, { token: shop.staff })
  }
  await productWithStock(shop.payload, shop.api, shop.staff, 'MANNERS-MUG', 900, 3)
})

afterAll(async () => {
  await server?.close()
  await limited?.close()
  await readCache().close()
  await shop?.app.close()
})

describe('ETag and Cache-Control on public reads', () => {
  it.each(['/api/products?limit=5&depth=1', '/api/categories?limit=5', '/api/search?q=manners', `/api/products/{id}`])(
    'should answer %s with a strong ETag, then 304 for If-None-Match with no body',
    async (template) => {
      const url = `${server.url}${template.replace('{id}', String(productId))}`
      const first = await http(url)
      const again = await http(url, { headers: { 'if-none-match': first.headers.get('etag')! } })
      expect([first.status, first.headers.get('etag'), first.headers.get('cache-control'), again.status, again.text, again.headers.get('etag')]).toEqual([
        200,
        expect.stringMatching(/^"[\w-]+"$/),
        'public, max-age=0, must-revalidate',
        304,
        '',
        first.headers.get('etag'),
      ])
    },
  )

  it('should answer 200 with a new ETag once the stock behind a cached read changes', async () => {
    const url = `${server.url}/api/products/${productId}?depth=0`
    const before = await http(url)
    await shop.api.post('/inventory/adjust', { sku: 'MANNERS-S', delta: 1, reason: 'Found one' }, { token: shop.staff })
    const after = await http(url, { headers: { 'if-none-match': before.headers.get('etag')! } })
    expect([after.status, after.headers.get('etag') === before.headers.get('etag'), after.json.variants[0].available]).toEqual([
      200,
      false,
      before.json.variants[0].available + 1,
    ])
  })

  it('should mark a read with credentials private, no-store and give it no ETag', async () => {
    const res = await http(`${server.url}/api/products?limit=1`, { token: shop.staff })
    expect([res.status, res.headers.get('cache-control'), res.headers.get('etag')]).toEqual([200, 'private, no-store', null])
  })
})

describe('RateLimit headers', () => {
  const quote = () => http(`${limited.url}/api/cart/quote`, { method: 'POST', json: { items: [{ sku: 'MANNERS-MUG', quantity: 1 }] } })

  it('should tell the limit, what is left and when it resets on success and on 429 with Retry-After', async () => {
    const answers = [await quote(), await quote(), await quote()]
    const seen = answers.map((r) => [
      r.status,
      r.headers.get('ratelimit-limit'),
      r.headers.get('ratelimit-remaining'),
      Number(r.headers.get('ratelimit-reset')) > 0,
    ])
    expect([seen, Number(answers[2].headers.get('retry-after')) > 0]).toEqual([
      [
        [200, '2', '1', true],
        [200, '2', '0', true],
        [429, '2', '0', true],
      ],
      true,
    ])
  })

  it('should count the Checkout mutation against the checkout limit', async () => {
    const query = 'mutation C($input: CommerceJSON!, $key: String) { Checkout(input: $input, idempotencyKey: $key) }'
    const send = () =>
      http(`${limited.url}/api/graphql`, {
        method: 'POST',
        json: { query, variables: { input: checkoutBody([{ sku: 'MANNERS-MUG', quantity: 1 }]), key: newKey() } },
      })
    const [first, second] = [await send(), await send()]
    expect([first.headers.get('ratelimit-limit'), second.status, second.json.error.code]).toEqual(['1', 429, 'rate_limited'])
  })
})

describe('limit and depth caps', () => {
  it('should refuse limit=100000 without credentials with 400 limit_too_large naming the cap', async () => {
    const res = await http(`${server.url}/api/products?limit=100000`)
    expect([res.status, res.json.error.code, res.json.error.details.max]).toEqual([400, 'limit_too_large', 100])
  })

  it('should refuse pagination=false without credentials', async () => {
    expect((await http(`${server.url}/api/inventory?pagination=false`)).json.error.code).toBe('limit_too_large')
  })

  it('should serve limit=100 without credentials and limit=250 (API_MAX_LIMIT_STAFF) to staff and API keys', async () => {
    const key = await apiKeyFor(shop.payload, ['catalogue:read'])
    const answers = [
      await http(`${server.url}/api/products?limit=100`),
      await http(`${server.url}/api/products?limit=250`, { token: shop.staff }),
      await http(`${server.url}/api/products?limit=250`, { headers: { authorization: key.header } }),
    ]
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200])
  })

  it.each([
    ['staff', 'limit=100000'],
    ['staff', 'pagination=false'],
    ['an API key', 'limit=251'],
    ['a customer', 'limit=101'],
  ])('should refuse %s a list read with %s, naming their cap', async (who, query) => {
    const headers: Record<string, string> =
      who === 'staff'
        ? { authorization: `JWT ${shop.staff}` }
        : who === 'a customer'
          ? { authorization: `JWT ${(await customerToken(shop.payload)).token}` }
          : { authorization: (await apiKeyFor(shop.payload, ['catalogue:read'])).header }
    const res = await http(`${server.url}/api/inventory?${query}`, { headers })
    expect([res.status, res.json.error.code, res.json.error.details.max]).toEqual([400, 'limit_too_large', who === 'a customer' ? 100 : 250])
  })

  it('should refuse a staff session cookie limit=251 and serve it limit=250, as the admin panel asks', async () => {
    // As the admin's browser sends it: Payload takes a session cookie only from the same site.
    const cookie = { cookie: `payload-token=${shop.staff}`, 'sec-fetch-site': 'same-origin' }
    const [over, admin] = [
      await http(`${server.url}/api/webhooks?limit=251`, { headers: cookie }),
      await http(`${server.url}/api/webhooks?depth=0&draft=true&limit=250`, { headers: cookie }),
    ]
    expect([over.status, over.json.error.details.max, admin.status]).toEqual([400, 250, 200])
  })

  it.each([
    ['anonymous', '{ Products(limit: 100000) { totalDocs } }', {}],
    ['anonymous', 'query P($n: Int) { Products(limit: $n) { totalDocs } }', { n: 101 }],
    ['anonymous', '{ Inventories(pagination: false) { totalDocs } }', {}],
    ['staff', '{ Products(limit: 251) { totalDocs } }', {}],
    ['staff', 'query P($n: Int = 0) { Orders(limit: $n) { totalDocs } }', {}],
  ])('should refuse a GraphQL list query as %s: %s', async (who, query, variables) => {
    const res = await http(`${server.url}/api/graphql`, { method: 'POST', json: { query, variables }, token: who === 'staff' ? shop.staff : undefined })
    expect([res.json.errors[0].extensions.code, res.json.data ?? null]).toEqual(['limit_too_large', null])
  })

  it('should serve GraphQL Products(limit: 100) to anyone and Products(limit: 250) to staff', async () => {
    const ask = (limit: number, token?: string) =>
      http(`${server.url}/api/graphql`, { method: 'POST', json: { query: `{ Products(limit: ${limit}) { limit } }` }, token })
    const [open, staff] = [await ask(100), await ask(250, shop.staff)]
    expect([open.json.data.Products.limit, staff.json.data.Products.limit]).toEqual([100, 250])
  })

  it('should refuse a rich text depth above API_MAX_DEPTH over GraphQL', async () => {
    const res = await http(`${server.url}/api/graphql`, { method: 'POST', json: { query: '{ Products(limit: 1) { docs { description(depth: 50) } } }' } })
    expect([res.json.errors[0].extensions.code, res.json.data ?? null]).toEqual(['depth_too_large', null])
  })

  it('should refuse depth=50 with 400 depth_too_large and serve depth=3', async () => {
    const [deep, allowed] = [await http(`${server.url}/api/products?depth=50`, { token: shop.staff }), await http(`${server.url}/api/products?depth=3`)]
    expect([deep.status, deep.json.error.code, allowed.status]).toEqual([400, 'depth_too_large', 200])
  })
})

describe('CORS', () => {
  it('should pass the preflight of POST /api/checkout with Idempotency-Key from an origin in CORS_ORIGINS', async () => {
    const res = await http(`${server.url}/api/checkout`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
    })
    expect([res.status, res.headers.get('access-control-allow-origin'), res.headers.get('access-control-allow-headers')]).toEqual([
      204,
      APP_ORIGIN,
      expect.stringContaining('Idempotency-Key'),
    ])
  })

  it('should expose X-Request-Id, Retry-After and the RateLimit headers to an allowed origin, cached or not', async () => {
    const read = () => http(`${server.url}/api/categories?limit=2&sort=title`, { headers: { origin: APP_ORIGIN } })
    const [miss, hit] = [await read(), await read()]
    const exposed = (r: typeof miss) => [r.headers.get('access-control-allow-origin'), r.headers.get('access-control-expose-headers')]
    const expected = [APP_ORIGIN, 'X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, ETag, Idempotent-Replayed']
    expect([exposed(miss), exposed(hit), hit.headers.get('x-cache')]).toEqual([expected, expected, 'HIT'])
  })

  it('should not allow an origin outside the list', async () => {
    const res = await http(`${server.url}/api/categories?limit=3`, { headers: { origin: 'https://elsewhere.example' } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('stock on product reads', () => {
  it('should give each variant its available stock and the product their total over REST', async () => {
    const res = await http(`${server.url}/api/products?where[slug][equals]=manners-tee&depth=0`)
    const [doc] = res.json.docs
    expect([doc.available, doc.variants.map((v: { sku: string; available: number }) => [v.sku, v.available])]).toEqual([
      doc.variants[0].available + 7,
      [
        ['MANNERS-S', doc.variants[0].available],
        ['MANNERS-L', 7],
      ],
    ])
  })

  it('should give a simple product its stock over GraphQL', async () => {
    const res = await shop.api.gql('{ Products(where: { sku: { equals: "MANNERS-MUG" } }) { docs { sku available } } }')
    expect(res.json.data.Products.docs).toEqual([{ sku: 'MANNERS-MUG', available: expect.any(Number) }])
  })
})

describe('products by category slug', () => {
  it('should filter REST reads with where[categories.slug][equals]', async () => {
    const res = await http(`${server.url}/api/products?where[categories.slug][equals]=manners-kitchen&depth=0`)
    expect(res.json.docs.map((d: { title: string }) => d.title)).toEqual(['Manners Tee'])
  })

  it('should filter GraphQL reads with ProductsInCategory(slug)', async () => {
    const res = await shop.api.gql('{ ProductsInCategory(slug: "manners-kitchen") { totalDocs docs { title categories { id } } } }')
    expect(res.json.data.ProductsInCategory).toEqual({ totalDocs: 1, docs: [{ title: 'Manners Tee', categories: [{ id: categoryId }] }] })
  })

  it('should refuse a ProductsInCategory page above the cap with extensions.code limit_too_large', async () => {
    const res = await shop.api.gql('{ ProductsInCategory(slug: "manners-kitchen", limit: 100000) { totalDocs } }')
    expect(res.json.errors[0].extensions.code).toBe('limit_too_large')
  })
})

import { guardedClient } from '../helpers/guardedClient'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { staffToken } from '../helpers/shop'

// One error format (docs/errors.md) for Payload's errors, ours, unknown routes and GraphQL, as the server runs them
// (guard, then Payload's route handlers). APP_ENV=development without DEBUG_ERRORS: no stack traces.

let app: TestPayload
let api: Awaited<ReturnType<typeof guardedClient>>
let staff: string
let productId: number | string

beforeAll(async () => {
  app = await bootPayload({ APP_ENV: 'development' })
  api = await guardedClient(app.payload.config, { maxJsonDepth: 64 })
  staff = (await staffToken(app.payload, 'admin')).token
  const product = await app.payload.create({ collection: 'products', data: { title: 'Error mug', price: 900, sku: 'ERR-MUG', _status: 'published' } })
  productId = product.id
}, 120000)

afterAll(async () => {
  await app?.close()
})

const deep = (levels: number) => `{"title":${'['.repeat(levels)}${']'.repeat(levels)}}`

/** Every error body: our object, a string code, no stack or server path anywhere. */
function expectOneFormat(json: any, code: string) {
  expect(json.error).toEqual(expect.objectContaining({ code, message: expect.any(String) }))
  expect(JSON.stringify(json)).not.toMatch(/"stack"|\/src\/|node_modules/)
}

describe("Payload's own errors", () => {
  it('should answer a validation error 400 validation_failed naming the fields, with the errors array kept', async () => {
    const res = await api.post('/products', { price: 100 }, { token: staff })
    expect(res.status).toBe(400)
    expectOneFormat(res.json, 'validation_failed')
    expect(res.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'title' })]))
    expect(res.json.errors[0]).toEqual(expect.objectContaining({ name: 'ValidationError', message: expect.any(String) }))
  })

  it('should answer a missing document 404 not_found', async () => {
    const res = await api.get('/products/999999', { token: staff })
    expect(res.status).toBe(404)
    expectOneFormat(res.json, 'not_found')
    expect(res.json.errors[0].name).toBe('NotFound')
  })

  it('should answer an anonymous write 403 forbidden', async () => {
    const res = await api.post('/products', { title: 'Nope', price: 100, sku: 'NOPE-1' })
    expect(res.status).toBe(403)
    expectOneFormat(res.json, 'forbidden')
  })
})

describe('our endpoints and the guard', () => {
  it('should answer a bad quote 400 with its own code', async () => {
    const res = await api.post('/cart/quote', { items: 'none' })
    expect(res.status).toBe(400)
    expectOneFormat(res.json, res.json.error.code)
    expect(res.json.error.code).toMatch(/^[a-z_]+$/)
  })

  it('should refuse a staff POST nested 100,000 deep with 400 json_too_deep', async () => {
    const res = await api.post('/products', undefined, { token: staff, rawBody: deep(100_000), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expectOneFormat(res.json, 'json_too_deep')
  })

  it('should refuse a staff PATCH nested 100,000 deep with 400 json_too_deep', async () => {
    const res = await api.patch(`/products/${productId}`, undefined, { token: staff, rawBody: deep(100_000), headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expectOneFormat(res.json, 'json_too_deep')
  })

  it('should refuse a checkout nested 100,000 deep with 400 json_too_deep', async () => {
    const res = await api.post('/checkout', undefined, { rawBody: deep(100_000), headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-1' } })
    expect(res.status).toBe(400)
    expectOneFormat(res.json, 'json_too_deep')
  })
})

describe('unknown routes', () => {
  it.each(['/nope', '/products/1/nope/deeper', '/globals/store-settings/nope'])('should answer GET %s 404 route_not_found', async (path) => {
    const res = await api.get(path)
    expect(res.status).toBe(404)
    expectOneFormat(res.json, 'route_not_found')
  })

  it('should still serve the routes Payload defines', async () => {
    expect((await api.get(`/products/${productId}`)).status).toBe(200)
    expect((await api.get('/products/count')).status).toBe(200)
  })
})

describe('GraphQL errors', () => {
  it('should give an execution error extensions.code', async () => {
    const res = await api.gql('{ Product(id: 999999) { id } }', { token: staff })
    expect(res.json.errors[0].extensions).toEqual(expect.objectContaining({ code: 'not_found', name: 'NotFound' }))
    expect(JSON.stringify(res.json)).not.toMatch(/"stack"/)
  })

  it('should give a validation error extensions.code', async () => {
    const res = await api.gql('{ Products { docs { noSuchField } } }')
    expect(res.json.errors[0]).toEqual(
      expect.objectContaining({ message: expect.stringMatching(/noSuchField/), extensions: { code: 'graphql_validation_failed' } }),
    )
  })

  it('should give a syntax error extensions.code and our error object', async () => {
    const res = await api.gql('{ Products { docs { id }')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].extensions.code).toBe('graphql_syntax_error')
    expectOneFormat(res.json, 'graphql_syntax_error')
  })

  it('should answer introspection in development even under NODE_ENV=production', async () => {
    const previous = process.env.NODE_ENV
    Object.assign(process.env, { NODE_ENV: 'production' })
    try {
      const res = await api.gql('{ __schema { queryType { name } } }')
      expect([res.status, res.json.data?.__schema?.queryType?.name]).toEqual([200, 'Query'])
    } finally {
      Object.assign(process.env, { NODE_ENV: previous })
    }
  })
})

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { shopConfigWithoutDatabase } from '../../tests/helpers/guardConfig'
import { createRequestGuard, type GuardRequest, type RequestGuard } from './index'

// The guard built from our real collections and globals (sanitized by Payload, on a stub database adapter).
let guard: RequestGuard
const mediaDir = mkdtempSync(path.join(tmpdir(), 'guard-media-'))

beforeAll(async () => {
  Object.assign(process.env, { PAYLOAD_SECRET: 'guard-spec-secret-0123456789abcdef0123', MEDIA_DIR: mediaDir, EMAIL_VERIFICATION: 'false' })
  writeFileSync(path.join(mediaDir, 'swatch.png'), 'png')
  guard = createRequestGuard(await shopConfigWithoutDatabase(), { maxBodyBytes: 2000 })
}, 60000)

const json = (method: string, url: string, body: unknown, extra: Record<string, string> = {}): GuardRequest => {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
  return { method, url, headers: { 'content-type': 'application/json', 'content-length': String(raw.length), ...extra }, body: raw }
}
const get = (url: string): GuardRequest => ({ method: 'GET', url, headers: {} })
const status = (req: GuardRequest) => guard(req)?.status ?? 'through'
const multipart = (body: string, type = 'multipart/form-data; boundary=XX'): GuardRequest => ({
  method: 'POST',
  url: '/api/media',
  headers: { 'content-type': type },
  body: Buffer.from(body),
})
const part = (name: string, value: string) => `--XX\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`

describe('createRequestGuard', () => {
  it('should answer TRACE and unknown methods with 405 and an Allow header', () => {
    const refusal = guard({ method: 'TRACE', url: '/api/products', headers: {} })
    expect(refusal).toMatchObject({ status: 405, headers: { allow: expect.stringContaining('GET') }, body: { error: { code: 'method_not_allowed' } } })
    expect(status({ method: 'PROPFIND', url: '/admin', headers: {} })).toBe(405)
  })

  it.each(['abc', '1.5', '%7B%7D', 'Infinity', '2147483648', '%E0%A4%A'])('should refuse the malformed id %s on read, duplicate and versions', (id) => {
    expect(status(get(`/api/products/${id}`))).toBe(400)
    expect(status({ method: 'POST', url: `/api/products/${id}/duplicate`, headers: {} })).toBe(400)
    expect(status(get(`/api/products/versions/${id}`))).toBe(400)
  })

  it.each([
    'products?where[price][equals]=abc',
    'products?where[createdAt][greater_than][$ne]=1',
    'products?where[price][in]=1,two',
    'inventory?where[product][contains]=1',
    'products?where[title][near]=1,2,3',
    'products?where[title][equals]=a%00b',
    'orders?where[status][equals]=bogus',
    'products?where[featured][exists]=maybe',
    'products?where=%7Bnot-json',
    'products?limit=1.5',
    'products?limit=-1',
    'products?page=0',
    'products?depth=abc',
    'products?sort=variants',
    'products?where[description][like]=x',
    'customers?where[cart.0.quantity][greater_than]=1',
    'users?where[roles][all]=admin',
    'orders?where[stockMovements][exists]=true',
    'orders?joins[stockMovements][where][change][equals]=abc',
    'orders?joins[stockMovements][limit]=-1',
    'categories?where[title][not_like]=%5C',
  ])('should refuse the query %s with 400 naming the parameter', (query) => {
    const refusal = guard(get(`/api/${query}`))
    expect(refusal?.status).toBe(400)
    expect(refusal?.body.error.message).toMatch(/where|limit|page|depth|sort/)
  })

  // The operand pattern has one way to match a run of digits (the old one backtracked quadratically: 50,000
  // digits and an `x` took ~5 s). No timing here: `npm run lint` (security/detect-unsafe-regex) keeps it safe.
  it('should refuse a long non-number operand and accept every number form', () => {
    expect(status(get(`/api/products?where[price][equals]=${'1'.repeat(50000)}x`))).toBe(400)
    for (const n of ['1.', '.5', '-1.5e3', '+2E-1']) expect(status(get(`/api/products?where[price][equals]=${encodeURIComponent(n)}`))).toBe('through')
  })

  it('should refuse ?data= that is not JSON on a global', () => {
    expect(status(get('/api/globals/store-settings?data=%7B'))).toBe(400)
  })

  it.each([
    ['a NUL in a login email', json('POST', '/api/users/login', { email: 'a\u0000@b.c', password: 'x' })],
    ['a non-string email', json('POST', '/api/customers/forgot-password', { email: { $ne: null } })],
    ['a JSON body of null', json('POST', '/api/products', 'null')],
    ['invalid JSON', json('PATCH', '/api/products/1', '{"title":')],
    ['an object in a text field', json('PATCH', '/api/products/1', { title: { a: 1 } })],
    ['a number in a select field', json('POST', '/api/stock-movements', { reason: 5 })],
    ['a bad date', json('PATCH', '/api/orders/1', { reservationExpiresAt: 'not a date' })],
    ['a string for a relationship id', json('PATCH', '/api/inventory/1', { product: 'abc' })],
    ['a missing body on create', { method: 'POST', url: '/api/categories', headers: {} }],
  ] as [string, GuardRequest][])('should refuse %s with 400', (_name, req) => {
    expect(status(req)).toBe(400)
  })

  it.each([
    ['truncated', part('_payload', '{"alt":"x"}')],
    ['mismatched boundary', part('_payload', '{"alt":"x"}').replace(/XX/g, 'YY') + '--YY--\r\n'],
    ['invalid _payload JSON', part('_payload', '{"alt":') + '--XX--\r\n'],
    ['a 300-character file name', `--XX\r\nContent-Disposition: form-data; name="file"; filename="${'x'.repeat(300)}.png"\r\n\r\nx\r\n--XX--\r\n`],
    ['an empty body', ''],
  ])('should refuse a multipart body that is %s', (_name, body) => {
    expect(status(multipart(body))).toBe(400)
  })

  it('should let a well-formed upload through', () => {
    expect(status(multipart(part('_payload', '{"alt":"x"}') + '--XX--\r\n'))).toBe('through')
  })

  it('should refuse a missing media file with 404 and a very long name with 400', () => {
    expect(status(get('/api/media/file/missing.png'))).toBe(404)
    expect(status(get(`/api/media/file/${'x'.repeat(300)}.png`))).toBe(400)
    expect(status(get('/api/media/file/swatch.png'))).toBe('through')
  })

  it('should answer 404 for verify when the collection does not verify emails', () => {
    expect(status({ method: 'POST', url: '/api/customers/verify/not-a-token', headers: {} })).toBe(404)
  })

  it('should refuse an oversized body with 413 and an unsupported media type with 415', () => {
    expect(status(json('POST', '/api/cart/quote', { items: 'x'.repeat(3000) }))).toBe(413)
    expect(status({ method: 'POST', url: '/api/checkout', headers: { 'content-type': 'text/plain' }, body: Buffer.from('hi') })).toBe(415)
  })

  it('should refuse @include with a non-boolean argument', () => {
    expect(status(json('POST', '/api/graphql', { query: '{ Products @include(if: "yes") { totalDocs } }' }))).toBe(400)
  })

  it.each([
    '/api/products?where[or][0][and][0][title][like]=mug&depth=1&draft=true&locale=en&limit=10&page=1&sort=-createdAt',
    '/api/products?select[title]=true&populate[categories][title]=true&joins[x]=false&limit=100&pagination=true&trash=false',
    '/api/products?where[variants.sku][equals]=A-1&where[seo.title][exists]=false&where[_status][equals]=published',
    '/api/products?where[categories.slug][equals]=mugs&where[id][in]=1,2&where[createdAt][greater_than]=2025-01-01T00:00:00Z',
    '/api/products?where[categories][in][0]=3&where[price][greater_than_equal]=100&where[featured][equals]=false',
    '/api/products/versions?where[parent][equals]=3&where[version._status][equals]=draft',
    '/api/products/12?depth=0&draft=true',
    '/api/orders/lookup?number=IR-000123&token=abc',
    '/api/globals/store-settings?depth=1',
    '/api/users/me',
    '/api/products?sort=-description&where[description][exists]=true',
    '/api/customers?where[cart.sku][like]=MUG',
    '/api/users?where[roles][contains]=admin',
    '/api/orders?joins[stockMovements][where][sku][equals]=MUG-1&joins[stockMovements][limit]=5&joins[stockMovements][sort]=-createdAt',
    '/api/categories?where[title][like]=a%5C%5C',
  ])('should let the legitimate request %s through', (url) => {
    expect(guard(get(url))).toBeNull()
  })

  it.each(['limit=101', 'limit=100000', 'limit=0', 'pagination=false'])('should refuse %s without credentials with 400 limit_too_large', (query) => {
    expect(guard(get(`/api/products?${query}`))).toMatchObject({ status: 400, body: { error: { code: 'limit_too_large', details: { max: 100 } } } })
  })

  it('should let a request with credentials ask for a larger page or every document', () => {
    const staff = (url: string) => ({ ...get(url), headers: { authorization: 'JWT x' } })
    expect([guard(staff('/api/products?limit=100000')), guard(staff('/api/products?pagination=false'))]).toEqual([null, null])
  })

  it('should refuse depth above the cap with 400 depth_too_large, credentials or not', () => {
    const staff = { ...get('/api/products?depth=4'), headers: { authorization: 'JWT x' } }
    expect([guard(get('/api/products/3?depth=50'))?.body.error.code, guard(staff)?.body.error.code, guard(get('/api/products?depth=3'))]).toEqual([
      'depth_too_large',
      'depth_too_large',
      null,
    ])
  })

  it('should let legitimate writes through', () => {
    expect(
      guard(json('PATCH', '/api/products/3', { title: 'Mug', price: 1200, categories: [1, 2], seo: { title: 'Mug' }, variants: [{ sku: 'A', title: 'B' }] })),
    ).toBeNull()
    expect(guard(json('POST', '/api/users/login', { email: 'a@b.c', password: 'secret' }))).toBeNull()
    expect(guard(json('POST', '/api/orders/4/transition', { to: 'paid' }))).toBeNull()
  })
})

describe('the shapes Payload’s admin sends', () => {
  const adminForm = (method: string, url: string, data: unknown): GuardRequest => {
    const body = Buffer.from(`${part('_payload', JSON.stringify(data))}--XX--\r\n`)
    return { method, url, headers: { 'content-type': 'multipart/form-data; boundary=XX', 'content-length': String(body.length) }, body }
  }

  it('should let a form save through with empty lists sent as 0, empty relationships and draft, autosave and locale parameters', () => {
    const data = { title: 'Mug', price: 600, variants: 0, images: [], categories: [], compareAtPrice: null, _status: 'draft' }
    expect(guard(adminForm('PATCH', '/api/products/3?autosave=true&depth=0&draft=true&fallback-locale=null&locale=undefined', data))).toBeNull()
    expect(guard(adminForm('PATCH', '/api/products/3?depth=0', { ...data, variants: [{ sku: 'A', title: 'B', options: 0 }] }))).toBeNull()
    expect(guard(adminForm('POST', '/api/globals/store-settings?depth=0&fallback-locale=null', { storeName: 'Shop', lowStockRecipients: 0 }))).toBeNull()
  })

  it('should still refuse a list field sent as another number, a string or an object', () => {
    for (const variants of [2, '0', { sku: 'A' }]) expect(status(json('PATCH', '/api/products/3', { variants }))).toBe(400)
    expect(status(adminForm('PATCH', '/api/products/3', { variants: [{ sku: 'A', options: -1 }] }))).toBe(400)
  })
})

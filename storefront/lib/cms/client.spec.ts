import { AsyncLocalStorage } from 'node:async_hooks'
import type { RenderRecord } from '../pageCache/pageCache'
import { PageCache, newRenderRecord } from '../pageCache/pageCache'
import { installPageCacheState } from '../pageCache/renderRecord'
import { CmsError, cmsGet, cmsRequest } from './client'

// What a render's CMS reads tell the page cache (lib/pageCache): the tags and lifetime of shared reads, and why a
// page may not be kept for everyone.
const renders = new AsyncLocalStorage<RenderRecord>()
const realFetch = globalThis.fetch
let answer: () => Promise<Response>

beforeAll(() => installPageCacheState({ cache: new PageCache(), renders }))
beforeEach(() => {
  answer = async () => Response.json({ docs: [] })
  globalThis.fetch = (() => answer()) as typeof fetch
})
afterAll(() => {
  globalThis.fetch = realFetch
})

async function during(read: () => Promise<unknown>): Promise<RenderRecord> {
  const record = newRenderRecord()
  await renders.run(record, () => read().catch(() => null))
  return record
}

describe('the CMS client inside a render', () => {
  it('notes the tags and the shortest lifetime of shared, tagged reads', async () => {
    const record = await during(async () => {
      await cmsGet('/api/products?where[slug][equals]=mug', { endpoint: 'products', tags: ['product:mug', 'products'] })
      await cmsGet('/api/inventory?x', { endpoint: 'inventory', tags: ['sku:MUG-1', 'inventory'], revalidate: 60 })
    })
    expect([...record.tags].sort()).toEqual(['inventory', 'product:mug', 'products', 'sku:MUG-1'])
    expect(record.revalidateSeconds).toBe(60)
    expect(record.notShared).toBeNull()
  })

  it('marks the page not shared after a read with a token, an untagged read or a write', async () => {
    expect((await during(() => cmsRequest('/api/customers/me', { endpoint: 'customers/me', token: 'jwt', tags: ['x'] }))).notShared).toMatch(/customers\/me/)
    expect((await during(() => cmsGet('/api/inventory?sku=A', { endpoint: 'inventory' }))).notShared).toMatch(/inventory/)
    expect((await during(() => cmsRequest('/api/cart/quote', { endpoint: 'cart/quote', method: 'POST', body: {}, tags: ['x'] }))).notShared).toMatch(
      /cart\/quote/,
    )
  })

  it('marks the page not shared when a read failed (it was shown without it), but not for a 404', async () => {
    answer = async () => {
      throw new TypeError('fetch failed')
    }
    const unreachable = await during(() => cmsGet('/api/products', { endpoint: 'products', tags: ['products'] }))
    expect(unreachable.notShared).toBe('products: CMS unreachable')
    answer = async () => Response.json({ error: 'busy' }, { status: 503 })
    expect((await during(() => cmsGet('/api/products', { endpoint: 'products', tags: ['products'] }))).notShared).toBe('products: CMS answered 503')
    answer = async () => Response.json({ error: 'nope' }, { status: 404 })
    expect((await during(() => cmsRequest('/api/reviews', { endpoint: 'reviews', tags: ['reviews:1'] }))).notShared).toBeNull()
  })

  it('notes nothing outside a render (server actions, route handlers)', async () => {
    await expect(cmsGet('/api/products', { endpoint: 'products', tags: ['products'] })).resolves.toEqual({ docs: [] })
    answer = async () => Response.json({}, { status: 500 })
    await expect(cmsGet('/api/products', { endpoint: 'products', tags: ['products'] })).rejects.toBeInstanceOf(CmsError)
  })
})

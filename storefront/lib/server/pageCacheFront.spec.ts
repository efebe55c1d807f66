import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { noteSharedRead, noteUnsharedRead, revalidatePagesTagged } from '../pageCache/renderRecord'
import { newNonce, pageContentSecurityPolicy } from '../security/contentSecurityPolicy'
import { PAGE_CACHE_HEADER, createPageCacheFront, pageCacheKey } from './pageCacheFront'

// A stand-in for Next: a fresh nonce per render (as middleware.ts gives), CMS reads noted after an await (as
// lib/cms/client.ts does inside a render), the HTML streamed in two writes. What a page reads is set per path.
interface Behaviour {
  status?: number
  tags?: string[]
  unshared?: boolean
  cookie?: boolean
  delayMs?: number
  text?: string
}

let server: http.Server
let base: string
let renders: string[]
let behaviours: Record<string, Behaviour>
let releaseRender: (() => void) | null

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]
  const behaviour = behaviours[path] ?? { tags: ['products'] }
  renders.push(req.url ?? '')
  const nonce = newNonce()
  await sleep(behaviour.delayMs ?? 1)
  if (releaseRender) await new Promise<void>((resolve) => (releaseRender = resolve))
  if (behaviour.tags) noteSharedRead(behaviour.tags, 300)
  if (behaviour.unshared) noteUnsharedRead('customers/me: not a shared, tagged read')
  res.statusCode = behaviour.status ?? 200
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.setHeader('content-security-policy', pageContentSecurityPolicy(nonce))
  res.setHeader('x-frame-options', 'DENY')
  res.setHeader('x-accept-encoding-seen', String(req.headers['accept-encoding'] ?? ''))
  res.setHeader('x-cookie-seen', String(req.headers.cookie ?? ''))
  if (behaviour.cookie) res.setHeader('set-cookie', 'ir_cart=1; Path=/')
  res.write(`<!DOCTYPE html><html><head><script nonce="${nonce}">self.a=1</script></head>`)
  await sleep(1)
  res.end(`<body><h1>${behaviour.text ?? path}</h1>${'<p>padding</p>'.repeat(200)}<script nonce="${nonce}" src="/_next/x.js"></script></body></html>`)
}

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body.toString('utf8') })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

const nonceInPolicy = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers['content-security-policy']))?.[1]
const nonceInBody = (answer: Answer) => [...answer.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])
const withoutNonces = (answer: Answer) => answer.body.replace(/nonce="[^"]+"/g, 'nonce=""')

beforeEach(async () => {
  renders = []
  behaviours = {}
  releaseRender = null
  const front = createPageCacheFront()
  server = http.createServer((req, res) => front(req, res, () => void fakeNext(req, res)))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('pageCacheKey', () => {
  const request = (url: string, method = 'GET', headers: http.IncomingHttpHeaders = {}) => ({ url, method, headers }) as http.IncomingMessage
  it('takes the catalogue pages a shopper opens, and nothing Next answers otherwise', () => {
    expect(pageCacheKey(request('/'))).toBe('/')
    expect(pageCacheKey(request('/products/linen-shirt'))).toBe('/products/linen-shirt')
    expect(pageCacheKey(request('/categories/clothing?sort=price&page=2'))).toBe('/categories/clothing?sort=price&page=2')
    expect(pageCacheKey(request('/cart'))).toBeNull()
    expect(pageCacheKey(request('/search?q=mug'))).toBeNull()
    expect(pageCacheKey(request('/account'))).toBeNull()
    expect(pageCacheKey(request('/products/linen-shirt', 'POST'))).toBeNull()
    expect(pageCacheKey(request('/products/linen-shirt', 'HEAD'))).toBeNull()
    expect(pageCacheKey(request('/products/linen-shirt', 'GET', { rsc: '1' }))).toBeNull()
    expect(pageCacheKey(request('/products/linen-shirt', 'GET', { 'next-action': 'abc' }))).toBeNull()
    expect(pageCacheKey(request('/products/linen-shirt?_rsc=1x2'))).toBeNull()
    expect(pageCacheKey(request('/products/a/b'))).toBeNull()
  })
})

describe('the page cache in front of Next', () => {
  it('renders a page once, then answers it with a new nonce in the policy and the HTML each time', async () => {
    const first = await get('/products/shirt')
    const second = await get('/products/shirt')
    const third = await get('/products/shirt')
    expect(renders).toEqual(['/products/shirt'])
    expect([first, second, third].map((a) => a.headers[PAGE_CACHE_HEADER])).toEqual(['miss', 'hit', 'hit'])
    const nonces = [first, second, third].map(nonceInPolicy)
    expect(new Set(nonces).size).toBe(3)
    for (const [i, answer] of [first, second, third].entries()) {
      expect(answer.status).toBe(200)
      expect(nonceInBody(answer)).toEqual([nonces[i], nonces[i]])
      expect(withoutNonces(answer)).toBe(withoutNonces(first))
    }
    expect(second.headers['x-frame-options']).toBe('DENY')
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(Number(second.headers['content-length'])).toBe(Buffer.byteLength(second.body))
  })

  it('renders again after a tag it was built from is revalidated, not after another', async () => {
    behaviours['/products/shirt'] = { tags: ['product:shirt', 'products'], text: 'old price' }
    await get('/products/shirt')
    revalidatePagesTagged(['product:mug'])
    expect((await get('/products/shirt')).headers[PAGE_CACHE_HEADER]).toBe('hit')
    behaviours['/products/shirt'].text = 'new price'
    revalidatePagesTagged(['product:shirt'])
    const after = await get('/products/shirt')
    expect(after.headers[PAGE_CACHE_HEADER]).toBe('miss')
    expect(after.body).toContain('new price')
    expect((await get('/products/shirt')).body).toContain('new price')
    expect(renders).toHaveLength(2)
  })

  it('does not keep a render revalidated while it was under way', async () => {
    behaviours['/products/shirt'] = { tags: ['product:shirt'], delayMs: 50 }
    const during = get('/products/shirt')
    await sleep(20)
    revalidatePagesTagged(['inventory'])
    await during
    expect((await get('/products/shirt')).headers[PAGE_CACHE_HEADER]).toBe('miss')
    expect(renders).toHaveLength(2)
  })

  it('renders every time a page that read something not shared, set a cookie, or did not answer 200', async () => {
    behaviours['/products/mine'] = { tags: ['products'], unshared: true }
    behaviours['/products/cookie'] = { tags: ['products'], cookie: true }
    behaviours['/products/missing'] = { tags: ['products'], status: 404 }
    behaviours['/products/untagged'] = {}
    for (const path of ['/products/mine', '/products/cookie', '/products/missing', '/products/untagged']) {
      await get(path)
      expect((await get(path)).headers[PAGE_CACHE_HEADER]).toBe('miss')
    }
    expect(renders).toHaveLength(8)
  })

  it('leaves other requests to Next untouched (no marker, accept-encoding as sent)', async () => {
    await get('/cart', { 'accept-encoding': 'gzip' })
    const second = await get('/cart', { 'accept-encoding': 'gzip' })
    expect(second.headers[PAGE_CACHE_HEADER]).toBeUndefined()
    expect(second.headers['x-accept-encoding-seen']).toBe('gzip')
    await get('/products/shirt', {}, 'POST')
    await get('/products/shirt', { rsc: '1' })
    expect(renders).toEqual(['/cart', '/cart', '/products/shirt', '/products/shirt'])
  })

  it("renders a page it may keep without the shopper's cookies, and leaves them on every other request", async () => {
    const miss = await get('/products/shirt', { cookie: 'ir_session=secret; ir_cart=MUG-1*1' })
    expect(miss.headers[PAGE_CACHE_HEADER]).toBe('miss')
    expect(miss.headers['x-cookie-seen']).toBe('')
    expect((await get('/cart', { cookie: 'ir_session=secret' })).headers['x-cookie-seen']).toBe('ir_session=secret')
  })

  it('renders uncompressed (to replace the nonce) and compresses each hit for a browser that accepts gzip', async () => {
    const miss = await get('/products/shirt', { 'accept-encoding': 'gzip, deflate, br' })
    expect(miss.headers['x-accept-encoding-seen']).toBe('')
    const hit = await get('/products/shirt', { 'accept-encoding': 'gzip, deflate, br' })
    expect(hit.headers['content-encoding']).toBe('gzip')
    expect(nonceInBody(hit)).toEqual([nonceInPolicy(hit), nonceInPolicy(hit)])
    expect(withoutNonces(hit)).toBe(withoutNonces(miss))
  })

  it('has shoppers who ask for a page while it renders wait for that render, not start their own', async () => {
    behaviours['/categories/clothing'] = { tags: ['categories', 'products'] }
    releaseRender = () => {}
    const answers = Promise.all(Array.from({ length: 8 }, () => get('/categories/clothing')))
    await sleep(50)
    expect(renders).toHaveLength(1)
    releaseRender()
    const all = await answers
    expect(renders).toHaveLength(1)
    expect(all.every((a) => a.status === 200)).toBe(true)
    expect(new Set(all.map(nonceInPolicy)).size).toBe(8)
    expect(all.filter((a) => a.headers[PAGE_CACHE_HEADER] === 'hit')).toHaveLength(7)
  })

  it('has waiting shoppers rendered by Next when the page they waited for could not be kept', async () => {
    behaviours['/products/mine'] = { tags: ['products'], unshared: true, delayMs: 30 }
    const all = await Promise.all(Array.from({ length: 3 }, () => get('/products/mine')))
    expect(all.every((a) => a.status === 200 && a.headers[PAGE_CACHE_HEADER] === 'miss')).toBe(true)
    expect(renders).toHaveLength(3)
  })
})

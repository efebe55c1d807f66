import { PageCache, cutAtNonce, joinWithNonce, newRenderRecord } from './pageCache'
import type { RenderRecord } from './pageCache'

const NONCE = 'bm9uY2UtMTIzNDU2Nzg5MA=='

function html(nonce: string, text = 'Linen shirt'): Buffer {
  return Buffer.from(`<html><script nonce="${nonce}">a()</script><h1>${text}</h1><script nonce="${nonce}" src="/x.js"></script></html>`)
}

function recordOf(tags: string[], seconds = 300, notShared: string | null = null): RenderRecord {
  return { ...newRenderRecord(), tags: new Set(tags), revalidateSeconds: seconds, notShared }
}

function page(text = 'Linen shirt') {
  const pieces = cutAtNonce(html(NONCE, text), NONCE)
  if (!pieces) throw new Error('no nonce')
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, pieces }
}

describe('cutAtNonce / joinWithNonce', () => {
  it('puts a new nonce wherever the old one was, and nothing else changes', () => {
    const pieces = cutAtNonce(html(NONCE), NONCE)
    expect(pieces).toHaveLength(3)
    expect(joinWithNonce(pieces!, 'TkVXLW5vbmNl').toString()).toBe(html('TkVXLW5vbmNl').toString())
  })

  it('gives null when the nonce is not in the body (nothing could be replaced)', () => {
    expect(cutAtNonce(Buffer.from('<html></html>'), NONCE)).toBeNull()
    expect(cutAtNonce(html(NONCE), '')).toBeNull()
  })
})

describe('PageCache', () => {
  it('keeps a page built from tagged reads and gives it back', () => {
    const cache = new PageCache()
    expect(cache.put('/products/shirt', cache.startRender(), page(), recordOf(['product:shirt', 'products']))).toBe(true)
    expect(cache.get('/products/shirt')?.status).toBe(200)
    expect(cache.get('/products/other')).toBeNull()
  })

  it('does not keep a page that read something not shared, or that named no tag', () => {
    const cache = new PageCache()
    expect(cache.put('/a', cache.startRender(), page(), recordOf(['products'], 300, 'customers/me: not a shared, tagged read'))).toBe(false)
    expect(cache.put('/b', cache.startRender(), page(), recordOf([]))).toBe(false)
    expect(cache.put('/c', cache.startRender(), page(), { ...newRenderRecord(), tags: new Set(['products']) })).toBe(false)
    expect(cache.size).toBe(0)
  })

  it('drops the pages built from a revalidated tag, and only those', () => {
    const cache = new PageCache()
    cache.put('/products/shirt', cache.startRender(), page(), recordOf(['product:shirt', 'products']))
    cache.put('/products/mug', cache.startRender(), page(), recordOf(['product:mug', 'products']))
    cache.put('/categories/clothing', cache.startRender(), page(), recordOf(['category:clothing', 'categories']))
    expect(cache.revalidateTags(['product:shirt'])).toBe(1)
    expect(cache.get('/products/shirt')).toBeNull()
    expect(cache.get('/products/mug')).not.toBeNull()
    expect(cache.revalidateTags(['products', 'unknown'])).toBe(1)
    expect(cache.get('/products/mug')).toBeNull()
    expect(cache.get('/categories/clothing')).not.toBeNull()
  })

  it('drops a page and those below it by path; / drops them all', () => {
    const cache = new PageCache()
    const keep = (key: string) => cache.put(key, cache.startRender(), page(), recordOf(['products']))
    ;['/categories/clothing', '/categories/clothing/shirts?sort=name', '/categories/clothes', '/products/shirt'].forEach(keep)
    expect(cache.revalidatePath('/categories/clothing')).toBe(2)
    expect(cache.get('/categories/clothes')).not.toBeNull()
    expect(cache.revalidatePath('/')).toBe(2)
    expect(cache.size).toBe(0)
  })

  it('does not keep a render that was under way when something was revalidated (it may show the old data)', () => {
    const cache = new PageCache()
    const before = cache.startRender()
    cache.revalidateTags(['inventory'])
    expect(cache.put('/products/shirt', before, page(), recordOf(['product:shirt']))).toBe(false)
    expect(cache.put('/products/shirt', cache.startRender(), page(), recordOf(['product:shirt']))).toBe(true)
    const during = cache.startRender()
    cache.revalidatePath('/account')
    expect(cache.put('/products/mug', during, page(), recordOf(['product:mug']))).toBe(false)
  })

  it('lets a page live no longer than the shortest lifetime of its reads', () => {
    let now = 1_000_000
    const cache = new PageCache({ now: () => now })
    cache.put('/products/shirt', cache.startRender(), page(), recordOf(['product:shirt'], 60))
    now += 59_999
    expect(cache.get('/products/shirt')).not.toBeNull()
    now += 1
    expect(cache.get('/products/shirt')).toBeNull()
    expect(cache.size).toBe(0)
  })

  it('evicts the least recently used page beyond its page or byte limit', () => {
    const one = page()
    const size = one.pieces.reduce((sum, piece) => sum + piece.length, 0)
    const cache = new PageCache({ maxEntries: 2, maxBytes: size * 3 })
    cache.put('/a', cache.startRender(), page(), recordOf(['x']))
    cache.put('/b', cache.startRender(), page(), recordOf(['x']))
    cache.get('/a')
    cache.put('/c', cache.startRender(), page(), recordOf(['x']))
    expect(cache.get('/b')).toBeNull()
    expect(cache.get('/a')).not.toBeNull()
    expect(cache.storedBytes).toBe(size * 2)

    const bytes = new PageCache({ maxBytes: size * 2 + 1 })
    ;['/a', '/b', '/c'].forEach((key) => bytes.put(key, bytes.startRender(), page(), recordOf(['x'])))
    expect(bytes.size).toBe(2)
    expect(bytes.get('/a')).toBeNull()
    expect(new PageCache({ maxBytes: size - 1 }).put('/big', cache.startRender(), page(), recordOf(['x']))).toBe(false)
  })

  it('replaces a page kept under the same key without counting it twice', () => {
    const cache = new PageCache()
    cache.put('/a', cache.startRender(), page('one'), recordOf(['x']))
    cache.put('/a', cache.startRender(), page('two'), recordOf(['y']))
    expect(cache.size).toBe(1)
    expect(joinWithNonce(cache.get('/a')!.pieces, 'n').toString()).toContain('two')
    expect(cache.revalidateTags(['x'])).toBe(0)
    expect(cache.revalidateTags(['y'])).toBe(1)
    expect(cache.storedBytes).toBe(0)
  })
})

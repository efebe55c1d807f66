import { SizedLru } from './lru'

const entry = (size: number) => ({ size })

describe('SizedLru', () => {
  it('should evict the least recently used entries once over its byte budget', () => {
    const lru = new SizedLru<{ size: number }>(250)
    lru.set('a', entry(99))
    lru.set('b', entry(99))
    lru.get('a')
    lru.set('c', entry(99))
    expect([lru.get('a'), lru.get('b'), lru.get('c')].map(Boolean)).toEqual([true, false, true])
  })

  it('should refuse an entry larger than the whole budget', () => {
    const lru = new SizedLru<{ size: number }>(100)
    lru.set('big', entry(500))
    expect(lru.size).toBe(0)
  })

  it('should keep its byte count when an entry is replaced', () => {
    const lru = new SizedLru<{ size: number }>(1000)
    lru.set('a', entry(100))
    lru.set('a', entry(200))
    expect(lru.totalBytes).toBe(201)
  })
})

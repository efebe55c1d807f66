import { pageCacheSettings } from './env'

describe('pageCacheSettings', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })
  const withEnv = (env: Record<string, string | undefined>) => {
    process.env = { ...saved, STOREFRONT_PAGE_CACHE: undefined, STOREFRONT_PAGE_CACHE_PAGES: undefined, STOREFRONT_PAGE_CACHE_MB: undefined, ...env }
    return pageCacheSettings()
  }

  it('is on in a built storefront and off under next dev, unless set', () => {
    expect(withEnv({ NODE_ENV: 'production' }).enabled).toBe(true)
    expect(withEnv({ NODE_ENV: 'production', STOREFRONT_PAGE_CACHE: 'off' }).enabled).toBe(false)
    expect(withEnv({ NODE_ENV: 'development' }).enabled).toBe(false)
    expect(withEnv({ NODE_ENV: 'development', STOREFRONT_PAGE_CACHE: 'on' }).enabled).toBe(true)
  })

  it('reads its size in pages and MiB, ignoring what is not a positive number', () => {
    expect(withEnv({ STOREFRONT_PAGE_CACHE_PAGES: '500', STOREFRONT_PAGE_CACHE_MB: '16' })).toMatchObject({ maxEntries: 500, maxBytes: 16 * 1024 * 1024 })
    expect(withEnv({ STOREFRONT_PAGE_CACHE_PAGES: 'lots', STOREFRONT_PAGE_CACHE_MB: '-1' })).toMatchObject({ maxEntries: undefined, maxBytes: undefined })
  })
})

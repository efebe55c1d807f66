import { sanitizeCacheInvalidationOptions } from './options'

describe('sanitizeCacheInvalidationOptions', () => {
  it('should default to the catalogue collections and the store-settings global', () => {
    const options = sanitizeCacheInvalidationOptions()
    expect(options.collections).toEqual(['products', 'categories', 'inventory', 'media'])
    expect(options.globals).toEqual(['store-settings'])
    expect(options.stockVersions).toEqual(['inventory', 'products'])
    expect(options.enabled).toBe(true)
  })

  it('should keep the collections it is given', () => {
    expect(sanitizeCacheInvalidationOptions({ collections: ['pages'] }).collections).toEqual(['pages'])
  })
})

/**
 * The shop's own infrastructure, for the first-party infrastructure plugins (cache invalidation, search) that
 * exist to wire it into Payload. A feature plugin (reviews, promotions, your own) has no need of this module.
 */
export { bumpCacheVersions, VERSIONED_COLLECTIONS } from '../../src/infra/cache'
export { processSingleton } from '../../src/infra/processSingleton'
export { productsInCategory, refreshInStock, reindexProducts } from '../../src/infra/search/indexer'
export { createSearchSchema } from '../../src/infra/search/schema'
export { forgetRenderedProducts, productsUsingMedia } from '../../src/infra/search/catalogue'
export { removeFromIndex } from '../../src/infra/search/writer'

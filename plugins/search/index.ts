import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, Plugin } from 'payload'

import { handleSearch } from '../../src/endpoints/search'
import { searchGraphQLQueries } from '../../src/endpoints/searchGraphQL'
import { events } from '../../src/infra/events'
import { logger } from '../../src/infra/logger'
import { oncePerProcess } from '../../src/infra/processSingleton'
import { productsInCategory, refreshInStock, reindexProducts } from '../../src/infra/search/indexer'
import { createSearchSchema } from '../../src/infra/search/schema'
import { removeFromIndex } from '../../src/infra/search/writer'

export interface SearchPluginOptions {
  /**
   * Create the search tables at start. Migrations create them on every kept database; a pushed (throw-away test)
   * database gets none from Payload's push, so the config turns this on exactly when DB_PUSH is.
   */
  createSchemaOnInit: boolean
}

/**
 * Search as a capability of the CMS (docs/search.md): GET /api/search and the SearchProducts GraphQL query, over
 * an index that product and category hooks keep in step inside the writing transaction, and `stock.changed`
 * events keep in step for the in-stock facet. Seeding skips the hooks and rebuilds the index once at its end.
 */
export const searchPlugin =
  (options: SearchPluginOptions): Plugin =>
  (config: Config): Config => {
    const onProductChange: CollectionAfterChangeHook = async ({ doc, req, context }) => {
      // Seeding rebuilds the index at its end; a CSV import reindexes all its products at once before it commits.
      if (context?.seed || context?.csvImport) return doc
      await reindexProducts(req.payload, req, [doc.id])
      return doc
    }
    const onProductDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
      await removeFromIndex(req.payload, req, [Number(doc.id)])
    }
    const onCategoryChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
      if (context?.seed || previousDoc?.title === doc.title) return doc
      await reindexProducts(req.payload, req, await productsInCategory(req.payload, req, doc.id))
      return doc
    }
    const onCategoryDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
      await reindexProducts(req.payload, req, await productsInCategory(req.payload, req, doc.id))
    }
    const hooksFor: Record<string, { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook }> = {
      products: { afterChange: onProductChange, afterDelete: onProductDelete },
      categories: { afterChange: onCategoryChange, afterDelete: onCategoryDelete },
    }
    const existingQueries = config.graphQL?.queries
    const existingOnInit = config.onInit
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        const hooks = hooksFor[collection.slug]
        if (!hooks) return collection
        return {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), hooks.afterChange],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), hooks.afterDelete],
          },
        }
      }),
      endpoints: [...(config.endpoints ?? []), { path: '/search', method: 'get', handler: handleSearch }],
      graphQL: {
        ...config.graphQL,
        queries: (GraphQL, context) => ({ ...(existingQueries?.(GraphQL, context) ?? {}), ...searchGraphQLQueries(GraphQL, context) }),
      },
      onInit: async (payload) => {
        await existingOnInit?.(payload)
        if (options.createSchemaOnInit) await createSearchSchema(payload)
        oncePerProcess('search.stockSubscription', () =>
          events().subscribe('stock.changed', (e) =>
            refreshInStock(payload, e.sku).catch((err: Error) =>
              logger().warn({ err: { message: err.message }, sku: e.sku }, 'Search in-stock refresh failed'),
            ),
          ),
        )
      },
    }
  }

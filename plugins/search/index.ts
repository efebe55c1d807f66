import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { handleSearch } from '../../src/endpoints/search'
import { searchGraphQLQueries } from '../../src/endpoints/searchGraphQL'
import { crossedZero, definePlugin, logger } from '../kit'
import {
  createSearchSchema,
  forgetRenderedProducts,
  productsInCategory,
  productsUsingMedia,
  refreshInStock,
  reindexProducts,
  removeFromIndex,
} from '../kit/platform'

export interface SearchPluginOptions {
  /**
   * Create the search tables at start. Migrations create them on every kept database; a pushed (throw-away test)
   * database gets none from Payload's push, so the config turns this on exactly when DB_PUSH is.
   */
  createSchemaOnInit?: boolean
  enabled?: boolean
}

const defaults = { createSchemaOnInit: false }

/**
 * Search as a capability of the CMS (docs/search.md): GET /api/search and the SearchProducts GraphQL query, over
 * an index that product and category hooks keep in step inside the writing transaction, and `stock.changed`
 * events (each commit's together) keep in step for the in-stock facet. Seeding skips the hooks and rebuilds the index once at its end.
 */
export const searchPlugin = definePlugin<SearchPluginOptions, typeof defaults>({
  name: 'search',
  defaults,
  build: (options) => {
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
      if (context?.seed) return doc
      const products = await productsInCategory(req.payload, req, doc.id)
      // A new title changes the products' search text; any change changes their rendered answers (depth 1 embeds the category).
      if (previousDoc?.title === doc.title) await forgetRenderedProducts(req.payload, req, products)
      else await reindexProducts(req.payload, req, products)
      return doc
    }
    const onCategoryDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
      await reindexProducts(req.payload, req, await productsInCategory(req.payload, req, doc.id))
    }
    // A picture is embedded in the rendered answers of the products that show it (the catalogue read model).
    const onMediaChange = async ({ doc, req, context }: { doc: { id: number | string }; req: PayloadRequest; context?: Record<string, unknown> }) => {
      if (context?.seed) return
      await forgetRenderedProducts(req.payload, req, await productsUsingMedia(req.payload, req, doc.id))
    }
    return {
      hooks: {
        products: { afterChange: [onProductChange], afterDelete: [onProductDelete] },
        categories: { afterChange: [onCategoryChange], afterDelete: [onCategoryDelete] },
        media: {
          afterChange: [async (args) => (await onMediaChange(args), args.doc)],
          afterDelete: [async (args) => void (await onMediaChange(args))],
        },
      },
      endpoints: [{ path: '/search', method: 'get', handler: handleSearch }],
      onInit: async (payload) => {
        if (options.createSchemaOnInit) await createSearchSchema(payload)
      },
      // One statement for all the SKUs a commit took to none or back from none (most sales leave units: no statement).
      eventBatches: {
        'stock.changed': async (changes, { payload }) => {
          const skus = changes.filter(crossedZero).map((c) => c.sku)
          if (skus.length === 0) return
          await refreshInStock(payload, skus).catch((err: Error) => logger().warn({ err: { message: err.message }, skus }, 'Search in-stock refresh failed'))
        },
      },
      extendConfig: (config) => {
        const existingQueries = config.graphQL?.queries
        return {
          ...config,
          // The server's catalogue read model relies on these hooks (src/server/catalogueReads.ts).
          custom: { ...config.custom, catalogueReadModel: true },
          graphQL: {
            ...config.graphQL,
            queries: (GraphQL, context) => ({ ...(existingQueries?.(GraphQL, context) ?? {}), ...searchGraphQLQueries(GraphQL, context) }),
          },
        }
      },
    }
  },
})

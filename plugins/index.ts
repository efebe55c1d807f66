import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import type { Plugin } from 'payload'

import { env } from '../src/infra/env'
import { mediaStoragePlugin } from '../src/infra/mediaStorage'
import { backInStockPlugin } from './back-in-stock'
import { britishDatesPlugin } from './britishDates'
import { cacheInvalidationPlugin } from './cacheInvalidation'
import { promotionsPlugin } from './promotions'
import { reviewsPlugin } from './reviews'
import { searchPlugin } from './search'
import { storefrontRevalidationPlugin } from './storefrontRevalidation'

/**
 * The feature plugins (plugins/README.md), on by default: the whole suite runs with them, which is the
 * contract kit's "core suite passes with the plugin on". `enabled: false` keeps a plugin's tables and turns its
 * behaviour off.
 */
export const featurePlugins = (): Plugin[] => [
  // Discount codes priced at quote and checkout, their use counted in the checkout's transaction (plugins/promotions).
  promotionsPlugin(),
  // Product reviews by customers who bought the product, moderated by merchandisers (plugins/reviews).
  reviewsPlugin(),
  // "Notify me" for sold-out SKUs: one email per subscriber when stock returns (plugins/back-in-stock).
  backInStockPlugin({ storefrontUrl: env().storefrontUrl }),
]

/** Every plugin and its options, in one place; `plugins` lists the ones the app runs with. */
export const pluginsWith = (features: Plugin[]): Plugin[] => [
  nestedDocsPlugin({
    collections: ['categories'],
    generateLabel: (_, doc) => String(doc.title ?? ''),
    generateURL: (docs) => docs.reduce((url, doc) => `${url}/${String(doc.slug ?? '')}`, ''),
  }),
  // Media in S3-compatible storage when S3_BUCKET is set, the local media folder otherwise (docs/operations-runtime.md).
  mediaStoragePlugin(env()),
  // Catalogue edits, publishing and stock events invalidate the read cache (src/infra/cache.ts).
  cacheInvalidationPlugin(),
  // The same changes refresh the storefront's cached pages within moments (POST <storefront>/api/revalidate).
  storefrontRevalidationPlugin({ storefrontUrl: env().storefrontUrl, secret: env().revalidateSecret }),
  // GET /api/search and the SearchProducts GraphQL query (docs/search.md); migrations create the index's tables,
  // a pushed test database gets them at start.
  searchPlugin({ createSchemaOnInit: env().DB_PUSH }),
  ...features,
  // Dates in the admin as a UK shop reads them; last, so it sees every date field the plugins above add.
  britishDatesPlugin(),
]

export const plugins: Plugin[] = pluginsWith(featurePlugins())

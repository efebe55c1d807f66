import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import type { Plugin } from 'payload'

import { env } from '../src/infra/env'
import { britishDatesPlugin } from './britishDates'
import { cacheInvalidationPlugin } from './cacheInvalidation'
import { promotionsPlugin } from './promotions'
import { searchPlugin } from './search'
import { storefrontRevalidationPlugin } from './storefrontRevalidation'

// Every plugin and its options, in one place.
export const plugins: Plugin[] = [
  nestedDocsPlugin({
    collections: ['categories'],
    generateLabel: (_, doc) => String(doc.title ?? ''),
    generateURL: (docs) => docs.reduce((url, doc) => `${url}/${String(doc.slug ?? '')}`, ''),
  }),
  // Catalogue edits, publishing and stock events invalidate the read cache (src/infra/cache.ts).
  cacheInvalidationPlugin(),
  // The same changes refresh the storefront's cached pages within moments (POST <storefront>/api/revalidate).
  storefrontRevalidationPlugin({ storefrontUrl: env().storefrontUrl, secret: env().revalidateSecret }),
  // GET /api/search and the SearchProducts GraphQL query (docs/search.md); migrations create the index's tables,
  // a pushed test database gets them at start.
  searchPlugin({ createSchemaOnInit: env().DB_PUSH }),
  // Discount codes priced at quote and checkout, their use counted in the checkout's transaction (plugins/promotions).
  promotionsPlugin(),
  // Dates in the admin as a UK shop reads them; last, so it sees every date field the plugins above add.
  britishDatesPlugin(),
]

import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import type { Plugin } from 'payload'

import { cacheInvalidationPlugin } from './cacheInvalidation'

// Every plugin and its options, in one place.
export const plugins: Plugin[] = [
  nestedDocsPlugin({
    collections: ['categories'],
    generateLabel: (_, doc) => String(doc.title ?? ''),
    generateURL: (docs) => docs.reduce((url, doc) => `${url}/${String(doc.slug ?? '')}`, ''),
  }),
  // Catalogue edits, publishing and stock events invalidate the read cache (src/infra/cache.ts).
  cacheInvalidationPlugin(),
]

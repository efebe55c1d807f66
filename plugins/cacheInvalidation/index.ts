import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { afterCommit, definePlugin, logger } from '../kit'
import { bumpCacheVersions } from '../kit/platform'
import { cacheInvalidationDefaults, type CacheInvalidationOptions } from './options'

export type { CacheInvalidationOptions }

/**
 * Keeps the read cache honest: a change to a catalogue document or the store settings bumps that
 * collection's cache version once its transaction commits, and every `stock.changed` event (stock moves
 * by SQL, never through Payload hooks) bumps inventory and products.
 */
export const cacheInvalidationPlugin = definePlugin<CacheInvalidationOptions, typeof cacheInvalidationDefaults>({
  name: 'cacheInvalidation',
  defaults: cacheInvalidationDefaults,
  build: (options) => {
    const bump = options.bump ?? bumpCacheVersions
    const safeBump = (names: readonly string[]) =>
      bump(names).catch((err: Error) => logger().warn({ err: { message: err.message }, collections: names }, 'Cache version bump failed'))
    const afterChange =
      (slug: string): CollectionAfterChangeHook & GlobalAfterChangeHook =>
      async ({ req }) => {
        await afterCommit(req, async () => void (await safeBump([slug])))
      }
    const afterDelete =
      (slug: string): CollectionAfterDeleteHook =>
      async ({ req }) => {
        await afterCommit(req, async () => void (await safeBump([slug])))
      }
    return {
      hooks: Object.fromEntries(options.collections.map((slug) => [slug, { afterChange: [afterChange(slug)], afterDelete: [afterDelete(slug)] }])),
      globalHooks: Object.fromEntries(options.globals.map((slug) => [slug, { afterChange: [afterChange(slug)] }])),
      // One bump per commit, however many SKUs it changed.
      eventBatches: { 'stock.changed': async () => void (await safeBump(options.stockVersions)) },
      events: {
        // A CSV import writes its products and stock rows in bulk, without Payload's hooks: one bump for all of them.
        'catalogue.imported': async () => void (await safeBump([...new Set(['products', ...options.stockVersions])])),
      },
    }
  },
})

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Config, GlobalAfterChangeHook, Plugin } from 'payload'

import { bumpCacheVersions } from '../../src/infra/cache'
import { afterCommit } from '../../src/infra/frameworkPatches'
import { events } from '../../src/infra/events'
import { logger } from '../../src/infra/logger'
import { oncePerProcess } from '../../src/infra/processSingleton'
import { sanitizeCacheInvalidationOptions, type CacheInvalidationOptions } from './options'

export type { CacheInvalidationOptions }

/**
 * Keeps the read cache honest: a change to a catalogue document or the store settings bumps that
 * collection's cache version once its transaction commits, and every `stock.changed` event (stock moves
 * by SQL, never through Payload hooks) bumps inventory and products.
 */
export const cacheInvalidationPlugin =
  (incoming: CacheInvalidationOptions = {}): Plugin =>
  (config: Config): Config => {
    const options = sanitizeCacheInvalidationOptions(incoming)
    if (!options.enabled) return config
    const bump = options.bump ?? bumpCacheVersions
    const safeBump = (names: readonly string[]) =>
      bump(names).catch((err: Error) => logger().warn({ err: { message: err.message }, collections: names }, 'Cache version bump failed'))
    const onChange =
      (slug: string): CollectionAfterChangeHook =>
      async ({ req }) => {
        await afterCommit(req, async () => void (await safeBump([slug])))
      }
    const onDelete =
      (slug: string): CollectionAfterDeleteHook =>
      async ({ req }) => {
        await afterCommit(req, async () => void (await safeBump([slug])))
      }
    const onGlobalChange =
      (slug: string): GlobalAfterChangeHook =>
      async ({ req }) => {
        await afterCommit(req, async () => void (await safeBump([slug])))
      }
    const existingOnInit = config.onInit
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) =>
        options.collections.includes(collection.slug)
          ? {
              ...collection,
              hooks: {
                ...collection.hooks,
                afterChange: [...(collection.hooks?.afterChange ?? []), onChange(collection.slug)],
                afterDelete: [...(collection.hooks?.afterDelete ?? []), onDelete(collection.slug)],
              },
            }
          : collection,
      ),
      globals: (config.globals ?? []).map((global) =>
        options.globals.includes(global.slug)
          ? { ...global, hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), onGlobalChange(global.slug)] } }
          : global,
      ),
      onInit: async (payload) => {
        await existingOnInit?.(payload)
        oncePerProcess('cache.stockSubscription', () => events().subscribe('stock.changed', () => safeBump(options.stockVersions).then(() => undefined)))
      },
    }
  }

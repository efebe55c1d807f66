import { resolveOptions } from '../kit'
import { VERSIONED_COLLECTIONS } from '../kit/platform'

export type CacheInvalidationOptions = {
  /** Collections whose changes invalidate cached reads; defaults to the catalogue (products, categories, inventory, media). */
  collections?: string[]
  /** Globals whose changes invalidate cached reads; defaults to store-settings. */
  globals?: string[]
  /** Domain events that change stock, and the versions each bumps. */
  stockVersions?: string[]
  /** Replaces the process-wide cache (tests). */
  bump?: (collections: readonly string[]) => Promise<void>
  enabled?: boolean
}

const GLOBALS = ['store-settings']

export const cacheInvalidationDefaults = {
  collections: VERSIONED_COLLECTIONS.filter((c) => !GLOBALS.includes(c)) as string[],
  globals: GLOBALS,
  // Stock is in the inventory JSON and changes what product pages show.
  stockVersions: ['inventory', 'products'],
}

export const sanitizeCacheInvalidationOptions = (options: CacheInvalidationOptions = {}) =>
  resolveOptions<CacheInvalidationOptions, typeof cacheInvalidationDefaults>(
    { name: 'cacheInvalidation', defaults: cacheInvalidationDefaults, build: () => ({}) },
    options,
  )

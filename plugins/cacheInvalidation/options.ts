import { VERSIONED_COLLECTIONS } from '../../src/infra/cache'

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

export type SanitizedCacheInvalidationOptions = Required<Omit<CacheInvalidationOptions, 'bump'>> & Pick<CacheInvalidationOptions, 'bump'>

const GLOBALS = ['store-settings']

export function sanitizeCacheInvalidationOptions(options: CacheInvalidationOptions = {}): SanitizedCacheInvalidationOptions {
  return {
    collections: options.collections ?? VERSIONED_COLLECTIONS.filter((c) => !GLOBALS.includes(c)),
    globals: options.globals ?? GLOBALS,
    // Stock is in the inventory JSON and changes what product pages show.
    stockVersions: options.stockVersions ?? ['inventory', 'products'],
    bump: options.bump,
    enabled: options.enabled ?? true,
  }
}

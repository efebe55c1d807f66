// The one place the storefront reads process.env; always at run time, never at build time.

export type AppEnv = 'development' | 'staging' | 'production'

export function appEnv(): AppEnv {
  const value = process.env.APP_ENV
  return value === 'staging' || value === 'production' ? value : 'development'
}

/** Staging and production: secure cookies, no test payments offered. */
export function isStrict(): boolean {
  return appEnv() !== 'development'
}

/** The CMS as this server reaches it (may be an internal address the browser cannot see). */
export function cmsUrl(): string {
  return (process.env.CMS_URL || 'http://localhost:8000').replace(/\/+$/, '')
}

/** The storefront's public address, for absolute URLs in JSON-LD and metadata. */
export function storefrontUrl(): string {
  const port = process.env.STOREFRONT_PORT || '3000'
  return (process.env.STOREFRONT_URL || `http://localhost:${port}`).replace(/\/+$/, '')
}

export function revalidateSecret(): string | null {
  return process.env.REVALIDATE_SECRET || null
}

/** Shared with the CMS: signs the shopper's address on calls to it (CLIENT_ADDRESS_SECRET). */
export function clientAddressSecret(): string | null {
  return process.env.CLIENT_ADDRESS_SECRET || null
}

export function metricsToken(): string | null {
  return process.env.METRICS_TOKEN || null
}

/** Payment methods to offer; mirrors the CMS's PAYMENT_METHODS (test-card never when strict). */
export function offeredPaymentMethods(): ('test-card' | 'manual')[] {
  const listed = (process.env.PAYMENT_METHODS || 'manual,test-card').split(',').map((m) => m.trim())
  const methods: ('test-card' | 'manual')[] = []
  if (listed.includes('test-card') && !isStrict()) methods.push('test-card')
  if (listed.includes('manual')) methods.push('manual')
  return methods.length > 0 ? methods : ['manual']
}

/** True while `next build` prerenders: nothing may call the CMS then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build'
}

/**
 * The page cache (lib/pageCache): on in a built storefront unless STOREFRONT_PAGE_CACHE=off (off under `next dev`, where
 * an edited component must show at once, unless STOREFRONT_PAGE_CACHE=on); its size in pages and in MiB.
 */
export function pageCacheSettings(vars: NodeJS.ProcessEnv = process.env): { enabled: boolean; maxEntries?: number; maxBytes?: number } {
  const setting = vars.STOREFRONT_PAGE_CACHE ?? ''
  const enabled = /^(on|true|1)$/i.test(setting) || (vars.NODE_ENV === 'production' && !/^(off|false|0)$/i.test(setting))
  const pages = Number(vars.STOREFRONT_PAGE_CACHE_PAGES)
  const megabytes = Number(vars.STOREFRONT_PAGE_CACHE_MB)
  return {
    enabled,
    maxEntries: Number.isInteger(pages) && pages > 0 ? pages : undefined,
    maxBytes: Number.isFinite(megabytes) && megabytes > 0 ? megabytes * 1024 * 1024 : undefined,
  }
}

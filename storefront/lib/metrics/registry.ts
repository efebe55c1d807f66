import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export interface StorefrontMetrics {
  registry: Registry
  httpDuration: Histogram<'method' | 'route' | 'status'>
  revalidations: Counter<'kind'>
  cmsFetchErrors: Counter<'endpoint'>
  pageCache: Counter<'result'>
}

function createMetrics(): StorefrontMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Storefront HTTP request duration by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    revalidations: new Counter({
      name: 'storefront_revalidations_total',
      help: 'Cache revalidations asked for through POST /api/revalidate',
      labelNames: ['kind'],
      registers: [registry],
    }),
    cmsFetchErrors: new Counter({
      name: 'storefront_cms_fetch_errors_total',
      help: 'CMS requests that failed (network error, timeout or 5xx)',
      labelNames: ['endpoint'],
      registers: [registry],
    }),
    pageCache: new Counter({
      name: 'storefront_page_cache_total',
      help: 'Catalogue page views by page cache outcome: hit, miss (rendered), waited (for a render in progress); stored or not_stored after a render',
      labelNames: ['result'],
      registers: [registry],
    }),
  }
}

// One registry per process: instrumentation, route handlers and pages are separate bundles.
const KEY = Symbol.for('ipswich.storefront.metrics')

export function metrics(): StorefrontMetrics {
  const store = globalThis as unknown as { [KEY]?: StorefrontMetrics }
  store[KEY] ??= createMetrics()
  return store[KEY]
}

export function countCmsFetchError(endpoint: string): void {
  metrics().cmsFetchErrors.inc({ endpoint })
}

import client, { type Counter, type Gauge, type Histogram, type Registry } from 'prom-client'

import type { EventBus } from '../commerce/events'
import type { OrderEmailKind } from '../commerce/followUps'
import { oncePerProcess, processSingleton } from './processSingleton'

// Names and labels are fixed by docs/CONTRACT.md; ops/ dashboards and alerts depend on them.
export type CheckoutRefusalReason =
  'out_of_stock' | 'invalid' | 'payment_declined' | 'busy' | 'idempotency_conflict' | 'rate_limited' | 'price_changed' | 'discount' | 'hold_limit'
export type ReadinessCheck = 'database' | 'redis' | 'migrations' | 'media'
export type StockCounts = { low: number; out: number }
// The `template` label of the email counters: snake_case, one value per kind of email.
export type EmailTemplate = `order_${OrderEmailKind}` | 'low_stock_digest' | 'low_stock_alert' | 'webhook_disabled'

export interface Metrics {
  registry: Registry
  httpDuration: Histogram<'method' | 'route' | 'status'>
  cacheRequests: Counter<'result' | 'tier'>
  ordersPlaced: Counter<'payment_method'>
  ordersValue: Counter<'payment_method'>
  checkoutRefusals: Counter<'reason'>
  stockUpdateRefused: Counter
  lowStockSkus: Gauge
  outOfStockSkus: Gauge
  jobsRun: Counter<'task'>
  jobsFailed: Counter<'task'>
  jobDuration: Histogram<'task'>
  emailsSent: Counter<'template'>
  emailsFailed: Counter<'template'>
  readiness: Gauge<'check'>
  sources: { stock?: () => Promise<StockCounts>; readiness?: () => Promise<unknown> }
}

const HTTP_DURATION = {
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by method, route template and status',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
}

type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number]

/**
 * http_request_duration_seconds counted by hand, for the edge's cache hits (src/server/edge): prom-client validates and
 * hashes the labels on every observation, a twentieth of such a hit's time. Read as prom-client's own JSON for
 * the histogram, to be added to a registry's (`aggregatedMetrics`).
 */
export function handCountedDurations() {
  const { name, help, buckets } = HTTP_DURATION
  const series = new Map<string, { labels: Record<string, string>; counts: number[]; sum: number; count: number }>()
  return {
    labels(method: string, route: string, status: string): { observe(seconds: number): void } {
      const key = `${method} ${route} ${status}`
      let one = series.get(key)
      if (!one) {
        one = { labels: { method, route, status }, counts: buckets.map(() => 0), sum: 0, count: 0 }
        series.set(key, one)
      }
      const counted = one
      return {
        observe(seconds) {
          const at = buckets.findIndex((bound) => seconds <= bound)
          if (at !== -1) counted.counts[at]!++
          counted.sum += seconds
          counted.count++
        },
      }
    },
    toJSON(): MetricJson {
      const values = [...series.values()].flatMap(({ labels, counts, sum, count }) => {
        let below = 0
        return [
          ...buckets.map((le, i) => ({ labels: { le, ...labels }, value: (below += counts[i]!), metricName: `${name}_bucket` })),
          { labels: { le: '+Inf', ...labels }, value: count, metricName: `${name}_bucket` },
          { labels: { ...labels }, value: sum, metricName: `${name}_sum` },
          { labels: { ...labels }, value: count, metricName: `${name}_count` },
        ]
      })
      return { name, help, type: 'histogram', values, aggregator: 'sum' } as unknown as MetricJson
    },
  }
}

/**
 * `processMetrics: false` for a second registry in the same process (the edge's thread, src/server/edge): the
 * process's CPU, memory and handles are counted once, by the main registry.
 */
export function createMetrics({ processMetrics = true }: { processMetrics?: boolean } = {}): Metrics {
  const registry = new client.Registry()
  if (processMetrics) client.collectDefaultMetrics({ register: registry })
  const sources: Metrics['sources'] = {}
  let stockRead: Promise<StockCounts> | undefined
  // One inventory query serves both gauges of a scrape.
  const stockCounts = () => {
    stockRead ??= (sources.stock?.() ?? Promise.resolve({ low: 0, out: 0 })).finally(() => setTimeout(() => (stockRead = undefined), 1000).unref())
    return stockRead
  }
  const counter = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new client.Counter<L>({ name, help, labelNames, registers: [registry] })
  return {
    registry,
    sources,
    httpDuration: new client.Histogram({ ...HTTP_DURATION, labelNames: ['method', 'route', 'status'], registers: [registry] }),
    cacheRequests: counter('cache_requests_total', 'Read-cache lookups by result and tier', ['result', 'tier']),
    ordersPlaced: counter('orders_placed_total', 'Orders placed', ['payment_method']),
    ordersValue: counter('orders_value_pence_total', 'Value of orders placed, in pence', ['payment_method']),
    checkoutRefusals: counter('checkout_refusals_total', 'Checkouts refused, by reason', ['reason']),
    stockUpdateRefused: counter('stock_update_refused_total', 'Conditional stock updates refused because stock was short'),
    lowStockSkus: new client.Gauge({
      name: 'inventory_low_stock_skus',
      help: 'SKUs at or below their low-stock threshold',
      registers: [registry],
      async collect() {
        this.set((await stockCounts().catch(() => ({ low: NaN, out: NaN }))).low)
      },
    }),
    outOfStockSkus: new client.Gauge({
      name: 'inventory_out_of_stock_skus',
      help: 'SKUs with no available stock',
      registers: [registry],
      async collect() {
        this.set((await stockCounts().catch(() => ({ low: NaN, out: NaN }))).out)
      },
    }),
    jobsRun: counter('jobs_run_total', 'Job runs, by task', ['task']),
    jobsFailed: counter('jobs_failed_total', 'Failed job runs, by task', ['task']),
    jobDuration: new client.Histogram({
      name: 'job_duration_seconds',
      help: 'Job run duration, by task',
      labelNames: ['task'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    emailsSent: counter('emails_sent_total', 'Emails sent, by template', ['template']),
    emailsFailed: counter('emails_failed_total', 'Emails that failed to send, by template', ['template']),
    readiness: new client.Gauge({
      name: 'readiness_check_up',
      help: 'Readiness checks: 1 up, 0 down',
      labelNames: ['check'],
      registers: [registry],
      async collect() {
        // The scrape refreshes the checks, so alerts don't depend on someone calling /api/health/ready.
        await sources.readiness?.().catch(() => undefined)
      },
    }),
  }
}

/** The Prometheus text of several registries' metrics (as `getMetricsAsJSON` gives them), counts of one name summed. */
export async function aggregatedMetrics(parts: Awaited<ReturnType<Registry['getMetricsAsJSON']>>[]): Promise<{ text: string; contentType: string }> {
  const registry = client.AggregatorRegistry.aggregate(parts)
  return { text: await registry.metrics(), contentType: registry.contentType }
}

// One registry per process: Next's bundled endpoints and the server record into the same one.
export function metrics(): Metrics {
  return processSingleton('metrics', createMetrics)
}

/** Called by the checkout endpoint for each refused checkout. */
export function recordCheckoutRefusal(reason: CheckoutRefusalReason): void {
  metrics().checkoutRefusals.inc({ reason })
}

/** Called where a conditional stock update (`… WHERE available + change >= 0`) matched no row. */
export function recordStockUpdateRefused(): void {
  metrics().stockUpdateRefused.inc()
}

/** Called by each job task when a run ends. */
export function recordJob(task: string, ok: boolean, seconds: number): void {
  const m = metrics()
  m.jobsRun.inc({ task })
  if (!ok) m.jobsFailed.inc({ task })
  m.jobDuration.observe({ task }, seconds)
}

/** Called by sendAndRecord (src/infra/mailer.ts) after each send attempt. */
export function recordEmail(template: EmailTemplate, ok: boolean): void {
  const m = metrics()
  ;(ok ? m.emailsSent : m.emailsFailed).inc({ template })
}

export function recordReadiness(check: ReadinessCheck, up: boolean): void {
  metrics().readiness.set({ check }, up ? 1 : 0)
}

export function setStockCountsSource(source: () => Promise<StockCounts>): void {
  metrics().sources.stock = source
}

export function setReadinessSource(source: () => Promise<unknown>): void {
  metrics().sources.readiness = source
}

/** Orders arrive as domain events; subscribed once per process. */
export function subscribeOrderMetrics(bus: EventBus): void {
  oncePerProcess('metrics.orders', () =>
    bus.subscribe('order.placed', (order) => {
      const m = metrics()
      const labels = { payment_method: order.paymentMethod }
      m.ordersPlaced.inc(labels)
      m.ordersValue.inc(labels, order.totals.total)
    }),
  )
}

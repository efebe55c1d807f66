import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { Payload } from 'payload'

import { events } from '../../src/infra/events'
import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { setStockCountsSource, subscribeOrderMetrics } from '../../src/infra/metrics'
import { countStockLevels } from '../../src/server/sources'
import { cacheDisabled, http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { checkoutBody, configureStore, newKey, productWithStock, staffToken } from '../helpers/shop'

const PROMTOOL = '/usr/bin/promtool'
// prom-client's own default gauges end in _total; promtool flags them and nothing else may be flagged.
const DEFAULT_GAUGES = /^nodejs_active_(handles|requests|resources)_total non-counter metrics should not have "_total" suffix$/

let app: TestPayload
let payload: Payload
let server: OpsServer
let guarded: OpsServer
let scrape: string

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
  const api = await restClient(payload.config)
  await configureStore(payload)
  const staff = (await staffToken(payload)).token
  await productWithStock(payload, api, staff, 'METRIC-1', 2500, 6)
  await productWithStock(payload, api, staff, 'METRIC-0', 100, 0)
  subscribeOrderMetrics(events())
  setStockCountsSource(() => countStockLevels(payload))
  server = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter() })
  guarded = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter(), settings: { METRICS_TOKEN: 'scrape-token-123' } })
  const placed = await http(`${server.url}/api/checkout`, {
    method: 'POST',
    json: checkoutBody([{ sku: 'METRIC-1', quantity: 2 }]),
    headers: { 'idempotency-key': newKey() },
  })
  if (placed.status !== 201) throw new Error(`checkout failed: ${placed.status} ${placed.text}`)
  scrape = (await http(`${server.url}/metrics`)).text
})

afterAll(async () => {
  await server?.close()
  await guarded?.close()
  await app?.close()
})

describe('GET /metrics after a checkout', () => {
  it('should count the order and its value by payment method', () => {
    expect(scrape).toContain('orders_placed_total{payment_method="test-card"} 1')
    expect(scrape).toMatch(/orders_value_pence_total\{payment_method="test-card"\} \d+/)
  })

  it('should time the checkout request under its route template', () => {
    expect(scrape).toContain('http_request_duration_seconds_count{method="POST",route="/api/checkout",status="201"} 1')
  })

  it('should report SKUs low on and out of stock from the inventory table', () => {
    expect(scrape).toContain('inventory_low_stock_skus 2')
    expect(scrape).toContain('inventory_out_of_stock_skus 1')
  })

  it('should report readiness per check', () => {
    expect(scrape).toContain('readiness_check_up{check="database"} 1')
    expect(scrape).toContain('readiness_check_up{check="media"} 1')
  })

  ;(existsSync(PROMTOOL) || process.env.CI === 'true' ? it : it.skip)('should pass promtool check metrics apart from prom-client default gauges', () => {
    const result = spawnSync(PROMTOOL, ['check', 'metrics'], { input: scrape, encoding: 'utf8' })
    const problems = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() && !DEFAULT_GAUGES.test(line.trim()))
    expect(problems).toEqual([])
  })
})

describe('health, request ids and the metrics token', () => {
  it('should answer liveness with 200 ok', async () => {
    const res = await http(`${server.url}/api/health`)
    expect([res.status, res.json]).toEqual([200, { status: 'ok' }])
  })

  it('should answer readiness with every check', async () => {
    const res = await http(`${server.url}/api/health/ready`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.json.checks).sort()).toEqual(['database', 'media', 'migrations', 'redis'])
  })

  it('should return the X-Request-Id it was given, and make one up otherwise', async () => {
    const given = await http(`${server.url}/api/health`, { headers: { 'x-request-id': 'trace-abc.123' } })
    const made = await http(`${server.url}/api/health`, { headers: { 'x-request-id': 'bad id with spaces' } })
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123')
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('should refuse a scrape without the bearer token when one is set', async () => {
    const refused = await http(`${guarded.url}/metrics`)
    const allowed = await http(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer scrape-token-123' } })
    expect([refused.status, allowed.status]).toEqual([401, 200])
  })

  it('should say 503 shutting_down on readiness once shutdown has begun', async () => {
    guarded.state.shuttingDown = true
    const res = await http(`${guarded.url}/api/health/ready`)
    guarded.state.shuttingDown = false
    expect([res.status, res.json.status]).toEqual([503, 'shutting_down'])
  })
})

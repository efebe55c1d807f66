import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'

import { shopClient, verifyDelivery } from '../../examples/client/client'
import { memoryRateLimiter } from '../../src/infra/rateLimit'
import { cacheDisabled, http, startOpsServer, type OpsServer } from '../helpers/opsServer'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { apiKeyFor, configureStore, productWithStock, staffToken } from '../helpers/shop'
import { startWebhookReceiver } from '../helpers/webhookReceiver'

// docs/integrators.md, run: the example client in examples/client, typed from /api/openapi.json, against the real
// server front (API keys judged there), with a webhook receiver on 127.0.0.1.

let app: TestPayload
let payload: Payload
let server: OpsServer
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  app = await bootPayload({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true', WEBHOOK_RETRY_DELAY_MS: '0' })
  payload = app.payload
  await configureStore(payload)
  const api = await restClient(payload.config)
  await productWithStock(payload, api, (await staffToken(payload, 'admin')).token, 'EXAMPLE-1', 1500, 4)
  server = await startOpsServer(payload, { cache: cacheDisabled, limiter: memoryRateLimiter() })
})

afterAll(async () => {
  await server?.close()
  await receiver?.close()
  await app?.close()
})

async function settleDeliveries() {
  for (let round = 0; round < 10; round++) {
    await payload.jobs.run({ limit: 100 })
    const open = await payload.count({ collection: 'webhook-deliveries', where: { status: { in: ['pending', 'retrying'] } }, overrideAccess: true })
    if (open.totalDocs === 0) return
  }
}

describe('the integrator walk-through (docs/integrators.md)', () => {
  it('should have types generated from every path of the live OpenAPI document', async () => {
    const live = await http(`${server.url}/api/openapi.json`)
    const types = readFileSync('examples/client/api.d.ts', 'utf8')
    // Payload adds its admin's Open Graph image route (/api/og) when it starts; the script's config has not started.
    const paths = Object.keys(live.json.paths as Record<string, unknown>).filter((p) => p !== '/api/og')
    const missing = paths.filter((p) => !types.includes(`"${p}": {`))
    // Run `npm run generate:api-types` after changing an endpoint.
    expect(missing).toEqual([])
  })

  it('should read, adjust stock safely and receive a signed webhook with nothing but an API key', async () => {
    const key = await apiKeyFor(payload, ['catalogue:read', 'inventory:write', 'webhooks:manage'])
    const shop = shopClient(server.url, key.apiKey)

    const page = await shop.products()
    expect(page.docs.map((p) => (p as { sku?: string }).sku)).toContain('EXAMPLE-1')

    const hook = await shop.subscribe(`${receiver.url}/ipswich`, ['stock.changed'], 'integrator@example.com')
    expect(hook.secret).toMatch(/^whsec_/)

    const first = await shop.adjustStock('EXAMPLE-1', 6, 'Delivery from supplier', 'example-delivery-0001')
    const retry = await shop.adjustStock('EXAMPLE-1', 6, 'Delivery from supplier', 'example-delivery-0001')
    expect([first.available, first.replayed]).toEqual([10, false])
    expect([retry.available, retry.replayed]).toEqual([10, true])

    await settleDeliveries()
    const deliveries = receiver.at('/ipswich')
    expect(deliveries.map((d) => d.json.event)).toEqual(['stock.changed'])
    expect(verifyDelivery(hook.secret, String(deliveries[0].headers['ipswich-signature']), deliveries[0].body)).toBe(true)
    expect(verifyDelivery('whsec_wrong', String(deliveries[0].headers['ipswich-signature']), deliveries[0].body)).toBe(false)
  })

  it('should refuse the key a write its scopes do not hold, and a revoked key', async () => {
    const key = await apiKeyFor(payload, ['catalogue:read'])
    await expect(shopClient(server.url, key.apiKey).adjustStock('EXAMPLE-1', 1, 'Not allowed')).rejects.toThrow(/^403 forbidden/)
    await payload.update({ collection: 'integrations', id: key.id, data: { active: false }, overrideAccess: true })
    await expect(shopClient(server.url, key.apiKey).products()).rejects.toThrow(/^401 unauthorized/)
  })
})

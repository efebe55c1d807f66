import type { Payload } from 'payload'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { configureStore, productWithStock, staffToken } from '../helpers/shop'
import { startWebhookReceiver } from '../helpers/webhookReceiver'

// As staging and production run: WEBHOOK_ALLOW_PRIVATE_URLS unset, so private addresses are refused.
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let admin: string
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  app = await bootPayload({ APP_ENV: 'staging', PAYMENT_METHODS: 'manual', WEBHOOK_MAX_ATTEMPTS: '1' })
  payload = app.payload
  api = await restClient(payload.config)
  await configureStore(payload)
  admin = (await staffToken(payload, 'admin')).token
})

afterAll(async () => {
  await receiver?.close()
  await app?.close()
})

const count = async () => (await payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs
const hook = (url: string) => ({ url, events: ['stock.changed' as const], ownerEmail: 'ops@example.com' })

describe('webhook URLs outside development', () => {
  it('should refuse URLs on loopback, private and link-local addresses with 400 naming the address, and store nothing', async () => {
    const urls = [`${receiver.url}/hook`, 'http://localhost:9/hook', 'https://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:9/hook']
    const answers = await Promise.all(urls.map((url) => api.post('/webhooks', hook(url), { token: admin })))
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400])
    expect(answers[0].text).toContain('resolves to 127.0.0.1, a private, loopback or link-local address')
    expect(answers[1].text).toMatch(/resolves to (127\.0\.0\.1|::1), a private/)
    expect(answers[3].text).toContain('169.254.169.254')
    expect(await count()).toBe(0)
  })

  it('should refuse a private address again at delivery time, when the URL changed behind the check', async () => {
    // Saved as if DNS had pointed somewhere public then; it resolves to the loopback receiver now.
    const saved = await payload.create({ collection: 'webhooks', data: hook(`${receiver.url}/hook`), overrideAccess: true, context: { webhookInternal: true } })
    await productWithStock(payload, api, admin, 'PRIV-1', 500, 2)
    await payload.jobs.run({ limit: 100 })
    const { docs } = await payload.find({ collection: 'webhook-deliveries', where: { webhook: { equals: saved.id } }, overrideAccess: true })
    expect(docs.map((d) => [d.event, d.status, d.responseCode])).toEqual([['stock.changed', 'failed', null]])
    expect(docs[0].lastError).toContain('resolves to 127.0.0.1, a private, loopback or link-local address')
    expect(receiver.received).toEqual([])
  })
})

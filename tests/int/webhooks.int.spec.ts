import type { Payload } from 'payload'

import { WEBHOOK_EVENTS } from '../../src/commerce/webhooks/events'
import { verifyWebhook } from '../../src/commerce/webhooks/signature'
import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { checkoutBody, configureStore, newKey, productWithStock, staffToken } from '../helpers/shop'
import { freePort, startSmtpServer, type TestMailServer } from '../helpers/smtp'
import { documentedVerifier, startWebhookReceiver } from '../helpers/webhookReceiver'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let admin: string
let merchandiser: string
let smtp: TestMailServer
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
const verify = documentedVerifier()

beforeAll(async () => {
  const port = await freePort()
  smtp = await startSmtpServer(port)
  receiver = await startWebhookReceiver({ '/flaky': [500, 500, 200], '/down': [500], '/recovers': [500, 500, 500, 200] })
  app = await bootPayload({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    // The receiver lives on 127.0.0.1; retries follow at once so the queue can be run to the end.
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    WEBHOOK_RETRY_DELAY_MS: '0',
    WEBHOOK_MAX_ATTEMPTS: '3',
    WEBHOOK_DISABLE_AFTER_FAILURES: '2',
  })
  payload = app.payload
  api = await restClient(payload.config)
  await configureStore(payload)
  admin = (await staffToken(payload, 'admin')).token
  merchandiser = (await staffToken(payload)).token
})

afterAll(async () => {
  await receiver?.close()
  await smtp?.close()
  await app?.close()
})

afterEach(async () => {
  await payload.delete({ collection: 'webhooks', where: { id: { exists: true } }, overrideAccess: true })
})

/** Runs the jobs queue until no delivery waits for another attempt. */
async function settleDeliveries() {
  for (let round = 0; round < 20; round++) {
    await payload.jobs.run({ limit: 100 })
    const open = await payload.count({ collection: 'webhook-deliveries', where: { status: { in: ['pending', 'retrying'] } }, overrideAccess: true })
    if (open.totalDocs === 0) return
  }
  throw new Error('Webhook deliveries did not settle')
}

async function createWebhook(path: string, events: string[], ownerEmail = 'integrator@example.com') {
  const res = await api.post('/webhooks', { url: `${receiver.url}${path}`, events, ownerEmail }, { token: admin })
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${res.text}`)
  return res.json.doc as { id: number; secret: string }
}

describe('webhook deliveries', () => {
  it('should send exactly one signed delivery per event, verifiable with the documented recipe', async () => {
    const hook = await createWebhook('/all', [...WEBHOOK_EVENTS])
    const step = async (work: () => Promise<unknown>) => {
      const before = receiver.at('/all').length
      await work()
      await settleDeliveries()
      return receiver
        .at('/all')
        .slice(before)
        .map((r) => r.json.event)
    }

    const product = await payload.create({ collection: 'products', data: { title: 'Hook mug', price: 1200, sku: 'HOOK-1', _status: 'published' } })
    expect(await step(async () => undefined)).toEqual(['product.published'])
    expect(await step(() => api.post('/inventory/adjust', { sku: 'HOOK-1', delta: 10, reason: 'Delivery' }, { token: admin }))).toEqual(['stock.changed'])
    let order: { id: number } | undefined
    const placed = await step(async () => {
      const res = await api.post('/checkout', checkoutBody([{ sku: 'HOOK-1', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
      order = res.json.order
    })
    expect(placed.sort()).toEqual(['order.placed', 'stock.changed'])
    const moved = await step(() =>
      api.post(`/orders/${order!.id}/transition`, { to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM1' }, { token: admin }),
    )
    expect(moved).toEqual(['order.transitioned'])
    const low = await step(() => api.post('/inventory/adjust', { sku: 'HOOK-1', delta: -6, reason: 'Breakage' }, { token: admin }))
    expect(low.sort()).toEqual(['stock.changed', 'stock.low'])
    expect(await step(() => payload.update({ collection: 'products', id: product.id, data: { title: 'Hook mug, blue' } }))).toEqual(['product.updated'])
    expect(await step(() => payload.update({ collection: 'products', id: product.id, data: { title: 'Draft only' }, draft: true }))).toEqual([])
    expect(await step(() => payload.update({ collection: 'products', id: product.id, data: { _status: 'draft' } }))).toEqual(['product.unpublished'])

    const all = receiver.at('/all')
    expect(all.map((r) => verify(r.body, r.headers['ipswich-signature'], hook.secret))).toEqual(all.map(() => true))
    expect(all.map((r) => r.headers['ipswich-event'])).toEqual(all.map((r) => r.json.event))
    expect(all.map((r) => r.headers['ipswich-delivery'])).toEqual(all.map((r) => r.json.id))
    expect(new Set(all.map((r) => r.json.id)).size).toBe(all.length)
    expect(all.find((r) => r.json.event === 'order.transitioned')?.json.data).toMatchObject({ orderId: order!.id, from: 'paid', to: 'fulfilled' })
  })

  it('should fail verification for a wrong secret, a changed body or an old timestamp', async () => {
    const hook = await createWebhook('/verify', ['stock.changed'])
    await productWithStock(payload, api, admin, 'HOOK-V', 500, 3)
    await settleDeliveries()
    const [delivery] = receiver.at('/verify')
    const signature = delivery.headers['ipswich-signature']
    expect(verify(delivery.body, signature, 'whsec_wrong')).toBe(false)
    expect(verify(delivery.body.replace('"available":3', '"available":30'), signature, hook.secret)).toBe(false)
    expect(verify(delivery.body, signature, hook.secret, 300, Date.now() / 1000 + 301)).toBe(false)
    expect(verifyWebhook({ secret: hook.secret, body: delivery.body, signature: String(signature) }).ok).toBe(true)
  })

  it('should retry a delivery answered 500 twice and log three attempts with their codes', async () => {
    await createWebhook('/flaky', ['stock.changed'])
    await productWithStock(payload, api, admin, 'HOOK-R', 500, 4)
    await settleDeliveries()
    const received = receiver.at('/flaky')
    expect(received.map((r) => r.json.event)).toEqual(['stock.changed', 'stock.changed', 'stock.changed'])
    expect(new Set(received.map((r) => r.headers['ipswich-delivery'])).size).toBe(1)
    const delivery = await payload.findByID({ collection: 'webhook-deliveries', id: received[0].json.id, overrideAccess: true })
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, responseCode: 200 })
    expect((delivery.history as { responseCode: number }[]).map((a) => a.responseCode)).toEqual([500, 500, 200])
  })

  it('should switch off a webhook that keeps failing and email its owner', async () => {
    const hook = await createWebhook('/down', ['stock.changed'], 'owner-down@example.com')
    await productWithStock(payload, api, admin, 'HOOK-D', 500, 1)
    await api.post('/inventory/adjust', { sku: 'HOOK-D', delta: 1, reason: 'Found one' }, { token: admin })
    await settleDeliveries()
    expect(receiver.at('/down')).toHaveLength(6)
    const saved = await payload.findByID({ collection: 'webhooks', id: hook.id, overrideAccess: true })
    expect(saved).toMatchObject({ active: false, consecutiveFailures: 2 })
    expect(saved.disabledReason).toMatch(/2 failed deliveries in a row; last error: The receiver answered 500/)
    const mail = smtp.mails.find((m) => m.subject?.startsWith('Webhook disabled'))
    expect(mail?.to).toMatchObject({ text: 'owner-down@example.com' })
    expect(mail?.text).toContain(`${receiver.url}/down`)

    await api.post('/inventory/adjust', { sku: 'HOOK-D', delta: 1, reason: 'Another' }, { token: admin })
    await settleDeliveries()
    expect(receiver.at('/down')).toHaveLength(6)
  })

  it('should start the failure count afresh after a delivery succeeds', async () => {
    const hook = await createWebhook('/recovers', ['stock.changed'])
    await productWithStock(payload, api, admin, 'HOOK-OK', 500, 1)
    await settleDeliveries()
    expect(await payload.findByID({ collection: 'webhooks', id: hook.id, overrideAccess: true })).toMatchObject({ consecutiveFailures: 1, active: true })
    await api.post('/inventory/adjust', { sku: 'HOOK-OK', delta: 1, reason: 'Found one' }, { token: admin })
    await settleDeliveries()
    expect(receiver.at('/recovers').map((r) => r.json.data.available)).toEqual([1, 1, 1, 2])
    expect(await payload.findByID({ collection: 'webhooks', id: hook.id, overrideAccess: true })).toMatchObject({ consecutiveFailures: 0, active: true })
  })

  it('should redeliver a logged delivery as a new one when an admin asks, and refuse a merchandiser', async () => {
    await createWebhook('/again', ['stock.changed'])
    await productWithStock(payload, api, admin, 'HOOK-A', 500, 2)
    await settleDeliveries()
    const [first] = receiver.at('/again')
    expect((await api.post(`/webhook-deliveries/${first.json.id}/redeliver`, undefined, { token: merchandiser })).status).toBe(403)
    const res = await api.post(`/webhook-deliveries/${first.json.id}/redeliver`, undefined, { token: admin })
    expect(res.status).toBe(202)
    await settleDeliveries()
    const again = receiver.at('/again')
    expect(again.map((r) => r.json.id)).toEqual([first.json.id, String(res.json.id)])
    expect(again[1].json.data).toEqual(first.json.data)
    expect((await api.post('/webhook-deliveries/999999/redeliver', undefined, { token: admin })).status).toBe(404)
  })
})

describe('managing webhooks', () => {
  const count = async () => (await payload.count({ collection: 'webhooks', overrideAccess: true })).totalDocs

  it('should show the generated secret in the answer to the create and never take one from the request', async () => {
    const res = await api.post('/webhooks', { url: `${receiver.url}/x`, events: ['stock.low'], ownerEmail: 'a@example.com', secret: 'mine' }, { token: admin })
    expect(res.status).toBe(201)
    expect(res.json.doc.secret).toMatch(/^whsec_[0-9a-f]{64}$/)
    const patched = await api.patch(`/webhooks/${res.json.doc.id}`, { secret: 'mine' }, { token: admin })
    expect(patched.json.doc.secret).toBe(res.json.doc.secret)
  })

  it('should refuse a missing URL, an unknown event or a non-http URL with 400 and store nothing', async () => {
    const before = await count()
    const bad = [
      { events: ['stock.low'], ownerEmail: 'a@example.com' },
      { url: `${receiver.url}/x`, events: ['order.deleted'], ownerEmail: 'a@example.com' },
      { url: 'ftp://example.com/hook', events: ['stock.low'], ownerEmail: 'a@example.com' },
      { url: 'hooks.example.com', events: ['stock.low'], ownerEmail: 'a@example.com' },
      { url: `${receiver.url}/x`, events: [], ownerEmail: 'a@example.com' },
    ]
    const answers = await Promise.all(bad.map((body) => api.post('/webhooks', body, { token: admin })))
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400])
    expect(answers[2].text).toContain('Webhook URLs must use http or https, not ftp')
    expect(await count()).toBe(before)
  })

  it('should delete a webhook’s delivery log with it', async () => {
    const hook = await createWebhook('/gone', ['stock.changed'])
    await productWithStock(payload, api, admin, 'HOOK-G', 500, 1)
    await settleDeliveries()
    const logged = () => payload.count({ collection: 'webhook-deliveries', where: { webhook: { equals: hook.id } }, overrideAccess: true })
    expect((await logged()).totalDocs).toBe(1)
    expect((await api.del(`/webhooks/${hook.id}`, { token: admin })).status).toBe(200)
    expect((await logged()).totalDocs).toBe(0)
  })

  it('should let only admins read or create webhooks and their deliveries', async () => {
    const body = { url: `${receiver.url}/x`, events: ['stock.low'], ownerEmail: 'a@example.com' }
    expect((await api.post('/webhooks', body, { token: merchandiser })).status).toBe(403)
    expect((await api.post('/webhooks', body)).status).toBe(403)
    expect((await api.get('/webhooks', { token: merchandiser })).json.docs).toBeUndefined()
    expect((await api.get('/webhook-deliveries', { token: merchandiser })).status).toBe(403)
  })
})

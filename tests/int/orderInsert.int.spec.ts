import type { Payload } from 'payload'

import { createOrder } from '../../src/infra/commerce/orderInsert'
import { queueJobs } from '../../src/infra/jobQueue'
import { queryRows, sql } from '../../src/infra/sql'
import { queueWebhookEvents } from '../../src/infra/webhooks/queue'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { address, bootShop, checkoutBody, customerToken, newKey, productWithStock } from '../helpers/shop'

// Checkout writes the order, its lines and history, its email job and its webhook lookups as plain SQL
// (src/infra/commerce/orders.ts, src/infra/jobQueue.ts, src/infra/webhooks/queue.ts): what Payload reads back must be
// exactly what its own create would have stored, on SQLite and on PostgreSQL.
let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }))
  await productWithStock(payload, api, staff, 'INSERT-1', 1200, 10)
})

afterAll(async () => {
  await app.close()
})

const internal = { overrideAccess: true, depth: 0 } as const

describe('the order a checkout writes with plain SQL', () => {
  it('should read back through Payload field by field, lines and history included', async () => {
    const customer = await customerToken(payload)
    const billing = { name: 'Bill Payer', line1: '2 Museum Street', line2: 'Flat 3', city: 'Ipswich', postcode: 'IP1 1HE', country: 'GB' }
    const reservationExpiresAt = new Date('2030-01-02T03:04:05.678Z')
    const at = new Date('2030-01-01T00:00:00.000Z')
    const req = await import('payload').then(({ createLocalReq }) => createLocalReq({}, payload))
    const { id } = await createOrder(payload, req, {
      orderNumber: 'IR-990001',
      email: 'plain@example.com',
      customer: customer.id,
      lines: [
        { sku: 'INSERT-1', title: 'Mug — Blue', options: [{ name: 'Colour', value: 'Blue' }], unitPrice: 1200, quantity: 2, lineTotal: 2400 },
        { sku: 'INSERT-2', title: 'Towel', options: [], unitPrice: 800, quantity: 1, lineTotal: 800 },
      ],
      totals: { subtotal: 3200, discount: 100, shipping: 395, vat: 582, total: 3495 },
      status: 'pending',
      statusHistory: [{ from: 'pending', to: 'paid', at, by: null, note: 'Payment approved (test)' }],
      shippingAddress: address,
      billingAddress: billing,
      payment: { method: 'manual', provider: 'manual', reference: null, state: 'pending' },
      reservationExpiresAt,
      lookupTokenHash: 'hash-of-token',
      discountCode: 'SAVE1',
      clientAddress: '203.0.113.9',
    })
    const doc = await payload.findByID({ collection: 'orders', id, ...internal, showHiddenFields: true })
    expect(doc).toMatchObject({
      orderNumber: 'IR-990001',
      status: 'pending',
      email: 'plain@example.com',
      customer: customer.id,
      totals: { subtotal: 3200, discount: 100, shipping: 395, vat: 582, total: 3495 },
      shippingAddress: { ...address, line2: null },
      billingAddress: billing,
      payment: { method: 'manual', provider: 'manual', reference: null, state: 'pending' },
      reservationExpiresAt: reservationExpiresAt.toISOString(),
      lookupTokenHash: 'hash-of-token',
      discountCode: 'SAVE1',
      clientAddress: '203.0.113.9',
    })
    expect(doc.lines?.map(({ id: rowId, ...line }) => ({ rowId: typeof rowId, ...line }))).toEqual([
      { rowId: 'string', sku: 'INSERT-1', title: 'Mug — Blue', options: [{ name: 'Colour', value: 'Blue' }], unitPrice: 1200, quantity: 2, lineTotal: 2400 },
      { rowId: 'string', sku: 'INSERT-2', title: 'Towel', options: [], unitPrice: 800, quantity: 1, lineTotal: 800 },
    ])
    expect(doc.statusHistory).toMatchObject([{ from: 'pending', to: 'paid', at: at.toISOString(), note: 'Payment approved (test)' }])
    expect(new Date(doc.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000)
    // Found by the fields the admin and the hold caps search on.
    const found = await payload.find({ collection: 'orders', where: { orderNumber: { equals: 'IR-990001' } }, ...internal })
    expect(found.docs.map((d) => d.id)).toEqual([id])
  })

  it('should create an approved checkout’s order paid, its approval in its history, no hold, never updated', async () => {
    const placed = await api.post('/checkout', checkoutBody([{ sku: 'INSERT-1', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    const doc = await payload.findByID({ collection: 'orders', id: placed.json.order.id, ...internal })
    const history = doc.statusHistory?.map((h) => [h.from, h.to, h.by ?? null, h.note])
    expect([placed.status, doc.status, doc.payment?.state, doc.reservationExpiresAt ?? null, doc.updatedAt]).toEqual([201, 'paid', 'paid', null, doc.createdAt])
    expect(history).toEqual([['pending', 'paid', null, 'Payment approved (test-card)']])
  })

  it('should create a bank transfer order pending, with its reference and hold and no history', async () => {
    const body = checkoutBody([{ sku: 'INSERT-1', quantity: 1 }], { paymentMethod: 'manual', card: undefined, email: 'insert-transfer@example.com' })
    const placed = await api.post('/checkout', body, { headers: { 'idempotency-key': newKey() } })
    const doc = await payload.findByID({ collection: 'orders', id: placed.json.order.id, ...internal })
    expect([placed.status, doc.status, doc.payment?.state, typeof doc.payment?.reference, typeof doc.reservationExpiresAt, doc.statusHistory]).toEqual([
      201,
      'pending',
      'pending',
      'string',
      'string',
      [],
    ])
  })

  it('should queue jobs that Payload reads as queued, not run, not failed', async () => {
    const [jobId] = await queueJobs(payload, undefined, [{ task: 'sendOrderEmail', input: { orderId: 42, kind: 'confirmation' } }])
    const job = await payload.findByID({ collection: 'payload-jobs', id: jobId, ...internal })
    expect(job).toMatchObject({
      taskSlug: 'sendOrderEmail',
      input: { orderId: 42, kind: 'confirmation' },
      queue: 'default',
      processing: false,
      hasError: false,
      totalTried: 0,
    })
    expect(job.completedAt ?? null).toBeNull()
    expect(job.waitUntil ?? null).toBeNull()
    const pending = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ id: { equals: jobId } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }, { processing: { equals: false } }] },
      ...internal,
    })
    expect(pending.totalDocs).toBe(1)
  })

  it("should commit the checkout's email job with its order, and a refused checkout with neither", async () => {
    const jobsFor = async (orderId: number | string) => {
      const rows = await queryRows<{ input: unknown }>(payload, undefined, sql`SELECT input FROM payload_jobs WHERE task_slug = ${'sendOrderEmail'}`)
      return rows.map((r) => (typeof r.input === 'string' ? JSON.parse(r.input) : r.input)).filter((i) => String(i.orderId) === String(orderId))
    }
    const jobsBefore = (await payload.count({ collection: 'payload-jobs' })).totalDocs
    const refused = await api.post('/checkout', checkoutBody([{ sku: 'INSERT-1', quantity: 500 }]), { headers: { 'idempotency-key': newKey() } })
    expect(refused.status).toBe(409)
    expect((await payload.count({ collection: 'payload-jobs' })).totalDocs).toBe(jobsBefore)

    const placed = await api.post('/checkout', checkoutBody([{ sku: 'INSERT-1', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    expect(placed.status).toBe(201)
    expect(await jobsFor(placed.json.order.id)).toEqual([{ orderId: Number(placed.json.order.id), kind: 'confirmation' }])
  })

  it('should find only active webhooks subscribed to the event, and write one delivery and job for each', async () => {
    const hook = (url: string, events: string[], active = true) =>
      payload.create({ collection: 'webhooks', data: { url, events: events as never, ownerEmail: 'ops@example.com', active }, ...internal })
    const placedHook = await hook('http://127.0.0.1:9/a', ['order.placed', 'stock.changed'])
    await hook('http://127.0.0.1:9/b', ['stock.changed'])
    await hook('http://127.0.0.1:9/c', ['order.placed'], false)
    const req = await import('payload').then(({ createLocalReq }) => createLocalReq({}, payload))
    const queued = await queueWebhookEvents(payload, req, [{ type: 'order.placed', data: { orderId: 1 } }])
    expect(queued).toBe(1)
    const deliveries = await payload.find({ collection: 'webhook-deliveries', where: { event: { equals: 'order.placed' } }, ...internal })
    expect(deliveries.docs.map((d) => d.webhook)).toEqual([placedHook.id])
    await payload.delete({ collection: 'webhooks', where: { id: { exists: true } }, overrideAccess: true })
  })
})

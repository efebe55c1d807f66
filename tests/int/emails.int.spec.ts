import type { Payload } from 'payload'
import sharp from 'sharp'

import { DEFAULT_CARRIERS } from '../../src/commerce/carriers'

import { bootPayload, type TestPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'
import { checkoutBody, configureStore, newKey, productWithStock, staffToken } from '../helpers/shop'
import { freePort, startSmtpServer, type TestMailServer } from '../helpers/smtp'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string
let smtpPort: number
let smtp: TestMailServer | undefined
let picture: { id: number | string }
const SHOP = 'https://shop.example'

beforeAll(async () => {
  smtpPort = await freePort()
  app = await bootPayload({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Ipswich Retail <shop@example.com>', STOREFRONT_URL: SHOP })
  payload = app.payload
  api = await restClient(payload.config)
  await configureStore(payload)
  await payload.updateGlobal({
    slug: 'store-settings',
    data: { lowStockRecipients: [{ email: 'stock@example.com' }], carriers: DEFAULT_CARRIERS.map((c) => ({ ...c })) },
  })
  staff = (await staffToken(payload, 'fulfilment')).token
  const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  picture = await payload.create({
    collection: 'media',
    data: { alt: 'A mug' },
    file: { data: png, mimetype: 'image/png', name: `mail-${Date.now()}.png`, size: png.length },
  })
  await productWithStock(payload, api, staff, 'MAIL-1', 1250, 20)
  await productWithStock(payload, api, staff, 'MAIL-2', 1250, 20, { images: [picture.id] })
})

afterAll(async () => {
  await smtp?.close()
  await app.close()
})

const runJobs = () => payload.jobs.run({ limit: 50 })
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function runJobsUntil(done: () => boolean, rounds = 30) {
  for (let i = 0; i < rounds && !done(); i++) {
    await runJobs()
    await sleep(250)
  }
}

describe('carriers in the store settings', () => {
  it('should refuse a tracking URL template without {tracking} with a 400 and keep the carriers', async () => {
    const res = await api.post(
      '/globals/store-settings',
      { carriers: [{ name: 'Broken', trackingUrlTemplate: 'https://broken.example/track' }] },
      { token: staff },
    )
    expect(res.status).toBe(400)
    expect(res.text).toContain('{tracking}')
    const settings = await payload.findGlobal({ slug: 'store-settings', depth: 0 })
    expect(settings.carriers?.map((c) => c.name)).toEqual(['Royal Mail', 'DPD', 'Evri'])
  })
})

describe('order emails through the jobs queue', () => {
  it('should place the order while the mail server is down, then deliver the confirmation exactly once when it is back', async () => {
    const placed = await api.post('/checkout', checkoutBody([{ sku: 'MAIL-1', quantity: 2 }], { email: 'ada@example.com' }), {
      headers: { 'idempotency-key': newKey() },
    })
    expect(placed.status).toBe(201)
    await runJobs()
    smtp = await startSmtpServer(smtpPort)
    await runJobsUntil(() => smtp!.mails.some((m) => m.subject?.includes(placed.json.order.orderNumber)))
    for (let i = 0; i < 3; i++) await runJobs()
    const confirmations = smtp.mails.filter((m) => m.subject?.startsWith(`Thank you for your order ${placed.json.order.orderNumber}`))
    expect(confirmations).toHaveLength(1)
    const [mail] = confirmations
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('ada@example.com')
    expect(mail.text).toContain('2 × Product MAIL-1 (MAIL-1) £25.00')
    expect(mail.text).toContain('Total: £28.95')
    expect(mail.text).toContain(`/orders/${placed.json.order.orderNumber}?token=${placed.json.lookupToken}`)
    expect(mail.text).toContain('Hello Ada,')
    expect(mail.text).toContain('Shipping: £3.95')
  })

  it('should greet the customer, show the picture, Free shipping, the address and a linked order page in HTML and text', async () => {
    smtp ??= await startSmtpServer(smtpPort)
    const placed = await api.post('/checkout', checkoutBody([{ sku: 'MAIL-2', quantity: 4 }], { email: 'cleo@example.com' }), {
      headers: { 'idempotency-key': newKey() },
    })
    expect(placed.status).toBe(201)
    const { orderNumber } = placed.json.order
    await runJobsUntil(() => smtp!.mails.some((m) => m.subject?.startsWith(`Thank you for your order ${orderNumber}`)))
    const mail = smtp.mails.find((m) => m.subject?.startsWith(`Thank you for your order ${orderNumber}`))!
    const orderUrl = `${SHOP}/orders/${orderNumber}?token=${placed.json.lookupToken}`
    const html = String(mail.html)
    expect(html).toContain('Hello Ada,')
    expect(html).toContain(`<a href="${orderUrl}"`)
    expect(html).toContain(`src="${SHOP}/media/${picture.id}/thumb"`)
    expect(html).toMatch(/>Free</)
    expect(html).toContain('1 Tavern Street')
    expect(mail.text).toContain('Hello Ada,')
    expect(mail.text).toContain('Shipping: Free')
    expect(mail.text).toContain('Delivery address\nAda Lovelace\n1 Tavern Street\nIpswich\nIP1 3AA\nUnited Kingdom')
    expect(mail.text).toContain(`View your order: ${orderUrl}`)
  })

  it('should email the carrier and tracking number when staff fulfil the order', async () => {
    smtp ??= await startSmtpServer(smtpPort)
    const placed = await api.post('/checkout', checkoutBody([{ sku: 'MAIL-1', quantity: 1 }], { email: 'bob@example.com' }), {
      headers: { 'idempotency-key': newKey() },
    })
    const moved = await api.post(
      `/orders/${placed.json.order.id}/transition`,
      { to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM123456789GB' },
      { token: staff },
    )
    expect(moved.status).toBe(200)
    const subject = `Your order ${placed.json.order.orderNumber} is on its way`
    await runJobsUntil(() => smtp!.mails.some((m) => m.subject?.startsWith(subject)))
    const mail = smtp.mails.find((m) => m.subject?.startsWith(subject))
    const tracking = 'https://www.royalmail.com/track-your-item#/tracking-results/RM123456789GB'
    expect(mail?.text).toContain('Hello Ada,')
    expect(mail?.text).toContain(`Carrier: Royal Mail\nTracking number: RM123456789GB\nTrack your parcel: ${tracking}`)
    expect(String(mail?.html)).toContain(`<a href="${tracking}"`)
    expect(String(mail?.html)).toContain('1 Tavern Street')
    const read = await api.get(`/orders/${placed.json.order.id}`, { token: staff })
    expect(read.json.trackingUrl).toBe(tracking)
    const lookup = await api.get(`/orders/lookup?number=${placed.json.order.orderNumber}&token=${placed.json.lookupToken}`)
    expect(lookup.status).toBe(200)
    expect(lookup.json.order.fulfilment.carrier).toBe('Royal Mail')
    expect(lookup.json.order.trackingUrl).toBe(tracking)
  })

  it('should alert the low-stock recipients when a SKU falls to its threshold', async () => {
    smtp ??= await startSmtpServer(smtpPort)
    await api.post('/checkout', checkoutBody([{ sku: 'MAIL-1', quantity: 13 }]), { headers: { 'idempotency-key': newKey() } })
    await runJobsUntil(() => smtp!.mails.some((m) => m.subject?.startsWith('Low stock: MAIL-1')))
    const alert = smtp.mails.find((m) => m.subject?.startsWith('Low stock: MAIL-1'))
    expect(alert?.to && 'text' in alert.to ? alert.to.text : '').toBe('stock@example.com')
    expect(alert?.text).toContain('MAIL-1 (Product MAIL-1): 4 left')
    expect(String(alert?.html)).toContain('/admin/collections/inventory"')
  })
})

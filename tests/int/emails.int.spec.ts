import type { Payload } from 'payload'

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

beforeAll(async () => {
  smtpPort = await freePort()
  app = await bootPayload({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Ipswich Retail <shop@example.com>' })
  payload = app.payload
  api = await restClient(payload.config)
  await configureStore(payload)
  await payload.updateGlobal({ slug: 'store-settings', data: { lowStockRecipients: [{ email: 'stock@example.com' }] } })
  staff = (await staffToken(payload, 'fulfilment')).token
  await productWithStock(payload, api, staff, 'MAIL-1', 1250, 20)
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
    expect(mail?.text).toContain('Royal Mail')
    expect(mail?.text).toContain('RM123456789GB')
  })

  it('should alert the low-stock recipients when a SKU falls to its threshold', async () => {
    smtp ??= await startSmtpServer(smtpPort)
    await api.post('/checkout', checkoutBody([{ sku: 'MAIL-1', quantity: 13 }]), { headers: { 'idempotency-key': newKey() } })
    await runJobsUntil(() => smtp!.mails.some((m) => m.subject?.startsWith('Low stock: MAIL-1')))
    const alert = smtp.mails.find((m) => m.subject?.startsWith('Low stock: MAIL-1'))
    expect(alert?.to && 'text' in alert.to ? alert.to.text : '').toBe('stock@example.com')
    expect(alert?.text).toContain('MAIL-1: 4 left')
  })
})

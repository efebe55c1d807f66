import { bootShop, checkoutBody, newKey, productWithStock } from '../../tests/helpers/shop'
import { freePort, startSmtpServer, type TestMailServer } from '../../tests/helpers/smtp'

type Shop = Awaited<ReturnType<typeof bootShop>>

describe('back-in-stock plugin', () => {
  let shop: Shop
  let smtp: TestMailServer

  const subscribe = (sku: string, email: string) => shop.api.post('/back-in-stock/subscribe', { sku, email })
  const subscriptions = async (sku: string) =>
    (await shop.payload.find({ collection: 'back-in-stock-subscriptions', where: { sku: { equals: sku } }, sort: 'email' })).docs.map((d) => [
      d.email,
      d.status,
    ])
  const mailsTo = (sku: string) =>
    smtp.mails
      .filter((m) => m.subject?.startsWith('Back in stock') && m.text?.includes(`SKU ${sku}`))
      .map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)?.text)
      .sort()
  // The queue runs in the worker in production; here the test runs it, a few rounds so retries and late jobs show.
  const drainJobs = async () => {
    for (let i = 0; i < 4; i++) await shop.payload.jobs.run({ limit: 50 })
    await new Promise((resolve) => setTimeout(resolve, 300))
  }

  beforeAll(async () => {
    const port = await freePort()
    smtp = await startSmtpServer(port)
    shop = await bootShop({ SMTP_URL: smtp.url, MAIL_FROM: 'Ipswich Retail <shop@example.com>' })
    await productWithStock(shop.payload, shop.api, shop.staff, 'BIS-OUT', 1500, 0, { title: 'Sold-out jumper' })
    await productWithStock(shop.payload, shop.api, shop.staff, 'BIS-IN', 1500, 4)
    await productWithStock(shop.payload, shop.api, shop.staff, 'BIS-LAST', 900, 1)
  })
  afterAll(async () => {
    await shop?.app.close()
    await smtp?.close()
  })

  it('should refuse a subscription to an in-stock SKU with 409 and store nothing', async () => {
    const res = await subscribe('BIS-IN', 'a@example.com')
    expect([res.status, res.json.error.code, await subscriptions('BIS-IN')]).toEqual([409, 'in_stock', []])
  })

  it('should refuse a bad email with 400 and an unknown SKU with 404', async () => {
    const [bad, unknown] = [await subscribe('BIS-OUT', 'not-an-email'), await subscribe('NOPE-1', 'a@example.com')]
    expect([bad.status, bad.json.error.details[0].field, unknown.status, await subscriptions('BIS-OUT')]).toEqual([400, 'email', 404, []])
  })

  it('should take subscriptions to a sold-out SKU and refuse a second by the same email with 409', async () => {
    const first = await subscribe('BIS-OUT', 'a@example.com')
    const second = await subscribe('BIS-OUT', 'B@Example.com')
    const again = await subscribe('BIS-OUT', 'a@example.com')
    expect([first.status, second.status, again.status, again.json.error.code, await subscriptions('BIS-OUT')]).toEqual([
      201,
      201,
      409,
      'already_subscribed',
      [
        ['a@example.com', 'open'],
        ['b@example.com', 'open'],
      ],
    ])
  })

  it('should not let anonymous shoppers read subscriptions', async () => {
    const res = await shop.api.get('/back-in-stock-subscriptions')
    expect(res.status).toBe(403)
  })

  it('should email each subscriber exactly once when an adjustment brings the SKU back, and close the subscriptions', async () => {
    await shop.api.post('/inventory/adjust', { sku: 'BIS-OUT', delta: 3, reason: 'Delivery' }, { token: shop.staff })
    await drainJobs()
    await shop.api.post('/inventory/adjust', { sku: 'BIS-OUT', delta: 2, reason: 'Second delivery' }, { token: shop.staff })
    await drainJobs()
    expect([mailsTo('BIS-OUT'), await subscriptions('BIS-OUT')]).toEqual([
      ['a@example.com', 'b@example.com'],
      [
        ['a@example.com', 'notified'],
        ['b@example.com', 'notified'],
      ],
    ])
  })

  it('should email a subscriber once when a cancelled order puts the last unit back', async () => {
    const order = await shop.api.post('/checkout', checkoutBody([{ sku: 'BIS-LAST', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    const subscribed = await subscribe('BIS-LAST', 'c@example.com')
    const cancelled = await shop.api.post(
      `/orders/${order.json.order.id}/transition`,
      { to: 'cancelled', restock: true, note: 'Customer changed mind' },
      { token: shop.staff },
    )
    await drainJobs()
    await drainJobs()
    expect([subscribed.status, cancelled.status, mailsTo('BIS-LAST'), await subscriptions('BIS-LAST')]).toEqual([
      201,
      200,
      ['c@example.com'],
      [['c@example.com', 'notified']],
    ])
  })
})

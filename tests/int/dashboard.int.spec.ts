import type { Payload } from 'payload'

import { dashboard } from '../../src/infra/dashboard'
import { queryRows, sql } from '../../src/infra/sql'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { bootShop, checkoutBody, newKey, productWithStock } from '../helpers/shop'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string
const ids: Record<string, number | string> = {}

// The London day the windows end with: 15 July 2026, in British Summer Time (London = UTC+1).
const DAY = '2026-07-15'

async function place(name: string, items: { sku: string; quantity: number }[], createdAt: string, extra: Record<string, unknown> = {}) {
  const res = await api.post('/checkout', checkoutBody(items, extra), { headers: { 'idempotency-key': newKey() } })
  if (res.status !== 201) throw new Error(`checkout ${name} failed: ${res.status} ${res.text}`)
  ids[name] = res.json.order.id
  await queryRows(payload, undefined, sql`UPDATE orders SET created_at = ${createdAt} WHERE id = ${ids[name]}`)
  return res.json.order
}

async function move(name: string, body: Record<string, unknown>, at?: string) {
  const res = await api.post(`/orders/${ids[name]}/transition`, body, { token: staff })
  if (res.status !== 200) throw new Error(`transition ${name} failed: ${res.status} ${res.text}`)
  if (at) await queryRows(payload, undefined, sql`UPDATE orders_status_history SET at = ${at} WHERE _parent_id = ${ids[name]} AND "to" = ${body.to as string}`)
}

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
  await productWithStock(payload, api, staff, 'DASH-MUG', 1000, 50)
  await productWithStock(payload, api, staff, 'DASH-KEY', 500, 100)
  await productWithStock(payload, api, staff, 'DASH-TEE', 2000, 3)
  await productWithStock(payload, api, staff, 'DASH-SCARF', 1500, 0)
  await payload.update({ collection: 'inventory', where: { sku: { like: 'DASH-' } }, data: { lowStockThreshold: 5 }, overrideAccess: true })
  // Totals by hand: prices include VAT; £3.95 shipping under £50.
  await place('A', [{ sku: 'DASH-MUG', quantity: 1 }], '2026-07-15T10:00:00.000Z') // 1395, today
  await place('B', [{ sku: 'DASH-MUG', quantity: 2 }], '2026-07-15T08:00:00.000Z') // 2395, refunded today
  await place('C', [{ sku: 'DASH-TEE', quantity: 1 }], '2026-07-12T12:00:00.000Z') // 2395, cancelled 13 July
  await place('D', [{ sku: 'DASH-MUG', quantity: 1 }], '2026-07-14T23:30:00.000Z') // 1395, 00:30 BST on 15 July: today
  await place(
    'E',
    [
      { sku: 'DASH-MUG', quantity: 1 },
      { sku: 'DASH-KEY', quantity: 4 },
    ],
    '2026-07-14T22:30:00.000Z',
  ) // 3395, 23:30 BST on 14 July
  await place('F', [{ sku: 'DASH-TEE', quantity: 1 }], '2026-07-15T11:00:00.000Z', { paymentMethod: 'manual', card: undefined }) // pending
  await place('G', [{ sku: 'DASH-MUG', quantity: 1 }], '2026-07-01T12:00:00.000Z') // 1395, fulfilled later
  await place('H', [{ sku: 'DASH-MUG', quantity: 1 }], '2026-06-15T12:00:00.000Z') // 1395, 15 June: before the 30 days
  await place('I', [{ sku: 'DASH-MUG', quantity: 1 }], '2026-06-15T23:30:00.000Z') // 1395, 00:30 BST on 16 June: first of the 30 days
  await move('B', { to: 'refunded' }, '2026-07-15T12:00:00.000Z')
  await move('C', { to: 'cancelled' }, '2026-07-13T09:00:00.000Z')
  await move('G', { to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM123456785GB' })
})

afterAll(async () => {
  await app?.close()
})

describe('the dashboard figures', () => {
  it('should count today the paid orders placed on the London day, the 23:30 UTC one included, and the refund apart', async () => {
    const figures = await dashboard(payload, { day: DAY })
    expect(figures.windows.today).toEqual({
      from: DAY,
      to: DAY,
      orders: 2,
      revenue: 1395 + 1395,
      refunds: 1,
      refunded: 2395,
      cancellations: 0,
      averageOrder: 1395,
    })
  })

  it('should add the last seven London days, with the cancellation on the day it was made', async () => {
    const figures = await dashboard(payload, { day: DAY })
    expect(figures.windows.last7).toEqual({
      from: '2026-07-09',
      to: DAY,
      orders: 3,
      revenue: 1395 + 1395 + 3395,
      refunds: 1,
      refunded: 2395,
      cancellations: 1,
      averageOrder: 2062,
    })
  })

  it('should add the last thirty London days, leaving out the order placed the day before them', async () => {
    const figures = await dashboard(payload, { day: DAY })
    expect(figures.windows.last30).toMatchObject({ from: '2026-06-16', to: DAY, orders: 5, revenue: 1395 * 4 + 3395, refunds: 1, cancellations: 1 })
  })

  it('should give the revenue of each of the 30 London days for the chart', async () => {
    const figures = await dashboard(payload, { day: DAY })
    const withSales = figures.series.filter((d) => d.orders > 0).map((d) => [d.day, d.orders, d.revenue])
    expect([figures.series.length, withSales]).toEqual([
      30,
      [
        ['2026-06-16', 1, 1395],
        ['2026-07-01', 1, 1395],
        ['2026-07-14', 1, 3395],
        ['2026-07-15', 2, 2790],
      ],
    ])
  })

  it('should count the orders waiting for action by status', async () => {
    const figures = await dashboard(payload, { day: DAY })
    expect(figures.waiting.map((w) => [w.status, w.count])).toEqual([
      ['pending', 1],
      ['paid', 5],
      ['fulfilled', 1],
    ])
  })

  it('should list the SKUs at or below their threshold, out of stock first, with their inventory ids', async () => {
    const figures = await dashboard(payload, { day: DAY })
    const scarf = await payload.find({ collection: 'inventory', where: { sku: { equals: 'DASH-SCARF' } } })
    expect(figures.lowStock.total).toBe(2)
    expect(figures.lowStock.items.map((i) => [i.sku, i.available, i.threshold])).toEqual([
      ['DASH-SCARF', 0, 5],
      ['DASH-TEE', 1, 5],
    ])
    expect(figures.lowStock.items[0].id).toBe(scarf.docs[0].id)
  })

  it('should rank the top sellers of the 30 days by units, from paid orders only', async () => {
    const figures = await dashboard(payload, { day: DAY })
    expect(figures.topSellers.map((s) => [s.sku, s.units, s.revenue])).toEqual([
      ['DASH-MUG', 5, 5000],
      ['DASH-KEY', 4, 2000],
    ])
  })

  it('should list the recent refunds and cancellations, newest first', async () => {
    const figures = await dashboard(payload, { day: DAY })
    expect(figures.reversals.map((r) => [r.orderId, r.status, r.from, r.at, r.total])).toEqual([
      [ids.B, 'refunded', 'paid', '2026-07-15T12:00:00.000Z', 2395],
      [ids.C, 'cancelled', 'paid', '2026-07-13T09:00:00.000Z', 2395],
    ])
  })

  it('should take today from the clock in London time', async () => {
    const figures = await dashboard(payload, { now: new Date('2026-07-14T23:10:00.000Z') })
    expect([figures.day, figures.windows.today.orders]).toEqual([DAY, 2])
  })
})

describe('the dashboard cache', () => {
  it('should serve the cached figures until an order is placed, then fresh ones', async () => {
    const before = await dashboard(payload, { day: DAY })
    // A change behind the workflows' back raises no event: the cached figures stay.
    await queryRows(payload, undefined, sql`UPDATE orders SET totals_total = totals_total + 100 WHERE id = ${ids.A}`)
    const cached = await dashboard(payload, { day: DAY })
    await api.post('/checkout', checkoutBody([{ sku: 'DASH-KEY', quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
    const fresh = await dashboard(payload, { day: DAY })
    await queryRows(payload, undefined, sql`UPDATE orders SET totals_total = totals_total - 100 WHERE id = ${ids.A}`)
    expect([cached.computedAt, cached.windows.today.revenue]).toEqual([before.computedAt, 2790])
    expect([fresh.windows.today.revenue, fresh.waiting[1].count]).toEqual([2890, before.waiting[1].count + 1])
  })

  it('should show a stock change at once', async () => {
    await dashboard(payload, { day: DAY })
    const res = await api.post('/inventory/adjust', { sku: 'DASH-SCARF', delta: 20, reason: 'Delivery' }, { token: staff })
    const after = await dashboard(payload, { day: DAY })
    expect([res.status, after.lowStock.items.map((i) => i.sku)]).toEqual([200, ['DASH-TEE']])
  })
})

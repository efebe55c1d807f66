import type { Payload } from 'payload'

import { commerceDeps } from '../../src/infra/commerce/deps'
import { releaseExpiredReservations } from '../../src/commerce/workflows'
import type { TestPayload } from '../helpers/payload'
import type { restClient } from '../helpers/rest'
import { describeWith } from '../helpers/services'
import { available, bootShop, checkoutBody, ledgerSum, newKey, productWithStock } from '../helpers/shop'

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let staff: string

beforeAll(async () => {
  ;({ app, payload, api, staff } = await bootShop())
})

afterAll(async () => {
  await app.close()
})

const checkout = (body: unknown) => api.post('/checkout', body, { headers: { 'idempotency-key': newKey() } })

// A deterministic generator, so a failing run can be replayed.
function seeded(seed: number) {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
}

function mixedCarts(skus: string[], count: number, seed: number) {
  const random = seeded(seed)
  return Array.from({ length: count }, () => {
    const lines = 1 + Math.floor(random() * 3)
    const picked = [...skus].sort(() => random() - 0.5).slice(0, lines)
    return picked.map((sku) => ({ sku, quantity: 1 + Math.floor(random() * 2) }))
  })
}

/** Places every cart at once and checks the invariants: nothing oversold, orders whole, refusals traceless. */
async function raceCheckouts(skus: string[], stockEach: number, carts: { sku: string; quantity: number }[][]) {
  const ordersBefore = (await payload.count({ collection: 'orders' })).totalDocs
  const answers = await Promise.all(carts.map((items) => checkout(checkoutBody(items))))
  const accepted = answers.map((a, i) => ({ a, cart: carts[i] })).filter(({ a }) => a.status === 201)
  const sold = new Map(skus.map((s) => [s, 0]))
  for (const { cart } of accepted) for (const line of cart) sold.set(line.sku, sold.get(line.sku)! + line.quantity)
  const ordersAfter = (await payload.count({ collection: 'orders' })).totalDocs
  const stock = await Promise.all(skus.map((s) => available(payload, s)))
  const ledgers = await Promise.all(skus.map((s) => ledgerSum(payload, s)))
  const orderLines = await Promise.all(accepted.map(async ({ a }) => (await payload.findByID({ collection: 'orders', id: a.json.order.id })).lines?.length))
  return { answers, accepted, sold, ordersBefore, ordersAfter, stock, ledgers, orderLines }
}

describe('POST /api/inventory/adjust', () => {
  it('should raise stock by exactly 50 for 50 concurrent +1 adjustments', async () => {
    await productWithStock(payload, api, staff, 'ADJ-1', 100, 0)
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => api.post('/inventory/adjust', { sku: 'ADJ-1', delta: 1, reason: 'Delivery' }, { token: staff })),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200))
    expect(await available(payload, 'ADJ-1')).toBe(50)
    expect(await ledgerSum(payload, 'ADJ-1')).toBe(50)
  })

  it('should refuse an adjustment below zero with 409 and change nothing', async () => {
    await productWithStock(payload, api, staff, 'ADJ-2', 100, 3)
    const res = await api.post('/inventory/adjust', { sku: 'ADJ-2', delta: -4, reason: 'Breakage' }, { token: staff })
    expect(res.status).toBe(409)
    expect(await available(payload, 'ADJ-2')).toBe(3)
  })

  it('should refuse anonymous adjustments with 401', async () => {
    const res = await api.post('/inventory/adjust', { sku: 'ADJ-2', delta: 4, reason: 'x' })
    expect(res.status).toBe(401)
  })

  it('should leave stock unchanged when a product is saved, published or restored to an old version', async () => {
    const product = await productWithStock(payload, api, staff, 'KEEP-1', 1500, 7)
    await payload.update({ collection: 'products', id: product.id, data: { title: 'Renamed' } })
    await payload.update({ collection: 'products', id: product.id, data: { price: 1600 }, draft: true })
    await payload.update({ collection: 'products', id: product.id, data: { _status: 'published' } })
    const versions = await payload.findVersions({ collection: 'products', where: { parent: { equals: product.id } }, sort: 'createdAt' })
    await payload.restoreVersion({ collection: 'products', id: versions.docs[0].id })
    expect(await available(payload, 'KEEP-1')).toBe(7)
  })

  it('should refuse a direct edit of available with 400 naming the field', async () => {
    const rows = await payload.find({ collection: 'inventory', where: { sku: { equals: 'KEEP-1' } } })
    const res = await api.patch(`/inventory/${rows.docs[0].id}`, { available: 999 }, { token: staff })
    expect(res.status).toBe(400)
    expect(res.text).toContain('available')
    expect(await available(payload, 'KEEP-1')).toBe(7)
  })
})

describe('reservation expiry', () => {
  it('should expire a pending order past its hold and put its stock back', async () => {
    await productWithStock(payload, api, staff, 'EXP-1', 1000, 5)
    const placed = await checkout(checkoutBody([{ sku: 'EXP-1', quantity: 2 }], { paymentMethod: 'manual', card: undefined }))
    expect(await available(payload, 'EXP-1')).toBe(3)
    await payload.update({
      collection: 'orders',
      id: placed.json.order.id,
      data: { reservationExpiresAt: new Date(Date.now() - 60_000).toISOString() },
      context: { workflowWrite: true },
    })
    const result = await releaseExpiredReservations(commerceDeps(payload))
    const order = await payload.findByID({ collection: 'orders', id: placed.json.order.id })
    expect(result.expired).toBe(1)
    expect(order.status).toBe('expired')
    expect(await available(payload, 'EXP-1')).toBe(5)
    expect(await ledgerSum(payload, 'EXP-1')).toBe(5)
  })
})

describe('concurrent checkouts on SQLite and PostgreSQL', () => {
  it('should never oversell and answer only 201, 409 or 503', async () => {
    const skus = ['RACE-A', 'RACE-B', 'RACE-C']
    for (const sku of skus) await productWithStock(payload, api, staff, sku, 500, 6)
    const run = await raceCheckouts(skus, 6, mixedCarts(skus, 30, 7))
    expect([...new Set(run.answers.map((a) => a.status))].filter((s) => ![201, 409, 503].includes(s))).toEqual([])
    expect(run.stock.every((n) => n >= 0)).toBe(true)
    expect(skus.map((s, i) => 6 - run.stock[i])).toEqual(skus.map((s) => run.sold.get(s)))
    expect(run.ledgers).toEqual(run.stock)
    expect(run.ordersAfter - run.ordersBefore).toBe(run.accepted.length)
  })
})

describeWith('postgres', '200 concurrent checkouts on PostgreSQL', () => {
  it('should sell exactly the stock, keep every order whole and leave refusals traceless', async () => {
    const skus = ['PG-A', 'PG-B', 'PG-C', 'PG-D', 'PG-E', 'PG-F']
    for (const sku of skus) await productWithStock(payload, api, staff, sku, 700, 25)
    const carts = mixedCarts(skus, 200, 42)
    const run = await raceCheckouts(skus, 25, carts)
    expect(run.answers.map((a) => a.status).filter((s) => s !== 201 && s !== 409)).toEqual([])
    expect(skus.map((s, i) => 25 - run.stock[i])).toEqual(skus.map((s) => run.sold.get(s)))
    expect(run.stock.every((n) => n >= 0)).toBe(true)
    expect(run.ledgers).toEqual(run.stock)
    expect(run.orderLines).toEqual(run.accepted.map(({ cart }) => cart.length))
    expect(run.ordersAfter - run.ordersBefore).toBe(run.accepted.length)
  })
})

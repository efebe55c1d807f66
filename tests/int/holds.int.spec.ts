import type { Payload } from 'payload'

import { DEFAULT_HOLD_LIMITS } from '../../src/commerce/holds'
import { releaseExpiredReservations } from '../../src/commerce/workflows'
import { commerceDeps } from '../../src/infra/commerce/deps'
import { computeDashboard } from '../../src/infra/dashboard'
import { signClientAddress } from '../../src/infra/clientAddress'
import { env } from '../../src/infra/env'
import { CLIENT_ADDRESS_HEADER } from '../../src/infra/requestAddress'
import { available, checkoutBody, customerToken, ledgerSum, newKey, productWithStock } from '../helpers/shop'
import type { TestPayload } from '../helpers/payload'

// Issue 18, item 1: one anonymous bank-transfer checkout could hold a SKU's whole stock for a week.

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof import('../helpers/rest').restClient>>
let staff: string

const MINUTE = 60_000
/** What the CMS server stamps on each request it passes on (src/server/handler.ts): the client's address, signed. */
const from = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: signClientAddress(address, env().clientAddressSecret) })

const bankTransfer = (sku: string, quantity: number, email: string) => checkoutBody([{ sku, quantity }], { paymentMethod: 'manual', card: undefined, email })

async function checkout(body: unknown, options: { address?: string; token?: string } = {}) {
  const headers = { 'idempotency-key': newKey(), ...(options.address ? from(options.address) : {}) }
  return api.post('/checkout', body, { headers, token: options.token })
}

async function setHolds(holds: Partial<typeof DEFAULT_HOLD_LIMITS>) {
  const res = await api.post('/globals/store-settings', { holds: { ...DEFAULT_HOLD_LIMITS, ...holds } }, { token: staff })
  if (res.status !== 200) throw new Error(`settings: ${res.status} ${res.text}`)
}

const orderOf = (id: number | string) => payload.findByID({ collection: 'orders', id, depth: 0, overrideAccess: true })

beforeAll(async () => {
  const { bootShop } = await import('../helpers/shop')
  ;({ app, payload, api, staff } = await bootShop())
})

afterAll(async () => {
  await app?.close()
})

describe('the hoarding checkout (issue 18)', () => {
  it('should refuse an anonymous bank-transfer order for a SKU’s whole stock and let a second shopper buy', async () => {
    await productWithStock(payload, api, staff, 'HOARD-1', 1000, 40)
    const hoard = await checkout(bankTransfer('HOARD-1', 40, 'hoarder@example.com'), { address: '198.51.100.7' })
    const shopper = await checkout(checkoutBody([{ sku: 'HOARD-1', quantity: 1 }], { email: 'second@example.com' }), { address: '203.0.113.20' })
    expect([hoard.status, hoard.json.error.code, hoard.json.error.details.scope, shopper.status]).toEqual([409, 'hold_limit_reached', 'email', 201])
    expect(await available(payload, 'HOARD-1')).toBe(39)
  })

  it('should refuse the same address’s next order under another email once it holds the unit cap', async () => {
    await productWithStock(payload, api, staff, 'HOARD-2', 1000, 40)
    const first = await checkout(bankTransfer('HOARD-2', 20, 'a@example.com'), { address: '198.51.100.8' })
    const second = await checkout(bankTransfer('HOARD-2', 20, 'b@example.com'), { address: '198.51.100.8' })
    const shopper = await checkout(checkoutBody([{ sku: 'HOARD-2', quantity: 5 }], { email: 'third@example.com' }), { address: '203.0.113.21' })
    expect([first.status, second.status, second.json.error?.details?.scope, shopper.status]).toEqual([201, 409, 'address', 201])
  })

  it('should refuse a fourth unpaid order from one email across addresses', async () => {
    await productWithStock(payload, api, staff, 'HOARD-3', 100, 40)
    const statuses: number[] = []
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4']) {
      statuses.push((await checkout(bankTransfer('HOARD-3', 1, 'Many@Example.com'), { address })).status)
    }
    expect(statuses).toEqual([201, 201, 201, 409])
  })

  it('should cap one signed-in customer’s unpaid units whatever email they give', async () => {
    await productWithStock(payload, api, staff, 'HOARD-4', 100, 40)
    const { token } = await customerToken(payload)
    const first = await checkout(bankTransfer('HOARD-4', 15, 'x1@example.com'), { token })
    const second = await checkout(bankTransfer('HOARD-4', 15, 'x2@example.com'), { token })
    expect([first.status, second.status, second.json.error?.details?.scope]).toEqual([201, 409, 'customer'])
  })

  it('should let staff place a large bank-transfer order for a customer, held for the hold days', async () => {
    await productWithStock(payload, api, staff, 'HOARD-5', 100, 40)
    const placed = await checkout(bankTransfer('HOARD-5', 30, 'phone-order@example.com'), { token: staff })
    const order = await orderOf(placed.json.order.id)
    const days = (new Date(order.reservationExpiresAt as string).getTime() - new Date(order.createdAt).getTime()) / (24 * 60 * MINUTE)
    expect([placed.status, Math.round(days)]).toEqual([201, 7])
  })
})

describe('order size limits from the store settings', () => {
  afterEach(() => setHolds({}))

  it('should refuse more different items than the settings allow with 400 too_many_lines', async () => {
    for (const sku of ['LINES-1', 'LINES-2', 'LINES-3']) await productWithStock(payload, api, staff, sku, 100, 5)
    await setHolds({ maxLines: 2 })
    const items = ['LINES-1', 'LINES-2', 'LINES-3'].map((sku) => ({ sku, quantity: 1 }))
    const res = await checkout(checkoutBody(items))
    expect([res.status, res.json.error.code]).toEqual([400, 'too_many_lines'])
  })

  it('should refuse more of one item than the settings allow with 400 line_quantity_limit, even paid by card', async () => {
    await productWithStock(payload, api, staff, 'LINES-4', 100, 50)
    await setHolds({ maxLineQuantity: 10 })
    const res = await checkout(checkoutBody([{ sku: 'LINES-4', quantity: 11 }]))
    expect([res.status, res.json.error.code, await available(payload, 'LINES-4')]).toEqual([400, 'line_quantity_limit', 50])
  })
})

describe('hold times and their expiry', () => {
  it('should hold an anonymous bank transfer for the anonymous minutes and a signed-in customer’s for the hold days', async () => {
    await productWithStock(payload, api, staff, 'HOLD-1', 100, 10)
    const { token } = await customerToken(payload)
    const guest = await checkout(bankTransfer('HOLD-1', 2, 'guest-hold@example.com'), { address: '192.0.2.50' })
    const member = await checkout(bankTransfer('HOLD-1', 3, 'member-hold@example.com'), { token })
    const [g, m] = [await orderOf(guest.json.order.id), await orderOf(member.json.order.id)]
    const held = (o: typeof g) => Math.round((new Date(o.reservationExpiresAt as string).getTime() - new Date(o.createdAt).getTime()) / MINUTE)
    expect([held(g), held(m)]).toEqual([DEFAULT_HOLD_LIMITS.anonymousHoldMinutes, 7 * 24 * 60])
  })

  it('should release an anonymous hold after its minutes with a release row in the ledger, and keep the customer’s', async () => {
    await productWithStock(payload, api, staff, 'HOLD-2', 100, 10)
    const { token } = await customerToken(payload)
    const guest = await checkout(bankTransfer('HOLD-2', 4, 'guest-expiry@example.com'), { address: '192.0.2.51' })
    const member = await checkout(bankTransfer('HOLD-2', 3, 'member-expiry@example.com'), { token })
    const later = new Date(Date.now() + (DEFAULT_HOLD_LIMITS.anonymousHoldMinutes + 1) * MINUTE)
    await releaseExpiredReservations({ ...commerceDeps(payload), clock: { now: () => later } })
    const releases = await payload.find({
      collection: 'stock-movements',
      where: { and: [{ sku: { equals: 'HOLD-2' } }, { reason: { equals: 'release' } }] },
      depth: 0,
    })
    const [g, m] = [await orderOf(guest.json.order.id), await orderOf(member.json.order.id)]
    expect([g.status, m.status, await available(payload, 'HOLD-2'), await ledgerSum(payload, 'HOLD-2')]).toEqual(['expired', 'pending', 7, 7])
    expect(releases.docs.map((r) => [r.change, r.order])).toEqual([[4, g.id]])
  })
})

describe('the client address kept with an order', () => {
  it('should never be shown, even to an admin', async () => {
    await productWithStock(payload, api, staff, 'HOLD-3', 100, 10)
    const token = staff
    const placed = await checkout(checkoutBody([{ sku: 'HOLD-3', quantity: 1 }], { paymentMethod: 'manual', card: undefined, email: 'addr@example.com' }), {
      address: '192.0.2.99',
    })
    const read = await api.get(`/orders/${placed.json.order.id}`, { token })
    expect([read.status, read.text.includes('192.0.2.99')]).toEqual([200, false])
  })
})

describe('the merchandiser’s dashboard', () => {
  it('should list a large unpaid order, marked as a signed-out shopper’s, with the units held', async () => {
    await productWithStock(payload, api, staff, 'HOLD-4', 100, 30)
    const placed = await checkout(bankTransfer('HOLD-4', 19, 'big-hold@example.com'), { address: '192.0.2.60' })
    const { holds } = await computeDashboard(payload, '2026-12-03')
    const listed = holds.largest.find((h) => h.orderNumber === placed.json.order.orderNumber)
    expect([listed?.units, listed?.guest, holds.units >= 19]).toEqual([19, true, true])
  })
})

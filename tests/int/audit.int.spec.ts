import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

import { recordAudit } from '../../src/infra/audit'
import type { restClient } from '../helpers/rest'
import { bootShop, checkoutBody, customerToken, newKey, productWithStock, staffToken } from '../helpers/shop'
import type { TestPayload } from '../helpers/payload'

// The audit log: one row per staff action, written on the action's own transaction; nobody changes or deletes a row.

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof restClient>>
let admin: string
let merch: { id: number | string; token: string }
let n = 0

const rowsFor = async (action: string, targetId?: string | number) =>
  (
    await payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: action } }, ...(targetId === undefined ? [] : [{ targetId: { equals: String(targetId) } }])] },
      sort: '-createdAt',
      limit: 20,
    })
  ).docs

beforeAll(async () => {
  ;({ app, payload, api, staff: admin } = await bootShop())
  merch = await staffToken(payload, 'merchandiser')
})

afterAll(async () => {
  await app.close()
})

it('should record a merchandiser’s price change with the prices before and after', async () => {
  const product = await productWithStock(payload, api, admin, `AUD-${++n}`, 1250, 0)
  await api.patch(`/products/${product.id}`, { price: 999 }, { token: merch.token })
  const [row] = await rowsFor('product.price_changed', product.id)
  expect([row.summary, row.actorId, row.targetCollection]).toEqual([`Product AUD-${n}: AUD-${n} £12.50 → £9.99`, String(merch.id), 'products'])
})

it('should record a stock adjustment as before → after', async () => {
  const sku = `AUD-${++n}`
  await productWithStock(payload, api, admin, sku, 500, 4)
  await api.post('/inventory/adjust', { sku, delta: -1, reason: 'Broken' }, { token: merch.token })
  const rows = await rowsFor('stock.adjusted', sku)
  expect(rows.map((r) => r.summary)).toEqual([`${sku}: 4 → 3 (-1)`, `${sku}: 0 → 4 (+4)`])
})

it('should record an order’s move by staff', async () => {
  const sku = `AUD-${++n}`
  await productWithStock(payload, api, admin, sku, 500, 2)
  const placed = await api.post('/checkout', checkoutBody([{ sku, quantity: 1 }]), { headers: { 'idempotency-key': newKey() } })
  await api.post(`/orders/${placed.json.order.id}/transition`, { to: 'cancelled', note: 'Asked to' }, { token: admin })
  const [row] = await rowsFor('order.transitioned', placed.json.order.id)
  expect(row.summary).toBe(`${placed.json.order.orderNumber}: paid → cancelled`)
})

it('should record a staff change to a customer and not the customer’s own', async () => {
  const customer = await customerToken(payload)
  await api.patch(`/customers/${customer.id}`, { name: 'Self' }, { token: customer.token })
  await api.patch(`/customers/${customer.id}`, { phone: '01473 000000' }, { token: admin })
  const rows = await rowsFor('customer.changed', customer.id)
  expect(rows.map((r) => r.summary)).toEqual([`Customer ${customer.email}: changed phone`])
})

it('should record store settings and role changes', async () => {
  const target = await staffToken(payload, 'merchandiser')
  await api.patch(`/users/${target.id}`, { roles: ['fulfilment'] }, { token: admin })
  await api.post('/globals/store-settings', { reservationMinutes: 45 }, { token: admin })
  const [role] = await rowsFor('user.roles_changed', target.id)
  const [settings] = await rowsFor('settings.changed')
  expect([role.summary.endsWith('merchandiser → fulfilment'), settings.summary]).toEqual([true, 'Store settings: changed reservationMinutes'])
})

it('should record staff logins that pass and fail', async () => {
  const email = `audit-login-${++n}@example.com`
  await payload.create({
    collection: 'users',
    data: { email, password: 'staff-password-123', roles: ['merchandiser'] },
    overrideAccess: true,
    context: { seed: true },
  })
  await api.post('/users/login', { email, password: 'wrong-password-1' })
  await api.post('/users/login', { email, password: 'staff-password-123' })
  const failed = (await rowsFor('login.failed')).filter((r) => r.actorEmail === email)
  const passed = (await rowsFor('login.succeeded')).filter((r) => r.actorEmail === email)
  expect([failed.length, passed.length]).toEqual([1, 1])
})

it('should record an API key created, rotated and revoked', async () => {
  const created = await api.post('/integrations', { name: `Audit ${++n}`, scopes: ['catalogue:read'] }, { token: admin })
  const id = created.json.doc.id
  await api.post(`/integrations/${id}/rotate`, undefined, { token: admin })
  await api.patch(`/integrations/${id}`, { active: false }, { token: admin })
  const rows = (
    await payload.find({
      collection: 'audit-log',
      where: { targetId: { equals: String(id) }, targetCollection: { equals: 'integrations' } },
      sort: 'createdAt',
    })
  ).docs
  expect(rows.map((r) => r.action)).toEqual(['api_key.created', 'api_key.rotated', 'api_key.revoked'])
})

it('should leave no row for a change whose transaction is rolled back', async () => {
  const product = await productWithStock(payload, api, admin, `AUD-${++n}`, 700, 0)
  const req = await createLocalReq({ user: { ...(await payload.findByID({ collection: 'users', id: merch.id })), collection: 'users' } as never }, payload)
  await initTransaction(req)
  await payload.update({ collection: 'products', id: product.id, data: { price: 100 }, req })
  await killTransaction(req)
  expect([(await rowsFor('product.price_changed', product.id)).length, (await payload.findByID({ collection: 'products', id: product.id })).price]).toEqual([
    0, 700,
  ])
})

it('should refuse to change or delete an entry, to admins over the API and to server code alike', async () => {
  await recordAudit(payload, { action: 'test.entry', actor: null, summary: 'A row to keep' })
  const [row] = await rowsFor('test.entry')
  const answers = [
    (await api.patch(`/audit-log/${row.id}`, { summary: 'Changed' }, { token: admin })).status,
    (await api.del(`/audit-log/${row.id}`, { token: admin })).status,
  ]
  const server = await Promise.allSettled([
    payload.update({ collection: 'audit-log', id: row.id, data: { summary: 'Changed' }, overrideAccess: true }),
    payload.delete({ collection: 'audit-log', id: row.id, overrideAccess: true }),
  ])
  expect([...answers, ...server.map((s) => s.status)]).toEqual([403, 403, 'rejected', 'rejected'])
  expect((await payload.findByID({ collection: 'audit-log', id: row.id })).summary).toBe('A row to keep')
})

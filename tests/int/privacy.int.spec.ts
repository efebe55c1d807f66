import type { Payload } from 'payload'

import { checkoutBody, customerToken, newKey, productWithStock, staffToken } from '../helpers/shop'
import type { TestPayload } from '../helpers/payload'

// Issue 18, item 6: a customer downloads their data and deletes their account; an admin can do both for them.

let app: TestPayload
let payload: Payload
let api: Awaited<ReturnType<typeof import('../helpers/rest').restClient>>
let staff: string

type Customer = Awaited<ReturnType<typeof customerToken>>
const PASSWORD = 'customer-password-123'
let count = 0

async function shopper(): Promise<Customer & { orderIds: (number | string)[] }> {
  const customer = await customerToken(payload, `privacy-${++count}-${Date.now()}@example.com`)
  await payload.update({ collection: 'customers', id: customer.id, data: { name: `Shopper ${count}`, phone: `01473 00000${count}` }, overrideAccess: true })
  const signedIn = await api.post('/checkout', checkoutBody([{ sku: 'PRIV-1', quantity: 1 }], { email: customer.email }), {
    headers: { 'idempotency-key': newKey() },
    token: customer.token,
  })
  const asGuest = await api.post('/checkout', checkoutBody([{ sku: 'PRIV-1', quantity: 2 }], { email: customer.email }), {
    headers: { 'idempotency-key': newKey() },
  })
  if (signedIn.status !== 201 || asGuest.status !== 201) throw new Error(`checkout: ${signedIn.text} ${asGuest.text}`)
  return { ...customer, orderIds: [signedIn.json.order.id, asGuest.json.order.id] }
}

const order = (id: number | string) => payload.findByID({ collection: 'orders', id, depth: 0, overrideAccess: true })
const erase = (who: Customer, token: string, confirmEmail = who.email) => api.post(`/customers/${who.id}/erase`, { confirmEmail }, { token })

beforeAll(async () => {
  const { bootShop } = await import('../helpers/shop')
  ;({ app, payload, api, staff } = await bootShop())
  await productWithStock(payload, api, staff, 'PRIV-1', 1200, 200)
})

afterAll(async () => {
  await app?.close()
})

describe('a customer’s data download', () => {
  it('should give the customer their account and the order they placed signed in as a JSON download', async () => {
    const ada = await shopper()
    const res = await api.get(`/customers/${ada.id}/data`, { token: ada.token })
    expect([res.status, res.headers.get('content-disposition')?.startsWith('attachment'), res.json.account.email, res.json.orders.length]).toEqual([
      200,
      true,
      ada.email,
      1,
    ])
  })

  it('should leave out a guest order placed with the same email, which may be someone else’s', async () => {
    const ada = await shopper()
    const res = await api.get(`/customers/${ada.id}/data`, { token: ada.token })
    const guest = await order(ada.orderIds[1])
    expect(res.json.orders.map((o: { orderNumber: string }) => o.orderNumber)).not.toContain(guest.orderNumber)
  })

  it('should leave the password hash and salt out of the download', async () => {
    const ada = await shopper()
    const res = await api.get(`/customers/${ada.id}/data`, { token: ada.token })
    expect([res.text.includes('"hash"'), res.text.includes('"salt"')]).toEqual([false, false])
  })

  it('should refuse another customer with 403, a merchandiser with 403 and nobody with 401', async () => {
    const [ada, bob] = [await shopper(), await shopper()]
    const merchandiser = (await staffToken(payload, 'merchandiser')).token
    const statuses = [
      (await api.get(`/customers/${ada.id}/data`, { token: bob.token })).status,
      (await api.get(`/customers/${ada.id}/data`, { token: merchandiser })).status,
      (await api.get(`/customers/${ada.id}/data`)).status,
    ]
    expect(statuses).toEqual([403, 403, 401])
  })

  it('should give an admin any customer’s data', async () => {
    const ada = await shopper()
    const res = await api.get(`/customers/${ada.id}/data`, { token: staff })
    expect([res.status, res.json.account.id]).toEqual([200, ada.id])
  })
})

describe('deleting a customer’s account', () => {
  it('should keep the orders with their lines and totals but without the name, address or email', async () => {
    const ada = await shopper()
    const before = await order(ada.orderIds[0])
    const res = await erase(ada, ada.token)
    const after = await Promise.all(ada.orderIds.map(order))
    const text = JSON.stringify(after[0])
    expect([res.status, res.json.ordersKept, after[1].email]).toEqual([200, 1, ada.email])
    expect([after[0].totals?.total, after[0].lines?.[0]?.sku, after[0].shippingAddress?.country]).toEqual([before.totals?.total, 'PRIV-1', 'GB'])
    expect([ada.email, 'Ada Lovelace', '1 Tavern Street', 'IP1 3AA'].filter((s) => text.includes(s))).toEqual([])
  })

  it('should leave the customer unable to log in', async () => {
    const ada = await shopper()
    await erase(ada, ada.token)
    const login = await api.post('/customers/login', { email: ada.email, password: PASSWORD })
    const found = await payload.find({ collection: 'customers', where: { email: { equals: ada.email } }, overrideAccess: true })
    expect([login.status, found.totalDocs]).toEqual([401, 0])
  })

  it('should leave other customers and their orders untouched', async () => {
    const [ada, bob] = [await shopper(), await shopper()]
    await erase(ada, ada.token)
    const login = await api.post('/customers/login', { email: bob.email, password: PASSWORD })
    const bobsOrder = await order(bob.orderIds[0])
    expect([login.status, bobsOrder.email, bobsOrder.shippingAddress?.name]).toEqual([200, bob.email, 'Ada Lovelace'])
  })

  it('should refuse to erase another customer’s account with 403 and keep it', async () => {
    const [ada, bob] = [await shopper(), await shopper()]
    const res = await erase(ada, bob.token)
    const login = await api.post('/customers/login', { email: ada.email, password: PASSWORD })
    expect([res.status, login.status]).toEqual([403, 200])
  })

  it('should refuse without the account’s email as confirmation with 400 confirmation_required', async () => {
    const ada = await shopper()
    const res = await erase(ada, ada.token, 'someone-else@example.com')
    expect([res.status, res.json.error.code]).toEqual([400, 'confirmation_required'])
  })

  it('should let an admin erase a customer, and refuse a merchandiser', async () => {
    const [ada, bob] = [await shopper(), await shopper()]
    const merchandiser = (await staffToken(payload, 'merchandiser')).token
    const refused = await erase(bob, merchandiser)
    const done = await erase(ada, staff)
    expect([refused.status, done.status, done.json.ordersKept]).toEqual([403, 200, 1])
  })
})

import { generate } from 'otplib'
import type { Payload } from 'payload'

import { env } from '../../src/infra/env'
import { finishEnrolment, startEnrolment } from '../../src/infra/twoFactor/secondFactor'
import { loadStaff } from '../../src/infra/twoFactor/state'
import type { restClient } from './rest'

type Api = Awaited<ReturnType<typeof restClient>>

export const address = { name: 'Ada Lovelace', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' }

let staffCount = 0

/** Turns two-factor on for a staff member as the set-up screen does; answers one of its recovery codes. */
async function enrolTwoFactor(payload: Payload, id: number | string): Promise<string> {
  const staff = await loadStaff(payload, id)
  if (!staff) throw new Error(`no staff member ${id}`)
  const { secret } = await startEnrolment(payload, staff)
  const recoveryCodes = await finishEnrolment(payload, staff, await generate({ secret }))
  return recoveryCodes[0]!
}

/** A staff user of the given role, logged in; the token goes in `Authorization: JWT …`. */
export async function staffToken(
  payload: Payload,
  role: 'admin' | 'merchandiser' | 'fulfilment' = 'merchandiser',
): Promise<{ id: number | string; token: string }> {
  const email = `staff-${role}-${++staffCount}-${Date.now()}@example.com`
  const password = 'staff-password-123'
  const user = await payload.create({ collection: 'users', data: { email, password, roles: [role] }, overrideAccess: true, context: { seed: true } })
  // Staging and production require admins to have two-factor (src/infra/twoFactor): enrol, then log in with a recovery code.
  const code = role === 'admin' && env().adminTwoFactorRequired ? await enrolTwoFactor(payload, user.id) : undefined
  const { token } = await payload.login({ collection: 'users', data: { email, password }, ...(code ? { req: { data: { code } } } : {}) })
  return { id: user.id, token: token! }
}

export async function customerToken(payload: Payload, email = `customer-${Date.now()}-${Math.random()}@example.com`) {
  const password = 'customer-password-123'
  const customer = await payload.create({ collection: 'customers', data: { email, password, name: 'Test Customer' } })
  const { token } = await payload.login({ collection: 'customers', data: { email, password } })
  return { id: customer.id, token: token!, email }
}

/** Ships to GB and IE, £3.95 flat, free over £50, 20 % VAT. */
export async function configureStore(payload: Payload) {
  await payload.updateGlobal({
    slug: 'store-settings',
    data: {
      storeName: 'Ipswich Retail',
      vatRate: 20,
      shipping: { flatRate: 395, freeOver: 5000, countries: ['GB', 'IE'] },
      reservationMinutes: 30,
      manualPaymentHoldDays: 7,
    },
  })
}

/** A published product with its own SKU and the given stock (added through the adjustment endpoint). */
export async function productWithStock(
  payload: Payload,
  api: Api,
  staff: string,
  sku: string,
  price: number,
  stock: number,
  extra: Record<string, unknown> = {},
) {
  const product = await payload.create({ collection: 'products', data: { title: `Product ${sku}`, price, sku, _status: 'published', ...extra } })
  if (stock > 0) {
    const res = await api.post('/inventory/adjust', { sku, delta: stock, reason: 'Initial stock' }, { token: staff })
    if (res.status !== 200) throw new Error(`adjust failed: ${res.status} ${res.text}`)
  }
  return product
}

export async function available(payload: Payload, sku: string): Promise<number> {
  const found = await payload.find({ collection: 'inventory', where: { sku: { equals: sku } }, limit: 1 })
  return found.docs[0]?.available ?? NaN
}

export async function ledgerSum(payload: Payload, sku: string): Promise<number> {
  const rows = await payload.find({ collection: 'stock-movements', where: { sku: { equals: sku } }, limit: 10000, pagination: false })
  return rows.docs.reduce((sum, r) => sum + r.change, 0)
}

export const checkoutBody = (items: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}) => ({
  items,
  email: 'shopper@example.com',
  shippingAddress: address,
  paymentMethod: 'test-card',
  card: { number: '4242 4242 4242 4242' },
  ...extra,
})

let integrationCount = 0

/** An integration with these scopes and a fresh API key; the header goes in `Authorization` as it is. */
export async function apiKeyFor(payload: Payload, scopes: string[]): Promise<{ id: number | string; apiKey: string; header: string }> {
  const apiKey = `test-api-key-${process.pid}-${Date.now()}-${++integrationCount}`
  const doc = await payload.create({
    collection: 'integrations',
    data: { name: `Integration ${integrationCount}`, scopes: scopes as never, enableAPIKey: true, apiKey },
    overrideAccess: true,
  })
  return { id: doc.id, apiKey, header: `integrations API-Key ${apiKey}` }
}

let keyCount = 0
export const newKey = () => `test-key-${process.pid}-${Date.now()}-${++keyCount}`

/** Payload on a fresh database with the store configured and a logged-in admin: most shop suites start here. */
export async function bootShop(extraEnv: Record<string, string> = {}, options: Parameters<typeof import('./payload').bootPayload>[1] = {}) {
  const { bootPayload } = await import('./payload')
  const { restClient } = await import('./rest')
  const app = await bootPayload(extraEnv, options)
  const api = await restClient(app.payload.config)
  await configureStore(app.payload)
  // An admin: shop suites both stock the catalogue and move orders, which no other single role may do.
  const staff = (await staffToken(app.payload, 'admin')).token
  return { app, payload: app.payload, api, staff }
}

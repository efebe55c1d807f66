import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { CommerceError } from '../commerce/errors'
import { customerExport, erasedAddress, erasedEmail, ERASED, type CustomerExport } from '../commerce/privacy'
import { queryRows, sql } from './sql'

type Doc = Record<string, unknown>
const internal = { overrideAccess: true, depth: 0, pagination: false } as const

const has = (payload: Payload, slug: string) => Boolean(payload.collections[slug as keyof typeof payload.collections])

async function findCustomer(payload: Payload, id: number | string, req?: PayloadRequest): Promise<Doc> {
  const customer = await payload.findByID({ collection: 'customers', id, req, overrideAccess: true, depth: 0, disableErrors: true })
  if (!customer) throw new CommerceError(404, 'customer_not_found', 'No such customer')
  return customer as unknown as Doc
}

/**
 * The orders placed signed in to this account. Guest orders with the same email are left out: an account's email need
 * not be verified, so they may be someone else's (their address would leak, or be erased by a stranger).
 */
async function ordersOf(payload: Payload, customer: Doc, req?: PayloadRequest): Promise<Doc[]> {
  const where = { customer: { equals: customer.id } }
  const found = await payload.find({ collection: 'orders', where, sort: 'createdAt', req, ...internal, showHiddenFields: true })
  return found.docs as unknown as Doc[]
}

/** Everything the shop holds about one customer, as the JSON they download (src/commerce/privacy.ts). */
export async function exportCustomerData(payload: Payload, id: number | string): Promise<CustomerExport> {
  const customer = await findCustomer(payload, id)
  const [orders, reviews, backInStock] = await Promise.all([
    ordersOf(payload, customer),
    has(payload, 'reviews')
      ? payload.find({ collection: 'reviews' as never, where: { customer: { equals: id } }, ...internal }).then((r) => r.docs as unknown as Doc[])
      : [],
    has(payload, 'back-in-stock-subscriptions')
      ? payload
          .find({ collection: 'back-in-stock-subscriptions' as never, where: { email: { equals: customer.email } }, ...internal })
          .then((r) => r.docs as unknown as Doc[])
      : [],
  ])
  return customerExport({ customer, orders, reviews, backInStock }, new Date())
}

/** The erasure's SQL on one transaction: orders keep their lines and totals, lose who and where. */
async function eraseRecords(payload: Payload, req: PayloadRequest, customer: Doc, orderIds: number[]) {
  const id = Number(customer.id)
  const email = String(customer.email)
  const anonymous = erasedEmail(id)
  if (orderIds.length > 0) {
    const ids = sql.join(
      orderIds.map((o) => sql`${o}`),
      sql`, `,
    )
    const blank = erasedAddress(null)
    await queryRows(
      payload,
      req,
      sql`UPDATE orders SET email = ${anonymous}, client_address = NULL,
            shipping_address_name = ${ERASED}, shipping_address_line1 = ${blank.line1}, shipping_address_line2 = NULL,
            shipping_address_city = ${blank.city}, shipping_address_postcode = ${blank.postcode},
            billing_address_name = ${ERASED}, billing_address_line1 = ${blank.line1}, billing_address_line2 = NULL,
            billing_address_city = ${blank.city}, billing_address_postcode = ${blank.postcode},
            updated_at = ${new Date().toISOString()}
          WHERE id IN (${ids}) RETURNING id`,
    )
  }
  if (has(payload, 'reviews')) {
    await queryRows(payload, req, sql`UPDATE reviews SET author_name = ${'Former customer'}, customer_id = NULL WHERE customer_id = ${id} RETURNING id`)
  }
  if (has(payload, 'back-in-stock-subscriptions')) {
    await queryRows(payload, req, sql`DELETE FROM back_in_stock_subscriptions WHERE lower(email) = ${email.toLowerCase()} RETURNING id`)
  }
  if (has(payload, 'discount-redemptions')) {
    await queryRows(
      payload,
      req,
      sql`UPDATE discount_redemptions SET email = ${anonymous}, customer_key = ${`erased:${id}`}
          WHERE customer_id = ${id} RETURNING id`,
    )
  }
}

/**
 * Erases a customer in one transaction: their orders are kept with the personal data replaced (src/commerce/privacy.ts),
 * their reviews kept without a name, their back-in-stock alerts removed, and the account deleted (they can no longer
 * log in). Returns how many orders were kept.
 */
export async function eraseCustomer(payload: Payload, id: number | string): Promise<{ email: string; ordersKept: number }> {
  const req = await createLocalReq({}, payload)
  try {
    await initTransaction(req)
    const customer = await findCustomer(payload, id, req)
    const orders = await ordersOf(payload, customer, req)
    await eraseRecords(
      payload,
      req,
      customer,
      orders.map((o) => Number(o.id)),
    )
    await payload.delete({ collection: 'customers', id, req, overrideAccess: true })
    await commitTransaction(req)
    return { email: String(customer.email), ordersKept: orders.length }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

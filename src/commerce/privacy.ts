import { z } from 'zod'

import { CommerceError } from './errors'

/**
 * What a customer's data export holds and what erasing them leaves. Orders are kept (the shop's books and VAT need
 * them); their personal data is replaced, so the order no longer says who bought it. docs/security/holds-and-privacy.md.
 */

export const EXPORT_FORMAT = 'ipswich-retail/customer-data@1'
export const ERASED = 'Erased'

/** The address an erased customer's orders keep: the country only (VAT), nothing that finds a person. */
export const erasedAddress = (country: string | null | undefined) => ({
  name: ERASED,
  line1: ERASED,
  line2: null,
  city: ERASED,
  postcode: '',
  country: country ?? '',
})

/** An address no mail reaches (RFC 2606 `.invalid`), unique per customer so orders stay grouped without a name. */
export const erasedEmail = (customerId: number | string): string => `erased-customer-${customerId}@erased.invalid`

type Doc = Record<string, unknown>

const pick = (doc: Doc | null | undefined, keys: readonly string[]): Doc =>
  Object.fromEntries(keys.filter((k) => doc && doc[k] !== undefined).map((k) => [k, (doc as Doc)[k]]))

const CUSTOMER_FIELDS = ['id', 'email', 'name', 'phone', 'addresses', 'marketingConsent', 'cart', 'createdAt', 'updatedAt'] as const
const ORDER_FIELDS = [
  'orderNumber',
  'createdAt',
  'status',
  'email',
  'lines',
  'totals',
  'shippingAddress',
  'billingAddress',
  'discountCode',
  'clientAddress',
] as const

/** A stored order as the customer may see it: no staff notes, staff ids, token hashes or payment references. */
function exportedOrder(order: Doc): Doc {
  const payment = order.payment as Doc | undefined
  const fulfilment = order.fulfilment as Doc | undefined
  const history = Array.isArray(order.statusHistory) ? (order.statusHistory as Doc[]) : []
  return {
    ...pick(order, ORDER_FIELDS),
    payment: pick(payment, ['method', 'state']),
    fulfilment: fulfilment?.carrier ? pick(fulfilment, ['carrier', 'trackingNumber', 'shippedAt']) : null,
    statusHistory: history.map((h) => pick(h, ['from', 'to', 'at'])),
  }
}

export interface CustomerRecords {
  customer: Doc
  orders: Doc[]
  reviews: Doc[]
  backInStock: Doc[]
}

/** The JSON a customer downloads: their account, orders, reviews and alerts, and nothing of the shop's own. */
export function customerExport(records: CustomerRecords, exportedAt: Date) {
  return {
    format: EXPORT_FORMAT,
    exportedAt: exportedAt.toISOString(),
    account: pick(records.customer, CUSTOMER_FIELDS),
    orders: records.orders.map(exportedOrder),
    reviews: records.reviews.map((r) => pick(r, ['product', 'authorName', 'rating', 'title', 'text', 'status', 'createdAt'])),
    backInStockAlerts: records.backInStock.map((s) => pick(s, ['sku', 'email', 'status', 'createdAt'])),
  }
}

export type CustomerExport = ReturnType<typeof customerExport>

/**
 * Erasing an account cannot be undone: the request names the account's email again. 400 `confirmation_required`
 * when it does not match (case aside).
 */
export const erasureBodySchema = z.object({ confirmEmail: z.string().max(320).describe('The account’s email address again, as confirmation') })

export function assertErasureConfirmed(body: unknown, accountEmail: string): void {
  const parsed = erasureBodySchema.safeParse(body)
  const given = parsed.success ? parsed.data.confirmEmail : null
  if (typeof given === 'string' && given.trim().toLowerCase() === accountEmail.trim().toLowerCase()) return
  throw new CommerceError(400, 'confirmation_required', 'To delete the account, send its email address as confirmEmail', [
    { field: 'confirmEmail', message: 'must be the account’s email address' },
  ])
}

import type { Payload, PayloadRequest } from 'payload'

import { queryRows, sql } from '../kit'
import type { DiscountCode, DiscountScope, DiscountType, Id, LineProduct } from './rules'
import { normalizeCode } from './rules'

export const CODES_SLUG = 'discount-codes'
export const REDEMPTIONS_SLUG = 'discount-redemptions'

// Payload's tables for the two collections (slug with dashes as underscores).
const codesTable = sql.raw('discount_codes')
const redemptionsTable = sql.raw('discount_redemptions')

const internal = { overrideAccess: true, depth: 0 } as const

// A stored document read loosely: the generated types are all-optional, DiscountCode is the typed result.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Doc = Record<string, any>

const idsOf = (value: unknown): Id[] => (Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' ? (v as Doc).id : v) as Id) : [])
const numberOrNull = (value: unknown) => (typeof value === 'number' ? value : null)
const dateOrNull = (value: unknown) => (value ? new Date(String(value)) : null)

export function toDiscountCode(doc: Doc): DiscountCode {
  return {
    id: doc.id,
    code: String(doc.code),
    type: doc.type as DiscountType,
    percentOff: numberOrNull(doc.percentOff),
    amountOff: numberOrNull(doc.amountOff),
    minimumSpend: numberOrNull(doc.minimumSpend),
    validFrom: dateOrNull(doc.validFrom),
    validTo: dateOrNull(doc.validTo),
    appliesTo: (doc.appliesTo ?? 'cart') as DiscountScope,
    categoryIds: idsOf(doc.categories),
    productIds: idsOf(doc.products),
    usageLimit: numberOrNull(doc.usageLimit),
    perCustomerLimit: numberOrNull(doc.perCustomerLimit),
    used: Number(doc.used ?? 0),
    active: doc.active !== false,
  }
}

/** The code as typed (any case), or null when there is none. */
export async function findDiscountCode(payload: Payload, code: string, req?: PayloadRequest): Promise<DiscountCode | null> {
  const found = await payload.find({ collection: CODES_SLUG, where: { code: { equals: normalizeCode(code) } }, limit: 1, pagination: false, req, ...internal })
  const doc = found.docs[0]
  return doc ? toDiscountCode(doc as Doc) : null
}

/** Each SKU's product and categories (a variant's SKU answers for its product). */
export async function productsOfSkus(payload: Payload, skus: readonly string[]): Promise<Map<string, LineProduct>> {
  const found = await payload.find({
    collection: 'products',
    where: { or: [{ sku: { in: [...skus] } }, { 'variants.sku': { in: [...skus] } }] },
    select: { sku: true, variants: true, categories: true },
    pagination: false,
    ...internal,
  })
  const map = new Map<string, LineProduct>()
  for (const doc of found.docs as Doc[]) {
    const product = { productId: doc.id as Id, categoryIds: idsOf(doc.categories) }
    const own = [doc.sku, ...(doc.variants ?? []).map((v: Doc) => v.sku)].filter((s): s is string => typeof s === 'string')
    own.forEach((sku) => map.set(sku, product))
  }
  return map
}

/**
 * Counts one use: a single conditional UPDATE on the checkout's transaction, so racing checkouts queue on the code's
 * row and the last ones find the limit reached. False when it is.
 */
export async function claimUse(payload: Payload, req: PayloadRequest, codeId: Id): Promise<boolean> {
  const rows = await queryRows<{ used: number }>(
    payload,
    req,
    sql`UPDATE ${codesTable} SET used = used + 1, updated_at = ${new Date().toISOString()}
        WHERE id = ${Number(codeId)} AND (usage_limit IS NULL OR used < usage_limit) RETURNING used`,
  )
  return rows.length > 0
}

/** Uses of the code by this customer, read after claimUse holds the code's row: racing uses by one shopper queue. */
export async function countCustomerUses(payload: Payload, req: PayloadRequest, codeId: Id, key: string): Promise<number> {
  const rows = await queryRows<{ n: number | string }>(
    payload,
    req,
    sql`SELECT count(*) AS n FROM ${redemptionsTable} WHERE discount_code_id = ${Number(codeId)} AND customer_key = ${key}`,
  )
  return Number(rows[0]?.n ?? 0)
}

export interface RedemptionDraft {
  codeId: Id
  code: string
  orderId: Id
  customerId: Id | null
  email: string
  customerKey: string
  amount: number
}

export async function recordRedemption(payload: Payload, req: PayloadRequest, draft: RedemptionDraft): Promise<void> {
  await payload.create({
    collection: REDEMPTIONS_SLUG,
    req,
    ...internal,
    select: { code: true },
    data: {
      discountCode: draft.codeId,
      code: draft.code,
      order: draft.orderId,
      customer: draft.customerId ?? undefined,
      email: draft.email,
      customerKey: draft.customerKey,
      amount: draft.amount,
    } as never,
  })
}

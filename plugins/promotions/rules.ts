import { CommerceError } from '../../src/commerce/errors'
import { formatGBP, roundHalfUp, type Pence } from '../../src/commerce/money'
import type { Adjustment, PricedLine } from '../../src/commerce/pricingRegistry'

export const DISCOUNT_TYPES = ['percentage', 'fixed'] as const
export type DiscountType = (typeof DISCOUNT_TYPES)[number]

export const DISCOUNT_SCOPES = ['cart', 'categories', 'products'] as const
export type DiscountScope = (typeof DISCOUNT_SCOPES)[number]

export type Id = number | string

/** A discount code as the rules read it, whatever the database made of it. */
export interface DiscountCode {
  id: Id
  code: string
  type: DiscountType
  /** 1–100 for a percentage. */
  percentOff: number | null
  /** Pence off for a fixed amount. */
  amountOff: Pence | null
  minimumSpend: Pence | null
  validFrom: Date | null
  validTo: Date | null
  appliesTo: DiscountScope
  categoryIds: Id[]
  productIds: Id[]
  usageLimit: number | null
  perCustomerLimit: number | null
  used: number
  active: boolean
}

/** What a cart line is, for a code that applies to some products or categories. */
export interface LineProduct {
  productId: Id
  categoryIds: Id[]
}

export const DISCOUNT_FIELD = 'discountCode'

/** Codes are matched case-insensitively: they are stored and compared upper-cased, without surrounding spaces. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}

function refuse(status: number, code: string, message: string, field = DISCOUNT_FIELD): CommerceError {
  return new CommerceError(status, code, message, [{ field, message }])
}

const day = (d: Date) => d.toISOString().slice(0, 10)

/** Refuses a code that cannot be used now, whatever the cart: switched off, outside its dates or used up. */
export function assertUsableNow(discount: DiscountCode, now: Date, field = DISCOUNT_FIELD): void {
  const name = discount.code
  if (!discount.active) throw refuse(422, 'discount_inactive', `discount code "${name}" is not active`, field)
  if (discount.validFrom && now < discount.validFrom) {
    throw refuse(422, 'discount_not_yet_valid', `discount code "${name}" is valid from ${day(discount.validFrom)}`, field)
  }
  if (discount.validTo && now > discount.validTo) {
    throw refuse(422, 'discount_expired', `discount code "${name}" expired on ${day(discount.validTo)}`, field)
  }
  if (discount.usageLimit !== null && discount.used >= discount.usageLimit) throw limitReached(name, field)
}

export function limitReached(name: string, field = DISCOUNT_FIELD): CommerceError {
  return refuse(409, 'discount_limit_reached', `discount code "${name}" has been used as many times as it may be`, field)
}

export function customerLimitReached(name: string, field = DISCOUNT_FIELD): CommerceError {
  return refuse(409, 'discount_customer_limit_reached', `you have already used discount code "${name}" as many times as it may be used`, field)
}

const sameId = (a: Id, b: Id) => String(a) === String(b)

/** Whether a line counts towards the code: every line for a whole-cart code, else by product or category. */
export function lineQualifies(discount: DiscountCode, product: LineProduct | undefined): boolean {
  if (discount.appliesTo === 'cart') return true
  if (!product) return false
  if (discount.appliesTo === 'products') return discount.productIds.some((id) => sameId(id, product.productId))
  return discount.categoryIds.some((id) => product.categoryIds.some((c) => sameId(c, id)))
}

/** The goods the code takes its discount from (pence). */
export function eligibleTotal(discount: DiscountCode, lines: readonly PricedLine[], products: ReadonlyMap<string, LineProduct>): Pence {
  return lines.filter((l) => lineQualifies(discount, products.get(l.sku))).reduce((sum, l) => sum + l.lineTotal, 0)
}

/** Refuses a code this cart cannot use: below the minimum spend (on the whole subtotal) or nothing it applies to. */
export function assertApplicable(discount: DiscountCode, subtotal: Pence, eligible: Pence, field = DISCOUNT_FIELD): void {
  if (discount.minimumSpend !== null && subtotal < discount.minimumSpend) {
    const message = `discount code "${discount.code}" needs a spend of at least ${formatGBP(discount.minimumSpend)} (your goods come to ${formatGBP(subtotal)})`
    throw refuse(422, 'discount_minimum_not_met', message, field)
  }
  if (eligible <= 0) {
    throw refuse(422, 'discount_not_applicable', `discount code "${discount.code}" does not apply to anything in your cart`, field)
  }
}

/** Pence off the eligible goods: a percentage rounded half up, or the fixed amount, never more than the goods. */
export function discountAmount(discount: DiscountCode, eligible: Pence): Pence {
  const off = discount.type === 'percentage' ? roundHalfUp(eligible * (discount.percentOff ?? 0), 100) : (discount.amountOff ?? 0)
  return Math.max(0, Math.min(off, eligible))
}

export function discountLabel(discount: DiscountCode): string {
  const what = discount.type === 'percentage' ? `${discount.percentOff} % off` : `${formatGBP(discount.amountOff ?? 0)} off`
  return `Discount code ${discount.code} (${what})`
}

/** The adjustment a code makes to this cart (negative: a discount). */
export function discountAdjustment(discount: DiscountCode, eligible: Pence): Adjustment {
  return { code: discount.code, label: discountLabel(discount), amount: -discountAmount(discount, eligible) }
}

/** Whose use a per-customer limit counts: the customer's account, else the guest's email. */
export function customerKey(customerId: Id | null | undefined, email: string): string {
  return customerId != null ? `customer:${customerId}` : `email:${email.trim().toLowerCase()}`
}

import { CommerceError, invalidField } from './errors'
import { manualPaymentDeadline } from './paymentInstructions'
import type { SkuQuantity } from './stock'

/**
 * How long an unpaid order may hold stock, and how much one shopper may hold at once (store settings, `holds`).
 * Without these, one anonymous bank-transfer checkout could hold a SKU's whole stock for `manualPaymentHoldDays`.
 */
export interface HoldLimits {
  /** Minutes an anonymous shopper's bank-transfer order holds stock; signed-in customers and staff get the hold days. */
  anonymousHoldMinutes: number
  /** Pending (unpaid) orders one email, customer or client address may have at once, this one included. */
  maxPendingOrders: number
  /** Units those pending orders may hold together, this one included. */
  maxPendingUnits: number
  /** Distinct SKUs in one order. */
  maxLines: number
  /** Units of one SKU in one order. */
  maxLineQuantity: number
}

export const DEFAULT_HOLD_LIMITS: HoldLimits = {
  anonymousHoldMinutes: 60,
  maxPendingOrders: 3,
  maxPendingUnits: 20,
  maxLines: 50,
  maxLineQuantity: 100,
}

/** Who places the order: an anonymous shopper, a signed-in customer, or a staff member placing it for someone. */
export type HolderKind = 'guest' | 'customer' | 'staff'

/** Payment methods whose orders wait as pending, holding stock, until the money arrives. */
const AWAITS_PAYMENT: ReadonlySet<string> = new Set(['manual'])

export const awaitsPayment = (paymentMethod: string): boolean => AWAITS_PAYMENT.has(paymentMethod)

const MINUTE_MS = 60_000

export interface HoldSettings {
  reservationMinutes: number
  manualPaymentHoldDays: number
  holds: HoldLimits
}

/** When a new order's hold ends: minutes for card payments and anonymous bank transfers, days for the others. */
export function holdEnds(paymentMethod: string, holder: HolderKind, now: Date, settings: HoldSettings): Date {
  if (!awaitsPayment(paymentMethod)) return new Date(now.getTime() + settings.reservationMinutes * MINUTE_MS)
  if (holder === 'guest') return new Date(now.getTime() + settings.holds.anonymousHoldMinutes * MINUTE_MS)
  return manualPaymentDeadline(now, settings.manualPaymentHoldDays)
}

/** Refuses an order with more lines, or more units of one SKU, than the settings allow (lines already merged). */
export function assertOrderSize(lines: readonly SkuQuantity[], limits: HoldLimits): void {
  if (lines.length > limits.maxLines) {
    throw invalidField('too_many_lines', 'items', `an order may hold at most ${limits.maxLines} different items; this one has ${lines.length}`)
  }
  const over = lines.find((l) => l.quantity > limits.maxLineQuantity)
  if (over) {
    throw new CommerceError(400, 'line_quantity_limit', `"${over.sku}": at most ${limits.maxLineQuantity} of one item per order; asked for ${over.quantity}`, [
      { field: 'items', message: `"${over.sku}" asks for ${over.quantity}; at most ${limits.maxLineQuantity}` },
    ])
  }
}

/** Who the holds are counted by; a null key is not counted (no customer, or no known address). */
export interface HolderKeys {
  email: string
  customerId: number | string | null
  clientAddress: string | null
}

export interface HoldCount {
  orders: number
  units: number
}

export type HoldScope = 'email' | 'customer' | 'address'

/** The pending orders already held under each key (null when the key is null). */
export type PendingHoldCounts = Record<HoldScope, HoldCount | null>

/** The email as holds count it: one mailbox, whatever its case. */
export const holdEmail = (email: string): string => email.trim().toLowerCase()

/**
 * Refuses a new pending order that would take any key over the caps: 409 `hold_limit_reached`, naming the scope and
 * the limits (not the other orders). Paying, or waiting for the holds to expire, frees room.
 */
export function assertHoldCaps(pending: PendingHoldCounts, units: number, limits: HoldLimits): void {
  for (const scope of ['customer', 'email', 'address'] as const) {
    const held = pending[scope]
    if (!held) continue
    const orders = held.orders + 1
    const total = held.units + units
    if (orders <= limits.maxPendingOrders && total <= limits.maxPendingUnits) continue
    const what = orders > limits.maxPendingOrders ? `${limits.maxPendingOrders} unpaid orders` : `${limits.maxPendingUnits} units in unpaid orders`
    throw new CommerceError(409, 'hold_limit_reached', `At most ${what} may wait for payment at once; pay for or cancel one first, or pay by card`, {
      scope,
      maxPendingOrders: limits.maxPendingOrders,
      maxPendingUnits: limits.maxPendingUnits,
    })
  }
}

/** The units these lines hold. */
export const unitsOf = (lines: readonly SkuQuantity[]): number => lines.reduce((sum, l) => sum + l.quantity, 0)

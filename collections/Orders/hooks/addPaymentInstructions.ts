import type { FieldHook, PayloadRequest } from 'payload'

import type { Carrier } from '../../../src/commerce/carriers'
import { paymentInstructions, type InstructionsSettings } from '../../../src/commerce/paymentInstructions'

/** The store settings an order's virtual fields are computed from. */
export type OrderReadSettings = InstructionsSettings & { carriers: Partial<Carrier>[] }

// Keyed by request, not kept in req.context: Payload copies the context into nested operations.
const settingsByRequest = new WeakMap<PayloadRequest, Promise<OrderReadSettings>>()

/** The settings the virtual fields need (payment instructions, tracking link), read once per request however many orders it reads. */
export function instructionsSettings(req: PayloadRequest): Promise<OrderReadSettings> {
  let settings = settingsByRequest.get(req)
  if (!settings) {
    settings = req.payload
      .findGlobal({ slug: 'store-settings', depth: 0, overrideAccess: true, req })
      .then((s) => ({ manualPaymentHoldDays: s.manualPaymentHoldDays, bankDetails: s.bankDetails, carriers: s.carriers ?? [] }))
    settingsByRequest.set(req, settings)
  }
  return settings
}

// A virtual field: how to pay a bank-transfer order awaiting payment, null for every other order.
export const addPaymentInstructions: FieldHook = async ({ data, req }) => {
  // Card orders never need the settings read.
  if (data?.payment?.method !== 'manual') return null
  const order = {
    orderNumber: data.orderNumber,
    status: data.status,
    paymentMethod: data.payment.method,
    total: data.totals?.total ?? 0,
    placedAt: data.createdAt,
    reservationExpiresAt: data.reservationExpiresAt,
  }
  return paymentInstructions(order, await instructionsSettings(req))
}

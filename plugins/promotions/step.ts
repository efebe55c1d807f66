import type { Payload, PayloadRequest } from 'payload'

import type { AdjustmentContext, AdjustmentStep, RedemptionContext } from '../../src/commerce/pricingRegistry'
import type { DiscountCode } from './rules'
import { assertApplicable, assertUsableNow, customerKey, customerLimitReached, discountAdjustment, eligibleTotal, limitReached, normalizeCode } from './rules'
import { claimUse, countCustomerUses, findDiscountCode, productsOfSkus, recordRedemption } from './store'

export const PROMOTIONS_STEP = 'promotions'

/** Where the step finds Payload: each boot of the plugin points it at its own instance (tests boot more than one). */
export interface PayloadHolder {
  payload: Payload | null
}

async function eligibleFor(payload: Payload, discount: DiscountCode, ctx: Pick<AdjustmentContext, 'lines'>) {
  const products =
    discount.appliesTo === 'cart'
      ? new Map()
      : await productsOfSkus(
          payload,
          ctx.lines.map((l) => l.sku),
        )
  return eligibleTotal(discount, ctx.lines, products)
}

/**
 * The pricing step of discount codes: claims the codes it knows (refusing, with a reason, those that cannot be used
 * on this cart now), takes the discount off the goods, and counts the use in the checkout's transaction.
 */
export function discountCodeStep(holder: PayloadHolder, now: () => Date = () => new Date()): AdjustmentStep {
  const payloadNow = () => {
    if (!holder.payload) throw new Error('promotions: Payload has not initialised the plugin yet')
    return holder.payload
  }
  return {
    name: PROMOTIONS_STEP,
    async acceptsDiscountCode(code, ctx) {
      const payload = payloadNow()
      const discount = await findDiscountCode(payload, code)
      if (!discount) return false
      assertUsableNow(discount, now())
      assertApplicable(discount, ctx.subtotal, await eligibleFor(payload, discount, ctx))
      return true
    },
    async adjust(ctx) {
      if (ctx.discountCode === undefined) return []
      const payload = payloadNow()
      const discount = await findDiscountCode(payload, ctx.discountCode)
      if (!discount) return []
      return [discountAdjustment(discount, await eligibleFor(payload, discount, ctx))]
    },
    async redeem(ctx: RedemptionContext) {
      if (ctx.discountCode === undefined) return
      // The instance whose transaction this is: the CMS process runs two Payloads (Next's and its server's, which
      // answers a guest's checkout), and the holder points at the one that started last. A statement given another
      // instance's request would run outside the checkout's transaction.
      const req = ctx.transaction as PayloadRequest
      const payload = req?.payload ?? payloadNow()
      const discount = await findDiscountCode(payload, ctx.discountCode, req)
      const applied = ctx.adjustments.find((a) => discount && a.code === discount.code)
      if (!discount || !applied) return
      if (!(await claimUse(payload, req, discount.id))) throw limitReached(discount.code)
      const key = customerKey(ctx.customerId, ctx.email)
      if (discount.perCustomerLimit !== null && (await countCustomerUses(payload, req, discount.id, key)) >= discount.perCustomerLimit) {
        throw customerLimitReached(discount.code)
      }
      await recordRedemption(payload, req, {
        codeId: discount.id,
        code: normalizeCode(discount.code),
        orderId: ctx.order.id,
        customerId: ctx.customerId,
        email: ctx.email,
        customerKey: key,
        amount: -applied.amount,
      })
    },
  }
}

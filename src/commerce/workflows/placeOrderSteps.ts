import { CommerceError } from '../errors'
import type { AuthorizeResult } from '../payments'
import type { PricingRegistry } from '../pricingRegistry'
import { insufficientStock, orderMovements } from '../stock'
import type { CommerceStore, Id, OrderDraft } from './ports'
import type { CheckoutPlan } from './prepareCheckout'
import type { IdempotentContext } from './idempotencySteps'
import { defineStep } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'
import { insertMovementsStep, reserveStockStep } from './stockSteps'
import type { StockContext } from './stockSteps'

export interface PlaceOrderContext extends StockContext, IdempotentContext {
  plan: CheckoutPlan
  draft: OrderDraft
  now: Date
  order?: { id: Id; orderNumber: string }
  payment?: AuthorizeResult
}

type Step = WorkflowStep<PlaceOrderContext, unknown>

export function placed(ctx: PlaceOrderContext): { id: Id; orderNumber: string } {
  if (!ctx.order) throw new Error('placeOrder: the order has not been created yet')
  return ctx.order
}

/** After one SKU comes back short, report every remaining line that cannot be filled, as read now. */
function shortageReporter(tx: CommerceStore, plan: CheckoutPlan) {
  return async (failedSku: string): Promise<Error> => {
    const rest = plan.reservations.slice(plan.reservations.findIndex((r) => r.sku === failedSku))
    const levels = new Map((await tx.readStock(rest.map((r) => r.sku))).map((l) => [l.sku, l.available]))
    const short = rest
      .map((r) => ({ sku: r.sku, requested: r.quantity, available: levels.get(r.sku) ?? 0 }))
      .filter((s) => s.sku === failedSku || s.available < s.requested)
    return insufficientStock(short)
  }
}

function createOrderStep(tx: CommerceStore): Step {
  return defineStep<PlaceOrderContext, Id>({
    name: 'createOrder',
    async run(ctx) {
      ctx.order = await tx.createOrder(draftAfterPayment(ctx.draft, ctx.payment as AuthorizeResult, ctx.plan.provider.id, ctx.now))
      return ctx.order.id
    },
    undo: (_ctx, id) => tx.deleteOrder(id),
  })
}

/**
 * Lets each pricing step record what it applied (a discount code's usage) in the checkout's transaction; a step
 * that throws refuses the checkout and the rollback takes its writes with the order. No undo of its own: the
 * writes are the transaction's.
 */
function redeemAdjustmentsStep(tx: CommerceStore, plan: CheckoutPlan, pricing: PricingRegistry, customerId: Id | null): Step {
  return {
    name: 'redeemAdjustments',
    async run(ctx) {
      const { lines, adjustments } = plan.priced
      for (const step of pricing.steps()) {
        if (!step.redeem) continue
        await step.redeem({
          order: placed(ctx),
          discountCode: plan.input.discountCode,
          customerId,
          email: plan.input.email,
          lines,
          subtotal: plan.priced.totals.subtotal,
          adjustments,
          transaction: tx.transactionHandle?.(),
        })
      }
    },
  }
}

/** Runs before the stock transaction, so no stock row is locked while the provider answers. Undo: void. */
export function authorizePaymentStep(plan: CheckoutPlan): Step {
  return defineStep<PlaceOrderContext, AuthorizeResult>({
    name: 'authorizePayment',
    async run(ctx) {
      const result = await plan.provider.authorize({
        amount: plan.priced.totals.total,
        currency: plan.settings.currency,
        card: plan.input.card,
        orderNumber: ctx.draft.orderNumber,
      })
      if (result.status === 'declined') {
        const message = result.message ?? 'The payment was declined.'
        throw new CommerceError(402, 'payment_declined', message, [{ field: 'card', message }])
      }
      ctx.payment = result
      return result
    },
    undo: async (_ctx, result) => {
      if (result.status === 'approved' && plan.provider.void) await plan.provider.void(result.reference)
    },
  })
}

/**
 * The order as it is created once the provider has answered: an approved payment makes it paid at once (its history
 * says so and it holds no reservation); a pending one (bank transfer, manual) keeps its reference and its hold.
 */
export function draftAfterPayment(draft: OrderDraft, result: AuthorizeResult, provider: string, at: Date): OrderDraft {
  const approved = result.status === 'approved'
  const payment = { ...draft.payment, reference: result.reference, state: approved ? 'paid' : 'pending' } as const
  if (!approved) return { ...draft, payment }
  const note = `Payment approved (${provider})`
  return { ...draft, status: 'paid', payment, reservationExpiresAt: null, statusHistory: [{ from: 'pending', to: 'paid', at, by: null, note }] }
}

/**
 * The writes of a checkout's transaction, in order, once the payment is authorised; each can be undone. The order is
 * created in its state after payment, so nothing updates it afterwards.
 */
export function placeOrderSteps(tx: CommerceStore, plan: CheckoutPlan, pricing: PricingRegistry, customerId: Id | null): Step[] {
  const lines = plan.priced.lines
  const onShort = shortageReporter(tx, plan)
  return [
    ...plan.reservations.map((r) => reserveStockStep<PlaceOrderContext>(tx, r, onShort)),
    createOrderStep(tx),
    redeemAdjustmentsStep(tx, plan, pricing, customerId),
    // The reservation rows, then the sale rows of a paid order, in one write.
    insertMovementsStep<PlaceOrderContext>(tx, 'recordStockMovements', (ctx) => {
      const order = { order: placed(ctx).id }
      return [...orderMovements('reserve', lines, order), ...(ctx.payment?.status === 'approved' ? orderMovements('sale', lines, order) : [])]
    }),
  ]
}

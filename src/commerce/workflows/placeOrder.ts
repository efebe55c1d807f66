import type { CommerceEvent } from '../events'
import { publishAll } from '../events'
import { createLookupToken, hashLookupToken } from '../orderNumber'
import type { OrderStatus } from '../orderStates'
import type { AuthorizeResult } from '../payments'
import type { OrderTotals } from '../pricing'
import type { PricedLine } from '../pricingRegistry'
import type { CommerceDeps, Id, OrderDraft } from './ports'
import { placeOrderSteps } from './placeOrderSteps'
import type { PlaceOrderContext } from './placeOrderSteps'
import { prepareCheckout } from './prepareCheckout'
import type { CheckoutPlan } from './prepareCheckout'
import { runWorkflow } from './runWorkflow'
import { queueFollowUpsStep } from './followUpsStep'
import { stockEvents } from './stockSteps'

export interface PlaceOrderInput {
  body: unknown
  customerId?: Id | null
  idempotencyKey?: string | null
  /** Given when the token must be reproducible (derived from the Idempotency-Key); random otherwise. */
  lookupToken?: string
}

export interface PlaceOrderResult {
  order: {
    id: Id
    orderNumber: string
    status: OrderStatus
    totals: OrderTotals
    lines: PricedLine[]
  }
  /** Shown once to the guest; only its hash is stored. */
  lookupToken: string
  payment: {
    method: string
    status: AuthorizeResult['status']
    reference: string
    message?: string
  }
  requestHash: string
  /** Already published; returned for logging and tests. */
  events: CommerceEvent[]
}

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/** Manual payment waits days for a bank transfer; card payment holds stock for minutes. */
function reservationEnds(plan: CheckoutPlan, now: Date): Date {
  const { reservationMinutes, manualPaymentHoldDays } = plan.settings
  const span = plan.input.paymentMethod === 'manual' ? manualPaymentHoldDays * DAY_MS : reservationMinutes * MINUTE_MS
  return new Date(now.getTime() + span)
}

function draftOf(plan: CheckoutPlan, input: PlaceOrderInput, lookupTokenHash: string, now: Date): OrderDraft {
  const { input: body, priced } = plan
  return {
    email: body.email,
    customer: input.customerId ?? null,
    lines: priced.lines,
    totals: priced.totals,
    status: 'pending',
    statusHistory: [],
    shippingAddress: body.shippingAddress,
    billingAddress: body.billingAddress ?? body.shippingAddress,
    payment: {
      method: body.paymentMethod,
      provider: plan.provider.id,
      reference: null,
      state: 'pending',
    },
    reservationExpiresAt: reservationEnds(plan, now),
    lookupTokenHash,
    idempotencyKey: input.idempotencyKey ?? null,
    requestHash: input.idempotencyKey ? plan.requestHash : null,
  }
}

/** A commit that fails after the workflow finished must not keep the customer's money. */
async function voidAfterFailedCommit(ctx: PlaceOrderContext, finished: boolean): Promise<void> {
  const provider = ctx.plan.provider
  if (!finished || ctx.payment?.status !== 'approved' || !provider.void) return
  await provider.void(ctx.payment.reference).catch(() => undefined)
}

const statusOf = (ctx: PlaceOrderContext): OrderStatus => (ctx.payment?.status === 'approved' ? 'paid' : 'pending')

function placedEvents(ctx: PlaceOrderContext, customerId: Id | null): CommerceEvent[] {
  const { plan } = ctx
  const status = statusOf(ctx)
  const order = ctx.order as { id: Id; orderNumber: string }
  const payload = {
    orderId: order.id,
    orderNumber: order.orderNumber,
    status,
    email: plan.input.email,
    customerId,
    paymentMethod: plan.input.paymentMethod,
    totals: plan.priced.totals,
  }
  return [{ type: 'order.placed', payload }, ...stockEvents(ctx.stockChanges)]
}

/**
 * Checkout: read-only checks first, then in one transaction reserve every SKU in lock order, create the order
 * and its ledger rows, take payment and queue the confirmation email. Events are published after commit.
 */
export async function placeOrder(deps: CommerceDeps, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const customerId = input.customerId ?? null
  const plan = await prepareCheckout(deps, input.body, customerId)
  const now = deps.clock.now()
  const lookupToken = input.lookupToken ?? createLookupToken()
  const draft = draftOf(plan, input, hashLookupToken(lookupToken), now)
  const ctx: PlaceOrderContext = { plan, draft, now, stockChanges: [] }
  let finished = false
  try {
    await deps.store.withTransaction(async (tx) => {
      const steps = [...placeOrderSteps(tx, plan), queueFollowUpsStep<PlaceOrderContext>(tx, (c) => placedEvents(c, customerId))]
      await runWorkflow('placeOrder', steps, ctx)
      finished = true
    })
  } catch (error) {
    await voidAfterFailedCommit(ctx, finished)
    throw error
  }
  const payment = ctx.payment as AuthorizeResult
  const status = statusOf(ctx)
  const events = placedEvents(ctx, customerId)
  await publishAll(deps.events, events)
  return {
    order: {
      ...(ctx.order as { id: Id; orderNumber: string }),
      status,
      totals: plan.priced.totals,
      lines: plan.priced.lines,
    },
    lookupToken,
    payment: {
      method: plan.input.paymentMethod,
      status: payment.status,
      reference: payment.reference,
      message: payment.message,
    },
    requestHash: plan.requestHash,
    events,
  }
}

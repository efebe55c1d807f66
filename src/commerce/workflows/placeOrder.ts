import { CommerceError } from '../errors'
import type { CommerceEvent } from '../events'
import { assertExpectedTotal } from '../expectedTotal'
import { checkoutRequestHash } from '../idempotency'
import type { IdempotencyClaim, StoredResponse } from '../idempotency'
import { createLookupToken, hashLookupToken } from '../orderNumber'
import type { OrderStatus } from '../orderStates'
import { assertHoldCaps, assertOrderSize, awaitsPayment, holdEmail, holdEnds, unitsOf } from '../holds'
import type { HolderKind } from '../holds'
import type { AuthorizeResult } from '../payments'
import type { OrderTotals } from '../pricing'
import type { PricedLine } from '../pricingRegistry'
import { queueFollowUpsStep } from './followUpsStep'
import { claimIdempotencyKeyStep, completeIdempotencyKeyStep, replayedResponse, replayOf } from './idempotencySteps'
import type { IdempotentRequest } from './idempotencySteps'
import type { CommerceDeps, Id, OrderDraft } from './ports'
import { authorizePaymentStep, placeOrderSteps, placed } from './placeOrderSteps'
import type { PlaceOrderContext } from './placeOrderSteps'
import { prepareCheckout } from './prepareCheckout'
import type { CheckoutPlan } from './prepareCheckout'
import { runWorkflow } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'
import { stockEvents } from './stockSteps'

export interface PlaceOrderInput {
  body: unknown
  customerId?: Id | null
  idempotencyKey?: string | null
  /** Given when the token must be reproducible from the key (a replay answers with the same body); random otherwise. */
  deriveLookupToken?: (key: string, requestHash: string) => string
  /**
   * The answer to keep with the key, built inside the order's transaction; a replay returns it as it was, whatever
   * happened to the order since. It must not hold the lookup token (only its hash is ever stored).
   */
  responseOf?: (order: PlaceOrderResult['order']) => StoredResponse
  /** A staff member placing the order (no hold caps, the long hold) and the client's address (counted by the caps). */
  holder?: { staff?: boolean; clientAddress?: string | null }
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
  /** True when the key's first request made the order; nothing was written or published this time. */
  replayed: boolean
  /** On a replay, the first answer as it was kept (keys completed before answers were kept have none). */
  response?: StoredResponse
  /** Already published; returned for logging and tests. */
  events: CommerceEvent[]
}

function holderKind(input: PlaceOrderInput): HolderKind {
  if (input.holder?.staff) return 'staff'
  return input.customerId != null ? 'customer' : 'guest'
}

/**
 * Staff place orders as they see fit; a shopper's order must fit the size limits, and one that will wait for payment
 * must keep its email, customer and address under the hold caps (read before anything is written; a race between
 * two checkouts of one shopper can pass one order over, never more).
 */
async function assertShopperLimits(deps: CommerceDeps, input: PlaceOrderInput, plan: CheckoutPlan): Promise<void> {
  if (holderKind(input) === 'staff') return
  const limits = plan.settings.holds
  assertOrderSize(plan.reservations, limits)
  if (!awaitsPayment(plan.input.paymentMethod)) return
  const pending = await deps.store.countPendingHolds({
    email: holdEmail(plan.input.email),
    customerId: input.customerId ?? null,
    clientAddress: input.holder?.clientAddress ?? null,
  })
  assertHoldCaps(pending, unitsOf(plan.reservations), limits)
}

function draftOf(plan: CheckoutPlan, input: PlaceOrderInput, orderNumber: string, lookupToken: string, now: Date): OrderDraft {
  const customerId = input.customerId ?? null
  const { input: body, priced } = plan
  return {
    orderNumber,
    email: body.email,
    customer: customerId,
    lines: priced.lines,
    totals: priced.totals,
    status: 'pending',
    statusHistory: [],
    shippingAddress: body.shippingAddress,
    billingAddress: body.billingAddress ?? body.shippingAddress,
    payment: { method: body.paymentMethod, provider: plan.provider.id, reference: null, state: 'pending' },
    reservationExpiresAt: holdEnds(body.paymentMethod, holderKind(input), now, plan.settings),
    lookupTokenHash: hashLookupToken(lookupToken),
    discountCode: body.discountCode ?? null,
    clientAddress: input.holder?.clientAddress ?? null,
  }
}

const statusOf = (ctx: PlaceOrderContext): OrderStatus => (ctx.payment?.status === 'approved' ? 'paid' : 'pending')

function placedEvents(ctx: PlaceOrderContext, customerId: Id | null): CommerceEvent[] {
  const { plan } = ctx
  const order = placed(ctx)
  const payload = {
    orderId: order.id,
    orderNumber: order.orderNumber,
    status: statusOf(ctx),
    email: plan.input.email,
    customerId,
    paymentMethod: plan.input.paymentMethod,
    totals: plan.priced.totals,
  }
  return [{ type: 'order.placed', payload }, ...stockEvents(ctx.stockChanges)]
}

/** Reserve, create, ledger, follow-ups and the key's result: one transaction, rolled back whole. */
const orderOf = (ctx: PlaceOrderContext): PlaceOrderResult['order'] => ({
  ...placed(ctx),
  status: statusOf(ctx),
  totals: ctx.plan.priced.totals,
  lines: ctx.plan.priced.lines,
})

function commitOrderStep(
  deps: CommerceDeps,
  request: IdempotentRequest,
  customerId: Id | null,
  responseOf?: PlaceOrderInput['responseOf'],
): WorkflowStep<PlaceOrderContext> {
  const { store, pricing } = deps
  return {
    name: 'commitOrder',
    run: (ctx) =>
      store.withTransaction((tx) =>
        runWorkflow(
          'placeOrder',
          [
            ...placeOrderSteps(tx, ctx.plan, pricing, customerId),
            queueFollowUpsStep<PlaceOrderContext>(tx, (c) => placedEvents(c, customerId)),
            completeIdempotencyKeyStep<PlaceOrderContext>(tx, request, (c) => placed(c).id, responseOf ? (c) => responseOf(orderOf(c)) : undefined),
          ],
          ctx,
        ),
      ),
  }
}

interface Claimed {
  claim?: IdempotencyClaim
  placed?: PlaceOrderContext
}

/**
 * Read-only checks (the total the shopper saw included: before an order number is taken), then the payment
 * (undo: void), then the transaction. Skipped when the key is replayed.
 */
function checkoutStep(deps: CommerceDeps, input: PlaceOrderInput, request: IdempotentRequest, lookupToken: string): WorkflowStep<Claimed> {
  const customerId = input.customerId ?? null
  return {
    name: 'checkout',
    async run(claimed) {
      if (replayOf(claimed) !== null) return
      const plan = await prepareCheckout(deps, input.body, customerId)
      assertExpectedTotal(plan.input.expectedTotal, plan.quote)
      await assertShopperLimits(deps, input, plan)
      const now = deps.clock.now()
      const draft = draftOf(plan, input, await deps.store.allocateOrderNumber(), lookupToken, now)
      const ctx: PlaceOrderContext = { plan, draft, now, stockChanges: [], claim: claimed.claim }
      await runWorkflow('placeOrder', [authorizePaymentStep(plan), commitOrderStep(deps, request, customerId, input.responseOf)], ctx)
      claimed.placed = ctx
    },
  }
}

/** The key's first order, with the first answer when it was kept (the order as it is now otherwise). */
async function replayed(deps: CommerceDeps, orderId: Id, lookupToken: string, requestHash: string, response?: StoredResponse): Promise<PlaceOrderResult> {
  const order = await deps.store.findOrder(orderId)
  if (!order) throw new CommerceError(409, 'order_gone', 'The order made with this Idempotency-Key no longer exists')
  const { id, orderNumber, status, totals, lines, payment } = order
  return {
    order: { id, orderNumber, status, totals, lines },
    lookupToken,
    payment: { method: payment.method, status: payment.state === 'pending' ? 'pending' : 'approved', reference: payment.reference ?? '' },
    requestHash,
    replayed: true,
    response,
    events: [],
  }
}

/**
 * Checkout: claim the Idempotency-Key, run the read-only checks, authorise the payment, then in one transaction
 * reserve every SKU in lock order, create the order as the payment left it (paid, or pending with its hold) and its
 * ledger rows, queue the confirmation email and complete the key. A failure undoes what ran, newest first. Events
 * are published after commit.
 */
export async function placeOrder(deps: CommerceDeps, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const customerId = input.customerId ?? null
  const key = input.idempotencyKey ?? null
  const request: IdempotentRequest = { scope: 'checkout', key, requestHash: checkoutRequestHash(input.body, customerId) }
  const lookupToken = key !== null && input.deriveLookupToken ? input.deriveLookupToken(key, request.requestHash) : createLookupToken()
  const claimed: Claimed = {}
  await runWorkflow('placeOrder', [claimIdempotencyKeyStep<Claimed>(deps.store, request), checkoutStep(deps, input, request, lookupToken)], claimed)
  const replayOfId = replayOf(claimed)
  if (replayOfId !== null) return replayed(deps, replayOfId, lookupToken, request.requestHash, replayedResponse(claimed) ?? undefined)
  const ctx = claimed.placed as PlaceOrderContext
  const payment = ctx.payment as AuthorizeResult
  const events = placedEvents(ctx, customerId)
  await deps.events.publishAll(events)
  return {
    order: orderOf(ctx),
    lookupToken,
    payment: { method: ctx.plan.input.paymentMethod, status: payment.status, reference: payment.reference, message: payment.message },
    requestHash: request.requestHash,
    replayed: false,
    events,
  }
}

import { conflict, invalidField, invalidFields, notFound } from '../errors'
import type { FieldProblem } from '../errors'
import type { CommerceEvent } from '../events'
import { assertTransition, canRestock, stockEffectOf } from '../orderStates'
import type { OrderStatus, TransitionStockEffect } from '../orderStates'
import { hashRequestBody } from '../idempotency'
import type { StoredResponse } from '../idempotency'
import { parseTransitionBody } from '../staffInput'
import type { TransitionInput } from '../staffInput'
import { mergeItems, orderMovements, sortBySku } from '../stock'
import type { CommerceDeps, CommerceStore, Id, OrderPatch, OrderRecord } from './ports'
import { defineStep, runWorkflow } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'
import { queueFollowUpsStep } from './followUpsStep'
import { completeIdempotencyKeyStep, runIdempotently } from './idempotencySteps'
import type { IdempotentContext, IdempotentRequest, Replayable } from './idempotencySteps'
import { insertMovementsStep, returnStockStep, stockEvents } from './stockSteps'
import type { StockContext } from './stockSteps'

export interface TransitionOrderRequest {
  orderId: Id
  /** The staff user making the move; null for the system (expiry job, payment). */
  by: Id | null
  /** Their name, kept in the history beside the id. */
  byName?: string | null
  body: unknown
  /** A retry with the same key moves nothing and gets the first answer; the same key with another body is a 422. */
  idempotencyKey?: string | null
  /** Who is calling (staff id or API key): one caller's key never answers another's request. */
  caller?: string | null
  /** The answer to keep with the key, built from the result inside the transaction. */
  responseOf?: (result: Omit<TransitionOrderResult, 'events'>) => StoredResponse
}

export interface TransitionOrderResult {
  orderId: Id
  orderNumber: string
  from: OrderStatus
  to: OrderStatus
  stockEffect: TransitionStockEffect
  /** The order after the move. */
  order: OrderRecord
  events: CommerceEvent[]
}

type Context = StockContext & IdempotentContext
type Actor = Pick<TransitionOrderRequest, 'by' | 'byName'>

function assertFulfilmentFields(body: TransitionInput): void {
  if (body.to !== 'fulfilled') return
  const problems: FieldProblem[] = []
  if (!body.carrier) problems.push({ field: 'carrier', message: 'is required when moving to fulfilled' })
  if (!body.trackingNumber) problems.push({ field: 'trackingNumber', message: 'is required when moving to fulfilled' })
  if (problems.length > 0) throw invalidFields('invalid_body', problems)
}

/** The new fields of the order, and the values they replace (for the undo). */
function patches(order: OrderRecord, body: TransitionInput, actor: Actor, now: Date) {
  // The system (expiry job, payment) has no name; a staff move keeps whose it was as they were called then.
  const entry = { from: order.status, to: body.to, at: now, by: actor.by, ...(actor.byName ? { byName: actor.byName } : {}), note: body.note ?? null }
  const next: OrderPatch = { status: body.to, statusHistory: [...order.statusHistory, entry] }
  const previous: OrderPatch = { status: order.status, statusHistory: order.statusHistory }
  if (body.to === 'fulfilled') {
    next.fulfilment = {
      carrier: body.carrier as string,
      trackingNumber: body.trackingNumber as string,
      shippedAt: now,
    }
    previous.fulfilment = order.fulfilment
  }
  if (order.status === 'pending') {
    next.reservationExpiresAt = null
    previous.reservationExpiresAt = order.reservationExpiresAt
  }
  if (body.to === 'paid' || body.to === 'refunded') {
    next.payment = { ...order.payment, state: body.to }
    previous.payment = order.payment
  }
  return { next, previous }
}

function transitionSteps(
  tx: CommerceStore,
  order: OrderRecord,
  body: TransitionInput,
  effect: TransitionStockEffect,
  actor: Actor,
  now: Date,
): WorkflowStep<Context, unknown>[] {
  const lines = sortBySku(mergeItems(order.lines))
  const { next, previous } = patches(order, body, actor, now)
  const steps: WorkflowStep<Context, unknown>[] = [
    defineStep<Context, null>({
      name: 'updateStatus',
      async run() {
        // Conditional on the status we read, so two staff moves racing can't both apply.
        if (!(await tx.updateOrder(order.id, next, order.status))) {
          throw conflict('order_changed', `Order ${order.orderNumber} changed meanwhile; reload it and try again`)
        }
        return null
      },
      undo: async () => {
        await tx.updateOrder(order.id, previous, body.to)
      },
    }),
  ]
  if (effect === 'release' || effect === 'restock') {
    steps.push(...lines.map((line) => returnStockStep<Context>(tx, line, effect)))
  }
  if (effect !== null) {
    const meta = { order: order.id, by: actor.by, note: body.note ?? null }
    steps.push(insertMovementsStep<Context>(tx, `record:${effect}`, () => orderMovements(effect, lines, meta)))
  }
  return steps
}

/**
 * Moves an order along the state machine, writing the stock and ledger rows the move implies. With an
 * Idempotency-Key a retry moves nothing and gets the first answer (the key completes in the move's transaction).
 */
export async function transitionOrder(deps: CommerceDeps, request: TransitionOrderRequest): Promise<Replayable<TransitionOrderResult>> {
  const body = parseTransitionBody(request.body)
  const idem: IdempotentRequest = {
    scope: 'transitionOrder',
    key: request.idempotencyKey ?? null,
    requestHash: hashRequestBody({ orderId: String(request.orderId), body, caller: request.caller ?? request.by }),
  }
  return runIdempotently(deps.store, 'transitionOrder', idem, (claimed) => move(deps, request, body, idem, claimed))
}

async function move(
  deps: CommerceDeps,
  request: TransitionOrderRequest,
  body: TransitionInput,
  idem: IdempotentRequest,
  claimed: IdempotentContext,
): Promise<TransitionOrderResult> {
  const order = await deps.store.findOrder(request.orderId)
  if (!order) throw notFound('order_not_found', `Order ${request.orderId} not found`)
  assertTransition(order.status, body.to)
  assertFulfilmentFields(body)
  if (body.restock === true && !canRestock(order.status, body.to)) {
    throw invalidField('restock_not_applicable', 'restock', `cannot restock when moving from ${order.status} to ${body.to}`)
  }
  const effect = stockEffectOf(order.status, body.to, { restock: body.restock })
  const now = deps.clock.now()
  const ctx: Context = { stockChanges: [], claim: claimed.claim }
  const { next } = patches(order, body, request, now)
  const outcome = {
    orderId: order.id,
    orderNumber: order.orderNumber,
    from: order.status,
    to: body.to,
    stockEffect: effect,
    order: { ...order, ...next } as OrderRecord,
  }
  const respond = request.responseOf
  const eventsOf = (c: Context): CommerceEvent[] => [
    {
      type: 'order.transitioned',
      payload: {
        orderId: order.id,
        orderNumber: order.orderNumber,
        from: order.status,
        to: body.to,
        by: request.by,
        note: body.note ?? null,
        restocked: effect === 'restock',
      },
    },
    ...stockEvents(c.stockChanges),
  ]
  await deps.store.withTransaction((tx) =>
    runWorkflow(
      'transitionOrder',
      [
        ...transitionSteps(tx, order, body, effect, request, now),
        queueFollowUpsStep<Context>(tx, eventsOf),
        completeIdempotencyKeyStep<Context>(tx, idem, () => null, respond ? () => respond(outcome) : undefined),
      ],
      ctx,
    ),
  )
  const events = eventsOf(ctx)
  await deps.events.publishAll(events)
  return { ...outcome, events }
}

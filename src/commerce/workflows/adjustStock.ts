import { conflict, notFound } from '../errors'
import type { CommerceEvent } from '../events'
import { hashRequestBody } from '../idempotency'
import type { StoredResponse } from '../idempotency'
import { parseAdjustStockBody } from '../staffInput'
import { adjustmentMovement, applyAdjustment } from '../stock'
import type { StockAdjustment } from '../stock'
import type { CommerceDeps, CommerceStore, Id, StockLevel } from './ports'
import { defineStep, runWorkflow } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'
import { queueFollowUpsStep } from './followUpsStep'
import { completeIdempotencyKeyStep, runIdempotently } from './idempotencySteps'
import type { IdempotentContext, IdempotentRequest, Replayable } from './idempotencySteps'
import { insertMovementsStep, stockEvents } from './stockSteps'
import type { StockContext } from './stockSteps'

export interface AdjustStockRequest {
  /** The staff user making the change. */
  by: Id | null
  body: unknown
  /** A retry with the same key does nothing and gets the first answer; the same key with another body is a 422. */
  idempotencyKey?: string | null
  /** Who is calling (staff id or API key): one caller's key never answers another's request. */
  caller?: string | null
  /** The answer to keep with the key, built from the result inside the transaction. */
  responseOf?: (result: Omit<AdjustStockResult, 'events'>) => StoredResponse
}

export interface AdjustStockResult {
  sku: string
  available: number
  change: number
  events: CommerceEvent[]
}

type Context = StockContext & IdempotentContext

/** The refusal when the conditional update found stock other than we planned for. */
async function refusal(tx: CommerceStore, sku: string, delta: number, isSetTo: boolean): Promise<Error> {
  if (isSetTo) return conflict('stock_changed', `Stock of ${sku} changed while it was being set; try again`)
  const [level] = await tx.readStock([sku])
  const available = level?.available ?? 0
  return conflict('negative_stock', `Stock cannot go below 0 (available ${available}, change ${delta})`, {
    available,
    change: delta,
  })
}

function adjustSteps(
  tx: CommerceStore,
  level: StockLevel,
  delta: number,
  isSetTo: boolean,
  movement: ReturnType<typeof adjustmentMovement>,
): WorkflowStep<Context, unknown>[] {
  return [
    defineStep<Context, number>({
      name: 'adjustAvailable',
      async run(ctx) {
        // setTo is a delta against the level we read, applied only if that level still holds.
        const available = await tx.adjustAvailable(level.sku, delta, isSetTo ? level.available : undefined)
        if (available === null) throw await refusal(tx, level.sku, delta, isSetTo)
        ctx.stockChanges.push({
          sku: level.sku,
          change: delta,
          available,
          reason: 'adjustment',
          lowStockThreshold: level.lowStockThreshold,
        })
        return delta
      },
      undo: async (_ctx, applied) => {
        if ((await tx.adjustAvailable(level.sku, -applied)) === null) {
          throw new Error(`Could not undo the adjustment of ${level.sku}: stock already taken`)
        }
      },
    }),
    insertMovementsStep<Context>(tx, 'recordAdjustment', () => [movement]),
  ]
}

/**
 * A staff change to stock: never below 0, always a ledger row with the reason given. With an Idempotency-Key a
 * retried `delta` counts once: the key completes in the adjustment's transaction, with the answer given.
 */
export async function adjustStock(deps: CommerceDeps, request: AdjustStockRequest): Promise<Replayable<AdjustStockResult>> {
  const body = parseAdjustStockBody(request.body)
  const idem: IdempotentRequest = {
    scope: 'adjustStock',
    key: request.idempotencyKey ?? null,
    requestHash: hashRequestBody({ body, caller: request.caller ?? request.by }),
  }
  return runIdempotently(deps.store, 'adjustStock', idem, (claimed) => adjust(deps, request, body, idem, claimed))
}

async function adjust(
  deps: CommerceDeps,
  request: AdjustStockRequest,
  body: ReturnType<typeof parseAdjustStockBody>,
  idem: IdempotentRequest,
  claimed: IdempotentContext,
): Promise<AdjustStockResult> {
  const [level] = await deps.store.readStock([body.sku])
  if (!level) throw notFound('unknown_sku', `No inventory for SKU "${body.sku}"`)
  const adjustment: StockAdjustment = body.setTo !== undefined ? { setTo: body.setTo } : { delta: body.delta as number }
  const { delta } = applyAdjustment(level.available, adjustment)
  const movement = adjustmentMovement(body.sku, delta, { by: request.by, note: body.reason })
  const ctx: Context = { stockChanges: [], claim: claimed.claim }
  const eventsOf = (c: Context) => stockEvents(c.stockChanges.filter((change) => change.change !== 0))
  const outcome = (c: Context) => ({ sku: body.sku, available: c.stockChanges[0]?.available ?? level.available, change: delta })
  const respond = request.responseOf
  await deps.store.withTransaction((tx) =>
    runWorkflow(
      'adjustStock',
      [
        ...adjustSteps(tx, level, delta, 'setTo' in adjustment, movement),
        queueFollowUpsStep<Context>(tx, eventsOf),
        completeIdempotencyKeyStep<Context>(tx, idem, () => null, respond ? (c) => respond(outcome(c)) : undefined),
      ],
      ctx,
    ),
  )
  const events = eventsOf(ctx)
  await deps.events.publishAll(events)
  return { ...outcome(ctx), events }
}

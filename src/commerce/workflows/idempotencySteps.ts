import { idempotencyKeyReused } from '../idempotency'
import type { IdempotencyClaim, StoredResponse } from '../idempotency'
import type { CommerceStore, Id, IdempotencyScope } from './ports'
import { defineStep, runWorkflow } from './runWorkflow'
import type { WorkflowStep } from './runWorkflow'

/** A request that may carry an Idempotency-Key; without one, the steps below do nothing. */
export interface IdempotentRequest {
  scope: IdempotencyScope
  key: string | null
  requestHash: string
}

export interface IdempotentContext {
  claim?: IdempotencyClaim
}

/** The first request's result when this one replays its key; the rest of the workflow must then do nothing. */
export function replayOf(ctx: IdempotentContext): Id | null {
  return ctx.claim?.kind === 'replay' ? ctx.claim.resultId : null
}

/** The first request's answer when this one replays its key and the answer was kept. */
export function replayedResponse(ctx: IdempotentContext): StoredResponse | null {
  return ctx.claim?.kind === 'replay' ? (ctx.claim.response ?? null) : null
}

/** A workflow's answer when its key was replayed: the first request's stored answer, and nothing done. */
export type Replayable<T> = (T & { replay?: undefined }) | { replay: StoredResponse }

/**
 * Claims the key, then runs `work` with the claim (it must complete the key in its transaction), or returns the
 * first request's stored answer. A refused `work` releases the key, so the request may be retried.
 */
export async function runIdempotently<T>(
  store: CommerceStore,
  name: string,
  request: IdempotentRequest,
  work: (claimed: IdempotentContext) => Promise<T>,
): Promise<Replayable<T>> {
  const claimed: IdempotentContext = {}
  let result: T | undefined
  const run = defineStep<IdempotentContext, null>({
    name,
    async run(ctx) {
      if (ctx.claim?.kind !== 'replay') result = await work(ctx)
      return null
    },
  })
  await runWorkflow(name, [claimIdempotencyKeyStep<IdempotentContext>(store, request), run], claimed)
  const stored = replayedResponse(claimed)
  if (claimed.claim?.kind === 'replay') {
    // Every key of these scopes keeps its answer; one without is not this kind of request's.
    if (!stored) throw idempotencyKeyReused()
    return { replay: stored }
  }
  return result as T & { replay?: undefined }
}

/** The workflow's first step: claim the key (undo: release it, so a refused request may be retried). */
export function claimIdempotencyKeyStep<C extends IdempotentContext>(store: CommerceStore, request: IdempotentRequest): WorkflowStep<C, unknown> {
  return defineStep<C, IdempotencyClaim | null>({
    name: 'claimIdempotencyKey',
    async run(ctx) {
      if (request.key === null) return null
      ctx.claim = await store.claimIdempotencyKey(request.scope, request.key, request.requestHash)
      return ctx.claim
    },
    async undo(_ctx, claim) {
      if (request.key === null || claim?.kind !== 'claimed') return
      await store.releaseIdempotencyKey(request.scope, request.key, claim.claimId)
    },
  })
}

/**
 * The transaction's last write: the key points at its result and commits with it. No undo: nothing after it can
 * fail but the commit, and a failed commit takes this write with it.
 */
export function completeIdempotencyKeyStep<C extends IdempotentContext>(
  tx: CommerceStore,
  request: IdempotentRequest,
  resultOf: (ctx: C) => Id | null,
  responseOf?: (ctx: C) => StoredResponse | undefined,
): WorkflowStep<C, unknown> {
  return defineStep<C, void>({
    name: 'completeIdempotencyKey',
    async run(ctx) {
      if (request.key === null || ctx.claim?.kind !== 'claimed') return
      await tx.completeIdempotencyKey(request.scope, request.key, ctx.claim.claimId, resultOf(ctx), responseOf?.(ctx))
    },
  })
}

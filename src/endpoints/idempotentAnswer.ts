import type { StoredResponse } from '../commerce/idempotency'
import { answerResponse, type Answer } from './respond'

export const REPLAYED_HEADER = 'Idempotent-Replayed'

/** The first answer to an Idempotency-Key, given again as it was, marked as a replay. */
export const storedReplay = (stored: StoredResponse, extra: Record<string, unknown> = {}): Answer => ({
  status: stored.status,
  body: { ...(stored.body as Record<string, unknown>), ...extra },
  headers: { [REPLAYED_HEADER.toLowerCase()]: 'true' },
})

export const replayAnswer = (stored: StoredResponse, extra: Record<string, unknown> = {}): Response => answerResponse(storedReplay(stored, extra))

/** The optional Idempotency-Key of a staff or API request: absent is fine, malformed is a 400 (as at checkout). */
export function optionalIdempotencyKey(value: string | null, parse: (v: string) => string): string | null {
  return value === null || value === '' ? null : parse(value)
}

/** Who a key belongs to: keys are per caller, so two callers' keys never meet. */
export const callerOf = (user: { collection?: string; id?: string | number } | null | undefined): string =>
  user ? `${user.collection}:${user.id}` : 'anonymous'

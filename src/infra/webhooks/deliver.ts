import type { Payload } from 'payload'

import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from '../../commerce/webhooks/signature'
import { attemptOutcome, shouldDisableWebhook, type RetrySettings } from '../../commerce/webhooks/retry'
import { logger } from '../logger'
import { dialect, queryRows, sql } from '../sql'
import { queueDeliveryJob } from './queue'
import { postWebhook } from './send'

export interface DeliverySettings extends RetrySettings {
  timeoutMs: number
  allowPrivate: boolean
  disableAfter: number
  /** Tells the owner a webhook was switched off (the jobs layer emails them). */
  onDisabled?: (hook: DisabledWebhook) => Promise<void>
}

export type DisabledWebhook = { id: number; url: string; ownerEmail: string | null; failures: number; lastError: string | null }

const internal = { overrideAccess: true, depth: 0, context: { webhookInternal: true } } as const

/** The JSON every receiver gets; the same bytes on every attempt of a delivery, so `id` dedupes retries. */
export function deliveryBody(delivery: { id: number | string; event: string; payload?: unknown; createdAt: string }): string {
  return JSON.stringify({ id: String(delivery.id), event: delivery.event, createdAt: delivery.createdAt, data: delivery.payload ?? {} })
}

/** Makes one attempt at a delivery and records it; a failure is retried later by a new job until the attempts run out. */
export async function deliverWebhook(payload: Payload, deliveryId: number, settings: DeliverySettings): Promise<{ status: string }> {
  const delivery = await payload.findByID({ collection: 'webhook-deliveries', id: deliveryId, disableErrors: true, ...internal })
  if (!delivery || delivery.status === 'succeeded' || delivery.status === 'failed' || delivery.status === 'skipped') {
    return { status: delivery?.status ?? 'missing' }
  }
  const hookId = typeof delivery.webhook === 'object' && delivery.webhook ? delivery.webhook.id : delivery.webhook
  const hook = hookId == null ? null : await payload.findByID({ collection: 'webhooks', id: hookId, disableErrors: true, ...internal })
  if (!hook || !hook.active) {
    const lastError = hook ? 'The webhook is switched off' : 'The webhook was deleted'
    await payload.update({ collection: 'webhook-deliveries', id: deliveryId, data: { status: 'skipped', lastError, nextAttemptAt: null }, ...internal })
    return { status: 'skipped' }
  }
  const body = deliveryBody(delivery)
  const headers = {
    [SIGNATURE_HEADER]: signWebhook(hook.secret ?? '', body, Math.floor(Date.now() / 1000)),
    [EVENT_HEADER]: delivery.event,
    [DELIVERY_HEADER]: String(delivery.id),
  }
  const sent = await postWebhook(hook.url, body, headers, settings)
  const attempts = (delivery.attempts ?? 0) + 1
  const outcome = attemptOutcome(sent.ok, attempts, settings)
  const nextAttemptAt = outcome.status === 'retrying' ? new Date(Date.now() + outcome.retryInMs) : null
  const lastError = sent.error?.slice(0, 500) ?? null
  const attempt = { attempt: attempts, at: new Date().toISOString(), responseCode: sent.responseCode, durationMs: sent.durationMs, error: lastError }
  const history = [...(Array.isArray(delivery.history) ? delivery.history : []), attempt].slice(-20)
  await payload.update({
    collection: 'webhook-deliveries',
    id: deliveryId,
    data: {
      status: outcome.status,
      attempts,
      responseCode: sent.responseCode,
      durationMs: sent.durationMs,
      lastError,
      history,
      nextAttemptAt: nextAttemptAt?.toISOString() ?? null,
    },
    ...internal,
  })
  if (nextAttemptAt) await queueDeliveryJob(payload, deliveryId, { waitUntil: nextAttemptAt })
  if (outcome.status === 'succeeded' && (hook.consecutiveFailures ?? 0) > 0) {
    // One statement: a whole-document save here could undo a concurrent switch-off.
    await queryRows(payload, undefined, sql`UPDATE webhooks SET consecutive_failures = 0 WHERE id = ${hook.id}`)
  }
  if (outcome.status === 'failed') await recordFailedDelivery(payload, hook, sent.error, settings)
  return { status: outcome.status }
}

type Hook = { id: number; url: string; active?: boolean | null; ownerEmail?: string | null; consecutiveFailures?: number | null }

async function recordFailedDelivery(payload: Payload, hook: Hook, lastError: string | null, settings: DeliverySettings) {
  // Deliveries to one webhook run side by side: count and switch off in single statements, so each failure counts once
  // and only one of them switches the webhook off and tells the owner.
  const [counted] = await queryRows<{ failures: number }>(
    payload,
    undefined,
    sql`UPDATE webhooks SET consecutive_failures = COALESCE(consecutive_failures, 0) + 1 WHERE id = ${hook.id} RETURNING consecutive_failures AS failures`,
  )
  const failures = Number(counted?.failures ?? 0)
  if (!shouldDisableWebhook(failures, settings.disableAfter)) return
  const disabledReason = `Switched off after ${failures} failed deliveries in a row; last error: ${lastError ?? 'unknown'}`.slice(0, 500)
  const flag = (on: boolean) => (dialect(payload) === 'postgres' ? on : Number(on))
  const switchedOff = await queryRows<{ id: number }>(
    payload,
    undefined,
    sql`UPDATE webhooks SET active = ${flag(false)}, disabled_reason = ${disabledReason} WHERE id = ${hook.id} AND active = ${flag(true)} RETURNING id`,
  )
  if (switchedOff.length === 0 || !settings.onDisabled) return
  try {
    await settings.onDisabled({ id: hook.id, url: hook.url, ownerEmail: hook.ownerEmail ?? null, failures, lastError })
  } catch (err) {
    // The webhook is off either way; the owner can still see why in the admin.
    logger().error({ err, webhook: hook.id }, 'Could not tell the owner of a disabled webhook')
  }
}

/** A new delivery of the same event and payload to the same webhook (with fresh attempts), queued now. */
export async function redeliver(payload: Payload, deliveryId: number | string) {
  const original = await payload.findByID({ collection: 'webhook-deliveries', id: deliveryId, disableErrors: true, ...internal })
  if (!original) return null
  const hookId = typeof original.webhook === 'object' && original.webhook ? original.webhook.id : original.webhook
  const delivery = await payload.create({
    collection: 'webhook-deliveries',
    data: { webhook: hookId, event: original.event, payload: original.payload, status: 'pending', attempts: 0, redeliveryOf: original.id },
    ...internal,
  })
  await queueDeliveryJob(payload, delivery.id)
  return delivery
}

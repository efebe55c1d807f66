import type { Payload, TaskConfig } from 'payload'

import { renderWebhookDisabledEmail } from '../../emails/webhookDisabledEmail'
import { env } from '../../infra/env'
import { sendAndRecord } from '../../infra/mailer'
import { deliverWebhook, type DeliverySettings, type DisabledWebhook } from '../../infra/webhooks/deliver'
import { DELIVER_TASK } from '../../infra/webhooks/queue'

async function emailOwner(payload: Payload, hook: DisabledWebhook) {
  if (!hook.ownerEmail) return
  const settings = await payload.findGlobal({ slug: 'store-settings', depth: 0 })
  const email = renderWebhookDisabledEmail({
    storeName: settings.storeName ?? 'Ipswich Retail',
    ownerEmail: hook.ownerEmail,
    url: hook.url,
    failures: hook.failures,
    lastError: hook.lastError,
    adminUrl: `${env().cmsUrl}/admin/collections/webhooks/${hook.id}`,
  })
  await sendAndRecord(payload, 'webhook_disabled', email)
}

export function webhookDeliverySettings(payload: Payload): DeliverySettings {
  const e = env()
  return {
    maxAttempts: Math.max(1, e.WEBHOOK_MAX_ATTEMPTS),
    baseDelayMs: e.WEBHOOK_RETRY_DELAY_MS,
    maxDelayMs: e.WEBHOOK_RETRY_MAX_DELAY_MS,
    timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    allowPrivate: e.webhookAllowPrivateUrls,
    disableAfter: e.WEBHOOK_DISABLE_AFTER_FAILURES,
    onDisabled: (hook) => emailOwner(payload, hook),
  }
}

// One attempt per job: the delivery records each attempt and queues the next one itself, with its own backoff.
export const deliverWebhookTask: TaskConfig<{ input: { deliveryId: number }; output: { status: string } }> = {
  slug: DELIVER_TASK,
  label: 'Send one signed webhook delivery (one attempt)',
  retries: 0,
  inputSchema: [{ name: 'deliveryId', type: 'number', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  handler: async ({ input, req }) => ({ output: await deliverWebhook(req.payload, input.deliveryId, webhookDeliverySettings(req.payload)) }),
}

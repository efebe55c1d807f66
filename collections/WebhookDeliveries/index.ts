import type { CollectionConfig } from 'payload'

import { canManageWebhooks } from '../../src/access/canManageWebhooks'
import { nobody } from '../../src/access/nobody'
import { WEBHOOK_EVENTS } from '../../src/commerce/webhooks/events'
import { handleRedeliver } from './endpoints/redeliver'

export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed', 'skipped'] as const

// The log of every webhook delivery; written only by the queue (src/infra/webhooks), read and redelivered in the admin.
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  admin: {
    useAsTitle: 'event',
    defaultColumns: ['event', 'webhook', 'status', 'responseCode', 'attempts', 'durationMs', 'createdAt'],
    group: 'Integrations',
  },
  access: { read: canManageWebhooks, create: nobody, update: nobody, delete: canManageWebhooks },
  endpoints: [{ path: '/:id/redeliver', method: 'post', handler: handleRedeliver }],
  fields: [
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true, admin: { readOnly: true } },
    {
      name: 'event',
      type: 'select',
      required: true,
      index: true,
      options: WEBHOOK_EVENTS.map((value) => ({ label: value, value })),
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: DELIVERY_STATUSES.map((value) => ({ label: value, value })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'redeliver',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/collections/WebhookDeliveries/ui/RedeliverButton#RedeliverButton' } },
    },
    { name: 'attempts', type: 'number', defaultValue: 0, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'responseCode', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'durationMs', label: 'Duration (ms)', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'nextAttemptAt', type: 'date', admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastError', type: 'text', admin: { readOnly: true } },
    { name: 'history', type: 'json', admin: { readOnly: true, description: 'Each attempt: when, the answer’s status code, how long it took, the error.' } },
    { name: 'payload', type: 'json', admin: { readOnly: true } },
    { name: 'redeliveryOf', type: 'relationship', relationTo: 'webhook-deliveries', admin: { readOnly: true } },
  ],
}

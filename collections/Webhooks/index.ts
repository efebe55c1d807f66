import type { CollectionConfig } from 'payload'

import { canManageWebhooks, canReadWebhookSecret } from '../../src/access/canManageWebhooks'
import { webhookUrlProblem } from '../../src/commerce/webhooks/addresses'
import { WEBHOOK_EVENTS } from '../../src/commerce/webhooks/events'
import { checkWebhookUrl } from './hooks/checkWebhookUrl'
import { deleteDeliveries } from './hooks/deleteDeliveries'
import { keepDeliveryState } from './hooks/keepDeliveryState'
import { generateSecret, revealSecretOnCreate } from './hooks/secret'

// Outside URLs that receive the shop's events, signed with their own secret (docs/webhooks.md).
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'active', 'ownerEmail', 'consecutiveFailures'],
    group: 'Integrations',
    description: 'Each subscribed event is POSTed to the URL, signed with the secret (see docs/webhooks.md).',
  },
  access: { read: canManageWebhooks, create: canManageWebhooks, update: canManageWebhooks, delete: canManageWebhooks },
  hooks: { beforeChange: [keepDeliveryState, checkWebhookUrl], beforeDelete: [deleteDeliveries], afterOperation: [revealSecretOnCreate] },
  fields: [
    {
      name: 'url',
      label: 'URL',
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: (value: unknown) => webhookUrlProblem(value) ?? true,
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: WEBHOOK_EVENTS.map((value) => ({ label: value, value })),
    },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    { name: 'ownerEmail', type: 'email', required: true, admin: { description: 'Told by email if the webhook is switched off after failing.' } },
    { name: 'description', type: 'textarea', maxLength: 500 },
    {
      name: 'secret',
      type: 'text',
      access: { read: canReadWebhookSecret },
      hooks: { beforeChange: [generateSecret] },
      admin: { readOnly: true, position: 'sidebar', description: 'Made when the webhook is created; verifies the Ipswich-Signature header.' },
    },
    {
      name: 'consecutiveFailures',
      type: 'number',
      defaultValue: 0,
      admin: { readOnly: true, position: 'sidebar', description: 'Deliveries in a row that failed after every retry.' },
    },
    { name: 'disabledReason', type: 'text', admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.disabledReason) } },
  ],
}

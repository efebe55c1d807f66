import type { CollectionConfig } from 'payload'

import { backInStockAccess } from '../../src/access/backInStockAccess'

export const SUBSCRIPTIONS_SLUG = 'back-in-stock-subscriptions'

export const subscriptionsCollection: CollectionConfig = {
  slug: SUBSCRIPTIONS_SLUG,
  labels: { singular: 'Back-in-stock subscription', plural: 'Back-in-stock subscriptions' },
  admin: { useAsTitle: 'email', defaultColumns: ['sku', 'email', 'status', 'createdAt'], group: 'Catalogue' },
  access: backInStockAccess,
  fields: [
    { name: 'sku', label: 'SKU', type: 'text', required: true, index: true },
    { name: 'email', type: 'email', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      index: true,
      options: [
        { label: 'Waiting', value: 'open' },
        { label: 'Notified', value: 'notified' },
      ],
    },
    { name: 'notifiedAt', type: 'date' },
  ],
}

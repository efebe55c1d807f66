import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { nobody } from '../../src/access/nobody'

// Checkout's Idempotency-Key claims: one row per key; a key never creates a second order.
export const IdempotencyKeys: CollectionConfig = {
  slug: 'idempotency-keys',
  admin: { hidden: true },
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'requestHash', type: 'text', required: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'processing',
      options: ['processing', 'completed'].map((value) => ({ label: value, value })),
    },
    { name: 'order', type: 'relationship', relationTo: 'orders' },
  ],
}

import type { CollectionConfig } from 'payload'

import { idempotencyKeysAccess } from '../../src/access/policies'

// Idempotency-Key claims (checkout, stock adjustments, order transitions): one row per key; a key's work is done once.
export const IdempotencyKeys: CollectionConfig = {
  slug: 'idempotency-keys',
  admin: { hidden: true },
  access: idempotencyKeysAccess,
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
    // The first answer ({ status, body } as JSON), replayed with `Idempotent-Replayed: true` to a retry with the key.
    { name: 'response', type: 'textarea' },
  ],
}

import type { Field } from 'payload'

import { DEFAULT_HOLD_LIMITS, type HoldLimits } from '../commerce/holds'

const limit = (name: keyof HoldLimits, label: string, description: string): Field => ({
  name,
  label,
  type: 'number',
  required: true,
  defaultValue: DEFAULT_HOLD_LIMITS[name],
  min: 1,
  admin: { step: 1, description },
})

/** How long unpaid orders hold stock and how much one shopper may hold (src/commerce/holds.ts, docs/security/holds-and-privacy.md). */
export const holdLimitsField: Field = {
  name: 'holds',
  label: 'Stock holds and order limits',
  type: 'group',
  admin: {
    description:
      'Stops one shopper holding the stock others want: unpaid orders from signed-out shoppers expire quickly, and each shopper may hold only so much.',
  },
  fields: [
    limit(
      'anonymousHoldMinutes',
      'Hold for signed-out shoppers (minutes)',
      'How long a bank-transfer order from a signed-out shopper holds stock. Signed-in customers and staff-created orders get the hold days above.',
    ),
    limit('maxPendingOrders', 'Unpaid orders per shopper', 'Unpaid orders one email address, customer account or internet address may have at once.'),
    limit('maxPendingUnits', 'Units held per shopper', 'Units those unpaid orders may hold together.'),
    limit('maxLines', 'Different items per order', 'The most different items (SKUs) one order may hold.'),
    limit('maxLineQuantity', 'Units of one item per order', 'The most units of one item one order may hold.'),
  ],
}

import type { CollectionConfig } from 'payload'

import { stockMovementsAccess } from '../../src/access/policies'
import { STOCK_REASONS } from '../../src/commerce/stock'

// The stock ledger: one row per change; the sum of a SKU's rows is its stock. Written only by workflows.
export const StockMovements: CollectionConfig = {
  slug: 'stock-movements',
  labels: { singular: 'Stock movement', plural: 'Stock movements' },
  admin: {
    useAsTitle: 'sku',
    defaultColumns: ['sku', 'change', 'reason', 'order', 'by', 'createdAt'],
    group: 'Catalogue',
    listSearchableFields: ['sku'],
  },
  access: stockMovementsAccess,
  fields: [
    { name: 'sku', label: 'SKU', type: 'text', required: true, index: true },
    { name: 'change', type: 'number', required: true },
    {
      name: 'reason',
      type: 'select',
      required: true,
      options: STOCK_REASONS.map((value) => ({ label: value, value })),
    },
    {
      name: 'order',
      type: 'relationship',
      relationTo: 'orders',
      index: true,
      admin: { components: { Cell: '/collections/StockMovements/ui/OrderNumberCell#OrderNumberCell' } },
    },
    {
      name: 'by',
      type: 'relationship',
      relationTo: 'users',
      admin: { components: { Cell: '/collections/StockMovements/ui/StaffNameCell#StaffNameCell' } },
    },
    { name: 'note', type: 'text' },
  ],
}

import type { CollectionConfig } from 'payload'

import { inventoryAccess, stockStaffField } from '../../src/access/policies'
import { STOCK_STATUS_LABELS, STOCK_STATUSES } from '../../src/commerce/stockStatus'
import { refuseDirectStockEdit } from './hooks/refuseDirectStockEdit'
import { refreshStockStatusAfterEdit, setStockStatus } from './hooks/keepStockStatus'
import { adjustInventoryEndpoint } from './endpoints/adjust'

// One row per SKU, unversioned: publishing a product never touches stock.
export const Inventory: CollectionConfig = {
  slug: 'inventory',
  labels: { singular: 'Stock item', plural: 'Inventory' },
  admin: {
    useAsTitle: 'sku',
    defaultColumns: ['sku', 'title', 'variantTitle', 'available', 'lowStockThreshold', 'stockStatus'],
    group: 'Catalogue',
    listSearchableFields: ['sku', 'title'],
    components: { beforeListTable: [{ path: '/collections/Imports/ui/CsvListActions#CsvListActions', clientProps: { kind: 'stock' } }] },
  },
  access: inventoryAccess,
  hooks: { beforeValidate: [refuseDirectStockEdit], beforeChange: [setStockStatus], afterChange: [refreshStockStatusAfterEdit] },
  endpoints: [adjustInventoryEndpoint],
  fields: [
    { name: 'sku', label: 'SKU', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    {
      name: 'available',
      type: 'number',
      required: true,
      defaultValue: 0,
      min: 0,
      index: true,
      admin: { readOnly: true, description: 'Changed only by checkouts and the adjustment form below.' },
    },
    {
      name: 'adjust',
      type: 'ui',
      admin: { components: { Field: '/collections/Inventory/ui/AdjustStock#AdjustStock' } },
    },
    {
      name: 'lowStockThreshold',
      type: 'number',
      min: 0,
      defaultValue: 5,
      access: { read: stockStaffField },
      admin: { step: 1 },
    },
    {
      // Stored (not computed on read) so the list can filter by it; every stock write keeps it in step.
      name: 'stockStatus',
      label: 'Status',
      type: 'select',
      index: true,
      defaultValue: 'out',
      // Like the threshold it is measured against, for staff only.
      access: { read: stockStaffField },
      options: STOCK_STATUSES.map((value) => ({ label: STOCK_STATUS_LABELS[value], value })),
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Out at 0, low at or below the threshold. Follows the stock; not edited by hand.',
        components: { Cell: '/collections/Inventory/ui/StockStatusCell#StockStatusCell' },
      },
    },
    { name: 'product', type: 'relationship', relationTo: 'products', index: true, admin: { readOnly: true } },
    // A draft product's title is not public: neither shown nor queryable by `where` without staff rights (issue 18).
    { name: 'title', type: 'text', access: { read: stockStaffField }, admin: { readOnly: true } },
    { name: 'variantTitle', type: 'text', access: { read: stockStaffField }, admin: { readOnly: true } },
  ],
}

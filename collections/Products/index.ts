import type { CollectionConfig } from 'payload'

import { productsAccess } from '../../src/access/policies'
import { BOOLEAN_CELL, penceField } from '../../src/fields/pence'
import { slugField } from '../../src/fields/slug'
import { addAvailableStock } from './hooks/addAvailableStock'
import { auditPriceChange } from './hooks/auditPriceChange'
import { createInventoryRows } from './hooks/createInventoryRows'
import { queueProductWebhooks, rememberProductWasLive } from './hooks/productWebhookEvents'
import { retireInventoryRows } from './hooks/retireInventoryRows'
import { validateSkus } from './hooks/validateSkus'
import { normaliseSku } from '../../src/commerce/sku'

export const Products: CollectionConfig = {
  slug: 'products',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'sku', 'price', 'featured', '_status', 'updatedAt'],
    group: 'Catalogue',
    listSearchableFields: ['title', 'slug', 'sku'],
    components: { beforeListTable: [{ path: '/collections/Imports/ui/CsvListActions#CsvListActions', clientProps: { kind: 'products' } }] },
  },
  versions: { drafts: true, maxPerDoc: 50 },
  access: productsAccess,
  hooks: {
    beforeValidate: [validateSkus],
    beforeChange: [rememberProductWasLive],
    afterChange: [createInventoryRows, queueProductWebhooks, auditPriceChange],
    afterOperation: [addAvailableStock],
    beforeDelete: [retireInventoryRows],
  },
  fields: [
    // Indexed: listings sorted by title (the GraphQL listing, the storefront's A–Z) read 20 rows, not the catalogue.
    { name: 'title', type: 'text', required: true, maxLength: 200, index: true },
    slugField('title'),
    { name: 'description', type: 'richText' },
    {
      name: 'images',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      admin: { description: 'The first image is the main one; drag to reorder.' },
    },
    { name: 'categories', type: 'relationship', relationTo: 'categories', hasMany: true, index: true },
    penceField('price', { required: true }),
    penceField('compareAtPrice', { description: 'Was-price shown struck through, in pounds.' }),
    { name: 'weight', type: 'number', min: 0, admin: { description: 'Grams', step: 1 } },
    { name: 'featured', type: 'checkbox', defaultValue: false, index: true, admin: { components: { Cell: BOOLEAN_CELL } } },
    {
      name: 'sku',
      label: 'SKU',
      type: 'text',
      index: true,
      admin: {
        position: 'sidebar',
        description: 'The product’s own SKU; leave empty when it has variants.',
        condition: (data) => !data?.variants?.length,
      },
      hooks: { beforeValidate: [({ value }) => normaliseSku(value)] },
    },
    {
      name: 'available',
      type: 'number',
      virtual: true,
      admin: { position: 'sidebar', readOnly: true, description: 'Units in stock over all its SKUs (from Inventory; change stock there).' },
    },
    {
      name: 'variants',
      type: 'array',
      maxRows: 100,
      admin: { description: 'Options such as size and colour; each variant is bought by its own SKU.' },
      fields: [
        {
          name: 'sku',
          label: 'SKU',
          type: 'text',
          required: true,
          hooks: { beforeValidate: [({ value }) => normaliseSku(value)] },
        },
        { name: 'title', type: 'text', required: true, admin: { description: 'e.g. “Medium / Navy”' } },
        {
          name: 'options',
          type: 'array',
          maxRows: 5,
          fields: [
            { name: 'name', type: 'text', required: true },
            { name: 'value', type: 'text', required: true },
          ],
        },
        penceField('price', { description: 'Leave empty to use the product price.' }),
        {
          name: 'image',
          type: 'upload',
          relationTo: 'media',
          admin: { description: 'Shown first on the product page when a shopper picks this variant.' },
        },
        { name: 'available', type: 'number', virtual: true, admin: { readOnly: true, description: 'Units in stock (from Inventory).' } },
      ],
    },
    {
      name: 'stock',
      type: 'ui',
      admin: { components: { Field: '/collections/Products/ui/StockSummary#StockSummary' } },
    },
    {
      name: 'seo',
      type: 'group',
      fields: [
        { name: 'title', type: 'text', maxLength: 70 },
        { name: 'description', type: 'textarea', maxLength: 170 },
      ],
    },
  ],
}

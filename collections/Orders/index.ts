import type { CollectionConfig, Field } from 'payload'

import { orderNotesUpdateField, ordersAccess, orderStaffField } from '../../src/access/policies'
import { addressFields } from '../../src/fields/address'
import { MONEY_COMPONENTS } from '../../src/fields/pence'
import { handleLookupOrder, handleLookupOrderByEmail } from '../../src/endpoints/lookupOrder'
import { handleTransitionOrder } from '../../src/endpoints/transitionOrder'
import { PAYMENT_METHODS, type PaymentMethod } from '../../src/commerce/checkoutInput'
import { ORDER_STATUSES } from '../../src/commerce/orderStates'
import { printEndpoints } from './endpoints/printDocuments'
import { addPaymentInstructions } from './hooks/addPaymentInstructions'
import { addTrackingUrl } from './hooks/addTrackingUrl'
import { keepCheckoutSnapshot } from './hooks/keepCheckoutSnapshot'
import { nameOldHistoryRows } from './hooks/nameOldHistoryRows'
import { refuseDirectStatusEdit } from './hooks/refuseDirectStatusEdit'

const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = { manual: 'Manual (bank transfer)', 'test-card': 'Test card' }

// Not `required`: Payload would then demand the whole group in every GraphQL update; checkout always sets them.
const money = (name: string): Field => ({ name, type: 'number', defaultValue: 0, admin: { readOnly: true, components: MONEY_COMPONENTS } })

// Orders are created only by the checkout workflow; staff move them only through the transition endpoint.
export const Orders: CollectionConfig = {
  slug: 'orders',
  admin: {
    useAsTitle: 'orderNumber',
    defaultColumns: ['orderNumber', 'createdAt', 'email', 'totals.total', 'payment.method', 'status'],
    group: 'Shop',
    listSearchableFields: ['orderNumber', 'email'],
  },
  access: ordersAccess,
  hooks: { beforeValidate: [refuseDirectStatusEdit], beforeChange: [keepCheckoutSnapshot] },
  endpoints: [
    { path: '/lookup', method: 'get', handler: handleLookupOrder },
    { path: '/lookup', method: 'post', handler: handleLookupOrderByEmail },
    { path: '/:id/transition', method: 'post', handler: handleTransitionOrder },
    ...printEndpoints,
  ],
  fields: [
    { name: 'orderNumber', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: ORDER_STATUSES.map((value) => ({ label: value, value })),
      admin: { readOnly: true, position: 'sidebar', components: { Cell: '/collections/Orders/ui/OrderStatusCell#OrderStatusCell' } },
    },
    {
      name: 'transitions',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/collections/Orders/ui/OrderActions#OrderActions' } },
    },
    {
      name: 'print',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/collections/Orders/ui/PrintLinks#PrintLinks' } },
    },
    {
      // In the sidebar once shipped, where the person answering "where is my parcel?" looks first.
      name: 'fulfilment',
      label: 'Shipment',
      type: 'group',
      admin: { readOnly: true, position: 'sidebar', condition: (data) => Boolean(data?.fulfilment?.carrier) },
      fields: [
        { name: 'carrier', type: 'text' },
        { name: 'trackingNumber', type: 'text' },
        { name: 'shippedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      // Computed on read from the carrier's template in the store settings: the order page and the dispatch email use the same link.
      name: 'trackingUrl',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      hooks: { afterRead: [addTrackingUrl] },
    },
    { name: 'customer', type: 'relationship', relationTo: 'customers', index: true, admin: { readOnly: true } },
    { name: 'email', type: 'email', required: true, admin: { readOnly: true } },
    {
      name: 'lines',
      type: 'array',
      required: true,
      admin: { readOnly: true, components: { RowLabel: '/collections/Orders/ui/LineRowLabel#LineRowLabel' } },
      fields: [
        { name: 'sku', label: 'SKU', type: 'text', required: true },
        { name: 'title', type: 'text', required: true },
        { name: 'options', type: 'json', admin: { components: { Field: '/collections/Orders/ui/LineOptions#LineOptions' } } },
        money('unitPrice'),
        { name: 'quantity', type: 'number', required: true },
        money('lineTotal'),
      ],
    },
    {
      name: 'totals',
      type: 'group',
      admin: { readOnly: true },
      fields: [money('subtotal'), money('discount'), money('shipping'), money('vat'), money('total')],
    },
    // The code the cart was priced with; the amount it took off is totals.discount.
    { name: 'discountCode', type: 'text', index: true, admin: { readOnly: true, condition: (data) => Boolean(data?.discountCode) } },
    {
      name: 'statusHistory',
      type: 'array',
      admin: { readOnly: true, components: { RowLabel: '/collections/Orders/ui/HistoryRowLabel#HistoryRowLabel' } },
      fields: [
        { name: 'from', type: 'text' },
        { name: 'to', type: 'text', required: true },
        { name: 'at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'by', label: 'Staff id', type: 'text', admin: { hidden: true } },
        { name: 'byName', label: 'By', type: 'text', hooks: { afterRead: [nameOldHistoryRows] } },
        { name: 'note', type: 'text' },
      ],
    },
    { name: 'shippingAddress', type: 'group', admin: { readOnly: true }, fields: addressFields() },
    { name: 'billingAddress', type: 'group', admin: { readOnly: true }, fields: addressFields() },
    {
      name: 'payment',
      type: 'group',
      admin: { readOnly: true },
      fields: [
        {
          name: 'method',
          type: 'select',
          options: PAYMENT_METHODS.map((value) => ({ label: PAYMENT_METHOD_LABELS[value], value })),
        },
        { name: 'provider', type: 'text' },
        { name: 'reference', type: 'text', access: { read: orderStaffField } },
        { name: 'state', type: 'text' },
      ],
    },
    {
      // Computed on read from the store settings, so the order page, the email and the API never disagree.
      name: 'paymentInstructions',
      type: 'json',
      virtual: true,
      admin: { hidden: true },
      hooks: { afterRead: [addPaymentInstructions] },
    },
    {
      name: 'stockMovements',
      type: 'join',
      collection: 'stock-movements',
      on: 'order',
      admin: { description: 'The stock ledger rows this order made (reservations, sales, releases, restocks).' },
    },
    { name: 'reservationExpiresAt', type: 'date', index: true, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'internalNotes', type: 'textarea', access: { read: orderStaffField, update: orderNotesUpdateField } },
    { name: 'lookupTokenHash', type: 'text', hidden: true, index: true },
    // Where the checkout came from: counted by the hold caps (src/commerce/holds.ts), never shown, erased with the customer.
    { name: 'clientAddress', type: 'text', hidden: true, index: true },
  ],
}

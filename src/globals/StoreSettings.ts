import type { GlobalConfig } from 'payload'

import { anyone } from '../access/anyone'
import { isStaff, isStaffField } from '../access/isStaff'
import { penceField } from '../fields/pence'
import { normaliseVatNumber, vatNumberProblem } from '../commerce/vatNumber'
import { DEFAULT_CARRIERS, trackingTemplateProblem } from '../commerce/carriers'
import { auditSettingsChange } from './auditSettingsChange'
import { bankDetailsField } from './StoreSettingsBankDetails'
import { holdLimitsField } from './StoreSettingsHolds'

export const StoreSettings: GlobalConfig = {
  slug: 'store-settings',
  admin: { group: 'Admin' },
  access: { read: anyone, update: isStaff },
  hooks: { afterChange: [auditSettingsChange] },
  fields: [
    { name: 'storeName', type: 'text', required: true, defaultValue: 'Ipswich Retail' },
    { name: 'currency', type: 'select', required: true, defaultValue: 'GBP', options: ['GBP'] },
    {
      name: 'vatRate',
      type: 'number',
      required: true,
      defaultValue: 20,
      min: 0,
      max: 100,
      admin: { description: 'Percent. Shelf prices include VAT; orders record the VAT part.' },
    },
    { name: 'pricesIncludeVat', type: 'checkbox', defaultValue: true, admin: { readOnly: true } },
    {
      name: 'shipping',
      type: 'group',
      fields: [
        penceField('flatRate', { required: true, defaultValue: 395, description: 'Flat shipping charge in pounds.' }),
        penceField('freeOver', { defaultValue: 5000, description: 'Free shipping when the goods total (after discounts) reaches this, in pounds.' }),
        {
          name: 'countries',
          type: 'text',
          hasMany: true,
          required: true,
          defaultValue: ['GB'],
          admin: { description: 'ISO 3166 alpha-2 codes the store ships to.' },
        },
      ],
    },
    { name: 'reservationMinutes', type: 'number', required: true, defaultValue: 30, min: 1, admin: { step: 1 } },
    {
      name: 'manualPaymentHoldDays',
      type: 'number',
      required: true,
      defaultValue: 7,
      min: 1,
      admin: { step: 1, description: 'Days a bank-transfer order waits for payment before it expires and its stock is released.' },
    },
    holdLimitsField,
    bankDetailsField,
    {
      // What a UK VAT invoice must show about the seller (HMRC VAT Notice 700/21); the invoice is refused without them.
      name: 'seller',
      type: 'group',
      admin: { description: 'Printed on VAT invoices.' },
      fields: [
        { name: 'legalName', type: 'text', admin: { description: 'The registered business name, e.g. Ipswich Retail Ltd.' } },
        { name: 'address', type: 'textarea', admin: { description: 'The business address, one line per row.' } },
        {
          name: 'vatNumber',
          label: 'VAT number',
          type: 'text',
          validate: (value: string | null | undefined) => vatNumberProblem(value) ?? true,
          hooks: { beforeChange: [({ value }) => (typeof value === 'string' && value.trim() ? normaliseVatNumber(value) : value)] },
          admin: { description: 'e.g. GB123456789' },
        },
      ],
    },
    {
      // The dispatch email and the order page link the parcel's tracking page from the carrier's template.
      name: 'carriers',
      type: 'array',
      defaultValue: DEFAULT_CARRIERS.map((c) => ({ ...c })),
      admin: { description: 'Carriers staff ship with. The name is what staff type when they mark an order sent.' },
      fields: [
        { name: 'name', type: 'text', required: true },
        {
          name: 'trackingUrlTemplate',
          label: 'Tracking URL template',
          type: 'text',
          required: true,
          validate: (value: string | null | undefined) => trackingTemplateProblem(value) ?? true,
          admin: { description: 'The tracking page, with {tracking} where the tracking number goes.' },
        },
      ],
    },
    {
      name: 'lowStockRecipients',
      type: 'array',
      // Staff addresses are not for the public settings endpoint.
      access: { read: isStaffField },
      fields: [{ name: 'email', type: 'email', required: true }],
    },
  ],
}

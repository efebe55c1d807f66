import type { CollectionConfig, Field, FieldHook, Validate } from 'payload'

import { canManageDiscountCodes, canReadDiscountRedemptions } from '../../src/access/discountCodesAccess'
import { nobody } from '../../src/access/nobody'
import { BOOLEAN_CELL, MONEY_COMPONENTS, penceField } from '../../src/fields/pence'
import type { SanitizedPromotionsOptions } from './options'
import { DISCOUNT_SCOPES, DISCOUNT_TYPES, normalizeCode } from './rules'
import { CODES_SLUG, REDEMPTIONS_SLUG } from './store'

type Sibling = { type?: string; appliesTo?: string; validFrom?: string | null }

const upperCaseCode: FieldHook = ({ value }) => (typeof value === 'string' ? normalizeCode(value) : value)

const validateCode: Validate<string> = (value) =>
  typeof value === 'string' && /^[A-Z0-9][A-Z0-9_-]{1,63}$/.test(value) ? true : 'Use 2–64 letters, digits, dashes or underscores'

const validatePercent: Validate<number, unknown, Sibling> = (value, { siblingData }) => {
  if (siblingData?.type !== 'percentage') return true
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100 ? true : 'Enter a whole percentage from 1 to 100'
}

const validateAmount: Validate<number, unknown, Sibling> = (value, { siblingData }) => {
  if (siblingData?.type !== 'fixed') return true
  return Number.isSafeInteger(value) && (value as number) > 0 ? true : 'Enter the amount off, more than £0.00'
}

const validateValidTo: Validate<unknown, unknown, Sibling> = (value, { siblingData }) => {
  if (!value || !siblingData?.validFrom) return true
  return new Date(String(value)) > new Date(siblingData.validFrom) ? true : 'Must be after "Valid from"'
}

const requiredFor =
  (scope: string, what: string): Validate<unknown, unknown, Sibling> =>
  (value, { siblingData }) =>
    siblingData?.appliesTo !== scope || (Array.isArray(value) && value.length > 0) ? true : `Choose at least one ${what}`

const limitField = (name: string, description: string): Field => ({
  name,
  type: 'number',
  min: 1,
  admin: { step: 1, description },
  validate: (value: number | null | undefined) =>
    value == null || (Number.isInteger(value) && value >= 1) ? true : 'Enter a whole number of at least 1, or leave empty',
})

export function createDiscountCodesCollection(options: SanitizedPromotionsOptions): CollectionConfig {
  return {
    slug: CODES_SLUG,
    labels: { singular: 'Discount code', plural: 'Discount codes' },
    admin: {
      useAsTitle: 'code',
      group: options.adminGroup,
      defaultColumns: ['code', 'type', 'appliesTo', 'used', 'usageLimit', 'validTo', 'active'],
      description: 'Codes shoppers type in the cart. Codes are matched whatever their case.',
    },
    access: { read: canManageDiscountCodes, create: canManageDiscountCodes, update: canManageDiscountCodes, delete: canManageDiscountCodes },
    fields: [
      {
        name: 'code',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        hooks: { beforeValidate: [upperCaseCode] },
        validate: validateCode,
        admin: { description: 'Stored in capitals: "summer10" and "SUMMER10" are one code.' },
      },
      { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar', components: { Cell: BOOLEAN_CELL } } },
      {
        name: 'type',
        type: 'select',
        required: true,
        defaultValue: 'percentage',
        options: DISCOUNT_TYPES.map((value) => ({ value, label: value === 'percentage' ? 'Percentage off' : 'Fixed amount off' })),
      },
      {
        name: 'percentOff',
        label: 'Percent off',
        type: 'number',
        validate: validatePercent,
        admin: { step: 1, condition: (_, s) => s?.type === 'percentage' },
      },
      {
        ...penceField('amountOff', { label: 'Amount off', description: 'In pounds, VAT included; never more than the goods it applies to.' }),
        validate: validateAmount,
        admin: { step: 1, components: MONEY_COMPONENTS, condition: (_, s) => s?.type === 'fixed' },
      } as Field,
      penceField('minimumSpend', {
        label: 'Minimum spend',
        description: 'Goods total (VAT included, before the discount) the cart must reach; empty for none.',
      }),
      { name: 'validFrom', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'validTo', type: 'date', validate: validateValidTo, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      {
        name: 'appliesTo',
        label: 'Applies to',
        type: 'select',
        required: true,
        defaultValue: 'cart',
        options: DISCOUNT_SCOPES.map((value) => ({ value, label: value === 'cart' ? 'The whole cart' : `Chosen ${value}` })),
      },
      {
        name: 'categories',
        type: 'relationship',
        relationTo: 'categories',
        hasMany: true,
        validate: requiredFor('categories', 'category'),
        admin: { condition: (_, s) => s?.appliesTo === 'categories' },
      },
      {
        name: 'products',
        type: 'relationship',
        relationTo: 'products',
        hasMany: true,
        validate: requiredFor('products', 'product'),
        admin: { condition: (_, s) => s?.appliesTo === 'products' },
      },
      limitField('usageLimit', 'How many orders may use the code in all; empty for no limit.'),
      limitField('perCustomerLimit', 'How many orders one customer account (or one guest email) may use it for; empty for no limit.'),
      // Counted only by the checkout, in its transaction (plugins/promotions/store.ts).
      { name: 'used', type: 'number', defaultValue: 0, access: { create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar' } },
      { name: 'redemptions', type: 'join', collection: REDEMPTIONS_SLUG, on: 'discountCode', admin: { description: 'The orders that used this code.' } },
    ],
  }
}

export function createDiscountRedemptionsCollection(options: SanitizedPromotionsOptions): CollectionConfig {
  return {
    slug: REDEMPTIONS_SLUG,
    labels: { singular: 'Discount redemption', plural: 'Discount redemptions' },
    // Listed under each code (its "redemptions" join); written only by the checkout.
    admin: { hidden: true, useAsTitle: 'code', group: options.adminGroup },
    access: { read: canReadDiscountRedemptions, create: nobody, update: nobody, delete: nobody },
    fields: [
      { name: 'discountCode', type: 'relationship', relationTo: CODES_SLUG, required: true, index: true },
      { name: 'code', type: 'text', required: true },
      { name: 'order', type: 'relationship', relationTo: 'orders', required: true, index: true },
      { name: 'customer', type: 'relationship', relationTo: 'customers' },
      { name: 'email', type: 'email', required: true },
      { name: 'customerKey', type: 'text', required: true, index: true },
      { name: 'amount', type: 'number', required: true, admin: { components: MONEY_COMPONENTS } },
    ],
  }
}

import type { CollectionConfig } from 'payload'

import { customersAccess } from '../../src/access/policies'
import { addressFields } from '../../src/fields/address'
import { env, forgotPasswordInterval } from '../../src/infra/env'
import { resetPasswordEmail, verifyEmail } from './authEmails'
import { auditCustomerChange, auditCustomerDelete } from './hooks/auditCustomerChange'
import { keepOneDefaultAddress } from './hooks/keepOneDefaultAddress'

export const Customers: CollectionConfig = {
  slug: 'customers',
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'createdAt'], group: 'Shop' },
  auth: {
    maxLoginAttempts: env().LOGIN_MAX_ATTEMPTS,
    lockTime: env().LOGIN_LOCK_MINUTES * 60 * 1000,
    tokenExpiration: 60 * 60 * 24 * 7,
    verify: env().EMAIL_VERIFICATION ? { generateEmailHTML: verifyEmail(env().storefrontUrl) } : false,
    forgotPassword: { generateEmailHTML: resetPasswordEmail(env().storefrontUrl), minRequestInterval: forgotPasswordInterval() },
    cookies: { sameSite: 'Lax', secure: env().strict },
  },
  access: customersAccess,
  hooks: { beforeChange: [keepOneDefaultAddress], afterChange: [auditCustomerChange], afterDelete: [auditCustomerDelete] },
  fields: [
    { name: 'name', type: 'text', maxLength: 200 },
    { name: 'phone', type: 'text', maxLength: 40 },
    {
      name: 'addresses',
      type: 'array',
      maxRows: 20,
      fields: [
        { name: 'label', type: 'text' },
        ...addressFields(),
        { name: 'isDefaultShipping', type: 'checkbox', defaultValue: false },
        { name: 'isDefaultBilling', type: 'checkbox', defaultValue: false },
      ],
    },
    { name: 'marketingConsent', type: 'checkbox', defaultValue: false },
    {
      name: 'cart',
      type: 'json',
      admin: { description: 'The saved cart: [{ sku, quantity }]' },
    },
  ],
}

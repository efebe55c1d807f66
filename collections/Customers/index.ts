import type { CollectionConfig } from 'payload'

import { customersAccess } from '../../src/access/policies'
import { customerDataEndpoints } from '../../src/endpoints/customerData'
import { addressFields } from '../../src/fields/address'
import { env, forgotPasswordInterval } from '../../src/infra/env'
import { resetPasswordEmail, verifyEmail } from './authEmails'
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
  // A customer's data download and account erasure, for themself or an admin (docs/security/holds-and-privacy.md).
  endpoints: customerDataEndpoints,
  hooks: { beforeChange: [keepOneDefaultAddress] },
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
      name: 'privacy',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/collections/Customers/ui/CustomerPrivacy#CustomerPrivacy' } },
    },
    {
      name: 'cart',
      type: 'json',
      admin: { description: 'The saved cart: [{ sku, quantity }]' },
    },
  ],
}

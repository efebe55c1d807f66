import type { CollectionConfig } from 'payload'

import { customersAccess } from '../../src/access/policies'
import { customerDataEndpoints } from '../../src/endpoints/customerData'
import { addressFields } from '../../src/fields/address'
import { env, forgotPasswordInterval } from '../../src/infra/env'
import { accountHooks } from '../auth'
import { resetPasswordEmail, verifyEmail } from './authEmails'
import { registerEndpoint } from './endpoints/register'
import { forgotPasswordEndpoint } from '../../src/endpoints/forgotPassword'
import { auditCustomerChange, auditCustomerDelete } from './hooks/auditCustomerChange'
import { keepOneDefaultAddress } from './hooks/keepOneDefaultAddress'
import { keepServerTimestamps } from './hooks/keepServerTimestamps'

export const Customers: CollectionConfig = {
  slug: 'customers',
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'createdAt'], group: 'Shop' },
  auth: {
    maxLoginAttempts: 0,
    tokenExpiration: 60 * 60 * 24 * 7,
    verify: env().EMAIL_VERIFICATION ? { generateEmailHTML: verifyEmail(env().storefrontUrl) } : false,
    forgotPassword: { generateEmailHTML: resetPasswordEmail(env().storefrontUrl), minRequestInterval: forgotPasswordInterval() },
    cookies: { sameSite: 'Lax', secure: env().strict },
  },
  access: customersAccess,
  hooks: {
    ...accountHooks('customer'),
    beforeChange: [keepOneDefaultAddress, keepServerTimestamps],
    afterChange: [auditCustomerChange],
    afterDelete: [auditCustomerDelete],
  },
  // Registration; a customer's data download and account erasure, for themself or an admin (docs/security/holds-and-privacy.md).
  endpoints: [registerEndpoint, forgotPasswordEndpoint('customers'), ...customerDataEndpoints],
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

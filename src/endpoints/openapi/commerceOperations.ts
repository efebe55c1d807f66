import type { z } from 'zod'

import { checkoutBodySchema, quoteBodySchema } from '../../commerce/checkoutInput'
import { orderLookupBodySchema } from '../../commerce/orderLookup'
import { erasureBodySchema } from '../../commerce/privacy'
import { searchSchema } from '../../commerce/search/searchInput'
import { adjustStockBodySchema, transitionBodySchema } from '../../commerce/staffInput'
import {
  adjustStockResponseSchema,
  checkoutResponseSchema,
  customerErasedSchema,
  customerExportSchema,
  importApplyResponseSchema,
  importPreviewResponseSchema,
  importProgressResponseSchema,
  lookupResponseSchema,
  quoteResponseSchema,
  redeliverResponseSchema,
  rotateApiKeyResponseSchema,
  twoFactorCodeBodySchema,
  twoFactorDisableResponseSchema,
  twoFactorEnableResponseSchema,
  twoFactorSetupResponseSchema,
  twoFactorVerifyResponseSchema,
  searchResponseSchema,
  transitionResponseSchema,
} from './commerceSchemas'

// Our own endpoints: the request schemas are the ones the handlers parse with; the error codes are those of docs/errors.md.

export type CommerceOperation = {
  summary: string
  description?: string
  tag: string
  body?: z.ZodType
  /** A multipart upload instead of JSON. */
  multipart?: Record<string, { type: string; format?: string; enum?: readonly string[] }>
  query?: z.ZodType | Record<string, { required?: boolean; description: string }>
  headers?: Record<string, { required: boolean; description: string }>
  answer: z.ZodType | 'csv' | 'html' | 'any'
  status: number
  errors: Record<number, string[]>
  staff?: boolean
}

const IDEMPOTENCY = {
  'Idempotency-Key': {
    required: true,
    description: 'One key per attempted order (8–128 characters of A–Z a–z 0–9 . _ : -); a retry with the same key and body gets the first answer',
  },
}
const RETRY_SAFE = {
  'Idempotency-Key': {
    required: false,
    description: 'Optional: a retry with the same key and body counts once and gets the first answer again (Idempotent-Replayed: true)',
  },
}
const STAFF_ERRORS = { 401: ['unauthenticated'], 403: ['forbidden'] }
const CSV_KINDS = ['products', 'stock'] as const

/** Keyed by `<collection slug or "root"> <method> <path>`, as the endpoints are listed in the config. */
export const COMMERCE_OPERATIONS: Record<string, CommerceOperation> = {
  'root post /cart/quote': {
    summary: 'Price a cart without buying',
    description: 'Lists the cart’s problems (unknown SKU, not enough stock, country not shipped) instead of refusing. Writes nothing.',
    tag: 'Commerce',
    body: quoteBodySchema,
    answer: quoteResponseSchema,
    status: 200,
    errors: { 400: ['invalid_json', 'invalid_body', 'json_too_deep'], 429: ['rate_limited'] },
  },
  'root post /checkout': {
    summary: 'Place an order',
    description:
      'One order per Idempotency-Key. Stock is reserved atomically; an `expectedTotal` that differs from the total now is refused with 409 price_changed.',
    tag: 'Commerce',
    body: checkoutBodySchema,
    headers: IDEMPOTENCY,
    answer: checkoutResponseSchema,
    status: 201,
    errors: {
      400: [
        'invalid_json',
        'invalid_body',
        'missing_idempotency_key',
        'invalid_idempotency_key',
        'country_not_shipped',
        'payment_method_unavailable',
        'unknown_discount_code',
        'json_too_deep',
        'too_many_lines',
        'line_quantity_limit',
      ],
      402: ['payment_declined'],
      404: ['unknown_sku'],
      409: ['insufficient_stock', 'out_of_stock', 'price_changed', 'stock_changed', 'hold_limit_reached'],
      422: ['idempotency_key_reused'],
      429: ['rate_limited'],
      503: ['busy'],
    },
  },
  'root get /search': {
    summary: 'Search published products',
    description: 'Best match first, with facet counts and spelling corrections (docs/search.md).',
    tag: 'Commerce',
    query: searchSchema,
    answer: searchResponseSchema,
    status: 200,
    errors: { 400: ['invalid_search'], 404: ['unknown_category'] },
  },
  'orders get /lookup': {
    summary: 'A guest looks up their order',
    description:
      'With the order number and the look-up token from the checkout answer or the confirmation email. A wrong token answers like an unknown number.',
    tag: 'Commerce',
    query: { number: { required: true, description: 'The order number, e.g. IR-000123' }, token: { required: true, description: 'The look-up token' } },
    answer: lookupResponseSchema,
    status: 200,
    errors: { 400: ['invalid_query'], 404: ['order_not_found'] },
  },
  'orders post /lookup': {
    summary: 'A guest finds their order by number and email',
    description:
      'The storefront’s “Find your order” form. A wrong email answers exactly like an unknown number; limited to RATE_LIMIT_LOOKUP a minute per address and per order number.',
    tag: 'Commerce',
    body: orderLookupBodySchema,
    answer: lookupResponseSchema,
    status: 200,
    errors: { 400: ['invalid_json', 'invalid_body', 'json_too_deep'], 404: ['order_not_found'], 429: ['rate_limited'] },
  },
  'integrations post /:id/rotate': {
    summary: 'Issue a new API key for an integration (admins)',
    description: 'The new key is in this answer only; the old one stops working at once (docs/api-keys.md).',
    tag: 'Integrations',
    answer: rotateApiKeyResponseSchema,
    status: 200,
    staff: true,
    errors: { ...STAFF_ERRORS, 404: ['integration_not_found'] },
  },
  'customers get /:id/data': {
    summary: 'Download a customer’s data (the customer, or an admin)',
    description: 'The account, its orders, reviews and back-in-stock alerts as JSON, sent as a download (docs/security/holds-and-privacy.md).',
    tag: 'Customers',
    answer: customerExportSchema,
    status: 200,
    errors: { ...STAFF_ERRORS, 404: ['customer_not_found'] },
  },
  'customers post /:id/erase': {
    summary: 'Delete a customer’s account and erase their personal data (the customer, or an admin)',
    description: 'Orders are kept with the name, addresses and email replaced; reviews lose the name; the account is deleted and can no longer log in.',
    tag: 'Customers',
    body: erasureBodySchema,
    answer: customerErasedSchema,
    status: 200,
    errors: { 400: ['invalid_json', 'confirmation_required'], ...STAFF_ERRORS, 404: ['customer_not_found'] },
  },
  'users post /two-factor/setup': {
    summary: 'Start two-factor set-up (staff)',
    description:
      'A new TOTP secret with its QR code; nothing changes until /two-factor/enable confirms a code. Also works for a login parked because an admin must enrol first (docs/security/two-factor-and-audit.md).',
    tag: 'Staff accounts',
    answer: twoFactorSetupResponseSchema,
    status: 200,
    staff: true,
    errors: { 401: ['unauthenticated'], 409: ['two_factor_enabled'] },
  },
  'users post /two-factor/enable': {
    summary: 'Turn two-factor on with a code from the app (staff)',
    description: 'Answers ten one-time recovery codes, shown only here. A parked login becomes a live session.',
    tag: 'Staff accounts',
    body: twoFactorCodeBodySchema,
    answer: twoFactorEnableResponseSchema,
    status: 200,
    staff: true,
    errors: {
      400: ['invalid_json', 'invalid_code', 'two_factor_invalid'],
      401: ['unauthenticated'],
      409: ['two_factor_enabled', 'two_factor_not_started'],
      429: ['rate_limited'],
    },
  },
  'users post /two-factor/verify': {
    summary: 'The login’s second step: a code or a recovery code',
    description:
      'With the token (or cookie) of a login answered `twoFactor: "verify"`: a right code makes that session live; a recovery code works once. Five tries per account per 15 minutes.',
    tag: 'Staff accounts',
    body: twoFactorCodeBodySchema,
    answer: twoFactorVerifyResponseSchema,
    status: 200,
    staff: true,
    errors: { 400: ['invalid_json', 'invalid_code'], 401: ['unauthenticated', 'two_factor_invalid'], 429: ['rate_limited'] },
  },
  'users post /two-factor/disable': {
    summary: 'Turn two-factor off, proving it with a code (staff)',
    tag: 'Staff accounts',
    body: twoFactorCodeBodySchema,
    answer: twoFactorDisableResponseSchema,
    status: 200,
    staff: true,
    errors: { 400: ['invalid_json', 'invalid_code', 'two_factor_invalid'], 401: ['unauthenticated'], 409: ['two_factor_not_enabled'], 429: ['rate_limited'] },
  },
  'users post /:id/two-factor/reset': {
    summary: 'Reset another staff member’s two-factor (admin)',
    description:
      'For a lost phone: clears the secret, the recovery codes and logins parked for a code; the account sets it up again at its next login where it must. Not for your own account (turn it off with a code). Audited as `two_factor.reset`.',
    tag: 'Staff accounts',
    answer: twoFactorDisableResponseSchema,
    status: 200,
    staff: true,
    errors: { 401: ['unauthenticated'], 403: ['forbidden', 'own_two_factor'], 404: ['not_found'], 409: ['two_factor_not_enabled'] },
  },
  'webhook-deliveries post /:id/redeliver': {
    summary: 'Send a delivery again (webhooks:manage)',
    description: 'Makes a new delivery of the same event to the same webhook, pointing back at the original (docs/webhooks.md).',
    tag: 'Integrations',
    answer: redeliverResponseSchema,
    status: 202,
    staff: true,
    errors: { ...STAFF_ERRORS, 404: ['not_found'] },
  },
  'orders post /:id/transition': {
    summary: 'Move an order to another state (staff)',
    description: 'pending → paid → fulfilled → delivered; pending → cancelled/expired; paid → cancelled; paid/fulfilled/delivered → refunded.',
    tag: 'Commerce',
    body: transitionBodySchema,
    headers: RETRY_SAFE,
    answer: transitionResponseSchema,
    status: 200,
    staff: true,
    errors: {
      400: ['invalid_json', 'invalid_body', 'restock_not_applicable', 'invalid_idempotency_key'],
      ...STAFF_ERRORS,
      404: ['order_not_found'],
      409: ['illegal_transition', 'order_changed', 'order_gone'],
      422: ['idempotency_key_reused'],
    },
  },
  'inventory post /adjust': {
    summary: 'Adjust or set the stock of a SKU (staff)',
    description: 'Exactly one of `delta` or `setTo`, and a reason; atomic and recorded in the stock ledger.',
    tag: 'Commerce',
    body: adjustStockBodySchema,
    headers: RETRY_SAFE,
    answer: adjustStockResponseSchema,
    status: 200,
    staff: true,
    errors: {
      400: ['invalid_json', 'invalid_body', 'invalid_adjustment', 'invalid_idempotency_key'],
      ...STAFF_ERRORS,
      404: ['unknown_sku'],
      409: ['negative_stock', 'stock_changed'],
      422: ['idempotency_key_reused'],
    },
  },
  'imports post /preview': {
    summary: 'Preview a CSV import (staff)',
    description: 'Checks the file against the shop and stores the plan; nothing in the catalogue changes (docs/csv-import.md).',
    tag: 'Catalogue CSV',
    multipart: { file: { type: 'string', format: 'binary' }, kind: { type: 'string', enum: CSV_KINDS } },
    answer: importPreviewResponseSchema,
    status: 201,
    staff: true,
    errors: { 400: ['invalid_upload', 'missing_file', 'invalid_kind', 'empty_file'], ...STAFF_ERRORS, 413: ['file_too_large'], 415: ['unsupported_encoding'] },
  },
  'imports post /:id/apply': {
    summary: 'Apply a previewed import (staff)',
    tag: 'Catalogue CSV',
    answer: importApplyResponseSchema,
    status: 202,
    staff: true,
    errors: { ...STAFF_ERRORS, 404: ['unknown_import'], 409: ['import_running', 'import_not_previewed', 'preview_stale'], 422: ['import_invalid'] },
  },
  'imports get /:id/progress': {
    summary: 'Progress of an import (staff)',
    tag: 'Catalogue CSV',
    answer: importProgressResponseSchema,
    status: 200,
    staff: true,
    errors: { ...STAFF_ERRORS, 404: ['unknown_import'] },
  },
  'imports get /export/:kind': {
    summary: 'Export products or stock as CSV (staff)',
    description: 'Takes the list’s `where` and `search`, as the admin list shows them.',
    tag: 'Catalogue CSV',
    answer: 'csv',
    status: 200,
    staff: true,
    errors: { 400: ['invalid_where'], ...STAFF_ERRORS, 404: ['unknown_export'] },
  },
  'orders get /:id/invoice': {
    summary: 'The VAT invoice of an order, as a printable page (staff)',
    tag: 'Commerce',
    answer: 'html',
    status: 200,
    staff: true,
    errors: { ...STAFF_ERRORS, 404: ['order_not_found'], 409: ['no_invoice', 'seller_details_missing', 'vat_rate_unknown'] },
  },
  'orders get /:id/packing-slip': {
    summary: 'The packing slip of an order, as a printable page (staff)',
    tag: 'Commerce',
    answer: 'html',
    status: 200,
    staff: true,
    errors: { ...STAFF_ERRORS, 404: ['order_not_found'], 409: ['no_packing_slip'] },
  },
  'root get /openapi.json': {
    summary: 'This document',
    tag: 'Contract',
    answer: 'any',
    status: 200,
    errors: {},
  },
}

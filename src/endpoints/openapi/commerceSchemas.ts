import { z } from 'zod'

import { ORDER_STATUSES } from '../../commerce/orderStates'

// Answers of our own endpoints, for the OpenAPI document (docs/openapi.md). The request bodies are the handlers' own
// zod schemas (src/commerce); these describe what the handlers build, and the contract suite
// (tests/int/contract.int.spec.ts) checks every real answer against them.

const id = z.union([z.number(), z.string()])
const pence = z.number().int().describe('An amount in pence (GBP)')
const status = z.enum(ORDER_STATUSES)

export const totalsSchema = z.object({ subtotal: pence, discount: pence, shipping: pence, vat: pence, total: pence })
const optionSchema = z.object({ name: z.string(), value: z.string() })
const lineSchema = z.object({
  sku: z.string(),
  title: z.string(),
  options: z.array(optionSchema),
  unitPrice: pence,
  quantity: z.number().int(),
  lineTotal: pence,
})

export const quoteResponseSchema = z.object({
  lines: z.array(lineSchema.extend({ available: z.number().int(), inStock: z.boolean() })),
  adjustments: z.array(z.object({ code: z.string(), label: z.string(), amount: pence })),
  totals: totalsSchema,
  problems: z.array(
    z.object({
      code: z
        .string()
        .describe('unavailable_sku, insufficient_stock, country_not_shipped, unknown_discount_code, or a pricing step’s own (discount_expired, …)'),
      field: z.string(),
      message: z.string(),
      sku: z.string().optional(),
      requested: z.number().int().optional(),
      available: z.number().int().optional(),
    }),
  ),
})

export const checkoutResponseSchema = z.object({
  order: z.object({ id, orderNumber: z.string(), status, totals: totalsSchema, lines: z.array(lineSchema), discountCode: z.string().nullable().optional() }),
  lookupToken: z.string().describe('With the order number, lets a guest look the order up (GET /api/orders/lookup)'),
})

export const transitionResponseSchema = z.object({
  orderId: id,
  orderNumber: z.string(),
  from: status,
  to: status,
  stock: z.enum(['release', 'restock', 'sale']).nullable(),
  order: z
    .looseObject({ id, orderNumber: z.string(), status, totals: totalsSchema, lines: z.array(z.looseObject({ sku: z.string() })) })
    .describe('The order after the move, without its email and addresses'),
})

export const rotateApiKeyResponseSchema = z.object({
  id,
  name: z.string(),
  apiKey: z.string().describe('Shown once: send it as `Authorization: integrations API-Key <key>`'),
  header: z.string(),
})

export const customerExportSchema = z.looseObject({
  format: z.string(),
  exportedAt: z.string(),
  account: z.looseObject({}),
  orders: z.array(z.looseObject({})),
  reviews: z.array(z.looseObject({})),
  backInStockAlerts: z.array(z.looseObject({})),
})

export const customerErasedSchema = z.object({ erased: z.literal(true), id, ordersKept: z.number().int() })

export const twoFactorCodeBodySchema = z.object({
  code: z.string().trim().min(6).max(20).describe('The six digits from the authenticator app, or a recovery code'),
})
export const twoFactorSetupResponseSchema = z.object({
  secret: z.string().describe('Base32 secret, for typing into the app'),
  otpauthUrl: z.string(),
  qrSvg: z.string().describe('The otpauth URL as a QR code, SVG markup'),
})
export const twoFactorEnableResponseSchema = z.object({
  enabled: z.literal(true),
  recoveryCodes: z.array(z.string()).describe('Ten one-time codes, shown once'),
})
export const twoFactorVerifyResponseSchema = z.object({ ok: z.literal(true), method: z.enum(['totp', 'recovery_code']), recoveryCodesLeft: z.number().int() })
export const twoFactorDisableResponseSchema = z.object({ enabled: z.literal(false) })

export const redeliverResponseSchema = z.object({ id, status: z.string(), redeliveryOf: id })

export const adjustStockResponseSchema = z.object({ sku: z.string(), available: z.number().int(), change: z.number().int() })

const nullableText = z.string().nullable().optional()
export const lookupResponseSchema = z.object({
  order: z.object({
    orderNumber: z.string(),
    status,
    email: z.string(),
    createdAt: z.string(),
    lines: z.array(z.looseObject({ sku: z.string(), title: z.string(), unitPrice: pence, quantity: z.number().int(), lineTotal: pence })),
    totals: z.looseObject({ subtotal: pence, discount: pence.nullable().optional(), shipping: pence, vat: pence, total: pence }),
    shippingAddress: z.looseObject({ name: z.string(), line1: z.string(), line2: nullableText, city: z.string(), postcode: z.string(), country: z.string() }),
    statusHistory: z.array(z.object({ to: status, at: z.string() })),
    payment: z.object({ method: nullableText, state: nullableText }),
    fulfilment: z.looseObject({}).nullable().optional(),
    paymentInstructions: z.looseObject({}).nullable(),
    discountCode: nullableText,
    trackingUrl: nullableText,
  }),
})

export const searchResponseSchema = z.looseObject({
  q: z.string(),
  docs: z.array(z.looseObject({ id, title: z.string(), slug: z.string().nullable().optional() })),
  totalDocs: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  totalPages: z.number().int(),
  hasNextPage: z.boolean(),
  hasPrevPage: z.boolean(),
  facets: z.looseObject({}),
  interpretation: z.looseObject({}),
})

export const importPreviewResponseSchema = z.looseObject({ id, status: z.string() })
export const importApplyResponseSchema = z.object({ id, status: z.string() })
export const importProgressResponseSchema = z.looseObject({ id, status: z.string() })

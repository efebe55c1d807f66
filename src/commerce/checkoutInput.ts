import { z } from 'zod'
import { addressSchema, countrySchema, requiredText } from './address'
import { MAX_LINE_QUANTITY } from './stock'
import { parseOrThrow } from './zodProblems'

export const MAX_CART_LINES = 100
export const PAYMENT_METHODS = ['manual', 'test-card'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

const quantitySchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a number') })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be at least 1' })
  .max(MAX_LINE_QUANTITY, { error: `must be at most ${MAX_LINE_QUANTITY}` })

export const cartItemSchema = z.strictObject({
  sku: requiredText(64),
  quantity: quantitySchema,
})

const itemsSchema = z
  .array(cartItemSchema, {
    error: (iss) => (iss.input === undefined ? 'is required' : 'must be a list'),
  })
  .min(1, { error: 'must contain at least one item' })
  .max(MAX_CART_LINES, { error: `must contain at most ${MAX_CART_LINES} lines` })

const discountCodeSchema = requiredText(64)

export const quoteBodySchema = z.strictObject(
  {
    items: itemsSchema,
    discountCode: discountCodeSchema.optional(),
    shippingCountry: countrySchema.optional(),
  },
  { error: 'must be a JSON object' },
)

const cardSchema = z.strictObject(
  {
    number: z
      .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
      .regex(/^[0-9 ]{12,25}$/, { error: 'must be a card number (digits and spaces)' }),
  },
  { error: 'must be an object with a number' },
)

export const checkoutBodySchema = z
  .strictObject(
    {
      items: itemsSchema,
      email: z
        .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
        .trim()
        .toLowerCase()
        .pipe(z.email({ error: 'must be an email address' })),
      shippingAddress: addressSchema,
      billingAddress: addressSchema.optional(),
      discountCode: discountCodeSchema.optional(),
      paymentMethod: z.enum(PAYMENT_METHODS, {
        error: (iss) => (iss.input === undefined ? 'is required' : 'must be "manual" or "test-card"'),
      }),
      card: cardSchema.optional(),
      // The total (pence) the shopper was shown; a different total now is refused with 409 price_changed.
      expectedTotal: z
        .number({ error: 'must be a number of pence' })
        .int({ error: 'must be a whole number of pence' })
        .min(0, { error: 'must not be negative' })
        .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
        .optional(),
    },
    { error: 'must be a JSON object' },
  )
  .superRefine((body, ctx) => {
    if (body.paymentMethod === 'test-card' && body.card === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['card'],
        message: 'is required when paymentMethod is test-card',
      })
    }
    if (body.paymentMethod !== 'test-card' && body.card !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['card'],
        message: `is not accepted with paymentMethod ${body.paymentMethod}`,
      })
    }
  })

export type CartItem = z.output<typeof cartItemSchema>
export type QuoteInput = z.output<typeof quoteBodySchema>
export type CheckoutInput = z.output<typeof checkoutBodySchema>

/** Throws CommerceError(400, 'invalid_body') naming each bad field. */
export function parseQuoteBody(body: unknown): QuoteInput {
  return parseOrThrow(quoteBodySchema, body)
}

export function parseCheckoutBody(body: unknown): CheckoutInput {
  return parseOrThrow(checkoutBodySchema, body)
}

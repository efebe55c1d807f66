import { z } from 'zod'
import { requiredText } from './address'
import { ORDER_STATUSES } from './orderStates'
import { parseOrThrow } from './zodProblems'

const optionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .optional()

/** Body of POST /api/orders/:id/transition. */
export const transitionBodySchema = z.strictObject(
  {
    to: z.enum(ORDER_STATUSES, {
      error: (iss) => (iss.input === undefined ? 'is required' : `must be one of ${ORDER_STATUSES.join(', ')}`),
    }),
    note: optionalText(1000),
    restock: z.boolean({ error: 'must be true or false' }).optional(),
    carrier: optionalText(100),
    trackingNumber: optionalText(100),
  },
  { error: 'must be a JSON object' },
)

const wholeNumber = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' })

/** Body of POST /api/inventory/adjust: exactly one of delta / setTo, and a reason saying why. */
export const adjustStockBodySchema = z
  .strictObject(
    {
      sku: requiredText(64),
      delta: wholeNumber.optional(),
      setTo: wholeNumber.min(0, { error: 'must be 0 or more' }).optional(),
      reason: requiredText(1000),
    },
    { error: 'must be a JSON object' },
  )
  .superRefine((body, ctx) => {
    if ((body.delta === undefined) === (body.setTo === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['delta'],
        message: 'give exactly one of delta or setTo',
      })
    }
    if (body.delta === 0) ctx.addIssue({ code: 'custom', path: ['delta'], message: 'must not be 0' })
  })

export type TransitionInput = z.output<typeof transitionBodySchema>
export type AdjustStockInput = z.output<typeof adjustStockBodySchema>

export function parseTransitionBody(body: unknown): TransitionInput {
  return parseOrThrow(transitionBodySchema, body)
}

export function parseAdjustStockBody(body: unknown): AdjustStockInput {
  return parseOrThrow(adjustStockBodySchema, body)
}

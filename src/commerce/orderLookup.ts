import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

import { parseOrderNumber } from './orderNumber'
import { parseOrThrow } from './zodProblems'

// A guest finds their order by its number and the email it was placed with (as on a shop's "track your order" page).

export const orderLookupBodySchema = z
  .object({
    number: z
      .string({ error: 'is required' })
      .trim()
      .max(40, { error: 'is too long' })
      .refine((v) => parseOrderNumber(v) !== null, { error: 'must be an order number such as IR-000123' })
      .transform((v) => v.toUpperCase()),
    email: z
      .string({ error: 'is required' })
      .trim()
      .max(254, { error: 'is too long' })
      .pipe(z.email({ error: 'must be an email address' })),
  })
  .strict()

export type OrderLookupInput = z.output<typeof orderLookupBodySchema>

/** `{ number, email }` or a 400 naming each field that is missing or malformed. */
export function parseOrderLookup(body: unknown): OrderLookupInput {
  return parseOrThrow(orderLookupBodySchema, body, 'invalid_body')
}

const digest = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest()

/** Whether the email given is the order's, ignoring case and surrounding spaces, in time that does not depend on where they differ. */
export function sameEmail(given: string, onOrder: string | null | undefined): boolean {
  if (!onOrder) return false
  return timingSafeEqual(digest(given), digest(onOrder))
}

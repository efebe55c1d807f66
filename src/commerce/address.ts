import { z } from 'zod'
import { isCountryCode } from './countries'
import { normaliseUkPostcode } from './postcode'

/** A required, trimmed, non-empty string with messages that need no field name (the path gives it). */
export function requiredText(max: number) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
}

export const countrySchema = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: 'must be an ISO 3166 alpha-2 country code, such as GB' })

export const addressSchema = z
  .strictObject({
    name: requiredText(100),
    line1: requiredText(200),
    line2: z.string({ error: 'must be text' }).trim().max(200, { error: 'must be at most 200 characters' }).optional(),
    city: requiredText(100),
    postcode: requiredText(16),
    country: countrySchema,
  })
  .transform((address, ctx) => {
    if (address.country !== 'GB') return address
    const postcode = normaliseUkPostcode(address.postcode)
    if (postcode === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['postcode'],
        message: 'must be a valid UK postcode, such as SW1A 1AA',
      })
      return z.NEVER
    }
    return { ...address, postcode }
  })

export type Address = z.output<typeof addressSchema>

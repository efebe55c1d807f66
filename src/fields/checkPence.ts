import { POUNDS_EXAMPLE, parsePounds } from '../commerce/money'

// Shared by the admin's money field (in the browser) and the field's server-side validate: no Payload import here.

/**
 * The form value of a money field whose text is not an amount: what was typed, after a "£". Payload reads a number
 * field's string with parseFloat, so "12,50" would be saved as 12 pence; "£12,50" reads as NaN, which the field's
 * hook refuses (the admin saves without checking fields in the browser; the server answers).
 */
export const typedPounds = (text: string): string => `£${text.trim().replace(/^£\s*/, '')}`

/** True, or why `value` (pence, empty, or typedPounds text) is not an amount for a field called `name`. */
export function checkPence(value: unknown, { name, required = false }: { name: string; required?: boolean }): string | true {
  if (value === null || value === undefined || value === '') return required ? `${name} is required` : true
  if (typeof value === 'string') {
    const reading = parsePounds(value)
    if (!reading.ok) return reading.message
    return reading.pence === null && required ? `${name} is required` : true
  }
  if (typeof value !== 'number' || Number.isNaN(value)) return POUNDS_EXAMPLE
  if (!Number.isSafeInteger(value)) return `${name} must be a whole number of pence`
  if (value < 0) return `${name} must not be negative`
  return true
}

// GB (or XI for Northern Ireland) and 9 digits, 12 for a branch, or GD/HA and 3 digits for government and health bodies.
const UK_VAT_NUMBER = /^(GB|XI)(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/

/** A UK VAT registration number as HMRC writes it, spaces removed and upper-cased: "GB 123 4567 89" → "GB123456789". */
export function normaliseVatNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

/** Null when `value` is a well-formed UK VAT number (or empty: not registered yet), else what is wrong with it. */
export function vatNumberProblem(value: string | null | undefined): string | null {
  if (!value || value.trim() === '') return null
  if (UK_VAT_NUMBER.test(normaliseVatNumber(value))) return null
  return 'must be a UK VAT number: GB (or XI) and 9 digits, e.g. GB123456789'
}

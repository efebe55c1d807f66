// The UK's standard postcode shape (including GIR 0AA), on an upper-cased value with one space.
const UK_POSTCODE = /^(GIR 0AA|([A-Z][0-9]{1,2}|[A-Z][A-HJ-Y][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z][A-HJ-Y][0-9][A-Z]?) [0-9][A-Z]{2})$/

/** "sw1a1aa" → "SW1A 1AA"; null when it is not a UK postcode. */
export function normaliseUkPostcode(value: string): string | null {
  const compact = value.replace(/\s+/g, '').toUpperCase()
  if (compact.length < 5) return null
  const spaced = `${compact.slice(0, -3)} ${compact.slice(-3)}`
  return UK_POSTCODE.test(spaced) ? spaced : null
}

import type { FieldErrors } from '../cms/apiErrors'
import type { Address } from '../cms/types'
// The rule the CMS checks at checkout, so a saved address is one it accepts.
import { normaliseUkPostcode } from '../../../src/commerce/postcode'

const REQUIRED = ['name', 'line1', 'city', 'postcode', 'country'] as const
const LIMITS: { [field: string]: number } = { label: 60, name: 100, line1: 200, line2: 200, city: 100, postcode: 16, country: 2 }

export function validateAddress(get: (field: string) => unknown): { address: Address; errors: FieldErrors } {
  const text = (field: string) => {
    const value = get(field)
    return typeof value === 'string' ? value.trim() : ''
  }
  const address: Address = {
    label: text('label') || null,
    name: text('name'),
    line1: text('line1'),
    line2: text('line2') || null,
    city: text('city'),
    postcode: text('postcode'),
    country: text('country').toUpperCase(),
    isDefaultShipping: Boolean(get('isDefaultShipping')),
    isDefaultBilling: Boolean(get('isDefaultBilling')),
  }
  const errors: FieldErrors = {}
  for (const field of REQUIRED) if (!address[field]) errors[field] = 'is required'
  for (const [field, max] of Object.entries(LIMITS)) {
    const value = address[field as keyof Address]
    if (typeof value === 'string' && value.length > max) errors[field] = `must be at most ${max} characters`
  }
  if (address.country && !/^[A-Z]{2}$/.test(address.country)) errors.country = 'must be a two-letter country code, such as GB'
  if (address.country === 'GB' && address.postcode && !errors.postcode) {
    const postcode = normaliseUkPostcode(address.postcode)
    if (postcode) address.postcode = postcode
    else errors.postcode = 'must be a valid UK postcode, such as SW1A 1AA'
  }
  return { address, errors }
}

/** The address list after saving one (index null appends); one default of each kind at most. */
export function withAddress(list: readonly Address[], index: number | null, address: Address): Address[] {
  const next = index === null || index >= list.length ? [...list, address] : list.map((a, i) => (i === index ? { ...address, id: a.id } : a))
  const saved = index === null || index >= list.length ? next.length - 1 : index
  return next.map((a, i) => ({
    ...a,
    isDefaultShipping: address.isDefaultShipping ? i === saved : i === saved ? false : Boolean(a.isDefaultShipping),
    isDefaultBilling: address.isDefaultBilling ? i === saved : i === saved ? false : Boolean(a.isDefaultBilling),
  }))
}

import type { CollectionBeforeChangeHook } from 'payload'

type Address = { isDefaultShipping?: boolean | null; isDefaultBilling?: boolean | null }

// Only the last address marked default (shipping or billing) keeps the flag.
export const keepOneDefaultAddress: CollectionBeforeChangeHook = ({ data }) => {
  const addresses = data.addresses as Address[] | undefined
  if (!Array.isArray(addresses)) return data
  for (const flag of ['isDefaultShipping', 'isDefaultBilling'] as const) {
    const last = addresses.map((a) => !!a[flag]).lastIndexOf(true)
    addresses.forEach((a, i) => (a[flag] = i === last))
  }
  return data
}

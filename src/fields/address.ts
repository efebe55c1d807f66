import type { Field } from 'payload'

export function addressFields(): Field[] {
  return [
    { name: 'name', type: 'text' },
    { name: 'line1', type: 'text' },
    { name: 'line2', type: 'text' },
    { name: 'city', type: 'text' },
    { name: 'postcode', type: 'text' },
    { name: 'country', type: 'text', admin: { description: 'ISO 3166 alpha-2, e.g. GB' } },
  ]
}

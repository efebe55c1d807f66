import { ValidationError, type NumberField } from 'payload'

import { POUNDS_EXAMPLE } from '../commerce/money'
import { checkPence } from './checkPence'

/** The admin's one money input and list cell: pounds with a "£" on screen, whole pence in the data. */
export const MONEY_COMPONENTS = {
  Field: '/src/fields/ui/MoneyField#MoneyField',
  Cell: '/src/fields/ui/MoneyCell#MoneyCell',
} as const

/** A checkbox's list cell: "Yes"/"No" rather than true/false. */
export const BOOLEAN_CELL = '/src/fields/ui/BooleanCell#BooleanCell'

// Money is stored as whole pence (the API takes and gives pence); the admin shows and takes pounds.
export function penceField(name: string, options: { label?: string; required?: boolean; description?: string; defaultValue?: number } = {}): NumberField {
  return {
    name,
    type: 'number',
    label: options.label,
    required: options.required ?? false,
    defaultValue: options.defaultValue,
    min: 0,
    admin: { description: options.description ?? 'In pounds, VAT included (e.g. 12.99).', step: 1, components: MONEY_COMPONENTS },
    hooks: { beforeValidate: [refuseNotANumber] },
    validate: (value: number | null | undefined) => checkPence(value, { name, required: options.required }),
  }
}

// Payload reads text sent for a number with parseFloat before any validate runs (a draft skips validate, and the admin
// checks nothing before saving): text that is no number (the money field sends "£12,50" for a typing mistake) arrives
// here as NaN, and is refused for drafts and publishing alike.
const refuseNotANumber: NonNullable<NonNullable<NumberField['hooks']>['beforeValidate']>[number] = ({ value, path, collection, global, req }) => {
  if (typeof value === 'number' && Number.isNaN(value)) {
    // The request still holds what was typed, which says more than NaN does.
    const sent: unknown = path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), req.data)
    const checked = typeof sent === 'string' ? checkPence(sent, { name: String(path.at(-1)) }) : true
    const message = checked === true ? POUNDS_EXAMPLE : checked
    throw new ValidationError({ collection: collection?.slug, global: global?.slug, errors: [{ path: path.join('.'), message }], req })
  }
  return value
}

import type { NumberField } from 'payload'

// Money is stored as whole pence; fractional or negative values are refused by name.
export function penceField(name: string, options: { label?: string; required?: boolean; description?: string; defaultValue?: number } = {}): NumberField {
  return {
    name,
    type: 'number',
    label: options.label,
    required: options.required ?? false,
    defaultValue: options.defaultValue,
    min: 0,
    admin: { description: options.description ?? 'In pence, VAT included (e.g. 1299 = £12.99).', step: 1 },
    validate: (value: number | null | undefined) => {
      if (value === null || value === undefined) return options.required ? `${name} is required` : true
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${name} must be a whole number of pence`
      if (value < 0) return `${name} must not be negative`
      return true
    },
  }
}

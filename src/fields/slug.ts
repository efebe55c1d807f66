import type { Field, FieldHook } from 'payload'

export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
}

// Generated from the source field when empty; an editor may type their own.
const formatSlug =
  (sourceField: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    return typeof source === 'string' ? slugify(source) : value
  }

export function slugField(sourceField = 'title'): Field {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    // Required in effect (validate), but optional in the generated types: the hook fills it from the title.
    admin: { position: 'sidebar', description: `Generated from the ${sourceField} when left empty.` },
    hooks: { beforeValidate: [formatSlug(sourceField)] },
    validate: (value: unknown) =>
      // eslint-disable-next-line security/detect-unsafe-regex -- each repetition starts with '-', so one way to match: linear
      typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? true : 'Slug must be lower-case letters, digits and single hyphens',
  }
}

import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isStaff } from '../../src/access/isStaff'
import { slugField } from '../../src/fields/slug'

// `parent` and `breadcrumbs` are added by the nested-docs plugin (plugins/index.ts).
export const Categories: CollectionConfig = {
  slug: 'categories',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'parent'], group: 'Catalogue' },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isStaff },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 120 },
    slugField('title'),
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'image', type: 'upload', relationTo: 'media' },
  ],
}

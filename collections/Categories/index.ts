import type { CollectionConfig } from 'payload'

import { catalogueAccess } from '../../src/access/policies'
import { slugField } from '../../src/fields/slug'

// `parent` and `breadcrumbs` are added by the nested-docs plugin (plugins/index.ts).
export const Categories: CollectionConfig = {
  slug: 'categories',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'slug', 'parent'], group: 'Catalogue' },
  access: catalogueAccess,
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 120 },
    slugField('title'),
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'image', type: 'upload', relationTo: 'media' },
  ],
}

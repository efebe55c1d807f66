import type { CollectionConfig } from 'payload'
import path from 'node:path'

import { catalogueAccess } from '../../src/access/policies'
import { env } from '../../src/infra/env'

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'alt', group: 'Catalogue' },
  access: catalogueAccess,
  upload: {
    staticDir: path.resolve(env().MEDIA_DIR),
    mimeTypes: IMAGE_MIME_TYPES,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 600, height: 600, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'large', width: 1600, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
  },
  fields: [{ name: 'alt', type: 'text', required: true, maxLength: 300 }],
}

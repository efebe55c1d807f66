import type { CollectionConfig } from 'payload'
import path from 'node:path'

import { catalogueAccess } from '../../src/access/policies'
import { env } from '../../src/infra/env'
import { isSafeInline, UPLOAD_CONTENT_SECURITY_POLICY } from './fileTypes'
import { nameUploadByType } from './hooks/nameUploadByType'

export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'alt', group: 'Catalogue' },
  access: catalogueAccess,
  hooks: { beforeOperation: [nameUploadByType] },
  upload: {
    staticDir: path.resolve(env().MEDIA_DIR),
    mimeTypes: IMAGE_MIME_TYPES,
    adminThumbnail: 'thumbnail',
    focalPoint: true,
    // Never sniffed, never able to run script; anything but a raster image is a download, not a page of our origin.
    modifyResponseHeaders: ({ headers }) => {
      headers.set('X-Content-Type-Options', 'nosniff')
      headers.set('Content-Security-Policy', UPLOAD_CONTENT_SECURITY_POLICY)
      if (!isSafeInline(headers.get('Content-Type'))) headers.set('Content-Disposition', 'attachment')
      return headers
    },
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 600, height: 600, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'large', width: 1600, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 82 } } },
    ],
  },
  fields: [{ name: 'alt', type: 'text', required: true, maxLength: 300 }],
}

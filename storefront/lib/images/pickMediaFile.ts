import type { Media, MediaFile } from '../cms/types'

export const IMAGE_VARIANTS = ['thumb', 'card', 'large'] as const
export type ImageVariant = (typeof IMAGE_VARIANTS)[number]

export function isImageVariant(value: string): value is ImageVariant {
  return (IMAGE_VARIANTS as readonly string[]).includes(value)
}

type SizeName = 'thumbnail' | 'card' | 'large'

// Square crops (thumbnail 300, card 600) for tiles; the uncropped 1600-wide `large` for galleries.
function preferredSizes(variant: ImageVariant, width: number): SizeName[] {
  if (variant === 'thumb') return ['thumbnail', 'card']
  if (variant === 'card') return width <= 300 ? ['thumbnail', 'card'] : ['card', 'large']
  return ['large']
}

/** The file of `media` to send for a variant at a requested width; the original as a last resort. */
export function pickMediaFile(media: Pick<Media, 'filename' | 'mimeType' | 'sizes'>, variant: ImageVariant, width: number): MediaFile | null {
  for (const size of preferredSizes(variant, width)) {
    const file = media.sizes?.[size]
    if (file?.filename) return file
  }
  return media.filename ? { filename: media.filename, mimeType: media.mimeType } : null
}

/** Width and height to reserve for a variant, so the page does not jump as images load. */
export function variantDimensions(media: Pick<Media, 'width' | 'height' | 'sizes'>, variant: ImageVariant): { width: number; height: number } {
  if (variant !== 'large') return variant === 'thumb' ? { width: 300, height: 300 } : { width: 600, height: 600 }
  const file = media.sizes?.large?.width ? media.sizes.large : media
  return { width: file.width || 1600, height: file.height || 1600 }
}

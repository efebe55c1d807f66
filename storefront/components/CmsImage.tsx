import Image from 'next/image'
import type { Media } from '@/lib/cms/types'
import type { ImageVariant } from '@/lib/images/pickMediaFile'
import { variantDimensions } from '@/lib/images/pickMediaFile'

interface Props {
  media: Media | null | undefined
  variant: ImageVariant
  /** The CSS width the image takes, for the browser's choice from the srcset. */
  sizes: string
  /** Used when the media has no alt text (it is required in the CMS, so rarely). */
  fallbackAlt: string
  priority?: boolean
  /** For a picture beside text that already names it (category tiles): alt="" so it is not read twice. */
  decorative?: boolean
}

export function CmsImage({ media, variant, sizes, fallbackAlt, priority, decorative }: Props) {
  if (!media) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src="/placeholder.svg" alt={`${fallbackAlt} (no picture yet)`} width={600} height={600} />
  }
  const { width, height } = variantDimensions(media, variant)
  return (
    <Image
      src={`/media/${media.id}/${variant}`}
      alt={decorative ? '' : media.alt || fallbackAlt}
      width={width}
      height={height}
      sizes={sizes}
      priority={priority}
    />
  )
}

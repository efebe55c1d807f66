import type { Media } from '@/lib/cms/types'
import { CmsImage } from './CmsImage'

// A scroll-snap strip with thumbnail links to each picture: works without JavaScript.
export function Gallery({ images, title }: { images: Media[]; title: string }) {
  if (images.length === 0) return <CmsImage media={null} variant="large" sizes="(max-width: 860px) 100vw, 600px" fallbackAlt={title} />
  return (
    <div className="gallery" data-testid="gallery">
      <div className="gallery-main" tabIndex={0} aria-label={`Pictures of ${title}`} role="region">
        {images.map((image, i) => (
          <figure key={image.id} id={`image-${i + 1}`}>
            <CmsImage media={image} variant="large" sizes="(max-width: 860px) 100vw, 620px" fallbackAlt={title} priority={i === 0} />
          </figure>
        ))}
      </div>
      {images.length > 1 ? (
        <ul className="gallery-thumbs" aria-label="Choose a picture">
          {images.map((image, i) => (
            <li key={image.id}>
              <a href={`#image-${i + 1}`} aria-label={`Picture ${i + 1}: ${image.alt || title}`}>
                <CmsImage media={image} variant="thumb" sizes="72px" fallbackAlt={title} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

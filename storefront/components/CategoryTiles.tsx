import Link from 'next/link'
import type { Category } from '@/lib/cms/types'
import { isMedia } from '@/lib/cms/types'
import { categoryHref } from '@/lib/catalogue/categories'
import { CmsImage } from './CmsImage'

export function CategoryTiles({ categories }: { categories: Category[] }) {
  return (
    <ul className="tiles">
      {categories.map((category) => {
        const image = isMedia(category.image) ? category.image : null
        return (
          <li key={category.id}>
            <Link href={categoryHref(category)} className={image ? 'tile' : 'tile plain'} data-testid="category-link">
              {image ? <CmsImage media={image} variant="card" sizes="(max-width: 860px) 50vw, 240px" fallbackAlt={category.title} decorative /> : null}
              <span>{category.title}</span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}

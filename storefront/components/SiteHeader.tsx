import Link from 'next/link'
import { Suspense } from 'react'
import { categoryHref, getHeaderCategories, splitForHeader } from '@/lib/catalogue/categories'
import { isBuildPhase } from '@/lib/env'
import { HeaderSearch, SearchBox } from './HeaderSearch'
import { HeaderSession } from './HeaderSession'

export async function SiteHeader() {
  // The header must render even when the CMS is down (error pages), and the build never asks the CMS.
  const categories = isBuildPhase() ? [] : await getHeaderCategories().catch(() => [])
  const { inline, more } = splitForHeader(categories)
  return (
    <header className="site-header">
      <div className="bar wrap">
        <Link href="/" className="logo">
          Ipswich <span>Retail</span>
        </Link>
        {/* useSearchParams needs a Suspense boundary; a statically rendered page shows the empty box until hydration. */}
        <Suspense fallback={<SearchBox />}>
          <HeaderSearch />
        </Suspense>
        <HeaderSession />
      </div>
      {categories.length > 0 ? (
        <nav aria-label="Categories" className="category-nav">
          <div className="wrap category-bar">
            <ul className="category-inline">
              {inline.map((category) => (
                <li key={category.id}>
                  <Link href={categoryHref(category)} data-testid="category-link">
                    {category.title}
                  </Link>
                </li>
              ))}
            </ul>
            {/* Every top-level category, however many: the rest behind "More" on wide screens, all of them on phones. */}
            <details className={more.length > 0 ? 'category-menu has-more' : 'category-menu'} data-testid="category-menu">
              <summary>
                <span className="on-wide">More</span>
                <span className="on-narrow">Shop by category</span>
              </summary>
              <ul>
                {categories.map((category) => (
                  <li key={category.id} className={more.includes(category) ? 'more' : 'inline'}>
                    <Link href={categoryHref(category)} data-testid="category-menu-link">
                      {category.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        </nav>
      ) : null}
    </header>
  )
}

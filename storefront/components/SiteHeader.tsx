import Link from 'next/link'
import { Suspense } from 'react'
import { getTopCategories } from '@/lib/catalogue/categories'
import { categoryHref } from '@/lib/catalogue/categories'
import { isBuildPhase } from '@/lib/env'
import { HeaderSearch, SearchBox } from './HeaderSearch'
import { HeaderSession } from './HeaderSession'

export async function SiteHeader() {
  // The header must render even when the CMS is down (error pages), and the build never asks the CMS.
  const categories = isBuildPhase() ? [] : await getTopCategories(8).catch(() => [])
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
          <ul>
            {categories.map((category) => (
              <li key={category.id}>
                <Link href={categoryHref(category)} data-testid="category-link">
                  {category.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  )
}

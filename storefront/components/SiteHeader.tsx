import Link from 'next/link'
import { getTopCategories } from '@/lib/catalogue/categories'
import { categoryHref } from '@/lib/catalogue/categories'
import { isBuildPhase } from '@/lib/env'
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
        <form role="search" action="/search" method="get" className="search">
          <label htmlFor="site-search" className="visually-hidden">
            Search products
          </label>
          <input id="site-search" type="search" name="q" placeholder="Search products" />
          <button type="submit">Search</button>
        </form>
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

import Link from 'next/link'
import { getTopCategories } from '@/lib/catalogue/categories'
import { categoryHref } from '@/lib/catalogue/categories'
import { countItems } from '@/lib/cart/cartItems'
import { readCart } from '@/lib/cart/cartStore'
import { sessionToken } from '@/lib/session/session'

export async function SiteHeader() {
  // The header must render even when the CMS is down, so the error page has navigation.
  const [categories, cart, token] = await Promise.all([getTopCategories(8).catch(() => []), readCart(), sessionToken()])
  const count = countItems(cart)
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
        <nav aria-label="Your shop" className="header-links">
          <Link href={token ? '/account' : '/account/login'}>{token ? 'Account' : 'Log in'}</Link>
          <Link href="/cart" data-testid="cart-link">
            Cart
            <span className="cart-count" data-testid="cart-count">
              <span className="visually-hidden">, items: </span>
              {count}
            </span>
          </Link>
        </nav>
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

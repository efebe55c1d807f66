'use client'

import { usePathname, useSearchParams } from 'next/navigation'

// The header's search box shows the query being looked at on the search page, so it can be refined in place.
export function HeaderSearch() {
  const params = useSearchParams()
  const query = usePathname() === '/search' ? (params.get('q') ?? '') : ''
  return <SearchBox key={query} query={query} />
}

export function SearchBox({ query = '' }: { query?: string }) {
  return (
    <form role="search" action="/search" method="get" className="search">
      <label htmlFor="site-search" className="visually-hidden">
        Search products
      </label>
      <input id="site-search" type="search" name="q" placeholder="Search products" defaultValue={query} maxLength={200} />
      <button type="submit">Search</button>
    </form>
  )
}

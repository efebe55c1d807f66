import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="wrap page narrow stack">
      <h1>Page not found</h1>
      <p>We couldn’t find that page. It may have moved, or the product may no longer be on sale.</p>
      <form role="search" action="/search" method="get" className="search">
        <label htmlFor="nf-search" className="visually-hidden">
          Search products
        </label>
        <input id="nf-search" type="search" name="q" placeholder="Search products" />
        <button type="submit">Search</button>
      </form>
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </div>
  )
}

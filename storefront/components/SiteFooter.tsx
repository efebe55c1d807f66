import Link from 'next/link'

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>© Ipswich Retail · Prices in pounds sterling, VAT included.</p>
        <p>
          <Link href="/search" prefetch={false}>
            All products
          </Link>{' '}
          ·{' '}
          <Link href="/account" prefetch={false}>
            Your account
          </Link>{' '}
          ·{' '}
          <Link href="/cart" prefetch={false}>
            Cart
          </Link>{' '}
          ·{' '}
          <Link href="/orders/lookup" prefetch={false} data-testid="order-lookup-link">
            Find your order
          </Link>
        </p>
      </div>
    </footer>
  )
}

import type { Metadata } from 'next'
import Link from 'next/link'
import { CartLines } from '@/components/CartLines'
import { DiscountCodeForm } from '@/components/DiscountCodeForm'
import { OrderTotals } from '@/components/OrderTotals'
import { readCart } from '@/lib/cart/cartStore'
import { readDiscountCode } from '@/lib/cart/discountStore'
import { fetchQuote } from '@/lib/cart/fetchQuote'
import { freeShippingProgress } from '@/lib/cart/freeShipping'
import { linePictures } from '@/lib/cart/pictures'
import { getStoreSettings } from '@/lib/catalogue/settings'
import { formatPrice } from '@/lib/money'
import { hasPriceChanges, hasProblems, normaliseQuote } from '@/lib/cart/quote'

export const metadata: Metadata = { title: 'Your cart', robots: { index: false } }

export default async function CartPage() {
  const items = await readCart()
  if (items.length === 0) {
    return (
      <div className="wrap page narrow stack">
        <h1>Your cart</h1>
        <p data-testid="cart-empty">Your cart is empty.</p>
        <Link href="/" className="button">
          Start shopping
        </Link>
      </div>
    )
  }
  const code = await readDiscountCode()
  // Pictures and the free-shipping threshold are extras: the cart still works when they cannot be read.
  const [{ quote, error }, pictures, settings] = await Promise.all([
    fetchQuote(items, { discountCode: code ?? undefined }),
    linePictures(items.map((i) => i.sku)).catch(() => new Map()),
    getStoreSettings().catch(() => null),
  ])
  const shown = quote ?? normaliseQuote(null, items)
  const progress = shown.totals ? freeShippingProgress(shown.totals.subtotal - shown.totals.discount, settings?.shipping?.freeOver) : null
  return (
    <div className="wrap page">
      <h1>Your cart</h1>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="cart-layout">
        <CartLines lines={shown.lines} pictures={pictures} />
        <aside className="summary" aria-label="Order summary">
          <h2>Summary</h2>
          {shown.problems.map((p) => (
            <p key={p} className="notice error">
              {p}
            </p>
          ))}
          {hasPriceChanges(shown) ? (
            <p className="notice" data-testid="cart-prices-changed">
              Some prices have changed since you added them; these totals use today’s prices.
            </p>
          ) : null}
          <DiscountCodeForm code={code} quote={shown} />
          {progress ? (
            <div className="free-shipping" data-testid="free-shipping">
              <p>{progress.reached ? 'Your order ships free in the UK.' : `Spend ${formatPrice(progress.remaining)} more for free UK delivery.`}</p>
              <progress max={100} value={progress.percent} aria-label="Progress towards free delivery" />
            </div>
          ) : null}
          {shown.totals ? <OrderTotals totals={shown.totals} /> : <p className="muted">Totals appear once your cart is priced.</p>}
          {hasProblems(shown) ? <p className="field-error">Please fix the problems above before checking out.</p> : null}
          <Link href="/checkout" prefetch={false} className="button wide" data-testid="go-to-checkout">
            Check out
          </Link>
          <p className="vat-note">Shipping is worked out for the UK; it is confirmed at checkout.</p>
        </aside>
      </div>
    </div>
  )
}

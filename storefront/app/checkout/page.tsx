import type { Metadata } from 'next'
import Link from 'next/link'
import { CheckoutForm } from '@/components/CheckoutForm'
import { OrderTotals } from '@/components/OrderTotals'
import { readCart } from '@/lib/cart/cartStore'
import { readDiscountCode } from '@/lib/cart/discountStore'
import { fetchQuote } from '@/lib/cart/fetchQuote'
import { priceChangeMessage } from '@/lib/cart/quote'
import { countryName, shippingCountries } from '@/lib/catalogue/settings'
import { initialCheckoutState } from '@/lib/checkout/initialCheckout'
import { offeredPaymentMethods } from '@/lib/env'
import { formatPrice } from '@/lib/money'
import { currentCustomer } from '@/lib/session/session'

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } }

export default async function CheckoutPage() {
  const items = await readCart()
  if (items.length === 0) {
    return (
      <div className="wrap page narrow stack">
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link href="/">Continue shopping</Link>
      </div>
    )
  }
  const [session, codes] = await Promise.all([currentCustomer(), shippingCountries()])
  const countries = codes.map((code) => ({ code, name: countryName(code) }))
  const methods = offeredPaymentMethods()
  const blank = initialCheckoutState(session?.customer ?? null, codes[0], methods[0])
  const kept = await readDiscountCode()
  const { quote, error } = await fetchQuote(items, { shippingCountry: blank.values['shippingAddress.country'], discountCode: kept ?? undefined })
  // A code accepted in the cart is priced into the summary and sent with the order, so the shopper pays what they saw.
  const code = kept && quote?.discount && !quote.codeProblem ? kept : ''
  const initial = { ...blank, values: { ...blank.values, discountCode: code } }
  return (
    <div className="wrap page">
      <h1>Checkout</h1>
      {!session ? (
        <p className="muted">
          Checking out as a guest. <Link href="/account/login?next=/checkout">Log in</Link> to use your saved addresses.
        </p>
      ) : null}
      <div className="checkout-layout">
        <CheckoutForm initial={initial} countries={countries} paymentMethods={methods} shownTotal={quote?.totals?.total ?? null} />
        <aside className="summary" aria-label="Order summary">
          <h2>Your order</h2>
          {error ? <p className="notice error">{error}</p> : null}
          <ul className="summary-lines">
            {(quote?.lines ?? []).map((line) => (
              <li key={line.sku} data-testid="checkout-line">
                <span>
                  {line.quantity} × {line.title}
                  {line.priceChange ? (
                    <span className="notice" style={{ display: 'block' }} data-testid="checkout-price-changed">
                      {priceChangeMessage(line.priceChange)}
                    </span>
                  ) : null}
                  {line.problem ? (
                    <strong className="field-error" style={{ display: 'block' }}>
                      {line.problem}
                    </strong>
                  ) : null}
                </span>
                <span>{line.lineTotal !== null ? formatPrice(line.lineTotal) : '—'}</span>
              </li>
            ))}
          </ul>
          {quote?.totals ? <OrderTotals totals={quote.totals} /> : null}
          <p>
            <Link href="/cart">Edit cart</Link>
          </p>
        </aside>
      </div>
    </div>
  )
}

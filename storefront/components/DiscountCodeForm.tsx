import { applyDiscountCodeAction } from '@/lib/cart/discountActions'
import type { Quote } from '@/lib/cart/quote'
import { formatPrice } from '@/lib/money'

// The cart's code box: a server-action form, so it works without JavaScript. The page prices the cart with the kept
// code and shows here whether the shop took it.
export function DiscountCodeForm({ code, quote }: { code: string | null; quote: Quote }) {
  return (
    <form action={applyDiscountCodeAction} className="stack discount-form" data-testid="cart-discount">
      <label htmlFor="cart-discount-code">Discount code</label>
      <div className="line-actions">
        <input id="cart-discount-code" name="discountCode" defaultValue={code ?? ''} maxLength={64} autoComplete="off" data-testid="cart-discount-input" />
        <button type="submit" name="intent" value="apply" className="secondary" data-testid="cart-discount-apply">
          Apply
        </button>
        {code ? (
          <button type="submit" name="intent" value="remove" className="link" data-testid="cart-discount-remove">
            Remove
          </button>
        ) : null}
      </div>
      {code && quote.codeProblem ? (
        <p className="field-error" role="alert" data-testid="cart-discount-error">
          {quote.codeProblem}
        </p>
      ) : null}
      {code && quote.discount ? (
        <p className="notice" role="status" data-testid="cart-discount-applied">
          {quote.discount.label}: −{formatPrice(quote.discount.amount)}
        </p>
      ) : null}
    </form>
  )
}

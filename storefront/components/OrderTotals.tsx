import { formatPrice } from '@/lib/money'

export interface Totals {
  subtotal: number
  discount?: number | null
  shipping: number
  vat: number
  total: number
}

export function OrderTotals({ totals, discountCode }: { totals: Totals; discountCode?: string | null }) {
  return (
    <dl className="totals" data-testid="totals">
      <dt>Subtotal</dt>
      <dd>{formatPrice(totals.subtotal)}</dd>
      {totals.discount ? (
        <>
          <dt>{discountCode ? `Discount (${discountCode})` : 'Discount'}</dt>
          <dd data-testid="order-discount">-{formatPrice(totals.discount)}</dd>
        </>
      ) : null}
      <dt>Shipping</dt>
      <dd>{totals.shipping === 0 ? 'Free' : formatPrice(totals.shipping)}</dd>
      <dt className="grand">Total</dt>
      <dd className="grand" data-testid="order-total">
        {formatPrice(totals.total)}
      </dd>
      <dt>VAT included</dt>
      <dd>{formatPrice(totals.vat)}</dd>
    </dl>
  )
}

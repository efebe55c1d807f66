import Link from 'next/link'
import { updateCartLineAction } from '@/lib/cart/cartActions'
import type { LinePicture } from '@/lib/cart/pictures'
import type { QuoteLine } from '@/lib/cart/quote'
import { priceChangeMessage } from '@/lib/cart/quote'
import { formatPrice } from '@/lib/money'
import { CmsImage } from './CmsImage'

// One small server-action form per line: update and remove work without JavaScript.
export function CartLines({ lines, pictures }: { lines: QuoteLine[]; pictures: ReadonlyMap<string, LinePicture> }) {
  return (
    <ul className="cart-lines">
      {lines.map((line) => (
        <li key={line.sku} className="cart-line" data-testid="cart-line" data-sku={line.sku}>
          <div className="line-item">
            <span className="line-thumb">
              <CmsImage media={pictures.get(line.sku)?.image} variant="thumb" sizes="64px" fallbackAlt={line.title} decorative />
            </span>
            <div>
              {pictures.get(line.sku) ? (
                <Link href={`/products/${pictures.get(line.sku)!.slug}`}>
                  <strong>{line.title}</strong>
                </Link>
              ) : (
                <strong>{line.title}</strong>
              )}
              {line.options.length > 0 ? <div className="muted">{line.options.map((o) => `${o.name}: ${o.value}`).join(' · ')}</div> : null}
              <div className="muted">
                SKU {line.sku}
                {line.unitPrice !== null ? ` · ${formatPrice(line.unitPrice)} each` : ''}
              </div>
            </div>
          </div>
          <strong data-testid="line-total">{line.lineTotal !== null ? formatPrice(line.lineTotal) : '—'}</strong>
          <form action={updateCartLineAction} className="line-actions">
            <input type="hidden" name="sku" value={line.sku} />
            {/* Updating a line accepts the price shown beside it. */}
            {line.unitPrice !== null ? <input type="hidden" name="price" value={line.unitPrice} /> : null}
            <label htmlFor={`qty-${line.sku}`} className="visually-hidden">
              Quantity of {line.title}
            </label>
            <input id={`qty-${line.sku}`} type="number" name="quantity" min={0} max={1000} defaultValue={line.quantity} inputMode="numeric" />
            <button type="submit" name="intent" value="update" className="secondary">
              Update
            </button>
            <button type="submit" name="intent" value="remove" className="link" data-testid="remove-line">
              Remove
            </button>
          </form>
          {line.priceChange ? (
            <p className="notice" role="status" data-testid="line-price-changed">
              {priceChangeMessage(line.priceChange)}
            </p>
          ) : null}
          {line.problem ? (
            <p className="problem" role="alert" data-testid="line-problem">
              {line.problem}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

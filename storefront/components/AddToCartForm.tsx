'use client'

import Link from 'next/link'
import { useActionState, useEffect, useState } from 'react'
import type { AddToCartState } from '@/lib/cart/cartActions'
import { addToCartAction } from '@/lib/cart/cartActions'
import type { PurchasableSku } from '@/lib/catalogue/productView'
import { stockLabel } from '@/lib/catalogue/productView'
import { formatPrice } from '@/lib/money'
import { announceUiChange } from './HeaderSession'
import { SubmitButton } from './SubmitButton'

const initial: AddToCartState = { status: 'idle', message: '' }

function stockClass(available: number): string {
  return available <= 0 ? 'stock out' : available <= 5 ? 'stock low' : 'stock in'
}

// A server-action form: posts and re-renders without JavaScript; with it, no page reload.
export function AddToCartForm({ skus, hasVariants }: { skus: PurchasableSku[]; hasVariants: boolean }) {
  const [state, action] = useActionState(addToCartAction, initial)
  const firstInStock = skus.find((s) => s.available > 0)
  const [selected, setSelected] = useState(firstInStock?.sku ?? '')
  const chosen = skus.find((s) => s.sku === selected)
  // Nothing chosen because nothing is in stock (a sold-out product with one SKU) reads as sold out too.
  const soldOut = chosen ? chosen.available <= 0 : !firstInStock
  useEffect(() => {
    if (state.status === 'added') announceUiChange()
  }, [state])
  if (skus.length === 0) return <p className="notice">This product is not on sale yet.</p>
  return (
    <form action={action} className="add-to-cart">
      {hasVariants ? (
        <fieldset className="variants" data-testid="variant-picker">
          <legend>Choose an option</legend>
          {skus.map((s) => (
            <div key={s.sku} className={s.available > 0 ? 'variant' : 'variant disabled'} data-testid="variant-option" data-sku={s.sku}>
              <label>
                <input
                  type="radio"
                  name="sku"
                  value={s.sku}
                  checked={selected === s.sku}
                  onChange={() => setSelected(s.sku)}
                  disabled={s.available <= 0}
                  aria-describedby={`stock-${s.sku}`}
                />
                {s.title}
              </label>
              <span className="meta">
                <span className="price">{formatPrice(s.price)}</span>
                <span id={`stock-${s.sku}`} className={stockClass(s.available)}>
                  {stockLabel(s.available)}
                </span>
              </span>
            </div>
          ))}
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="sku" value={skus[0].sku} />
          <p className={stockClass(skus[0].available)} data-testid="stock">
            {stockLabel(skus[0].available)}
          </p>
        </>
      )}
      {/* The price the shopper sees; the cart tells them if it has changed by the time they look. */}
      {chosen ? <input type="hidden" name="price" value={chosen.price} /> : null}
      <div className="buy">
        <div>
          <label htmlFor="quantity">Quantity</label>
          <input
            id="quantity"
            className="qty"
            type="number"
            name="quantity"
            min={1}
            max={Math.max(1, chosen?.available ?? 1)}
            defaultValue={1}
            inputMode="numeric"
          />
        </div>
        <SubmitButton testId="add-to-cart" pendingText="Adding…" disabled={!chosen || chosen.available <= 0}>
          {soldOut ? 'Out of stock' : 'Add to cart'}
        </SubmitButton>
      </div>
      <p role="status" aria-live="polite" className={state.status === 'error' ? 'field-error' : 'stock in'} data-testid="add-to-cart-status">
        {state.message}
        {state.status === 'added' ? (
          <>
            {' '}
            <Link href="/cart">View cart</Link>
          </>
        ) : null}
      </p>
    </form>
  )
}

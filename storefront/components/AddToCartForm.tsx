'use client'

import Link from 'next/link'
import { startTransition, useActionState, useEffect, useMemo, useState, type FormEvent } from 'react'
import type { AddToCartState } from '@/lib/cart/cartActions'
import { addToCartAction } from '@/lib/cart/cartActions'
import { choose, optionNames, optionPickers, selectionOf, skuFor } from '@/lib/catalogue/optionPicker'
import type { PurchasableSku } from '@/lib/catalogue/productView'
import { stockLabel } from '@/lib/catalogue/productView'
import { formatPrice } from '@/lib/money'
import { announceUiChange } from './HeaderSession'
import { SubmitButton } from './SubmitButton'
import { OptionPickers, VariantList, stockClass } from './VariantPicker'

const initial: AddToCartState = { status: 'idle', message: '' }

/**
 * A server-action form: posts and re-renders without JavaScript (the action then finds the SKU from the options posted);
 * with it, no page reload, and the shopper's choice stays as it was after adding.
 */
export function AddToCartForm({
  skus,
  hasVariants,
  productSlug,
  selected,
  onSelect,
}: {
  skus: PurchasableSku[]
  hasVariants: boolean
  productSlug: string
  selected: string
  onSelect: (sku: string) => void
}) {
  const [state, action] = useActionState(addToCartAction, initial)
  const [hydrated, setHydrated] = useState(false)
  const names = useMemo(() => (hasVariants ? optionNames(skus) : null), [hasVariants, skus])
  const chosen = skus.find((s) => s.sku === selected)
  const selection = chosen ? selectionOf(chosen) : {}
  const soldOut = chosen ? chosen.available <= 0 : true
  useEffect(() => setHydrated(true), [])
  useEffect(() => {
    if (state.status === 'added') announceUiChange()
  }, [state])
  if (skus.length === 0) return <p className="notice">This product is not on sale yet.</p>

  const pick = (name: string, value: string) => {
    if (!names) return
    const next = skuFor(skus, names, choose(skus, names, selection, name, value))
    if (next) onSelect(next.sku)
  }
  // React resets a form after its action runs, which would put the pickers back on their first value: submitting by
  // hand keeps the shopper's choice (and quantity) for a second add. Without JavaScript the browser posts as usual.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(() => action(data))
  }

  return (
    <form action={action} onSubmit={submit} className="add-to-cart">
      <input type="hidden" name="product" value={productSlug} />
      {hasVariants && names ? (
        <OptionPickers pickers={optionPickers(skus, names, selection)} selection={selection} onChoose={pick} />
      ) : hasVariants ? (
        <VariantList skus={skus} selected={selected} onSelect={onSelect} />
      ) : null}
      {/* With JavaScript the SKU is known here; without it the action works it out from the options posted. */}
      {hydrated || !hasVariants ? <input type="hidden" name="sku" value={selected} /> : null}
      {chosen ? (
        <p className="chosen" data-testid="chosen-sku" data-sku={chosen.sku}>
          {hasVariants ? <span className="price">{formatPrice(chosen.price)}</span> : null}{' '}
          <span id={`stock-${chosen.sku}`} className={stockClass(chosen.available)} data-testid="stock">
            {stockLabel(chosen.available)}
          </span>
        </p>
      ) : null}
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

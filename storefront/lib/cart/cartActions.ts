'use server'

import { currentStock } from '../catalogue/inventory'
import { optionNames, skuFor } from '../catalogue/optionPicker'
import { getProductBySlug } from '../catalogue/products'
import { purchasableSkus } from '../catalogue/productView'
import { shortageMessage } from '../cms/apiErrors'
import { parseSku } from '../../../src/commerce/sku'
import { MAX_QUANTITY, addToCart, quantityOf, setQuantity } from './cartItems'
import { readCart, writeCart } from './cartStore'

export interface AddToCartState {
  status: 'idle' | 'added' | 'error'
  message: string
}

/** The unit price (pence) the page showed beside the button; only ever used to tell the shopper it changed. */
function shownPrice(formData: FormData): number | undefined {
  const n = Number(formData.get('price') ?? NaN)
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

function quantityFrom(formData: FormData, fallback: number): number {
  const n = Number(formData.get('quantity') ?? fallback)
  return Number.isInteger(n) ? Math.max(0, Math.min(n, MAX_QUANTITY)) : fallback
}

/**
 * The SKU the form names: posted directly when JavaScript ran (or the product has one SKU, or variants listed by title);
 * without JavaScript, the one the posted options (`option:Size` = `M` …) describe on the posted product.
 */
async function skuFromForm(formData: FormData): Promise<string | null> {
  const direct = parseSku(formData.get('sku') ?? formData.get('variant'))
  if (direct) return direct
  const slug = formData.get('product')
  const picked = [...formData.entries()].filter(([key, value]) => key.startsWith('option:') && typeof value === 'string')
  if (typeof slug !== 'string' || picked.length === 0) return null
  const product = await getProductBySlug(slug).catch(() => null)
  if (!product) return null
  const skus = purchasableSkus(product, new Map())
  const names = optionNames(skus)
  if (!names) return null
  const selection = Object.fromEntries(picked.map(([key, value]) => [key.slice('option:'.length), String(value)]))
  return skuFor(skus, names, selection)?.sku ?? null
}

export async function addToCartAction(_prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
  const sku = await skuFromForm(formData)
  if (!sku) return { status: 'error', message: 'Choose an option first.' }
  const quantity = Math.max(1, quantityFrom(formData, 1))
  const cart = await readCart()
  const wanted = quantityOf(cart, sku) + quantity
  const available = await currentStock(sku).catch(() => undefined)
  if (available === undefined) return { status: 'error', message: 'We could not check stock just now. Please try again.' }
  if (available === null) return { status: 'error', message: 'Sorry, this item is not on sale.' }
  if (available < wanted) {
    const inCart = quantityOf(cart, sku)
    const note = inCart > 0 ? ` (you already have ${inCart} in your cart)` : ''
    return { status: 'error', message: `${shortageMessage(available)}${note}.` }
  }
  await writeCart(addToCart(cart, sku, quantity, shownPrice(formData)))
  return { status: 'added', message: `Added ${quantity} to your cart.` }
}

export async function updateCartLineAction(formData: FormData): Promise<void> {
  const sku = parseSku(formData.get('sku'))
  if (!sku) return
  const remove = formData.get('intent') === 'remove'
  await writeCart(setQuantity(await readCart(), sku, remove ? 0 : quantityFrom(formData, 1), shownPrice(formData)))
}

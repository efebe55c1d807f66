// The cart is a list of { sku, quantity }, each with the unit price the shopper was shown when adding it. That price
// is never charged (the CMS quotes every amount); it only lets the cart say that a price changed since.

import { parseSku } from '../../../src/commerce/sku'

export interface CartItem {
  sku: string
  quantity: number
  /** Pence: the unit price shown when the line was last added to; absent for lines from before, or from the account. */
  seenPrice?: number
}

export const MAX_QUANTITY = 1000
// Keeps the cart cookie well under the 4 KB browsers allow.
export const MAX_CART_LINES = 40

function pence(value: unknown): number | undefined {
  const n = typeof value === 'string' && value !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

const line = (sku: string, quantity: number, seenPrice: number | undefined): CartItem =>
  seenPrice === undefined ? { sku, quantity } : { sku, quantity, seenPrice }

function clampQuantity(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return null
  return Math.min(n, MAX_QUANTITY)
}

/** Keeps valid lines only, merging repeated SKUs (the latest price shown wins); accepts anything (cookies and JSON fields lie). */
export function sanitiseCart(value: unknown): CartItem[] {
  if (!Array.isArray(value)) return []
  const merged = new Map<string, { quantity: number; seenPrice?: number }>()
  for (const entry of value) {
    if (!entry || typeof entry !== 'object') continue
    const sku = parseSku((entry as CartItem).sku)
    const quantity = clampQuantity((entry as CartItem).quantity)
    if (!sku || !quantity) continue
    const before = merged.get(sku)
    merged.set(sku, {
      quantity: Math.min(MAX_QUANTITY, (before?.quantity ?? 0) + quantity),
      seenPrice: pence((entry as CartItem).seenPrice) ?? before?.seenPrice,
    })
  }
  return [...merged].slice(0, MAX_CART_LINES).map(([sku, l]) => line(sku, l.quantity, l.seenPrice))
}

/** Cookie form: `SKU*2*1250.OTHER-SKU*1` (quantity, then the price shown; SKUs never contain `*` or `.`). */
export function serialiseCart(items: readonly CartItem[]): string {
  return items.map((i) => `${i.sku}*${i.quantity}${i.seenPrice === undefined ? '' : `*${i.seenPrice}`}`).join('.')
}

export function parseCart(value: string | null | undefined): CartItem[] {
  if (!value) return []
  return sanitiseCart(
    value.split('.').map((part) => {
      const [sku, quantity, seenPrice] = part.split('*')
      return { sku, quantity: Number(quantity), seenPrice }
    }),
  )
}

/** What the CMS is sent (quotes, checkout, the account's saved cart): never a price. */
export function cartLines(items: readonly CartItem[]): { sku: string; quantity: number }[] {
  return items.map(({ sku, quantity }) => ({ sku, quantity }))
}

/** Adds to a line (or appends one) at the price the shopper was shown; quantities are capped. */
export function addToCart(items: readonly CartItem[], sku: string, quantity: number, seenPrice?: number): CartItem[] {
  return sanitiseCart([...items, line(sku, quantity, seenPrice)])
}

/** Sets a line's quantity (a price shown beside it becomes the one seen); 0 removes it. */
export function setQuantity(items: readonly CartItem[], sku: string, quantity: number, seenPrice?: number): CartItem[] {
  if (quantity <= 0) return items.filter((i) => i.sku !== sku)
  const found = items.some((i) => i.sku === sku)
  const next = found ? items.map((i) => (i.sku === sku ? line(sku, quantity, seenPrice ?? i.seenPrice) : i)) : [...items, line(sku, quantity, seenPrice)]
  return sanitiseCart(next)
}

export function quantityOf(items: readonly CartItem[], sku: string): number {
  return items.find((i) => i.sku === sku)?.quantity ?? 0
}

export function countItems(items: readonly CartItem[]): number {
  return items.reduce((sum, i) => sum + i.quantity, 0)
}

/**
 * The browser's cart merged into the account's on login: the account's lines first, then new ones
 * from the browser; a SKU in both keeps the larger quantity (the same item added twice is not two).
 */
export function mergeCarts(account: readonly CartItem[], browser: readonly CartItem[]): CartItem[] {
  const merged = new Map(sanitiseCart(account).map((i) => [i.sku, i]))
  for (const item of sanitiseCart(browser)) {
    const before = merged.get(item.sku)
    merged.set(item.sku, line(item.sku, Math.max(before?.quantity ?? 0, item.quantity), item.seenPrice ?? before?.seenPrice))
  }
  return [...merged.values()].slice(0, MAX_CART_LINES)
}

/** The same SKUs and quantities (what the account keeps); prices shown do not count. */
export function sameCart(a: readonly CartItem[], b: readonly CartItem[]): boolean {
  return serialiseCart(cartLines(a)) === serialiseCart(cartLines(b))
}

// The cart is a list of { sku, quantity }; prices are never stored, the CMS quotes them.

import { parseSku } from '../../../src/commerce/sku'

export interface CartItem {
  sku: string
  quantity: number
}

export const MAX_QUANTITY = 1000
// Keeps the cart cookie well under the 4 KB browsers allow.
export const MAX_CART_LINES = 40

function clampQuantity(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return null
  return Math.min(n, MAX_QUANTITY)
}

/** Keeps valid lines only, merging repeated SKUs; accepts anything (cookies and JSON fields lie). */
export function sanitiseCart(value: unknown): CartItem[] {
  if (!Array.isArray(value)) return []
  const merged = new Map<string, number>()
  for (const entry of value) {
    if (!entry || typeof entry !== 'object') continue
    const sku = parseSku((entry as CartItem).sku)
    const quantity = clampQuantity((entry as CartItem).quantity)
    if (!sku || !quantity) continue
    merged.set(sku, Math.min(MAX_QUANTITY, (merged.get(sku) ?? 0) + quantity))
  }
  return [...merged].slice(0, MAX_CART_LINES).map(([sku, quantity]) => ({ sku, quantity }))
}

/** Cookie form: `SKU*2.OTHER-SKU*1` (SKUs never contain `*` or `.`). */
export function serialiseCart(items: readonly CartItem[]): string {
  return items.map((i) => `${i.sku}*${i.quantity}`).join('.')
}

export function parseCart(value: string | null | undefined): CartItem[] {
  if (!value) return []
  return sanitiseCart(
    value.split('.').map((part) => {
      const [sku, quantity] = part.split('*')
      return { sku, quantity: Number(quantity) }
    }),
  )
}

/** Adds to a line (or appends one); quantities are capped. */
export function addToCart(items: readonly CartItem[], sku: string, quantity: number): CartItem[] {
  return sanitiseCart([...items, { sku, quantity }])
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(items: readonly CartItem[], sku: string, quantity: number): CartItem[] {
  if (quantity <= 0) return items.filter((i) => i.sku !== sku)
  const found = items.some((i) => i.sku === sku)
  const next = found ? items.map((i) => (i.sku === sku ? { sku, quantity } : i)) : [...items, { sku, quantity }]
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
  const merged = new Map(sanitiseCart(account).map((i) => [i.sku, i.quantity]))
  for (const item of sanitiseCart(browser)) {
    merged.set(item.sku, Math.max(merged.get(item.sku) ?? 0, item.quantity))
  }
  return [...merged].slice(0, MAX_CART_LINES).map(([sku, quantity]) => ({ sku, quantity }))
}

export function sameCart(a: readonly CartItem[], b: readonly CartItem[]): boolean {
  return serialiseCart(a) === serialiseCart(b)
}

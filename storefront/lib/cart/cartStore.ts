import { cookies } from 'next/headers'
import { cmsRequest } from '../cms/client'
import { isStrict } from '../env'
import { sessionToken } from '../session/session'
import { customerIdFromToken } from '../session/tokenClaims'
import { updateUiCookie } from '../session/uiCookie'
import type { CartItem } from './cartItems'
import { cartLines, countItems, parseCart, serialiseCart } from './cartItems'

// The working cart is a cookie (so it survives reloads and works without JavaScript); a logged-in
// customer's cart is also saved to `customers.cart` so it follows them to other devices.
export const CART_COOKIE = 'ir_cart'
const CART_MAX_AGE = 60 * 60 * 24 * 30

export async function readCart(): Promise<CartItem[]> {
  return parseCart((await cookies()).get(CART_COOKIE)?.value)
}

/** Only from a server action or route handler. */
export async function writeCartCookie(items: readonly CartItem[]): Promise<void> {
  const jar = await cookies()
  await updateUiCookie({ cartCount: countItems(items) })
  if (items.length === 0) {
    jar.delete(CART_COOKIE)
    return
  }
  jar.set(CART_COOKIE, serialiseCart(items), { httpOnly: true, sameSite: 'lax', secure: isStrict(), path: '/', maxAge: CART_MAX_AGE })
}

/** Best effort: a failed save leaves the cookie cart, which is merged again at the next login. */
export async function saveAccountCart(token: string, items: readonly CartItem[]): Promise<boolean> {
  const id = customerIdFromToken(token)
  if (id === null) return false
  const res = await cmsRequest(`/api/customers/${id}?depth=0`, {
    endpoint: 'customers/update',
    method: 'PATCH',
    token,
    body: { cart: cartLines(items) },
  }).catch(() => null)
  return Boolean(res?.ok)
}

export async function writeCart(items: readonly CartItem[]): Promise<void> {
  await writeCartCookie(items)
  const token = await sessionToken()
  if (token) await saveAccountCart(token, items)
}

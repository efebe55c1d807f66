import { mergeCarts, sameCart, sanitiseCart } from '../cart/cartItems'
import { readCart, saveAccountCart, writeCartCookie } from '../cart/cartStore'

/** The browser's cart joins the account's saved cart; both then hold the merged list. */
export async function mergeCartOnLogin(savedCart: unknown, token: string): Promise<void> {
  const account = sanitiseCart(savedCart)
  const merged = mergeCarts(account, await readCart())
  await writeCartCookie(merged)
  if (!sameCart(merged, account)) await saveAccountCart(token, merged)
}

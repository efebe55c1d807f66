// What the header shows (cart count, logged in or not) in a small script-readable cookie, so that
// cacheable pages need no per-visitor rendering. It holds no secret: the session and the cart
// themselves stay in httpOnly cookies.
export const UI_COOKIE = 'ir_ui'
export const UI_CHANGED_EVENT = 'ir:ui-changed'

export interface UiState {
  cartCount: number
  loggedIn: boolean
}

export function parseUiState(value: string | null | undefined): UiState {
  const [count, flag] = (value ?? '').split('.')
  const n = Number(count)
  return { cartCount: Number.isInteger(n) && n > 0 ? Math.min(n, 99999) : 0, loggedIn: flag === '1' }
}

export function formatUiState(state: UiState): string {
  return `${state.cartCount}.${state.loggedIn ? 1 : 0}`
}

/** The cookie's value from a `document.cookie` string. */
export function uiCookieValue(cookieHeader: string): string | null {
  const match = cookieHeader.split(/;\s*/).find((c) => c.startsWith(`${UI_COOKIE}=`))
  return match ? decodeURIComponent(match.slice(UI_COOKIE.length + 1)) : null
}

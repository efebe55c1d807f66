'use client'

import Link from 'next/link'
import { useSyncExternalStore } from 'react'
import { UI_CHANGED_EVENT, parseUiState, uiCookieValue } from '@/lib/session/uiState'

// Server actions change the cookie without re-rendering the layout: an event (from our forms)
// and a cheap poll of document.cookie catch every change.
function subscribe(onChange: () => void): () => void {
  window.addEventListener(UI_CHANGED_EVENT, onChange)
  window.addEventListener('focus', onChange)
  const timer = window.setInterval(onChange, 1000)
  return () => {
    window.clearInterval(timer)
    window.removeEventListener(UI_CHANGED_EVENT, onChange)
    window.removeEventListener('focus', onChange)
  }
}

const snapshot = () => uiCookieValue(document.cookie) ?? ''
const serverSnapshot = () => null

/** Tells the header that the cart or the session changed (after a server action). */
export function announceUiChange(): void {
  window.dispatchEvent(new Event(UI_CHANGED_EVENT))
}

// Pages are cached for everyone, so the per-visitor bits are filled in by the browser.
export function HeaderSession() {
  const value = useSyncExternalStore<string | null>(subscribe, snapshot, serverSnapshot)
  const { cartCount, loggedIn } = parseUiState(value)
  // Before hydration (and with JavaScript off) "Account" suits everyone: it leads to the login form.
  const accountLabel = value === null || loggedIn ? 'Account' : 'Log in'
  return (
    <nav aria-label="Your shop" className="header-links">
      <Link href="/account" prefetch={false} data-testid="account-link">
        {accountLabel}
      </Link>
      <Link href="/cart" prefetch={false} data-testid="cart-link">
        Cart
        {cartCount > 0 ? (
          <span className="cart-count" data-testid="cart-count">
            <span className="visually-hidden">, items: </span>
            {cartCount}
          </span>
        ) : null}
      </Link>
    </nav>
  )
}

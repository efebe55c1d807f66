import { cookies } from 'next/headers'
import { cache } from 'react'
import { cmsRequest } from '../cms/client'
import type { Customer } from '../cms/types'
import { isStrict } from '../env'
import { secondsUntilExpiry } from './tokenClaims'
import { updateUiCookie } from './uiCookie'

// The customer's Payload JWT lives only in this httpOnly cookie on the storefront's origin; server
// code sends it to the CMS as `Authorization: JWT …`. Browser script never sees it.
export const SESSION_COOKIE = 'ir_session'
const WEEK_SECONDS = 60 * 60 * 24 * 7

export async function sessionToken(): Promise<string | null> {
  return (await cookies()).get(SESSION_COOKIE)?.value || null
}

/** Only from a server action or route handler. */
export async function startSession(token: string, exp?: unknown): Promise<void> {
  ;(await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isStrict(),
    path: '/',
    maxAge: secondsUntilExpiry(exp, Date.now(), WEEK_SECONDS),
  })
  await updateUiCookie({ loggedIn: true })
}

export async function endSession(): Promise<void> {
  ;(await cookies()).delete(SESSION_COOKIE)
  await updateUiCookie({ loggedIn: false })
}

/** The logged-in customer, or null (no cookie, or an expired or revoked token). Once per request. */
export const currentCustomer = cache(async (): Promise<{ customer: Customer; token: string } | null> => {
  const token = await sessionToken()
  if (!token) return null
  const res = await cmsRequest<{ user?: Customer | null }>('/api/customers/me?depth=0', { endpoint: 'customers/me', token })
  const customer = res.ok ? res.data?.user : null
  return customer ? { customer, token } : null
})

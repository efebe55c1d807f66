import { headers } from 'next/headers.js'
import { redirect } from 'next/navigation.js'
import type { Payload } from 'payload'

import { pendingLoginOf } from '../../infra/twoFactor/pendingLogin'

type Props = { payload: Payload; searchParams?: Record<string, string | string[] | undefined> }

/**
 * On the login page (admin.components.beforeLogin): a browser whose password login is parked for its second factor
 * goes on to the code (or set-up) step instead of seeing the password form again.
 */
export async function PendingLoginRedirect({ payload, searchParams }: Props) {
  const pending = await pendingLoginOf(payload, await headers())
  if (!pending) return null
  const next = typeof searchParams?.redirect === 'string' ? `?redirect=${encodeURIComponent(searchParams.redirect)}` : ''
  redirect(`${payload.config.routes.admin}/two-factor${next}`)
}

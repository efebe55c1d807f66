import { MinimalTemplate } from '@payloadcms/next/templates'
import { headers } from 'next/headers.js'
import { redirect } from 'next/navigation.js'
import type { AdminViewServerProps } from 'payload'
import { getSafeRedirect } from 'payload/shared'
import React from 'react'

import { pendingLoginOf } from '../../infra/twoFactor/pendingLogin'
import { TwoFactorStep } from './TwoFactorStep'

/** /admin/two-factor: the login's second step, or the set-up an admin must do before anything else. */
export async function TwoFactorView({ initPageResult, searchParams }: AdminViewServerProps) {
  const { payload } = initPageResult.req
  const admin = payload.config.routes.admin
  const pending = await pendingLoginOf(payload, await headers())
  if (!pending) redirect(`${admin}/login`)
  const next = getSafeRedirect({ fallbackTo: admin, redirectTo: typeof searchParams?.redirect === 'string' ? searchParams.redirect : '' })
  return (
    <MinimalTemplate className="two-factor-view">
      <TwoFactorStep purpose={pending.pending.purpose} email={pending.staff.email} redirectTo={next} />
    </MinimalTemplate>
  )
}

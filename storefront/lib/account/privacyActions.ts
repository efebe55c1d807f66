'use server'

import { redirect } from 'next/navigation'
import { writeCartCookie } from '../cart/cartStore'
import { cmsRequest } from '../cms/client'
import { currentCustomer, endSession } from '../session/session'

/**
 * Deletes the signed-in customer's account at the CMS (orders kept without personal data), then ends the session
 * here. The customer types their email again: the CMS refuses anything else with 400 confirmation_required.
 */
export async function deleteAccountAction(formData: FormData): Promise<void> {
  const session = await currentCustomer()
  if (!session) redirect('/account/login?next=/account/privacy')
  const confirmEmail = String(formData.get('confirmEmail') ?? '')
  const res = await cmsRequest(`/api/customers/${session.customer.id}/erase`, {
    endpoint: 'customers/erase',
    method: 'POST',
    token: session.token,
    body: { confirmEmail },
  }).catch(() => null)
  if (!res) redirect('/account/privacy?error=unreachable')
  if (!res.ok) redirect(`/account/privacy?error=${res.status === 400 ? 'confirm' : 'failed'}`)
  await endSession()
  await writeCartCookie([])
  redirect('/account/deleted')
}

'use server'

import { apiErrorMessage } from '../cms/apiErrors'
import { cmsRequest } from '../cms/client'

export interface NotifyMeState {
  status: 'idle' | 'subscribed' | 'error'
  message: string
}

/** Subscribes an email to a sold-out SKU (the CMS's back-in-stock plugin): one email when it is back. */
export async function notifyMeAction(_prev: NotifyMeState, formData: FormData): Promise<NotifyMeState> {
  const sku = String(formData.get('sku') ?? '')
  const email = String(formData.get('email') ?? '').trim()
  if (!sku || !email) return { status: 'error', message: 'Choose an option and enter your email.' }
  const res = await cmsRequest('/api/back-in-stock/subscribe', { endpoint: 'back-in-stock', method: 'POST', body: { sku, email } }).catch(() => null)
  if (!res) return { status: 'error', message: 'The shop is not answering just now. Please try again.' }
  if (!res.ok) return { status: 'error', message: apiErrorMessage(res.data, 'We could not save that.') }
  return { status: 'subscribed', message: `We will email ${email} once, when it is back in stock.` }
}

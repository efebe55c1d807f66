'use server'

import { CmsError, cmsRequest } from '../cms/client'
import { type LookupState, lookupOutcome } from './lookup'

/** The "find your order" form: asks the CMS (rate-limited there) and shows the order on the same page. */
export async function lookupOrderAction(_prev: LookupState, formData: FormData): Promise<LookupState> {
  const values = { number: String(formData.get('number') ?? '').trim(), email: String(formData.get('email') ?? '').trim() }
  try {
    const res = await cmsRequest('/api/orders/lookup', { endpoint: 'orders/lookup', method: 'POST', body: values })
    return lookupOutcome(res.status, res.data, values)
  } catch (error) {
    if (!(error instanceof CmsError)) throw error
    return lookupOutcome(0, null, values)
  }
}

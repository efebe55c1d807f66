'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import type { FieldErrors } from '../cms/apiErrors'
import { apiErrorMessage } from '../cms/apiErrors'
import { cmsRequest } from '../cms/client'
import type { Address } from '../cms/types'
import { currentCustomer } from '../session/session'
import { validateAddress, withAddress } from './address'

export interface AddressFormState {
  error: string | null
  saved: boolean
  fieldErrors: FieldErrors
}

async function saveAddresses(addresses: Address[]): Promise<string | null> {
  const session = await currentCustomer()
  if (!session) redirect('/account/login?next=/account/addresses')
  const res = await cmsRequest(`/api/customers/${session.customer.id}?depth=0`, {
    endpoint: 'customers/update',
    method: 'PATCH',
    token: session.token,
    body: { addresses },
  }).catch(() => null)
  if (!res) return 'The shop is not answering just now. Please try again.'
  return res.ok ? null : apiErrorMessage(res.data, 'We could not save your addresses.')
}

function indexFrom(formData: FormData): number | null {
  const raw = formData.get('index')
  const n = Number(raw)
  return raw === null || raw === '' || !Number.isInteger(n) || n < 0 ? null : n
}

export async function saveAddressAction(_prev: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const { address, errors } = validateAddress((field) => formData.get(field))
  if (Object.keys(errors).length > 0) return { error: 'Please check the highlighted fields.', saved: false, fieldErrors: errors }
  const session = await currentCustomer()
  if (!session) redirect('/account/login?next=/account/addresses')
  const error = await saveAddresses(withAddress(session.customer.addresses ?? [], indexFrom(formData), address))
  if (error) return { error, saved: false, fieldErrors: {} }
  revalidatePath('/account/addresses')
  return { error: null, saved: true, fieldErrors: {} }
}

export async function deleteAddressAction(formData: FormData): Promise<void> {
  const session = await currentCustomer()
  if (!session) redirect('/account/login?next=/account/addresses')
  const index = indexFrom(formData)
  const list = session.customer.addresses ?? []
  if (index === null || index >= list.length) return
  await saveAddresses(list.filter((_, i) => i !== index))
  revalidatePath('/account/addresses')
}

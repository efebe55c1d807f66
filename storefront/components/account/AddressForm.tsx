'use client'

import { useActionState } from 'react'
import type { AddressFormState } from '@/lib/account/addressActions'
import { saveAddressAction } from '@/lib/account/addressActions'
import type { Address } from '@/lib/cms/types'
import { AddressFields } from '../AddressFields'
import { Field } from '../Field'
import { SubmitButton } from '../SubmitButton'

const initial: AddressFormState = { error: null, saved: false, fieldErrors: {} }

interface Props {
  address?: Address
  index: number | null
  countries: { code: string; name: string }[]
}

export function AddressForm({ address, index, countries }: Props) {
  const [state, action] = useActionState(saveAddressAction, initial)
  const section = index === null ? 'new' : `a${index}`
  const values = {
    name: address?.name,
    line1: address?.line1,
    line2: address?.line2,
    city: address?.city,
    postcode: address?.postcode,
    country: address?.country ?? countries[0]?.code,
  }
  return (
    <form action={action} data-testid="address-form">
      <input type="hidden" name="index" value={index ?? ''} />
      {state.error ? (
        <p className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.saved ? (
        <p className="notice ok" role="status">
          Saved.
        </p>
      ) : null}
      <Field label="Label (optional, e.g. Home)" name="label" defaultValue={address?.label ?? ''} idPrefix={section} />
      <AddressFields prefix="" values={values} errors={state.fieldErrors} countries={countries} autoCompleteSection={section} />
      <label className="check">
        <input type="checkbox" name="isDefaultShipping" defaultChecked={Boolean(address?.isDefaultShipping)} /> Default delivery address
      </label>
      <label className="check">
        <input type="checkbox" name="isDefaultBilling" defaultChecked={Boolean(address?.isDefaultBilling)} /> Default billing address
      </label>
      <p>
        <SubmitButton pendingText="Saving…">{index === null ? 'Add address' : 'Save address'}</SubmitButton>
      </p>
    </form>
  )
}

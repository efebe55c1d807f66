import type { FieldErrors } from '@/lib/cms/apiErrors'
import { CountrySelect, Field } from './Field'

interface Props {
  /** Form-field prefix: `shippingAddress` names inputs `shippingAddress.line1` etc. */
  prefix: string
  values: { [field: string]: string | null | undefined }
  errors: FieldErrors
  countries: { code: string; name: string }[]
  /** data-testid prefix, e.g. "checkout" gives checkout-name, checkout-line1 … */
  testPrefix?: string
  autoCompleteSection: string
}

export function AddressFields({ prefix, values, errors, countries, testPrefix, autoCompleteSection }: Props) {
  const name = (part: string) => (prefix ? `${prefix}.${part}` : part)
  const common = (part: string) => ({
    name: name(part),
    defaultValue: values[name(part)] ?? '',
    error: errors[name(part)],
    testId: testPrefix ? `${testPrefix}-${part}` : undefined,
    idPrefix: autoCompleteSection,
  })
  const ac = (token: string) => `section-${autoCompleteSection} ${token}`
  return (
    <>
      <Field label="Full name" autoComplete={ac('name')} required {...common('name')} />
      <Field label="Address line 1" autoComplete={ac('address-line1')} required {...common('line1')} />
      <Field label="Address line 2 (optional)" autoComplete={ac('address-line2')} {...common('line2')} />
      <div className="field-row">
        <Field label="Town or city" autoComplete={ac('address-level2')} required {...common('city')} />
        <Field label="Postcode" autoComplete={ac('postal-code')} required {...common('postcode')} />
      </div>
      <CountrySelect
        label="Country"
        name={name('country')}
        countries={countries}
        value={values[name('country')] ?? undefined}
        error={errors[name('country')]}
        testId={testPrefix ? `${testPrefix}-country` : undefined}
        idPrefix={autoCompleteSection}
      />
    </>
  )
}

import type { InputHTMLAttributes } from 'react'

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string
  label: string
  error?: string
  testId?: string
  /** Prefix for the element id, when one form repeats a name. */
  idPrefix?: string
}

/** A labelled input with its error beside it (aria-invalid + aria-describedby). */
export function Field({ name, label, error, testId, idPrefix = 'f', ...input }: Props) {
  const id = `${idPrefix}-${name.replace(/\W/g, '-')}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} data-testid={testId} {...input} />
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function CountrySelect({
  name,
  label,
  countries,
  value,
  error,
  testId,
  idPrefix = 'f',
}: {
  name: string
  label: string
  countries: { code: string; name: string }[]
  value?: string
  error?: string
  testId?: string
  idPrefix?: string
}) {
  const id = `${idPrefix}-${name.replace(/\W/g, '-')}`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value || countries[0]?.code}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
        autoComplete="country"
      >
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

'use client'
import { FieldError, TextInput, useField, withCondition } from '@payloadcms/ui'
import type { NumberFieldClientComponent, NumberFieldClientProps } from 'payload'
import React, { useCallback, useEffect, useState, type ChangeEvent } from 'react'

import { formatPounds, parsePounds } from '../../commerce/money'
import { checkPence, typedPounds } from '../checkPence'

/** The text the input shows for a form value: pence as "12.50", typed text that is not an amount as typed. */
const toText = (value: unknown): string => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return formatPounds(value)
  return typeof value === 'string' ? value.replace(/^£/, '') : ''
}

/** Whether `text` already stands for the form value, so the form's echo of a keystroke leaves the text alone. */
const sameAmount = (text: string, value: unknown): boolean => {
  const reading = parsePounds(text)
  if (!reading.ok) return typeof value === 'string' && typedPounds(text) === value
  return reading.pence === (typeof value === 'number' ? value : null)
}

// Shifts the text right of the pound sign; the input keeps Payload's own style otherwise.
const INPUT_STYLE = { paddingLeft: 'calc(var(--base) * 1.5)' }

function PoundSign() {
  return (
    <span aria-hidden style={{ display: 'block', height: 0, position: 'relative' }}>
      <span
        className="money-field__currency"
        style={{
          position: 'absolute',
          left: 'calc(var(--base) * 0.75)',
          top: 'var(--base)',
          transform: 'translateY(-50%)',
          color: 'var(--theme-elevation-500)',
          pointerEvents: 'none',
          zIndex: 1,
        }}
      >
        £
      </span>
    </span>
  )
}

// One money input for the whole admin: shows and takes pounds ("12.50", "12.5", "£12.50", "12"), keeps whole pence in the
// form, and shows what is wrong with anything else under Payload's usual field error.
function MoneyFieldInput({ field, path: pathFromProps, readOnly }: NumberFieldClientProps) {
  const name = field.name
  const required = Boolean(field.required)
  const validate = useCallback((value: unknown) => checkPence(value, { name, required }), [name, required])
  const { path, value, setValue, showError, disabled } = useField<number | string | null>({ potentiallyStalePath: pathFromProps, validate })
  const [text, setText] = useState(() => toText(value))
  const [left, setLeft] = useState(false)

  useEffect(() => {
    // Follow the form when it sets the value (load, save, reset), not while the amount is being typed.
    setText((current) => (sameAmount(current, value) ? current : toText(value)))
  }, [value])

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value
    setText(next)
    const reading = parsePounds(next)
    setValue(reading.ok ? reading.pence : typedPounds(next))
  }
  const reading = parsePounds(text)
  const onBlur = () => {
    setLeft(true)
    if (reading.ok && reading.pence !== null) setText(formatPounds(reading.pence))
  }
  // A typing mistake shows once the person leaves the field; the form's own checks show on save.
  const problem = left && !reading.ok ? reading.message : undefined

  return (
    <TextInput
      path={path}
      value={text}
      onChange={onChange}
      label={field.label}
      required={required}
      localized={field.localized}
      description={field.admin?.description}
      readOnly={Boolean(readOnly || field.admin?.readOnly || disabled)}
      showError={showError || Boolean(problem)}
      Error={<FieldError path={path} message={problem} showError={showError || Boolean(problem)} />}
      BeforeInput={<PoundSign />}
      className="money-field"
      // TextInput passes these on to its <input>; its type names only autoComplete.
      htmlAttributes={{ autoComplete: 'off', inputMode: 'decimal', style: INPUT_STYLE, onBlur } as { autoComplete: 'off' }}
    />
  )
}

export const MoneyField = withCondition(MoneyFieldInput) as NumberFieldClientComponent

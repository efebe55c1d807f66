'use client'
import { FieldLabel, useField } from '@payloadcms/ui'
import React from 'react'

import { formatLineOptions } from '../../../src/commerce/invoice'
import type { LineOption } from '../../../src/commerce/pricingRegistry'

// A line's options as the customer chose them; the JSON editor Payload would show loads its code from a CDN.
export function LineOptions({ path }: { path: string }) {
  const { value } = useField<LineOption[] | null>({ path })
  const text = formatLineOptions(Array.isArray(value) ? value : [])
  return (
    <div className="field-type line-options" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label="Options" path={path} />
      <div className="line-options__text">{text || 'None'}</div>
    </div>
  )
}

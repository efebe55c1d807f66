'use client'
import { FieldLabel, useField } from '@payloadcms/ui'
import React from 'react'

// The entry's details as indented JSON text (read-only; Payload's JSON editor would load from a CDN).
export function AuditDetails({ path }: { path: string }) {
  const { value } = useField<unknown>({ path })
  return (
    <div className="field-type audit-details" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label="Details" path={path} />
      <pre className="audit-details__text" style={{ whiteSpace: 'pre-wrap' }}>
        {value == null ? 'None' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  )
}

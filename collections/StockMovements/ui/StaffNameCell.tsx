import type { DefaultServerCellComponentProps } from 'payload'
import React from 'react'

type UserRef = number | string | { id?: number | string; name?: string | null; email?: string } | null | undefined

/**
 * Who made a stock change, by name (else e-mail). Payload's relationship cell can only name accounts the reader may
 * read, so a merchandiser saw other staff as a bare id; the server reads the name for the list instead.
 */
export async function StaffNameCell({ cellData, payload }: DefaultServerCellComponentProps) {
  const ref = cellData as UserRef
  const id = ref && typeof ref === 'object' ? ref.id : ref
  if (id === null || id === undefined) return <span>—</span>
  const user =
    ref && typeof ref === 'object' && ref.email
      ? ref
      : await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true, select: { name: true, email: true } })
  return <span className="staff-name-cell">{user?.name || user?.email || `#${id}`}</span>
}

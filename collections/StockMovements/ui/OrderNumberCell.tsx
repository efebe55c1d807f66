'use client'
import type { DefaultCellComponentProps } from 'payload'
import React, { useEffect, useState } from 'react'

type OrderRef = number | string | { id?: number | string; orderNumber?: string } | null | undefined

const idOf = (ref: OrderRef) => (ref && typeof ref === 'object' ? ref.id : ref)

/**
 * The order's number, linked. Payload's relationship cell knows only ids, so inside the order's own join table,
 * where the row's order arrives populated, it said "<No Order>"; here both shapes work.
 */
export function OrderNumberCell({ cellData }: DefaultCellComponentProps) {
  const ref = cellData as OrderRef
  const id = idOf(ref)
  const given = ref && typeof ref === 'object' ? ref.orderNumber : undefined
  const [fetched, setFetched] = useState<string | null>(null)
  useEffect(() => {
    if (given || id == null) return
    let live = true
    fetch(`/api/orders/${id}?depth=0&select[orderNumber]=true`, { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : null))
      .then((doc: { orderNumber?: string } | null) => live && setFetched(doc?.orderNumber ?? `#${id}`))
      .catch(() => live && setFetched(`#${id}`))
    return () => {
      live = false
    }
  }, [given, id])
  if (id == null) return <span>—</span>
  return (
    <a className="order-number-cell" href={`/admin/collections/orders/${id}`} onClick={(e) => e.stopPropagation()}>
      {given ?? fetched ?? '…'}
    </a>
  )
}

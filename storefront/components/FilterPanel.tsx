'use client'

import { useEffect, useRef, type ReactNode } from 'react'

/** Matches the stylesheet's phone layout. */
const PHONE = '(max-width: 860px)'

/**
 * The filters behind a "Filter and sort" button on a phone, so the first products are on the first screen; always open on
 * a wide screen (where the button is hidden) and without JavaScript.
 */
export function FilterPanel({ active, children }: { active: number; children: ReactNode }) {
  const panel = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (window.matchMedia(PHONE).matches) panel.current?.removeAttribute('open')
  }, [])
  return (
    <details ref={panel} open className="filter-panel" data-testid="filter-panel">
      <summary data-testid="filter-toggle">Filter and sort{active > 0 ? ` (${active} on)` : ''}</summary>
      {children}
    </details>
  )
}

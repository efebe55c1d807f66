import type { Address } from '../../../src/commerce/address'
import { escapeHtml } from '../../../src/commerce/html'

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
  .meta, .parties { display: flex; gap: 2rem; justify-content: space-between; margin: 1rem 0; }
  .parties > div { flex: 1; }
  h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em; color: #555; margin: 0 0 .25rem; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  th.num, td.num { text-align: right; white-space: nowrap; }
  tfoot td { border-bottom: none; font-weight: 600; }
  .muted { color: #555; }
  .tick { display: inline-block; width: 1rem; height: 1rem; border: 1px solid #111; }
  @media print { body { margin: 0; } .noprint { display: none; } }
`

/** A standalone, print-friendly page; every value put into `body` is escaped by its caller. */
export function printPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><meta name="robots" content="noindex"><style>${STYLE}</style></head>
<body>
<p class="noprint muted">Print this page with your browser (Ctrl+P or ⌘P).</p>
${body}
</body>
</html>`
}

/** An address as lines, escaped; blank parts left out. */
export function addressHtml(address: Partial<Address> | null | undefined): string {
  const parts = [address?.name, address?.line1, address?.line2, address?.city, address?.postcode, address?.country]
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map(escapeHtml)
    .join('<br>')
}

export const ukDate = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })

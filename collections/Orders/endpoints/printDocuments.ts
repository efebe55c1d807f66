import type { Endpoint, PayloadRequest } from 'payload'

import { escapeHtml } from '../../../src/commerce/html'
import { assertPrintable, buildVatInvoice, type PrintableOrder } from '../../../src/commerce/invoice'
import { CommerceError } from '../../../src/commerce/errors'
import { errorResponse, requireScope } from '../../../src/endpoints/respond'
import { invoiceHtml } from '../print/invoiceHtml'
import { packingSlipHtml } from '../print/packingSlipHtml'
import { printPage } from '../print/printPage'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Payload's generated order type is all-optional
type Doc = Record<string, any>

function toPrintable(doc: Doc): PrintableOrder {
  return {
    orderNumber: doc.orderNumber,
    status: doc.status,
    createdAt: new Date(doc.createdAt),
    email: doc.email,
    lines: (doc.lines ?? []).map((l: Doc) => ({ ...l, options: Array.isArray(l.options) ? l.options : [] })),
    totals: doc.totals,
    statusHistory: (doc.statusHistory ?? []).map((h: Doc) => ({ to: h.to, at: new Date(h.at) })),
    shippingAddress: doc.shippingAddress ?? null,
    billingAddress: doc.billingAddress?.line1 ? doc.billingAddress : null,
    paymentMethod: doc.payment?.method ?? null,
    fulfilment: doc.fulfilment?.carrier ? { carrier: doc.fulfilment.carrier, trackingNumber: doc.fulfilment.trackingNumber } : null,
  }
}

async function loadOrder(req: PayloadRequest): Promise<PrintableOrder> {
  requireScope(req, 'orders:read')
  const id = String(req.routeParams?.id ?? '')
  const doc = await req.payload.findByID({ collection: 'orders', id, depth: 0, req, overrideAccess: false, disableErrors: true })
  if (!doc) throw new CommerceError(404, 'order_not_found', `Order ${id} not found`)
  return toPrintable(doc)
}

// A print page is styled by its own <style> and runs nothing.
const PRINT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PRINT_POLICY } })

/** Staff only; a refusal is our usual JSON, or a page saying the same when a browser tab asked for HTML. */
function printEndpoint(path: string, render: (req: PayloadRequest) => Promise<string>): Endpoint {
  return {
    path,
    method: 'get',
    handler: async (req) => {
      try {
        return html(await render(req))
      } catch (error) {
        const answer = errorResponse(req, error)
        if (!(req.headers.get('accept') ?? '').includes('text/html')) return answer
        const { error: e } = (await answer.json()) as { error: { message: string } }
        return html(printPage('Cannot print', `<h1>Cannot print</h1><p id="refusal">${escapeHtml(e.message)}</p>`), answer.status)
      }
    },
  }
}

export const printEndpoints: Endpoint[] = [
  printEndpoint('/:id/packing-slip', async (req) => {
    const order = await loadOrder(req)
    assertPrintable(order, 'packingSlip')
    const settings = await req.payload.findGlobal({ slug: 'store-settings', depth: 0, req })
    return packingSlipHtml(order, settings.storeName)
  }),
  printEndpoint('/:id/invoice', async (req) => {
    const order = await loadOrder(req)
    const settings = await req.payload.findGlobal({ slug: 'store-settings', depth: 0, req })
    const seller = settings.seller ?? {}
    const details = { name: seller.legalName ?? '', address: seller.address ?? '', vatNumber: seller.vatNumber ?? '' }
    return invoiceHtml(buildVatInvoice(order, details, settings.vatRate))
  }),
]

import { escapeHtml } from '../../../src/commerce/html'
import { formatLineOptions, type PrintableOrder } from '../../../src/commerce/invoice'
import { addressHtml, printPage, ukDate } from './printPage'

/** What the packer needs: where it goes, what goes in the box (no prices), and a tick box per line. */
export function packingSlipHtml(order: PrintableOrder, storeName: string): string {
  const rows = order.lines
    .map((l) => {
      const options = formatLineOptions(l.options)
      return `<tr>
  <td><span class="tick"></span></td>
  <td>${escapeHtml(l.sku)}</td>
  <td>${escapeHtml(l.title)}${options ? `<br><span class="muted">${escapeHtml(options)}</span>` : ''}</td>
  <td class="num">${l.quantity}</td>
</tr>`
    })
    .join('\n')
  const items = order.lines.reduce((sum, l) => sum + l.quantity, 0)
  const shipment = order.fulfilment
    ? `<div><h2>Shipment</h2>${escapeHtml(order.fulfilment.carrier)}<br>Tracking: <span id="tracking-number">${escapeHtml(order.fulfilment.trackingNumber)}</span></div>`
    : ''
  const body = `
<h1>Packing slip</h1>
<div class="meta">
  <div><h2>Order</h2><span id="order-number">${escapeHtml(order.orderNumber)}</span></div>
  <div><h2>Ordered</h2>${ukDate(order.createdAt)}</div>
  <div><h2>From</h2>${escapeHtml(storeName)}</div>
</div>
<div class="parties">
  <div><h2>Ship to</h2>${addressHtml(order.shippingAddress)}</div>
  ${shipment}
</div>
<table>
  <thead><tr><th></th><th>SKU</th><th>Item</th><th class="num">Qty</th></tr></thead>
  <tbody>
${rows}
  </tbody>
  <tfoot><tr><td></td><td colspan="2">Items</td><td class="num" id="item-count">${items}</td></tr></tfoot>
</table>`
  return printPage(`Packing slip ${order.orderNumber}`, body)
}

import { escapeHtml } from '../../../src/commerce/html'
import type { VatInvoice } from '../../../src/commerce/invoice'
import { formatGBP } from '../../../src/commerce/money'
import { addressHtml, printPage, ukDate } from './printPage'

const rate = (percent: number) => `${percent}%`

/** The VAT invoice as HTML: the seller, the customer, each line with net, rate, VAT and gross, and the totals. */
export function invoiceHtml(invoice: VatInvoice): string {
  const { seller, customer, totals } = invoice
  const rows = invoice.lines
    .map(
      (l) => `<tr>
  <td>${escapeHtml(l.description)}${l.sku ? `<br><span class="muted">${escapeHtml(l.sku)}</span>` : ''}</td>
  <td class="num">${l.quantity}</td>
  <td class="num">${formatGBP(l.net)}</td>
  <td class="num">${rate(l.vatRate)}</td>
  <td class="num">${formatGBP(l.vat)}</td>
  <td class="num">${formatGBP(l.gross)}</td>
</tr>`,
    )
    .join('\n')
  const body = `
<h1>VAT invoice</h1>
<div class="meta">
  <div><h2>Invoice number</h2><span id="invoice-number">${escapeHtml(invoice.invoiceNumber)}</span></div>
  <div><h2>Invoice date (tax point)</h2>${ukDate(invoice.invoiceDate)}</div>
  <div><h2>Seller VAT number</h2><span id="vat-number">${escapeHtml(seller.vatNumber)}</span></div>
</div>
<div class="parties">
  <div><h2>From</h2><strong>${escapeHtml(seller.name)}</strong><br>${escapeHtml(seller.address).replace(/\r?\n/g, '<br>')}</div>
  <div><h2>To</h2>${addressHtml(customer.address)}<br>${escapeHtml(customer.email)}</div>
</div>
<table>
  <thead><tr><th>Description</th><th class="num">Qty</th><th class="num">Net</th><th class="num">VAT rate</th><th class="num">VAT</th><th class="num">Gross</th></tr></thead>
  <tbody>
${rows}
  </tbody>
  <tfoot>
    <tr><td colspan="5">Total excluding VAT</td><td class="num" id="total-net">${formatGBP(totals.net)}</td></tr>
    <tr><td colspan="5">VAT at ${rate(invoice.vatRate)}</td><td class="num" id="total-vat">${formatGBP(totals.vat)}</td></tr>
    <tr><td colspan="5">Total paid</td><td class="num" id="total-gross">${formatGBP(totals.gross)}</td></tr>
  </tfoot>
</table>
<p class="muted">Prices are in pounds sterling (GBP).</p>`
  return printPage(`VAT invoice ${invoice.invoiceNumber}`, body)
}

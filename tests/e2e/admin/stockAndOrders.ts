import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'

import { formatGBP } from '../../../src/commerce/money'
import { STOCK_STATUS_LABELS, stockStatusOf, type StockStatus } from '../../../src/commerce/stockStatus'
import { saveScreenshot } from '../screenshot'

// The merchandiser's stock panel and inventory list, and the admin's order page with its print views.

type StockRow = { id: number; sku: string; available: number; lowStockThreshold: number; stockStatus: StockStatus }
type Variant = { sku: string; options?: { name: string; value: string }[] }
type OrderDoc = { id: number; orderNumber: string; totals: { total: number; vat: number }; lines: { sku: string }[] }

async function api<T>(base: string, path: string, init: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) }
  if (init.token) headers.authorization = `JWT ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

export { staffToken } from '../merchandiser'

/** Every stock row (matching `where`), page by page: staff pages hold at most 250 (API_MAX_LIMIT_STAFF). */
export async function stockRows(base: string, token: string, where = ''): Promise<StockRow[]> {
  const rows: StockRow[] = []
  for (let page = 1; ; page++) {
    const answer = await api<{ docs: StockRow[]; hasNextPage: boolean }>(base, `/api/inventory?limit=250&page=${page}&depth=0&sort=sku${where}`, { token })
    rows.push(...answer.docs)
    if (!answer.hasNextPage) return rows
  }
}

/** Waits for the next toast of the admin's own kind and gives its class and text. */
export async function nextToast(page: Page, act: () => Promise<void>): Promise<{ kind: 'success' | 'error'; text: string }> {
  // Toasts already on screen are marked, so an earlier one (the newest is listed first) is never read as this one's.
  await page.locator('.payload-toast-container :is(.toast-success, .toast-error)').evaluateAll((els) => els.forEach((el) => el.setAttribute('data-seen', '')))
  await act()
  const toast = page.locator('.payload-toast-container :is(.toast-success, .toast-error):not([data-seen])').first()
  await toast.waitFor()
  const isError = await toast.evaluate((el) => el.classList.contains('toast-error'))
  return { kind: isError ? 'error' : 'success', text: ((await toast.textContent()) ?? '').trim() }
}

/** Fills the stock panel of the open inventory item and presses Apply. */
export async function adjustThroughPanel(page: Page, amount: number, reason: string) {
  await page.locator('#field-adjustAmount').fill(String(amount))
  await page.locator('#field-adjustReason').fill(reason)
  return nextToast(page, () => page.getByRole('button', { name: 'Apply', exact: true }).click())
}

/** The form's available figure once it shows `expected` (the page refreshes after a change). */
export async function availableShown(page: Page, expected: number): Promise<string> {
  const input = page.locator('#field-available')
  await page.waitForFunction(([sel, want]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === want, [
    '#field-available',
    String(expected),
  ] as const)
  return input.inputValue()
}

/** Chooses "Status is <label>" in the list's filter bar, the way a person does. */
export async function filterInventoryByStatus(page: Page, base: string, status: StockStatus) {
  await page.goto(`${base}/admin/collections/inventory`, { waitUntil: 'networkidle' })
  await page.locator('.list-controls__toggle-where').click()
  await page.getByRole('button', { name: 'Add filter' }).click()
  const condition = page.locator('.condition').last()
  await condition.locator('.condition__field .rs__control').click()
  await page.locator('.rs__option', { hasText: /^Status$/ }).click()
  await condition.locator('.condition__value .rs__control').click()
  await page.locator('.rs__option', { hasText: new RegExp(`^${STOCK_STATUS_LABELS[status]}$`) }).click()
  await page.waitForURL((url) => decodeURIComponent(url.search).includes(`[stockStatus][equals]=${status}`))
  // A hundred rows a page, as the list's "Per page" offers, so every matching row is on screen.
  await page.goto(`${page.url()}&limit=100`, { waitUntil: 'networkidle' })
}

/** SKU and badge text of every row the list shows. */
export async function listedRows(page: Page): Promise<{ sku: string; badge: string }[]> {
  return page.locator('table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      sku: (row.querySelector('.cell-sku')?.textContent ?? '').trim(),
      badge: (row.querySelector('.stock-status')?.textContent ?? '').trim(),
    })),
  )
}

/** Which rows should carry a status, worked out from the figures rather than the stored field. */
export function expectedByFigures(rows: StockRow[], status: StockStatus) {
  return rows.filter((r) => stockStatusOf(r.available, r.lowStockThreshold) === status).map((r) => r.sku)
}

/** A seeded variant with options and stock, bought through the REST checkout with the approved test card. */
export async function placePaidOrder(base: string, token: string): Promise<{ order: OrderDoc; options: string }> {
  const products = (await api<{ docs: { variants?: Variant[] }[] }>(base, '/api/products?limit=200&depth=0', { token })).docs
  const stocked = new Set((await stockRows(base, token)).filter((r) => r.available >= 2).map((r) => r.sku))
  const variant = products.flatMap((p) => p.variants ?? []).find((v) => (v.options?.length ?? 0) > 0 && stocked.has(v.sku))!
  const placed = await api<{ order: { id: number } }>(base, '/api/checkout', {
    method: 'POST',
    headers: { 'idempotency-key': `e2e-orders-${Date.now()}` },
    body: {
      items: [{ sku: variant.sku, quantity: 2 }],
      email: 'harriet@example.com',
      shippingAddress: { name: 'Harriet Cobbold', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' },
      paymentMethod: 'test-card',
      card: { number: '4242424242424242' },
    },
  })
  const order = await api<OrderDoc>(base, `/api/orders/${placed.order.id}?depth=0`, { token })
  return { order, options: variant.options!.map((o) => `${o.name}: ${o.value}`).join(', ') }
}

/** Fills the seller's details a VAT invoice needs, in Store settings, and saves. */
export async function fillSellerDetails(page: Page, base: string, seller: { legalName: string; address: string; vatNumber: string }) {
  await page.goto(`${base}/admin/globals/store-settings`, { waitUntil: 'networkidle' })
  await page.locator('#field-seller__legalName').fill(seller.legalName)
  await page.locator('#field-seller__address').fill(seller.address)
  await page.locator('#field-seller__vatNumber').fill(seller.vatNumber)
  return nextToast(page, () => page.locator('#action-save').click())
}

/** Moves the open order to fulfilled with carrier and tracking through the Move order panel. */
export async function fulfilThroughPanel(page: Page, carrier: string, trackingNumber: string) {
  await page.locator('#field-moveCarrier').fill(carrier)
  await page.locator('#field-moveTrackingNumber').fill(trackingNumber)
  return nextToast(page, () => page.locator('#move-to-fulfilled').click())
}

/** What the order page shows once it has refreshed to `status`. */
export async function orderPage(page: Page, status: string) {
  await page.locator('.order-actions .field-label', { hasText: `(${status})` }).waitFor()
  await page.locator('.order-number-cell').first().waitFor()
  await page.waitForFunction(() => [...document.querySelectorAll('.order-number-cell')].every((el) => el.textContent !== '…'))
  return {
    history: await page.locator('.history-row-label').allTextContents(),
    movementOrders: await page.locator('.order-number-cell').allTextContents(),
    options: await page.locator('.line-options__text').allTextContents(),
    carrier: await page.locator('#field-fulfilment__carrier').inputValue(),
    tracking: await page.locator('#field-fulfilment__trackingNumber').inputValue(),
  }
}

/** Clicks a print button and reads the page that opens in a new tab. */
export async function openPrintView(context: BrowserContext, page: Page, label: 'Packing slip' | 'VAT invoice') {
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: label, exact: true }).click()])
  await tab.waitForURL((url) => url.pathname.startsWith('/api/orders/'))
  await tab.waitForLoadState('load')
  return { tab, text: (await tab.locator('body').textContent()) ?? '' }
}

export const money = formatGBP

/** Keeps what the admin showed as docs/screenshots/<name>.png (linked from docs/stock-and-orders.md). */
export async function keepScreenshot(page: Page, name: string) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..')
  await saveScreenshot(page, path.join(root, 'docs/screenshots', `${name}.png`))
}

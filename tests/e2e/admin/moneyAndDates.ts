import type { Page, Request } from 'playwright-core'

import { formatGBP } from '../../../src/commerce/money'

// Money, dates and labels as the admin shows them, read back against what the REST API stores (pence, ISO dates).

export type ProductApiRow = { id: number; title: string; price: number; featured?: boolean; updatedAt: string; variants?: unknown[] }
type ListedRow = { id: number; price: string; featured: string; updatedAt: string }

async function api<T>(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.token) headers.authorization = `JWT ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

export { staffToken } from '../merchandiser'

/** The latest version of a product as staff see it (the list and the edit page show drafts too). */
export const latestProduct = (base: string, token: string, id: number) => api<ProductApiRow>(base, `/api/products/${id}?depth=0&draft=true`, { token })

/** Puts a product's price back through the API (pence), as the test found it. */
export const setPrice = (base: string, token: string, id: number, price: number) =>
  api(base, `/api/products/${id}`, { method: 'PATCH', token, body: { price } })

/** The first `limit` products by title, as the API gives them to staff. */
export const productsByTitle = async (base: string, token: string, limit: number) =>
  (await api<{ docs: ProductApiRow[] }>(base, `/api/products?limit=${limit}&sort=title&depth=0&draft=true`, { token })).docs

/** The products list sorted by title, as the admin shows its price, featured and updated-at columns. */
export async function readProductsList(page: Page, base: string, limit: number): Promise<ListedRow[]> {
  await page.goto(`${base}/admin/collections/products?limit=${limit}&sort=title`, { waitUntil: 'networkidle' })
  const rows = page.locator('.table tbody tr')
  await rows.first().waitFor()
  // The date cells are filled in once the page's scripts run; on a busy machine the rows arrive first.
  await page.waitForFunction(() => [...document.querySelectorAll('td.cell-updatedAt')].every((td) => !/Loading/.test(td.textContent ?? '')))
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (name: string) => (tr.querySelector(`td.cell-${name}`)?.textContent ?? '').trim()
      const href = tr.querySelector('td.cell-title a')?.getAttribute('href') ?? ''
      return { id: Number(href.split('/').pop()), price: cell('price'), featured: cell('featured'), updatedAt: cell('updatedAt') }
    }),
  )
}

/** What each product's row should say: "£…" from its pence, Yes/No, and its update time in the UK style in the browser's zone. */
export async function expectedListRows(page: Page, products: ProductApiRow[]): Promise<ListedRow[]> {
  const times = await page.evaluate(
    (isos) => {
      const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
      const two = (n: number) => String(n).padStart(2, '0')
      return isos.map((iso) => {
        const d = new Date(iso)
        return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}, ${two(d.getHours())}:${two(d.getMinutes())}`
      })
    },
    products.map((p) => p.updatedAt),
  )
  return products.map((p, i) => ({ id: p.id, price: formatGBP(p.price), featured: p.featured ? 'Yes' : 'No', updatedAt: times[i] }))
}

/** Types `text` into the price field as a person would, then leaves the field. */
export async function typePrice(page: Page, text: string) {
  await page.locator('#field-price').fill(text)
  await page.locator('#field-title').click()
}

/** The price field's error message, as shown under Payload's usual field error. */
export const priceError = (page: Page) => page.locator('.field-type.money-field:has(#field-price) .field-error').innerText()

/** Clicks a save button and answers with the toast it brings, error or success, and its text; toasts already on screen are marked first, so an older one never answers. */
export async function toastAfter(page: Page, buttonId: 'action-save' | 'action-save-draft'): Promise<{ kind: 'success' | 'error'; text: string }> {
  const selector = '.payload-toast-container .toast-success, .payload-toast-container .toast-error'
  await page.locator(selector).evaluateAll((els) => els.forEach((el) => el.setAttribute('data-seen', '')))
  await page.locator(`#${buttonId}`).click()
  const toast = page.locator('.payload-toast-container :is(.toast-success, .toast-error):not([data-seen])').first()
  await toast.waitFor()
  const kind = (await toast.evaluate((el) => el.classList.contains('toast-error'))) ? 'error' : 'success'
  return { kind, text: ((await toast.textContent()) ?? '').trim() }
}

export type PlacedOrder = { id: number; orderNumber: string; totals: { subtotal: number; shipping: number; vat: number; total: number } }

/** One paid order through the CMS's REST checkout (test card), for the SKU with most stock. */
export async function placeOrder(base: string, token: string): Promise<PlacedOrder> {
  const stock = (await api<{ docs: { sku: string }[] }>(base, '/api/inventory?limit=1&depth=0&sort=-available', { token })).docs
  const placed = await api<{ order: { id: number } }>(base, '/api/checkout', {
    method: 'POST',
    headers: { 'idempotency-key': `e2e-money-${Date.now()}` },
    body: {
      items: [{ sku: stock[0].sku, quantity: 2 }],
      email: 'money-and-dates@example.com',
      shippingAddress: { name: 'Harriet Cobbold', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' },
      paymentMethod: 'test-card',
      card: { number: '4242424242424242' },
    },
  })
  return api<PlacedOrder>(base, `/api/orders/${placed.order.id}?depth=0`, { token })
}

/** The order page's totals as shown: the pound sign and the amount in each read-only money field. */
export async function readOrderTotals(page: Page, base: string, id: number): Promise<Record<'subtotal' | 'shipping' | 'vat' | 'total', string>> {
  await page.goto(`${base}/admin/collections/orders/${id}`, { waitUntil: 'networkidle' })
  const read = async (name: string) => {
    const field = page.locator(`.field-type.money-field:has(#field-totals__${name})`)
    const sign = (await field.locator('.money-field__currency').textContent())?.trim() ?? ''
    return `${sign}${await field.locator('input').inputValue()}`
  }
  return { subtotal: await read('subtotal'), shipping: await read('shipping'), vat: await read('vat'), total: await read('total') }
}

/** Every request the page makes to a host other than the CMS it was opened at (the storefront's port included). */
export function recordForeignRequests(page: Page, base: string): string[] {
  const own = new URL(base).host
  const foreign: string[] = []
  page.on('request', (req: Request) => {
    const url = new URL(req.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    if (url.host !== own) foreign.push(req.url())
  })
  return foreign
}

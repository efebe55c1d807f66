import path from 'node:path'
import type { Page } from 'playwright-core'

import { saveScreenshot } from '../screenshot'

// The merchandiser's dashboard: fixture orders through the REST checkout, moved as the admin, one backdated in the
// database; expected figures worked out here by hand from the API's orders list, never from the dashboard's code.

type Totals = { total: number }
type HistoryRow = { to: string; at: string }
export type OrderRow = {
  id: number
  orderNumber: string
  status: string
  createdAt: string
  totals: Totals
  statusHistory?: HistoryRow[]
  lines: { sku: string; quantity: number; lineTotal: number }[]
}
type InventoryRow = { sku: string; available: number; lowStockThreshold: number }
export type Figures = { revenue: number; orders: number; refunded: number; refunds: number; cancellations: number }

const SALES = ['paid', 'fulfilled', 'delivered']
const WAITING = ['pending', 'paid', 'fulfilled']

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

/** The London calendar day of an instant, as YYYY-MM-DD (en-CA writes dates that way). */
export const londonDay = (iso: string | Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(iso))

export function plusDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** 15 July of the latest summer at least 40 days back: a British Summer Time day every order placed today is after. */
export function pastSummerDay(now = new Date()): string {
  const year = now.getUTCFullYear() - (now.getTime() < Date.UTC(now.getUTCFullYear(), 7, 24) ? 1 : 0)
  return `${year}-07-15`
}

/** Places `count` paid orders of one unit of a well-stocked SKU through the REST checkout, as a shopper does. */
export async function placePaidOrders(base: string, token: string, count: number): Promise<OrderRow[]> {
  const stock = (await api<{ docs: InventoryRow[] }>(base, '/api/inventory?limit=1&depth=0&sort=-available', { token })).docs
  const sku = stock[0].sku
  const orders: OrderRow[] = []
  for (let i = 0; i < count; i++) {
    const placed = await api<{ order: { id: number } }>(base, '/api/checkout', {
      method: 'POST',
      headers: { 'idempotency-key': `e2e-dashboard-${Date.now()}-${i}` },
      body: {
        items: [{ sku, quantity: 1 + i }],
        email: `dashboard-${i}@example.com`,
        shippingAddress: { name: 'Harriet Cobbold', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' },
        paymentMethod: 'test-card',
        card: { number: '4242424242424242' },
      },
    })
    orders.push(await api<OrderRow>(base, `/api/orders/${placed.order.id}?depth=0`, { token }))
  }
  return orders
}

export const moveOrder = (base: string, token: string, id: number, to: string) =>
  api(base, `/api/orders/${id}/transition`, { method: 'POST', token, body: { to, note: 'e2e dashboard fixture' } })

/** Writes an order's creation time straight into the database (SQLite file or PostgreSQL), as no API may. */
export async function setCreatedAt(databaseUrl: string, orderId: number, iso: string): Promise<void> {
  if (databaseUrl.startsWith('file:')) {
    const { createClient } = await import('@libsql/client')
    const db = createClient({ url: databaseUrl })
    // The CMS writes to the same file (its job queue runs every few seconds): wait for its lock rather than fail.
    await db.execute('PRAGMA busy_timeout = 30000')
    await db.execute({ sql: 'UPDATE orders SET created_at = ? WHERE id = ?', args: [iso, orderId] })
    db.close()
    return
  }
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query('UPDATE orders SET created_at = $1 WHERE id = $2', [iso, orderId])
  await client.end()
}

/** Every document of a collection, page by page: staff pages hold at most 250 (API_MAX_LIMIT_STAFF). */
async function everyDoc<T>(base: string, token: string, collection: string): Promise<T[]> {
  const docs: T[] = []
  for (let page = 1; ; page++) {
    const answer = await api<{ docs: T[]; hasNextPage: boolean }>(base, `/api/${collection}?limit=250&page=${page}&depth=0`, { token })
    docs.push(...answer.docs)
    if (!answer.hasNextPage) return docs
  }
}

export const allOrders = (base: string, token: string) => everyDoc<OrderRow>(base, token, 'orders')

export const allInventory = (base: string, token: string) => everyDoc<InventoryRow>(base, token, 'inventory')

/** Revenue and counts of the `days` London days ending with `day`, worked out from the orders list. */
export function expectedFigures(orders: OrderRow[], day: string, days: number): Figures {
  const inWindow = (iso: string) => {
    const d = londonDay(iso)
    return d <= day && d > plusDays(day, -days)
  }
  const sales = orders.filter((o) => SALES.includes(o.status) && inWindow(o.createdAt))
  const moved = (to: string) => orders.filter((o) => (o.statusHistory ?? []).some((h) => h.to === to && inWindow(h.at)))
  return {
    revenue: sales.reduce((sum, o) => sum + o.totals.total, 0),
    orders: sales.length,
    refunded: moved('refunded').reduce((sum, o) => sum + o.totals.total, 0),
    refunds: moved('refunded').length,
    cancellations: moved('cancelled').length,
  }
}

export const expectedWaiting = (orders: OrderRow[]) => Object.fromEntries(WAITING.map((s) => [s, orders.filter((o) => o.status === s).length]))

export const expectedLowStock = (rows: InventoryRow[]) => rows.filter((r) => r.available <= r.lowStockThreshold).length

/** SKU and units of the five best sellers of the 30 days ending with `day`: most units, then most sales, then SKU. */
export function expectedTopSellers(orders: OrderRow[], day: string): [string, number][] {
  const totals = new Map<string, { units: number; sales: number }>()
  for (const o of orders.filter((o) => SALES.includes(o.status) && londonDay(o.createdAt) > plusDays(day, -30) && londonDay(o.createdAt) <= day)) {
    for (const l of o.lines) {
      const t = totals.get(l.sku) ?? { units: 0, sales: 0 }
      totals.set(l.sku, { units: t.units + l.quantity, sales: t.sales + l.lineTotal })
    }
  }
  return [...totals]
    .sort(([a, x], [b, y]) => y.units - x.units || y.sales - x.sales || (a < b ? -1 : 1))
    .slice(0, 5)
    .map(([sku, t]) => [sku, t.units])
}

/** Opens the dashboard (for the windows ending with `day`, or today) and reads its figures as shown. */
export async function readDashboard(page: Page, base: string, day?: string) {
  await page.goto(`${base}/admin${day ? `?day=${day}` : ''}`, { waitUntil: 'networkidle' })
  const text = (id: string) => page.getByTestId(id).innerText()
  const windowShown = async (key: string) => ({
    revenue: await text(`dash-${key}-revenue`),
    orders: Number(await text(`dash-${key}-orders`)),
    refunded: await text(`dash-${key}-refunded`),
    cancellations: Number(await text(`dash-${key}-cancellations`)),
  })
  const waiting: Record<string, number> = {}
  for (const s of WAITING) waiting[s] = Number(await page.getByTestId(`dash-waiting-${s}`).locator('.ir-dashboard__count').innerText())
  const lowStock = /\((\d+) at or below threshold\)/.exec(await page.getByTestId('dash-low-stock').locator('h3').innerText())?.[1]
  const sellerRows = page.getByTestId('dash-top-sellers').locator('tbody tr')
  const topSellers: [string, number][] = []
  for (let i = 0; i < (await sellerRows.count()); i++) {
    const row = sellerRows.nth(i)
    topSellers.push([(await row.getAttribute('data-sku')) ?? '', Number(await row.getByTestId('units').innerText())])
  }
  const reversalLinks = page.getByTestId('dash-reversals').locator('a')
  const reversals: string[] = []
  for (let i = 0; i < (await reversalLinks.count()); i++) {
    reversals.push(`${await reversalLinks.nth(i).getAttribute('data-order')} ${await reversalLinks.nth(i).getAttribute('data-status')}`)
  }
  return {
    shownDay: await page.locator('.ir-dashboard').getAttribute('data-day'),
    today: await windowShown('today'),
    last7: await windowShown('last7'),
    last30: await windowShown('last30'),
    waiting,
    lowStock: Number(lowStock),
    topSellers,
    reversals,
  }
}

/** Follows a waiting figure's link and reads the statuses of the orders list it opens. */
export async function followWaitingLink(page: Page, status: string) {
  await page.getByTestId(`dash-waiting-${status}`).click()
  await page.waitForURL((url) => url.pathname.endsWith('/collections/orders'))
  await page.locator('.collection-list').waitFor()
  await page.waitForLoadState('networkidle')
  const cells = page.locator('table tbody td.cell-status')
  const statuses: string[] = []
  for (let i = 0; i < (await cells.count()); i++) statuses.push((await cells.nth(i).innerText()).trim().toLowerCase())
  return { url: decodeURIComponent(page.url()), statuses }
}

/** The dashboard as the merchandiser sees it, for docs/screenshots (left alone when it looks the same). */
export async function screenshotDashboard(page: Page, base: string) {
  await page.goto(`${base}/admin`, { waitUntil: 'networkidle' })
  await page.locator('.ir-dashboard__chart-area .recharts-bar-rectangle').first().waitFor()
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..')
  await saveScreenshot(page, path.join(root, 'docs/screenshots/admin-dashboard.png'))
}

import { writeFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { DEMO_FULFILMENT, DEMO_MERCHANDISER } from '../../src/seed/seedUsers'
import { describeWith } from '../helpers/services'
import { captureApiRequests, captureGuardRefusals, logInToAdmin, reloadAndRead, saveWith, type CapturedRequest } from './merchandiser'
import { launchBrowser, startStack, type Stack } from './stack'
import { fillMoney, pounds, readMoney } from './admin/money'
import * as moneyAndDates from './admin/moneyAndDates'
import * as stockAndOrders from './admin/stockAndOrders'
import * as csv from './admin/csv'
import * as dashboard from './admin/dashboard'
import { publishNewPriceAndWatch, recordFreshnessDelays } from './admin/freshness'
import { formatGBP } from '../../src/commerce/money'

const BUILD_AND_START_MS = 25 * 60_000
// E2E_CAPTURE_ADMIN_REQUESTS=<file> keeps what the admin sent (tests/fixtures/admin-requests.json is one such run).
const CAPTURE_FILE = process.env.E2E_CAPTURE_ADMIN_REQUESTS

type ProductRow = { id: number; title: string; price: number; variants?: unknown[] }

// The administrator a newcomer creates as the README says (ADMIN_EMAIL and ADMIN_PASSWORD given to the seed).
export const E2E_ADMIN = { email: 'admin@ipswich-retail.test', password: 'e2e-admin-password-0123' }

// The quick start as a newcomer gets it from `npm start`: no CMS_URL, no secrets, SQLite in a fresh data folder
// (PostgreSQL when TEST_DATABASE_URL is set). Catalogue steps as the demo merchandiser, order steps as the admin.
// One stack for the file; each area's steps live in tests/e2e/admin/<area>.ts and run in the order below.
describeWith('chromium', 'the admin in Chromium on the quick start', () => {
  let stack: Stack
  let browser: Browser
  const contexts: BrowserContext[] = []
  const captured: CapturedRequest[] = []

  beforeAll(async () => {
    stack = await startStack({ quickStart: true, storefront: true, admin: E2E_ADMIN })
    browser = await launchBrowser()
  }, BUILD_AND_START_MS)

  afterAll(async () => {
    if (CAPTURE_FILE) writeFileSync(CAPTURE_FILE, `${JSON.stringify(captured, null, 2)}\n`)
    await browser?.close()
    await stack?.stop()
  }, 30_000)

  async function newPage(): Promise<{ page: Page; refusals: string[] }> {
    // A UK merchandiser's browser: the native date inputs (the dashboard's day) read 03/12/2026, not 12/03/2026.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })
    contexts.push(context)
    const page = await context.newPage()
    const requests = captureApiRequests(page)
    page.on('close', () => captured.push(...requests))
    return { page, refusals: captureGuardRefusals(page) }
  }

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
  })

  async function publishedProduct(id: number): Promise<ProductRow> {
    return (await (await fetch(`http://localhost:${stack.cmsPort}/api/products/${id}?depth=0`)).json()) as ProductRow
  }

  it('should save a draft, publish, and create and publish a simple product at localhost', async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const listed = (await (await fetch(`${base}/api/products?limit=100&depth=0&sort=title`)).json()) as { docs: ProductRow[] }
    const simple = listed.docs.find((p) => !p.variants?.length)!
    const { page, refusals } = await newPage()
    await logInToAdmin(page, base, DEMO_MERCHANDISER)

    await page.goto(`${base}/admin/collections/products/${simple.id}`, { waitUntil: 'networkidle' })
    const draftPrice = simple.price + 101
    await fillMoney(page, 'field-price', draftPrice)
    await saveWith(page, 'action-save-draft')
    expect(await reloadAndRead(page, 'field-price')).toBe(pounds(draftPrice))
    expect((await publishedProduct(simple.id)).price).toBe(simple.price)

    await saveWith(page, 'action-save')
    expect(await reloadAndRead(page, 'field-price')).toBe(pounds(draftPrice))
    expect((await publishedProduct(simple.id)).price).toBe(draftPrice)

    await page.goto(`${base}/admin/collections/products/create`, { waitUntil: 'networkidle' })
    const title = `Enamel Trug ${Date.now()}`
    await page.locator('#field-title').fill(title)
    await fillMoney(page, 'field-price', 1250)
    await page.locator('#field-sku').fill(`TRUG-${Date.now()}`)
    await saveWith(page, 'action-save')
    await page.waitForURL((url) => /\/admin\/collections\/products\/\d+$/.test(url.pathname))
    expect(await reloadAndRead(page, 'field-title')).toBe(title)
    expect(await readMoney(page, 'field-price')).toBe(1250)
    const created = Number(new URL(page.url()).pathname.split('/').pop())
    expect(await publishedProduct(created)).toMatchObject({ title, price: 1250 })

    expect(refusals).toEqual([])
  }, 180_000)

  it('should create and publish a product with two variants, each with its options, price and stock row, and keep a picture of its edit page', async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const { page, refusals } = await newPage()
    await logInToAdmin(page, base, DEMO_MERCHANDISER)

    await page.goto(`${base}/admin/collections/products/create`, { waitUntil: 'networkidle' })
    // Each run starts on a fresh database, so fixed names stay unique (and the kept picture stays the same).
    const title = 'Fisherman Gansey'
    await page.locator('#field-title').fill(title)
    await fillMoney(page, 'field-price', 6400)
    const sizes = [
      { sku: 'GANSEY-NAVY-M', size: 'Medium', price: null },
      { sku: 'GANSEY-NAVY-L', size: 'Large', price: 6800 },
    ]
    for (const [i, variant] of sizes.entries()) {
      await page.getByRole('button', { name: 'Add Variant' }).click()
      await page.locator(`#field-variants__${i}__sku`).fill(variant.sku)
      await page.locator(`#field-variants__${i}__title`).fill(`${variant.size} / Navy`)
      await page.locator(`#field-variants__${i}__options`).getByRole('button', { name: 'Add Option' }).click()
      await page.locator(`#field-variants__${i}__options__0__name`).fill('Size')
      await page.locator(`#field-variants__${i}__options__0__value`).fill(variant.size)
      if (variant.price) await fillMoney(page, `field-variants__${i}__price`, variant.price)
    }
    await saveWith(page, 'action-save')
    await page.waitForURL((url) => /\/admin\/collections\/products\/\d+$/.test(url.pathname))
    const id = Number(new URL(page.url()).pathname.split('/').pop())

    type Variant = { sku: string; title: string; price?: number | null; options?: { name: string; value: string }[] }
    const published = (await publishedProduct(id)) as Omit<ProductRow, 'variants'> & { variants: Variant[] }
    expect(published).toMatchObject({ title, price: 6400 })
    expect(
      published.variants.map(({ sku, title, price, options }) => ({
        sku,
        title,
        price: price ?? null,
        options: options?.map(({ name, value }) => ({ name, value })),
      })),
    ).toEqual(sizes.map((v) => ({ sku: v.sku, title: `${v.size} / Navy`, price: v.price, options: [{ name: 'Size', value: v.size }] })))
    const token = await stockAndOrders.staffToken(base, DEMO_MERCHANDISER)
    const rows = await stockAndOrders.stockRows(base, token, `&where[sku][in]=${sizes.map((v) => v.sku).join(',')}`)
    expect(rows.map((r) => r.sku).sort()).toEqual(sizes.map((v) => v.sku).sort())

    await page.reload({ waitUntil: 'networkidle' })
    expect(await readMoney(page, 'field-variants__1__price')).toBe(6800)
    // Tall enough to show the variants under the price.
    await page.setViewportSize({ width: 1440, height: 1900 })
    await stockAndOrders.keepScreenshot(page, 'admin-product')
    expect(refusals).toEqual([])
  }, 180_000)

  it('should log in and publish a price at 127.0.0.1', async () => {
    const base = `http://127.0.0.1:${stack.cmsPort}`
    const listed = (await (await fetch(`${base}/api/products?limit=100&depth=0&sort=-title`)).json()) as { docs: ProductRow[] }
    const simple = listed.docs.find((p) => !p.variants?.length)!
    const { page, refusals } = await newPage()
    await logInToAdmin(page, base, DEMO_MERCHANDISER)

    await page.goto(`${base}/admin/collections/products/${simple.id}`, { waitUntil: 'networkidle' })
    const price = simple.price + 7
    await fillMoney(page, 'field-price', price)
    await saveWith(page, 'action-save')
    expect(await reloadAndRead(page, 'field-price')).toBe(pounds(price))
    expect((await publishedProduct(simple.id)).price).toBe(price)
    expect(refusals).toEqual([])
  }, 120_000)

  // ── money, dates and labels ──

  it('should list prices in pounds, featured as Yes/No and update times in the UK style, take 12.5 as £12.50 and refuse 12,50 under the field without saving it', async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const token = await moneyAndDates.staffToken(base, DEMO_MERCHANDISER)
    const { page, refusals } = await newPage()
    await logInToAdmin(page, base, DEMO_MERCHANDISER)

    const products = await moneyAndDates.productsByTitle(base, token, 10)
    const listed = await moneyAndDates.readProductsList(page, base, 10)
    expect(listed).toEqual(await moneyAndDates.expectedListRows(page, products))
    expect(listed.map((r) => r.updatedAt)).toEqual(listed.map(() => expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/)))

    const product = products.find((p) => !p.variants?.length)!
    await page.goto(`${base}/admin/collections/products/${product.id}`, { waitUntil: 'networkidle' })
    await moneyAndDates.typePrice(page, '12,50')
    expect(await moneyAndDates.priceError(page)).toBe('Use a point before the pence: 12.50, not 12,50')
    // Payload would read "12,50" as 12 pence: the draft and the publish are both refused, and neither is saved.
    expect(await moneyAndDates.toastAfter(page, 'action-save-draft')).toEqual({ kind: 'error', text: expect.stringContaining('price') })
    expect(await moneyAndDates.toastAfter(page, 'action-save')).toEqual({ kind: 'error', text: expect.stringContaining('price') })
    expect(await moneyAndDates.priceError(page)).toBe('Use a point before the pence: 12.50, not 12,50')
    expect((await moneyAndDates.latestProduct(base, token, product.id)).price).toBe(product.price)
    expect((await publishedProduct(product.id)).price).toBe(product.price)

    await moneyAndDates.typePrice(page, '12.5')
    expect(await page.locator('#field-price').inputValue()).toBe('12.50')
    expect((await moneyAndDates.toastAfter(page, 'action-save')).kind).toBe('success')
    expect((await publishedProduct(product.id)).price).toBe(1250)
    expect(refusals).toEqual([])
    await moneyAndDates.setPrice(base, token, product.id, product.price)
  }, 240_000)

  it("should show an order's totals in pounds, and make no request to another host on the dashboard, a list, a product and an order", async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const order = await moneyAndDates.placeOrder(base, await moneyAndDates.staffToken(base, E2E_ADMIN))
    const { page, refusals } = await newPage()
    const foreign = moneyAndDates.recordForeignRequests(page, base)
    await logInToAdmin(page, base, E2E_ADMIN)

    await page.goto(`${base}/admin`, { waitUntil: 'networkidle' })
    await page.goto(`${base}/admin/collections/products`, { waitUntil: 'networkidle' })
    // Click once the list's scripts have run (its date cells filled in), as a person would see it ready.
    await page.waitForFunction(() => [...document.querySelectorAll('td.cell-updatedAt')].every((td) => !/Loading/.test(td.textContent ?? '')))
    await page.locator('.table tbody tr td.cell-title a').first().click()
    await page.locator('#field-price').waitFor()
    await page.waitForLoadState('networkidle')
    const totals = await moneyAndDates.readOrderTotals(page, base, order.id)
    expect(totals).toEqual({
      subtotal: `£${pounds(order.totals.subtotal)}`,
      shipping: `£${pounds(order.totals.shipping)}`,
      vat: `£${pounds(order.totals.vat)}`,
      total: `£${pounds(order.totals.total)}`,
    })
    expect(foreign).toEqual([])
    expect(refusals).toEqual([])
  }, 240_000)

  // ── stock and orders ──

  it('should adjust stock through the panel, show the refusal of a too-large reduction in a toast, and filter the inventory by status', async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const token = await stockAndOrders.staffToken(base, DEMO_MERCHANDISER)
    const row = (await stockAndOrders.stockRows(base, token, '&where[stockStatus][equals]=ok'))[0]
    const { page, refusals } = await newPage()
    await logInToAdmin(page, base, DEMO_MERCHANDISER)

    await page.goto(`${base}/admin/collections/inventory/${row.id}`, { waitUntil: 'networkidle' })
    const added = await stockAndOrders.adjustThroughPanel(page, 5, 'Delivery from supplier')
    expect(added).toEqual({ kind: 'success', text: expect.stringContaining(`is now ${row.available + 5}`) })
    expect(await stockAndOrders.availableShown(page, row.available + 5)).toBe(String(row.available + 5))

    const refused = await stockAndOrders.adjustThroughPanel(page, -(row.available + 6), 'Stock take')
    expect(refused).toEqual({ kind: 'error', text: `Stock cannot go below 0 (available ${row.available + 5}, change -${row.available + 6})` })
    const [after] = await stockAndOrders.stockRows(base, token, `&where[sku][equals]=${row.sku}`)
    expect(after.available).toBe(row.available + 5)
    expect(refusals).toEqual([expect.stringContaining('Stock cannot go below 0')])

    const all = await stockAndOrders.stockRows(base, token)
    for (const status of ['out', 'low'] as const) {
      await stockAndOrders.filterInventoryByStatus(page, base, status)
      const listed = await stockAndOrders.listedRows(page)
      expect(listed.map((r) => r.sku).sort()).toEqual(stockAndOrders.expectedByFigures(all, status).sort())
      expect(new Set(listed.map((r) => r.badge))).toEqual(new Set([status === 'out' ? 'Out of stock' : 'Low']))
    }
    await stockAndOrders.keepScreenshot(page, 'admin-inventory-low')
  }, 240_000)

  it('should move a paid order to fulfilled through the panel, show names, numbers and options, and print its packing slip and VAT invoice', async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const token = await stockAndOrders.staffToken(base, E2E_ADMIN)
    const { order, options } = await stockAndOrders.placePaidOrder(base, token)
    const { page, refusals } = await newPage()
    await logInToAdmin(page, base, E2E_ADMIN)
    const seller = { legalName: 'Ipswich Retail Ltd', address: '1 Butter Market\nIpswich IP1 1BE', vatNumber: 'GB123456789' }
    expect((await stockAndOrders.fillSellerDetails(page, base, seller)).kind).toBe('success')

    await page.goto(`${base}/admin/collections/orders/${order.id}`, { waitUntil: 'networkidle' })
    const moved = await stockAndOrders.fulfilThroughPanel(page, 'Royal Mail', 'RM123456785GB')
    expect(moved).toEqual({ kind: 'success', text: `Order ${order.orderNumber} is now fulfilled.` })
    const shown = await stockAndOrders.orderPage(page, 'fulfilled')
    expect(shown.history.at(-1)).toMatch(/^paid → fulfilled · .+ · Administrator$/)
    expect(new Set(shown.movementOrders)).toEqual(new Set([order.orderNumber]))
    expect(shown.options).toEqual([options])
    expect([shown.carrier, shown.tracking]).toEqual(['Royal Mail', 'RM123456785GB'])
    await stockAndOrders.keepScreenshot(page, 'admin-order')

    const slip = await stockAndOrders.openPrintView(page.context(), page, 'Packing slip')
    for (const text of ['Packing slip', order.orderNumber, 'RM123456785GB', order.lines[0].sku, options, 'Harriet Cobbold']) expect(slip.text).toContain(text)
    const invoice = await stockAndOrders.openPrintView(page.context(), page, 'VAT invoice')
    await stockAndOrders.keepScreenshot(invoice.tab, 'admin-vat-invoice')
    const net = stockAndOrders.money(order.totals.total - order.totals.vat)
    for (const text of [
      'VAT invoice',
      order.orderNumber,
      'GB123456789',
      'Ipswich Retail Ltd',
      net,
      stockAndOrders.money(order.totals.vat),
      stockAndOrders.money(order.totals.total),
      '20%',
    ]) {
      expect(invoice.text).toContain(text)
    }

    // The order's own form saves too (staff notes), through the guard like every other form.
    await page.bringToFront()
    await page.locator('#field-internalNotes').fill('Left with the neighbour at no. 3')
    await saveWith(page, 'action-save')
    const saved = await fetch(`${base}/api/orders/${order.id}?depth=0`, { headers: { authorization: `JWT ${token}` } })
    expect((await saved.json()) as { internalNotes?: string; status: string }).toMatchObject({
      internalNotes: 'Left with the neighbour at no. 3',
      status: 'fulfilled',
    })
    expect(refusals).toEqual([])
  }, 240_000)

  // ── CSV import and export ──

  it('should refuse a CSV of 50 products with 3 bad rows by row number, writing nothing, then import the fixed file with its stock in the ledger, and export the filtered list and read it back', async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const token = await stockAndOrders.staffToken(base, DEMO_MERCHANDISER)
    const stamp = `csv${Date.now().toString(36)}`
    const { page, refusals } = await newPage()
    await logInToAdmin(page, base, DEMO_MERCHANDISER)

    const bad = await csv.previewThroughPanel(page, base, csv.productsCsv(stamp, 50, true), 'fifty-products.csv')
    expect(bad.errors).toEqual(['Row 5 price', 'Row 12 sku', 'Row 30 stock'])
    expect(await csv.importedState(base, token, stamp)).toEqual({ products: 0, ledgerSum: 0, ledgerNotes: new Set() })

    const good = await csv.previewThroughPanel(page, base, csv.productsCsv(stamp, 50, false), 'fifty-products.csv')
    expect([good.errors, good.productRows, good.pills[0]]).toEqual([[], 50, '50 new products'])
    expect(await csv.applyThroughPanel(page)).toBe('Import done.')
    expect(await csv.importedState(base, token, stamp)).toEqual({ products: 50, ledgerSum: csv.expectedStock(50), ledgerNotes: new Set(['CSV import #']) })

    const exported = await csv.exportFilteredList(page, base, stamp)
    expect(exported[0].slice(0, 4)).toEqual(['slug', 'title', 'status', 'price'])
    const expected = Array.from({ length: 50 }, (_, i) => [`${stamp}-${i + 1}`, (5 + (i + 1) / 4).toFixed(2), String(i + 1)])
    const readBack = exported.slice(1).map((r) => [r[0], r[3], r[18]])
    expect(readBack.sort()).toEqual(expected.sort())
    const again = await csv.previewThroughPanel(page, base, `${exported.map((r) => r.join(',')).join('\n')}\n`, 'export.csv')
    expect([again.errors, again.pills.slice(0, 3)]).toEqual([[], ['0 new products', '0 products changed', '50 unchanged']])
    expect(refusals).toEqual([])
  }, 300_000)

  // ── storefront freshness ──

  it('should show a price published in the admin on the product, category, home and search pages, and in a cart that held the old price', async () => {
    const { page } = await newPage()
    const run = await publishNewPriceAndWatch(stack, browser, page, DEMO_MERCHANDISER, E2E_ADMIN)
    recordFreshnessDelays(run)
    expect(run.publishedPrice).toBe(run.newPrice)
    const neverShown = Object.entries(run.delays).filter(([, ms]) => ms === null)
    expect(neverShown).toEqual([])
    expect(run.cartNotice).toContain(`from ${formatGBP(run.oldPrice)} to ${formatGBP(run.newPrice)}`)
    expect(run.checkoutNotice).toContain(`from ${formatGBP(run.oldPrice)} to ${formatGBP(run.newPrice)}`)
    expect(run.staleCheckout).toEqual({ status: 409, code: 'price_changed', quotedTotal: run.staleCheckout.newTotal, newTotal: expect.any(Number) })
    expect([run.ordersAfter, run.stockAfter]).toEqual([run.ordersBefore, run.stockBefore])
  }, 180_000)

  // ── dashboard (last: it checks figures the steps above left) ──

  it('should show sales, orders waiting, low stock, top sellers and refunds as worked out from the orders, with 23:30 UTC in summer on the next London day', async () => {
    const base = `http://localhost:${stack.cmsPort}`
    const token = await dashboard.staffToken(base, E2E_ADMIN)
    const [, refunded, cancelled, late] = await dashboard.placePaidOrders(base, token, 4)
    const summerDay = dashboard.pastSummerDay()
    // 23:30 UTC the evening before is 00:30 British Summer Time on summerDay. Written before the moves below, whose events refresh the cache.
    await dashboard.setCreatedAt(stack.databaseUrl, late.id, `${dashboard.plusDays(summerDay, -1)}T23:30:00.000Z`)
    await dashboard.moveOrder(base, token, refunded.id, 'refunded')
    await dashboard.moveOrder(base, token, cancelled.id, 'cancelled')
    const [orders, inventory] = [await dashboard.allOrders(base, token), await dashboard.allInventory(base, token)]
    const money = (f: dashboard.Figures) => ({
      revenue: formatGBP(f.revenue),
      orders: f.orders,
      refunded: formatGBP(f.refunded),
      cancellations: f.cancellations,
    })
    const { page, refusals } = await newPage()
    // Fulfilment: the dashboard's "waiting" links open the orders list, which merchandisers (no orders:read) may not.
    await logInToAdmin(page, base, DEMO_FULFILMENT)

    const shown = await dashboard.readDashboard(page, base)
    // The server's London day (the test never guesses it: a run across midnight still compares like with like).
    const today = shown.shownDay!
    expect(shown.today).toEqual(money(dashboard.expectedFigures(orders, today, 1)))
    expect(shown.last7).toEqual(money(dashboard.expectedFigures(orders, today, 7)))
    expect(shown.last30).toEqual(money(dashboard.expectedFigures(orders, today, 30)))
    expect(shown.waiting).toEqual(dashboard.expectedWaiting(orders))
    expect(shown.lowStock).toBe(dashboard.expectedLowStock(inventory))
    expect(shown.topSellers).toEqual(dashboard.expectedTopSellers(orders, today))
    expect(shown.reversals.slice(0, 2)).toEqual([`${cancelled.orderNumber} cancelled`, `${refunded.orderNumber} refunded`])

    const summer = await dashboard.readDashboard(page, base, summerDay)
    expect(dashboard.expectedFigures(orders, summerDay, 1)).toEqual({ revenue: late.totals.total, orders: 1, refunded: 0, refunds: 0, cancellations: 0 })
    expect([summer.shownDay, summer.today]).toEqual([summerDay, money(dashboard.expectedFigures(orders, summerDay, 1))])
    const eveningBefore = await dashboard.readDashboard(page, base, dashboard.plusDays(summerDay, -1))
    expect(eveningBefore.today).toEqual(money(dashboard.expectedFigures(orders, dashboard.plusDays(summerDay, -1), 1)))
    expect(eveningBefore.today.orders).toBe(0)

    await page.goto(`${base}/admin`, { waitUntil: 'networkidle' })
    const list = await dashboard.followWaitingLink(page, 'paid')
    expect(list.url).toContain('where[status][equals]=paid')
    expect(list.statuses).toEqual(Array(Math.min(dashboard.expectedWaiting(orders).paid, 10)).fill('paid'))
    await dashboard.screenshotDashboard(page, base)
    expect(refusals).toEqual([])
  }, 240_000)
})

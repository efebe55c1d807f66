import os from 'node:os'
import type { Browser, Page } from 'playwright-core'

import { appendResults } from '../../../bench/lib/results.mjs'
import { formatGBP } from '../../../src/commerce/money'
import { logInToAdmin, saveWith, staffToken } from '../merchandiser'
import { pollFor } from '../shopper'
import type { Stack } from '../stack'
import { fillMoney } from './money'

// Storefront freshness on the quick start (no REVALIDATE_SECRET, no CMS_URL): a merchandiser publishes a new price in
// the admin and every storefront page that shows the product is polled until it shows the new price.

const POLL_EVERY_MS = 100
/** Not a timing assertion: a page that never shows the price within this is broken, not slow. */
const GIVE_UP_MS = 30_000

type Category = { slug: string; breadcrumbs?: { url?: string }[] }
type Product = { id: number; title: string; slug: string; sku: string; price: number; variants?: unknown[]; categories?: (Category | number)[] }
type Totals = { total: number }
export type Who = { email: string; password: string }

/** The storefront pages that show a product's price: its own page, a category page, the home page, search. */
export type PageName = 'product' | 'category' | 'home' | 'search'

export type FreshnessRun = {
  product: Product
  oldPrice: number
  newPrice: number
  /** The price the CMS answers with after the publish: the pounds typed, in pence. */
  publishedPrice: number
  /** Milliseconds from the admin's publish being answered to the page first showing the new price; null: never. */
  delays: Record<PageName, number | null>
  /** What the shopper's cart and checkout said about the line they added at the old price. */
  cartNotice: string
  checkoutNotice: string
  /** POST /api/checkout with the total shown before the change. */
  staleCheckout: { status: number; code: string | undefined; quotedTotal: number | undefined; newTotal: number }
  ordersBefore: number
  ordersAfter: number
  stockBefore: number
  stockAfter: number
}

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T

/** The HTML between a marker and the end of its element: the price shown in one card or one product header. */
function snippetAfter(html: string, marker: string, end: string): string | null {
  const start = html.indexOf(marker)
  if (start < 0) return null
  const stop = html.indexOf(end, start)
  return html.slice(start, stop < 0 ? undefined : stop)
}

function shows(page: PageName, html: string, product: Product, pence: number): boolean {
  const price = `>${formatGBP(pence)}<`
  const where = page === 'product' ? snippetAfter(html, 'data-testid="product-price"', '</p>') : snippetAfter(html, `href="/products/${product.slug}"`, '</a>')
  return where?.includes(price) ?? false
}

function pageUrls(storefrontUrl: string, product: Product): Record<PageName, string> {
  const category = product.categories?.find((c): c is Category => typeof c === 'object')
  const categoryPath = category?.breadcrumbs?.at(-1)?.url ?? `/${category?.slug}`
  return {
    product: `${storefrontUrl}/products/${product.slug}`,
    category: `${storefrontUrl}/categories${categoryPath}`,
    home: `${storefrontUrl}/`,
    search: `${storefrontUrl}/search?q=${encodeURIComponent(product.title)}`,
  }
}

const fetchHtml = async (url: string) => (await fetch(url, { headers: { accept: 'text/html' } })).text()

/** A featured simple product in stock with a category, shown at its price on all four pages (which warms their caches). */
async function productOnEveryPage(stack: Stack): Promise<Product> {
  const query = 'where[featured][equals]=true&sort=-createdAt&limit=8&depth=1'
  const { docs } = await json<{ docs: Product[] }>(await fetch(`${stack.cmsUrl}/api/products?${query}`))
  for (const product of docs.filter((p) => !p.variants?.length && p.categories?.length && p.price > 500)) {
    const stock = await stockOf(stack, product.sku)
    if (stock < 2) continue
    const urls = pageUrls(stack.storefrontUrl, product)
    const seen = await Promise.all((Object.keys(urls) as PageName[]).map(async (name) => shows(name, await fetchHtml(urls[name]), product, product.price)))
    if (seen.every(Boolean)) return product
  }
  throw new Error('No featured simple product in stock is shown at its price on its page, its category page, the home page and search')
}

async function stockOf(stack: Stack, sku: string): Promise<number> {
  const { docs } = await json<{ docs: { available: number }[] }>(
    await fetch(`${stack.cmsUrl}/api/inventory?where[sku][equals]=${encodeURIComponent(sku)}&depth=0`),
  )
  return docs[0]?.available ?? 0
}

async function quoteTotal(stack: Stack, sku: string): Promise<number> {
  const res = await fetch(`${stack.cmsUrl}/api/cart/quote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ sku, quantity: 1 }], shippingCountry: 'GB' }),
  })
  return (await json<{ totals: Totals }>(res)).totals.total
}

async function countOrders(stack: Stack, admin: Who): Promise<number> {
  const token = await staffToken(stack.cmsUrl, admin)
  const res = await fetch(`${stack.cmsUrl}/api/orders?limit=1&depth=0`, { headers: { authorization: `JWT ${token}` } })
  return (await json<{ totalDocs: number }>(res)).totalDocs
}

/** Polls every page at once, each every 100 ms, until it shows the price; each delay counts from `since`. */
async function delaysUntilShown(urls: Record<PageName, string>, product: Product, pence: number, since: number) {
  const names = Object.keys(urls) as PageName[]
  const seen = await Promise.all(
    names.map(async (name) => {
      const found = await pollFor(GIVE_UP_MS, async () => shows(name, await fetchHtml(urls[name]), product, pence), POLL_EVERY_MS)
      return found.value ? Date.now() - since : null
    }),
  )
  return Object.fromEntries(names.map((name, i) => [name, seen[i]])) as Record<PageName, number | null>
}

async function staleCheckout(stack: Stack, sku: string, expectedTotal: number) {
  const res = await fetch(`${stack.cmsUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `freshness-${Date.now()}` },
    body: JSON.stringify({
      items: [{ sku, quantity: 1 }],
      email: 'harriet@example.com',
      shippingAddress: { name: 'Harriet Cobbold', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' },
      paymentMethod: 'manual',
      expectedTotal,
    }),
  })
  return json<{ error?: { code?: string; quote?: { totals?: Totals } } }>(res).then((body) => ({
    status: res.status,
    code: body.error?.code,
    quotedTotal: body.error?.quote?.totals?.total,
  }))
}

/**
 * A shopper adds the product at its old price; the merchandiser types a new price in pounds and publishes; the
 * four pages are polled until they show it; the shopper's cart and checkout are opened; a checkout sent with the
 * total shown before the change is refused.
 */
export async function publishNewPriceAndWatch(stack: Stack, browser: Browser, admin: Page, merchandiser: Who, staff: Who): Promise<FreshnessRun> {
  const product = await productOnEveryPage(stack)
  const oldPrice = product.price
  const newPrice = oldPrice - 200
  const urls = pageUrls(stack.storefrontUrl, product)
  const oldTotal = await quoteTotal(stack, product.sku)

  const shopperContext = await browser.newContext({ baseURL: stack.storefrontUrl, viewport: { width: 1280, height: 900 } })
  try {
    const shopper = await shopperContext.newPage()
    await shopper.goto(`/products/${product.slug}`, { waitUntil: 'networkidle' })
    await shopper.getByTestId('add-to-cart').click()
    await shopper.getByTestId('add-to-cart-status').filter({ hasText: 'Added' }).waitFor()

    await logInToAdmin(admin, `http://localhost:${stack.cmsPort}`, merchandiser)
    await admin.goto(`http://localhost:${stack.cmsPort}/admin/collections/products/${product.id}`, { waitUntil: 'networkidle' })
    await fillMoney(admin, 'field-price', newPrice)
    const answered = admin
      .waitForResponse((res) => new URL(res.url()).pathname === `/api/products/${product.id}` && res.request().method() !== 'GET')
      .then(() => Date.now())
    await saveWith(admin, 'action-save')
    const publishedAt = await answered
    const delays = await delaysUntilShown(urls, product, newPrice, publishedAt)
    const publishedPrice = (await json<Product>(await fetch(`${stack.cmsUrl}/api/products/${product.id}?depth=0`))).price

    await shopper.goto('/cart', { waitUntil: 'networkidle' })
    const cartNotice =
      (await shopper
        .getByTestId('line-price-changed')
        .textContent({ timeout: 5000 })
        .catch(() => '')) ?? ''
    await shopper.goto('/checkout', { waitUntil: 'networkidle' })
    const checkoutNotice =
      (await shopper
        .getByTestId('checkout-price-changed')
        .textContent({ timeout: 5000 })
        .catch(() => '')) ?? ''

    const [ordersBefore, stockBefore] = [await countOrders(stack, staff), await stockOf(stack, product.sku)]
    const stale = await staleCheckout(stack, product.sku, oldTotal)
    const [ordersAfter, stockAfter] = [await countOrders(stack, staff), await stockOf(stack, product.sku)]
    const newTotal = await quoteTotal(stack, product.sku)
    return {
      product,
      oldPrice,
      newPrice,
      publishedPrice,
      delays,
      cartNotice,
      checkoutNotice,
      staleCheckout: { ...stale, newTotal },
      ordersBefore,
      ordersAfter,
      stockBefore,
      stockAfter,
    }
  } finally {
    await shopperContext.close()
  }
}

/** Prints the delays and keeps them in bench/RESULTS.md (one section per database); never asserted on. */
export function recordFreshnessDelays(run: FreshnessRun) {
  const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'
  const shown = (ms: number | null) => (ms === null ? `not within ${GIVE_UP_MS / 1000} s` : `${ms} ms`)
  const rows = (Object.keys(run.delays) as PageName[]).map((name) => `| ${name} | ${shown(run.delays[name])} |`)
  console.log(`Storefront freshness on the quick start (${database}): ${rows.join(' ')}`)
  appendResults(`Storefront freshness on the quick start (${database})`, [
    `A price typed in the admin (demo merchandiser, Chromium) and published on the quick start as \`npm start\` runs it (no \`REVALIDATE_SECRET\` or \`CMS_URL\` set: the secret is generated in the data folder), ${formatGBP(run.oldPrice)} → ${formatGBP(run.newPrice)}; each page asked for every ${POLL_EVERY_MS} ms over HTTP until it showed the new price, counted from the admin's save being answered (target 2 s; never asserted on).`,
    '',
    '| page | new price shown after |',
    '| --- | --- |',
    ...rows,
    '',
    `Measured by \`tests/e2e/admin.e2e.spec.ts\` (storefront freshness) on ${new Date().toISOString()}, ${database}, built CMS and storefront, machine ${os.cpus()[0]?.model ?? 'unknown CPU'} (nproc ${os.cpus().length}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}.`,
  ])
}

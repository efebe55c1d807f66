import type { Page } from 'playwright-core'

// The merchandiser's CSV import page (the CSV imports list) and the Export button above the products list.
// Thresholds are 0 so the imported SKUs never count as low stock in the dashboard step that runs later.

type Answer<T> = { docs: T[]; totalDocs: number }

/** A product file of `count` simple products named after `stamp`; `broken` puts three bad rows in it (rows 5, 12 and 30). */
export function productsCsv(stamp: string, count: number, broken: boolean): string {
  const rows = ['slug,title,status,price,compare_at_price,weight,featured,categories,sku,stock,low_stock_threshold']
  for (let i = 1; i <= count; i++) {
    const row = i + 1
    const price = broken && row === 5 ? '"6,50"' : `${(5 + i / 4).toFixed(2)}`
    const sku = broken && row === 12 ? `${stamp.toUpperCase()}-2` : `${stamp.toUpperCase()}-${i}`
    const stock = broken && row === 30 ? 'ten' : String(i)
    rows.push(`${stamp}-${i},Imported mug ${i} (${stamp}),published,${price},,350,no,,${sku},${stock},0`)
  }
  return `${rows.join('\n')}\n`
}

export const expectedStock = (count: number) => (count * (count + 1)) / 2

async function api<T>(base: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `JWT ${token}` } })
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`)
  return (await res.json()) as T
}

/** What the shop holds for a stamp: products, and the sum of their SKUs' ledger rows. */
export async function importedState(base: string, token: string, stamp: string) {
  const products = await api<Answer<{ slug: string }>>(base, `/api/products?where[slug][like]=${stamp}-&limit=1&depth=0`, token)
  const ledger = await api<Answer<{ change: number; reason: string; note: string }>>(
    base,
    `/api/stock-movements?where[sku][like]=${stamp.toUpperCase()}-&limit=250&depth=0`,
    token,
  )
  return {
    products: products.totalDocs,
    ledgerSum: ledger.docs.reduce((sum, m) => sum + m.change, 0),
    ledgerNotes: new Set(ledger.docs.map((m) => m.note.split(' (')[0].replace(/#\d+/, '#'))),
  }
}

/** Opens the import page from the products list's "Import CSV…" button, chooses the file and previews it. */
export async function previewThroughPanel(page: Page, base: string, csv: string, fileName: string) {
  await page.goto(`${base}/admin/collections/products`, { waitUntil: 'networkidle' })
  await page.getByRole('link', { name: 'Import CSV…' }).click()
  await page.waitForURL((url) => url.pathname === '/admin/collections/imports')
  await page.locator('[data-testid="import-file"]').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Preview' }).click()
  const preview = page.locator('[data-testid="import-preview"]')
  await preview.waitFor()
  const errorRows = await page
    .locator('[data-testid="import-errors"] tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
  const productRows = await page.locator('[data-testid="import-products"] tbody tr').count()
  const pills = await preview.locator('.pill').allTextContents()
  return { pills: pills.map((p) => p.trim()), errors: errorRows.map(([row, column]) => `${row} ${column}`), productRows }
}

/** Clicks Apply and waits for the progress banner to say how the job ended. */
export async function applyThroughPanel(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Apply / }).click()
  const banner = page.locator('[data-testid="import-progress"]')
  await banner.getByText(/Import (done|failed)/).waitFor({ timeout: 120_000 })
  return ((await banner.textContent()) ?? '').trim()
}

/** Searches the products list, then downloads "Export filtered list as CSV" and reads the file. */
export async function exportFilteredList(page: Page, base: string, search: string): Promise<string[][]> {
  await page.goto(`${base}/admin/collections/products`, { waitUntil: 'networkidle' })
  await page.locator('.search-filter__input').fill(search)
  await page.waitForURL((url) => url.searchParams.get('search') === search)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export filtered list as CSV' }).click()])
  const stream = await download.createReadStream()
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  return text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))
}

// Drives more of the admin than tests/e2e/admin.e2e.spec.ts (version restore, bulk publish and edit, duplicate,
// delete, list preferences, the store-settings global, the account page, categories, inventory) and writes every
// API request it sent to a JSON file, for src/guard/adminRequests.spec.ts. Each step that fails is reported and
// skipped (on 2026-12-02 only "duplicate and delete" failed: the guard let the duplicate through, but the admin did
// not open a copy). Run with a build in .next:
//   E2E_REUSE_BUILD=true CHROMIUM_PATH=/usr/bin/chromium npx tsx tests/e2e/captureAdminRequests.ts <out.json>
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

import { DEMO_MERCHANDISER } from '../../src/seed/seedUsers'
import { captureApiRequests, captureGuardRefusals, logInToAdmin, saveWith, type CapturedRequest } from './merchandiser'
import { launchBrowser, startStack } from './stack'

const ADMIN = { email: 'capture-admin@ipswich-retail.test', password: 'capture-admin-password' }
Object.assign(process.env, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })

const out = process.argv[2] ?? 'admin-requests.json'
const stack = await startStack({ quickStart: true })
const browser = await launchBrowser()
const base = `http://localhost:${stack.cmsPort}`
const captured: CapturedRequest[] = []
const refusals: string[] = []
const failures: string[] = []

type Product = { id: number; title: string; variants?: unknown[] }
const products = ((await (await fetch(`${base}/api/products?limit=100&depth=0&sort=title`)).json()) as { docs: Product[] }).docs
const withVariants = products.find((p) => p.variants?.length)!
const simple = products.filter((p) => !p.variants?.length)

async function session(who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  const requests = captureApiRequests(page)
  const seen = captureGuardRefusals(page)
  page.on('close', () => {
    captured.push(...requests)
    refusals.push(...seen)
  })
  await logInToAdmin(page, base, who)
  return page
}

async function step(name: string, page: Page, run: () => Promise<unknown>) {
  try {
    await run()
    console.log(`✔ ${name}`)
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message.split('\n')[0]}`)
    console.log(`✖ ${name}: ${(error as Error).message.split('\n')[0]}`)
    await page.screenshot({ path: `/tmp/capture-${name.replace(/\W+/g, '-')}.png` }).catch(() => undefined)
  }
}

const confirm = (page: Page) => page.locator('#confirm-action').click()

try {
  const merch = await session(DEMO_MERCHANDISER)
  await step('edit a variant price and publish', merch, async () => {
    await merch.goto(`${base}/admin/collections/products/${withVariants.id}`, { waitUntil: 'networkidle' })
    await merch.locator('#field-variants__0__price').fill('777')
    await saveWith(merch, 'action-save-draft')
    await saveWith(merch, 'action-save')
  })
  await step('restore a version', merch, async () => {
    await merch.goto(`${base}/admin/collections/products/${withVariants.id}/versions`, { waitUntil: 'networkidle' })
    await merch.locator('table tbody tr a').nth(1).click()
    await merch.waitForURL((url) => /\/versions\/\d+$/.test(url.pathname))
    await merch.waitForLoadState('networkidle')
    await merch
      .getByRole('button', { name: /restore/i })
      .first()
      .click()
    await confirm(merch)
    await merch.waitForURL((url) => !/\/versions\//.test(url.pathname))
  })
  await step('sort the list (preferences)', merch, async () => {
    await merch.goto(`${base}/admin/collections/products`, { waitUntil: 'networkidle' })
    await merch.locator('.sort-column__buttons button').first().click()
    await merch.waitForLoadState('networkidle')
    await merch.locator('#toggle-list-columns').click()
    await merch.locator('.pill-selector__pill, .column-selector button').first().click()
    await merch.waitForLoadState('networkidle')
  })
  await step('bulk publish', merch, async () => {
    await merch.goto(`${base}/admin/collections/products?limit=10`, { waitUntil: 'networkidle' })
    await merch.locator('.row-1 .cell-_select input, tbody tr:nth-child(1) input[type="checkbox"]').first().check()
    await merch.locator('.row-2 .cell-_select input, tbody tr:nth-child(2) input[type="checkbox"]').first().check()
    await merch.getByRole('button', { name: /^publish$/i }).click()
    await confirm(merch)
    await merch.locator('.payload-toast-container .toast-success').first().waitFor()
  })
  await step('bulk edit', merch, async () => {
    await merch.goto(`${base}/admin/collections/products?limit=10`, { waitUntil: 'networkidle' })
    await merch.locator('tbody tr:nth-child(3) input[type="checkbox"]').first().check()
    await merch.locator('tbody tr:nth-child(4) input[type="checkbox"]').first().check()
    await merch.getByRole('button', { name: /^edit$/i }).click()
    await merch.locator('.field-select .rs__control').first().click()
    await merch.locator('.rs__option', { hasText: /^Weight$/ }).click()
    await merch.locator('#field-weight').fill('321')
    await merch
      .getByRole('button', { name: /publish changes/i })
      .last()
      .click()
    await merch.locator('.payload-toast-container .toast-success').first().waitFor()
  })
  await step('duplicate and delete a product', merch, async () => {
    await merch.goto(`${base}/admin/collections/products/${simple[2].id}`, { waitUntil: 'networkidle' })
    await merch.locator('.doc-controls__popup .popup-button').click()
    await merch.locator('#action-duplicate').click()
    await merch.waitForURL((url) => !url.pathname.endsWith(`/${simple[2].id}`))
    await merch.waitForLoadState('networkidle')
    await merch.locator('.doc-controls__popup .popup-button').click()
    await merch.locator('#action-delete').click()
    await confirm(merch)
    await merch.waitForURL((url) => url.pathname.endsWith('/collections/products'))
  })
  await step('unpublish a product', merch, async () => {
    await merch.goto(`${base}/admin/collections/products/${simple[3].id}`, { waitUntil: 'networkidle' })
    const unpublish = merch.locator('#action-unpublish')
    if (!(await unpublish.isVisible())) await merch.locator('.doc-controls__popup .popup-button').click()
    await unpublish.click()
    await confirm(merch)
    await merch.locator('.payload-toast-container .toast-success').first().waitFor()
  })
  await step('create a category', merch, async () => {
    await merch.goto(`${base}/admin/collections/categories/create`, { waitUntil: 'networkidle' })
    await merch.locator('#field-title').fill(`Capture ${Date.now()}`)
    await saveWith(merch, 'action-save')
  })
  await step('create a discount code', merch, async () => {
    await merch.goto(`${base}/admin/collections/discount-codes/create`, { waitUntil: 'networkidle' })
    await merch.locator('#field-code').fill(`CAPTURE${Date.now()}`)
    await merch.locator('#field-percentOff').fill('10')
    await saveWith(merch, 'action-save')
  })
  await step('edit an inventory row', merch, async () => {
    await merch.goto(`${base}/admin/collections/inventory`, { waitUntil: 'networkidle' })
    await merch.locator('tbody tr a').first().click()
    await merch.waitForLoadState('networkidle')
    const input = merch.locator('#field-lowStockThreshold')
    await input.fill('4')
    await saveWith(merch, 'action-save')
  })
  await merch.context().close()

  const admin = await session(ADMIN)
  await step('save the store settings', admin, async () => {
    await admin.goto(`${base}/admin/globals/store-settings`, { waitUntil: 'networkidle' })
    await admin.locator('#field-reservationMinutes').fill('45')
    await saveWith(admin, 'action-save')
  })
  await step('save the account page', admin, async () => {
    await admin.goto(`${base}/admin/account`, { waitUntil: 'networkidle' })
    await admin.locator('#field-name').fill('Capture Admin')
    await saveWith(admin, 'action-save')
  })
  await step('open orders and customers', admin, async () => {
    await admin.goto(`${base}/admin/collections/orders`, { waitUntil: 'networkidle' })
    await admin.goto(`${base}/admin/collections/customers`, { waitUntil: 'networkidle' })
    await admin.locator('tbody tr a').first().click()
    await admin.waitForLoadState('networkidle')
    await admin.locator('#field-phone').fill('01473 000001')
    await saveWith(admin, 'action-save')
  })
  await step('create a webhook and redeliver one of its deliveries', admin, async () => {
    await admin.goto(`${base}/admin/collections/webhooks/create`, { waitUntil: 'networkidle' })
    await admin.locator('#field-url').fill('http://127.0.0.1:9/capture-hook')
    await admin.locator('#field-events').click()
    await admin.locator('.rs__option', { hasText: 'stock.changed' }).click()
    await admin.locator('#field-ownerEmail').fill('capture-owner@example.com')
    await saveWith(admin, 'action-save')
    // A stock change through the API gives the webhook a delivery to send again.
    const sku = await admin.evaluate(async () => {
      const rows = await (await fetch('/api/inventory?limit=1&depth=0', { credentials: 'include' })).json()
      const row = rows.docs[0] as { id: number; sku: string }
      await fetch(`/api/inventory/adjust`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sku: row.sku, delta: 1, reason: 'Capture' }),
      })
      return row.sku
    })
    if (!sku) throw new Error('no inventory row to adjust')
    await admin.goto(`${base}/admin/collections/webhook-deliveries`, { waitUntil: 'networkidle' })
    await admin.locator('tbody tr a').first().click()
    await admin.waitForLoadState('networkidle')
    await admin.getByRole('button', { name: 'Redeliver' }).click()
    await admin.locator('.payload-toast-container .toast-success').first().waitFor()
  })

  await step('create an integration (API key)', admin, async () => {
    await admin.goto(`${base}/admin/collections/integrations/create`, { waitUntil: 'networkidle' })
    await admin.locator('#field-name').fill(`Capture ${Date.now()}`)
    await saveWith(admin, 'action-save')
  })
  await admin.context().close()
} finally {
  writeFileSync(out, `${JSON.stringify(captured, null, 2)}\n`)
  console.log(JSON.stringify({ captured: captured.length, refusals, failures }, null, 2))
  await browser.close()
  await stack.stop()
}

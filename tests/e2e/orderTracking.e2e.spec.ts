import path from 'node:path'
import type { Browser } from 'playwright-core'

import { DEMO_FULFILMENT } from '../../src/seed/seedUsers'
import { describeWith } from '../helpers/services'
import { axeViolations, describeViolations } from './axe'
import { seededCatalogue, type Catalogue } from './catalogue'
import { cmsClient } from './cmsClient'
import { saveScreenshot } from './screenshot'
import { addToCart, pollFor, submitCheckout } from './shopper'
import { launchBrowser, startStack, type Stack } from './stack'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const BUILD_AND_START_MS = 25 * 60_000
const ROYAL_MAIL = 'https://www.royalmail.com/track-your-item#/tracking-results/'

describeWith('chromium', 'carrier and tracking on the order page in Chromium against the built CMS and storefront', () => {
  let stack: Stack
  let browser: Browser
  let catalogue: Catalogue

  beforeAll(async () => {
    stack = await startStack()
    browser = await launchBrowser()
    catalogue = await seededCatalogue(cmsClient(stack.cmsUrl))
  }, BUILD_AND_START_MS)

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  }, 30_000)

  it('should show the carrier and link the same tracking page as the dispatch email once staff send the order, and pass axe', async () => {
    const context = await browser.newContext({ baseURL: stack.storefrontUrl, viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await addToCart(page, catalogue.simpleProduct.product.slug)
    await page.goto('/checkout')
    await submitCheckout(page, { card: '4242 4242 4242 4242', email: 'tracking@example.com' })
    await page.waitForURL(/\/orders\/IR-/)
    const orderNumber = (await page.getByTestId('order-number').textContent())!.trim()
    expect(await page.getByTestId('order-shipment').count()).toBe(0)

    const cms = cmsClient(stack.cmsUrl)
    const token = await cms.logIn('users', DEMO_FULFILMENT)
    const found = await cms.get<{ docs: { id: number }[] }>(`/api/orders?where[orderNumber][equals]=${orderNumber}&depth=0`, token)
    const moved = await fetch(`${stack.cmsUrl}/api/orders/${found.docs[0].id}/transition`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ to: 'fulfilled', carrier: 'Royal Mail', trackingNumber: 'RM987654321GB' }),
    })
    expect(moved.status).toBe(200)

    await page.reload()
    await expect(page.getByTestId('tracking-number').textContent()).resolves.toBe('RM987654321GB')
    expect(await page.getByTestId('tracking-link').getAttribute('href')).toBe(`${ROYAL_MAIL}RM987654321GB`)

    const email = await pollFor(30_000, () => stack.smtp.mails.find((m) => m.subject?.startsWith(`Your order ${orderNumber} is on its way`)))
    expect(String(email.value?.html)).toContain(`<a href="${ROYAL_MAIL}RM987654321GB"`)

    const violations = await axeViolations(page)
    console.log(`axe on the sent order page: ${describeViolations(violations)}`)
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    await page.getByTestId('order-shipment').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await saveScreenshot(page, path.join(root, 'docs/screenshots', 'order-tracking-1280.png'))
    await context.close()
  })
})

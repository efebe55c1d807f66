import path from 'node:path'
import type { Browser } from 'playwright-core'

import { DEMO_SETTINGS } from '../../src/seed/seedSettings'
import { describeWith } from '../helpers/services'
import { axeViolations, describeViolations } from './axe'
import { seededCatalogue, type Catalogue } from './catalogue'
import { cmsClient } from './cmsClient'
import { saveScreenshot } from './screenshot'
import { addToCart, pollFor, submitCheckout } from './shopper'
import { launchBrowser, startStack, type Stack } from './stack'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const BUILD_AND_START_MS = 25 * 60_000

describeWith('chromium', 'bank transfer in Chromium against the built CMS and storefront', () => {
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

  it('should show the demo bank details, the order number as reference and the pay-by date after checkout, as the email does, and pass axe', async () => {
    const context = await browser.newContext({ baseURL: stack.storefrontUrl, viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await addToCart(page, catalogue.simpleProduct.product.slug)
    await page.goto('/checkout')
    await submitCheckout(page, { card: null, email: 'bank-transfer@example.com' })
    await page.waitForURL(/\/orders\/IR-/)
    const orderNumber = (await page.getByTestId('order-number').textContent())!.trim()
    const text = async (id: string) => (await page.getByTestId(id).textContent())?.trim()

    const { bankDetails } = DEMO_SETTINGS
    expect([await text('pay-sort-code'), await text('pay-account-number'), await text('pay-reference')]).toEqual([
      bankDetails.sortCode,
      bankDetails.accountNumber,
      orderNumber,
    ])
    const payBy = await text('pay-by')
    expect(payBy).toMatch(/^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}$/)

    const email = await pollFor(30_000, () => stack.smtp.mails.find((m) => m.subject?.includes(orderNumber)))
    expect(email.value?.text).toContain(`by bank transfer by ${payBy}.`)
    expect(email.value?.text).toContain(`Sort code: ${bankDetails.sortCode}`)

    const violations = await axeViolations(page)
    console.log(`axe on the bank-transfer order page: ${describeViolations(violations)}`)
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    // The instructions start under the heading: the picture shows them whole.
    await page.getByTestId('payment-instructions').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await saveScreenshot(page, path.join(root, 'docs/screenshots', 'order-bank-transfer-1280.png'))
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByTestId('payment-instructions').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await saveScreenshot(page, path.join(root, 'docs/screenshots', 'order-bank-transfer-390.png'))
    await context.close()
  }, 120_000)
})

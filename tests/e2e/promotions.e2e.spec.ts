import type { Browser } from 'playwright-core'

import { DEMO_MERCHANDISER } from '../../src/seed/seedUsers'
import { formatPrice } from '../../storefront/lib/money'
import { describeWith } from '../helpers/services'
import { seededCatalogue, type Catalogue } from './catalogue'
import { cmsClient, type CmsClient } from './cmsClient'
import { logInToAdmin, saveWith } from './merchandiser'
import { addToCart, submitCheckout } from './shopper'
import { launchBrowser, startStack, type Stack } from './stack'

const BUILD_AND_START_MS = 25 * 60_000

describeWith('chromium', 'a discount code in Chromium against the built CMS and storefront', () => {
  let stack: Stack
  let browser: Browser
  let cms: CmsClient
  let catalogue: Catalogue
  let staff: string

  beforeAll(async () => {
    stack = await startStack()
    browser = await launchBrowser()
    cms = cmsClient(stack.cmsUrl)
    catalogue = await seededCatalogue(cms)
    staff = await cms.logIn('users', DEMO_MERCHANDISER)
    const res = await fetch(`${stack.cmsUrl}/api/discount-codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${staff}` },
      body: JSON.stringify({ code: 'SPRING15', type: 'percentage', percentOff: 15, usageLimit: 5 }),
    })
    if (res.status !== 201) throw new Error(`creating the code answered ${res.status}: ${await res.text()}`)
  }, BUILD_AND_START_MS)

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  }, 30_000)

  it('should let a shopper apply a code in the cart and pay the discounted total', async () => {
    const { product } = catalogue.simpleProduct
    const quote = await fetch(`${stack.cmsUrl}/api/cart/quote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ sku: product.sku, quantity: 1 }], discountCode: 'SPRING15', shippingCountry: 'GB' }),
    }).then((r) => r.json())
    expect(quote.totals.discount).toBeGreaterThan(0)

    const context = await browser.newContext({ baseURL: stack.storefrontUrl, viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await addToCart(page, product.slug)
    await page.goto('/cart', { waitUntil: 'networkidle' })
    await page.getByTestId('cart-discount-input').fill('nope')
    await page.getByTestId('cart-discount-apply').click()
    await expect(page.getByTestId('cart-discount-error').textContent()).resolves.toContain('unknown discount code')

    await page.getByTestId('cart-discount-input').fill('spring15')
    await page.getByTestId('cart-discount-apply').click()
    await page.getByTestId('cart-discount-applied').waitFor()
    expect(await page.getByTestId('cart-discount-applied').textContent()).toContain('SPRING15 (15 % off)')
    expect((await page.getByTestId('order-total').textContent())?.trim()).toBe(formatPrice(quote.totals.total))

    await page.getByTestId('go-to-checkout').click()
    await page.waitForURL(/\/checkout/)
    expect((await page.getByTestId('order-total').textContent())?.trim()).toBe(formatPrice(quote.totals.total))
    await submitCheckout(page, { card: '4242 4242 4242 4242', email: 'spring-shopper@example.com' })
    await page.waitForURL(/\/orders\/IR-/)
    expect((await page.getByTestId('order-total').textContent())?.trim()).toBe(formatPrice(quote.totals.total))
    expect((await page.getByTestId('order-discount').textContent())?.trim()).toBe(`-${formatPrice(quote.totals.discount)}`)

    const codes = await cms.get<{ docs: { used: number }[] }>('/api/discount-codes?where[code][equals]=SPRING15&depth=0', staff)
    expect(codes.docs[0].used).toBe(1)
    await context.close()
  }, 180_000)

  it('should let a merchandiser create a code in the admin, stored in capitals with no uses', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await logInToAdmin(page, stack.cmsUrl, DEMO_MERCHANDISER)
    await page.goto(`${stack.cmsUrl}/admin/collections/discount-codes/create`, { waitUntil: 'networkidle' })
    await page.locator('#field-code').fill('autumn5')
    await page.locator('#field-percentOff').fill('5')
    await saveWith(page, 'action-save')
    const codes = await cms.get<{ docs: { code: string; percentOff: number; used: number }[] }>(
      '/api/discount-codes?where[code][equals]=AUTUMN5&depth=0',
      staff,
    )
    expect(codes.docs.map((c) => [c.code, c.percentOff, c.used])).toEqual([['AUTUMN5', 5, 0]])
    await context.close()
  }, 120_000)
})

import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { appendResults } from '../../bench/lib/results.mjs'
import { DEMO_CUSTOMER, DEMO_FULFILMENT, DEMO_MERCHANDISER } from '../../src/seed/seedUsers'
import { formatPrice } from '../../storefront/lib/money'
import { describeWith } from '../helpers/services'
import { axeViolations, describeViolations } from './axe'
import { seededCatalogue, type Catalogue, type SeededProduct } from './catalogue'
import { cmsClient, type CmsClient } from './cmsClient'
import { fulfilThroughPanel, nextToast } from './admin/stockAndOrders'
import { saveScreenshot } from './screenshot'
import { addToCart, chooseVariant, exactly, logIn, pollFor, submitCheckout } from './shopper'
import { launchBrowser, startStack, type Stack } from './stack'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const APPROVED_CARD = '4242 4242 4242 4242'
const DECLINED_CARD = '4000 0000 0000 0002'
const BUILD_AND_START_MS = 25 * 60_000

/** Prints the delay a shopper saw and keeps it in bench/RESULTS.md; timings are reported, never asserted. */
function recordFreshness(seen: { value: unknown; elapsedMs: number }, editedAt: number) {
  const delay = seen.value ? `${seen.elapsedMs} ms` : 'not seen within 10 s'
  console.log(`Storefront freshness: a price edited through the CMS showed on the product page after ${delay}`)
  appendResults('Storefront freshness', [
    `Price edited with \`PATCH /api/products/:id\` (merchandiser) → new price on the product page: **${delay}** after the PATCH answered (target 2 s). The e2e test asks for the page every 100 ms, up to 10 s, then checks the price in Chromium; it never asserts on timing.`,
    '',
    `Measured by \`tests/e2e/storefront.e2e.spec.ts\` on ${new Date(editedAt).toISOString()}, ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, built CMS and storefront on 127.0.0.1, machine load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (nproc ${os.cpus().length}).`,
  ])
}

describeWith('chromium', 'storefront in Chromium against the built CMS and storefront', () => {
  let stack: Stack
  let browser: Browser
  let cms: CmsClient
  let catalogue: Catalogue
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    stack = await startStack()
    browser = await launchBrowser()
    cms = cmsClient(stack.cmsUrl)
    catalogue = await seededCatalogue(cms)
  }, BUILD_AND_START_MS)

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  }, 30_000)

  async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ baseURL: stack.storefrontUrl, viewport })
    contexts.push(context)
    return context.newPage()
  }

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
  })

  it('should take a logged-in customer from a category to a paid order, its email and their order history', async () => {
    const { product, sku } = catalogue.variantProduct
    const page = await newPage()
    await logIn(page, DEMO_CUSTOMER)

    await page.goto('/')
    const [department, subcategory] = catalogue.variantProduct.categoryLabels
    await page
      .getByTestId('category-link')
      .filter({ hasText: exactly(department) })
      .first()
      .click()
    await page
      .getByTestId('category-link')
      .filter({ hasText: exactly(subcategory) })
      .first()
      .click()
    await page.getByTestId('product-card').filter({ hasText: product.title }).click()
    await page.waitForURL(`**/products/${product.slug}`, { waitUntil: 'networkidle' })
    await chooseVariant(
      page,
      product.variants!.find((v) => v.sku === sku)!,
    )
    await page.getByTestId('add-to-cart').click()
    await page.getByTestId('add-to-cart-status').filter({ hasText: 'Added 1' }).waitFor()
    await page.getByTestId('cart-count').filter({ hasText: '1' }).waitFor()

    await page.getByTestId('cart-link').click()
    await page.locator(`[data-testid="cart-line"][data-sku="${sku}"]`).waitFor()
    await page.getByTestId('go-to-checkout').click()
    await submitCheckout(page, { card: APPROVED_CARD, email: DEMO_CUSTOMER.email })
    await page.waitForURL(/\/orders\/IR-/)
    const orderNumber = (await page.getByTestId('order-number').textContent())!.trim()
    expect(await page.getByTestId('order-status').textContent()).toBe('paid')

    const email = await pollFor(30_000, () =>
      stack.smtp.mails.find((m) => m.subject?.includes(orderNumber) && JSON.stringify(m.to).includes(DEMO_CUSTOMER.email)),
    )
    expect(email.value?.text).toContain(`/orders/${orderNumber}?token=`)

    await page.getByTestId('account-link').click()
    await page.locator(`[data-testid="account-order"][data-order-number="${orderNumber}"]`).waitFor()
  }, 120_000)

  it('should not add an out-of-stock item to the cart, even when the form is forced', async () => {
    const outOfStock = await cms.get<{ totalDocs: number; docs: { sku: string; product: { slug: string } }[] }>(
      '/api/inventory?where[available][equals]=0&depth=1',
    )
    expect(outOfStock.totalDocs).toBe(1)
    const page = await newPage()
    await page.goto(`/products/${outOfStock.docs[0].product.slug}`, { waitUntil: 'networkidle' })
    const button = page.getByTestId('add-to-cart')
    expect(await button.isDisabled()).toBe(true)
    expect(await button.textContent()).toBe('Out of stock')

    // What a crafted request would do: submit the form anyway, past the disabled button.
    await button.evaluate((b: HTMLButtonElement) => {
      b.disabled = false
      b.form!.requestSubmit(b)
    })
    await page.getByTestId('add-to-cart-status').filter({ hasText: /\S/ }).waitFor()
    expect(await page.getByTestId('add-to-cart-status').textContent()).not.toContain('Added')
    await page.goto('/cart')
    await page.getByTestId('cart-empty').waitFor()
  }, 60_000)

  it('should show a declined card as an error and create no order', async () => {
    const staff = await cms.logIn('users', DEMO_FULFILMENT)
    const ordersBefore = await cms.count('orders', staff)
    const page = await newPage()
    await addToCart(page, catalogue.simpleProduct.product.slug)
    await page.goto('/checkout')
    await submitCheckout(page, { card: DECLINED_CARD, email: 'declined@example.com' })

    await expect(page.getByTestId('checkout-error').textContent()).resolves.toContain('declined')
    expect(await page.getByTestId('checkout-card-number-error').textContent()).toBeTruthy()
    expect(new URL(page.url()).pathname).toBe('/checkout')
    expect(await cms.count('orders', staff)).toBe(ordersBefore)
  }, 60_000)

  it('should search from the header box, keep the query in it, narrow the results by a facet and pass axe', async () => {
    const page = await newPage()
    await page.goto('/')
    await page.locator('#site-search').fill('jumpr')
    await page.locator('#site-search').press('Enter')
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'jumpr')
    const firstThree = (await page.getByTestId('product-card').locator('.title').allTextContents()).slice(0, 3)
    const keptInBox = await page.locator('#site-search').inputValue()
    await page
      .getByRole('navigation', { name: 'Refine the results' })
      .getByRole('link', { name: /Knitwear/ })
      .click()
    await page.waitForURL((url) => url.searchParams.get('category') === 'knitwear')
    const narrowed = await page.getByRole('status').textContent()
    const facetCount = await page
      .getByRole('navigation', { name: 'Refine the results' })
      .getByRole('link', { name: /Knitwear/ })
      .textContent()
    const keptAfterFacet = await page.locator('#site-search').inputValue()
    const violations = await axeViolations(page)
    console.log(`axe on the search page: ${describeViolations(violations)}`)
    await saveScreenshot(page, path.join(root, 'docs/screenshots', 'search-1280.png'))
    expect([firstThree.some((t) => t.includes('Jumper')), keptInBox, keptAfterFacet]).toEqual([true, 'jumpr', 'jumpr'])
    expect(narrowed).toContain(`${facetCount!.match(/\((\d+)\)/)![1]} product`)
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  }, 60_000)

  it('should show a price edited through the CMS on the product page within 10 seconds', async () => {
    const { product } = catalogue.simpleProduct
    const staff = await cms.logIn('users', DEMO_MERCHANDISER)
    const page = await newPage()
    const url = `/products/${product.slug}`
    await page.goto(url)
    expect(await page.getByTestId('product-price').textContent()).toContain(formatPrice(product.price))
    const newPrice = product.price + 123

    await cms.patch(`/api/products/${product.id}`, { price: newPrice }, staff)
    const edited = Date.now()
    const seen = await pollFor(10_000, async () => (await (await page.request.get(url)).text()).includes(formatPrice(newPrice)))
    await page.goto(url)
    const shown = await page.getByTestId('product-price').textContent()
    await cms.patch(`/api/products/${product.id}`, { price: product.price }, staff)

    recordFreshness(seen, edited)
    expect(seen.value).toBe(true)
    expect(shown).toContain(formatPrice(newPrice))
  }, 60_000)

  it('should let fulfilment staff fulfil a paid order from the admin, saying first what is missing', async () => {
    const sku = catalogue.simpleProduct.product.sku!
    const placed = await fetch(`${stack.cmsUrl}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-admin-${Date.now()}` },
      body: JSON.stringify({
        items: [{ sku, quantity: 1 }],
        email: 'admin-flow@example.com',
        shippingAddress: { name: 'Harriet Cobbold', line1: '1 Tavern Street', city: 'Ipswich', postcode: 'IP1 3AA', country: 'GB' },
        paymentMethod: 'test-card',
        card: { number: APPROVED_CARD },
      }),
    })
    expect(placed.status).toBe(201)
    const { order } = (await placed.json()) as { order: { id: number; orderNumber: string } }

    const page = await newPage()
    await page.goto(`${stack.cmsUrl}/admin/login`, { waitUntil: 'networkidle' })
    await page.locator('input[name="email"]').fill(DEMO_FULFILMENT.email)
    await page.locator('input[name="password"]').fill(DEMO_FULFILMENT.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin')
    await page.goto(`${stack.cmsUrl}/admin/collections/orders/${order.id}`, { waitUntil: 'networkidle' })
    await page.locator('.order-actions .field-label', { hasText: '(paid)' }).waitFor()

    // The Move order panel answers in the admin's own toasts, with the server's message.
    const missing = await nextToast(page, () => page.locator('#move-to-fulfilled').click())
    expect(missing).toEqual({ kind: 'error', text: expect.stringMatching(/carrier/i) })

    expect((await fulfilThroughPanel(page, 'Royal Mail', 'RM123456785GB')).kind).toBe('success')
    await page.locator('.order-actions .field-label', { hasText: '(fulfilled)' }).waitFor()

    const staff = await cms.logIn('users', DEMO_FULFILMENT)
    const stored = await cms.get<{ status: string; fulfilment: { trackingNumber: string } }>(`/api/orders/${order.id}?depth=0`, staff)
    expect(stored).toMatchObject({ status: 'fulfilled', fulfilment: { trackingNumber: 'RM123456785GB' } })
    const shipped = await pollFor(30_000, () => stack.smtp.mails.find((m) => m.subject?.includes(order.orderNumber) && m.text?.includes('RM123456785GB')))
    expect(shipped.value).toBeDefined()
  }, 120_000)

  describe('option pickers, layout on a phone and the guest order look-up (issue 12)', () => {
    type Variant = { sku: string; options?: { name: string; value: string }[] | null }

    it('should pick options one at a time, disable a sold-out combination and keep the choice after adding', async () => {
      const staff = await cms.logIn('users', DEMO_MERCHANDISER)
      // A product described by two options (the demo jumper: sizes by colours), with a variant to sell out that shares its
      // first option with another in stock, and a third variant in stock to buy.
      const withColours = await cms.get<{ docs: (SeededProduct & { variants: Variant[] })[] }>(
        '/api/products?where[variants.options.name][equals]=Colour&limit=50&depth=0&sort=title',
      )
      const rows = await cms.get<{ docs: { sku: string; available: number }[] }>('/api/inventory?where[available][greater_than]=5&limit=100&depth=0', staff)
      const stocked = new Set(rows.docs.map((r) => r.sku))
      let picked: { product: SeededProduct; soldOut: Variant; wanted: Variant } | undefined
      for (const candidate of withColours.docs) {
        const variants = candidate.variants
        if ((variants[0]?.options?.length ?? 0) < 2) continue
        const soldOut = variants
          .slice(1)
          .find(
            (v) =>
              stocked.has(v.sku) &&
              variants.some((o) => o !== v && o.sku !== variants[0].sku && stocked.has(o.sku) && o.options![0].value === v.options![0].value),
          )
        const wanted = soldOut && variants.slice(1).find((v) => v !== soldOut && stocked.has(v.sku) && v.options![0].value !== variants[0].options![0].value)
        if (soldOut && wanted) picked = { product: candidate, soldOut, wanted }
        if (picked) break
      }
      expect(picked).toBeDefined()
      const { product, soldOut, wanted } = picked!
      const row = (await cms.get<{ docs: { available: number }[] }>(`/api/inventory?where[sku][equals]=${soldOut.sku}&depth=0`, staff)).docs[0]
      if (row.available > 0) await cms.post('/api/inventory/adjust', { sku: soldOut.sku, delta: -row.available, reason: 'e2e: sold out' }, staff)

      const page = await newPage()
      const [first, ...rest] = soldOut.options!
      const disabledInput = page.locator(
        `[data-testid="option-picker"][data-option="${rest[0].name}"] [data-testid="option-value"][data-value="${rest[0].value}"] input`,
      )
      const seen = await pollFor(
        15_000,
        async () => {
          await page.goto(`/products/${product.slug}`, { waitUntil: 'networkidle' })
          await page.locator(`[data-testid="option-picker"][data-option="${first.name}"] [data-testid="option-value"][data-value="${first.value}"]`).click()
          return disabledInput.isDisabled()
        },
        500,
      )
      expect(seen.value).toBe(true)
      expect(await page.getByTestId('option-picker').count()).toBe(soldOut.options!.length)

      // A shopper picks an in-stock variant other than the first, adds it twice: the pickers stay where they were.
      await chooseVariant(page, wanted)
      await page.getByTestId('add-to-cart').click()
      await page.getByTestId('add-to-cart-status').filter({ hasText: 'Added 1' }).waitFor()
      await page.locator(`[data-testid="chosen-sku"][data-sku="${wanted.sku}"]`).waitFor()
      for (const option of wanted.options ?? []) {
        expect(await page.locator(`[data-option="${option.name}"] [data-value="${option.value}"] input`).isChecked()).toBe(true)
      }
      await page.getByTestId('add-to-cart').click()
      await page.getByTestId('cart-count').filter({ hasText: '2' }).waitFor()
      await page.goto('/cart', { waitUntil: 'networkidle' })
      expect(await page.locator(`[data-testid="cart-line"][data-sku="${wanted.sku}"] input[name="quantity"]`).inputValue()).toBe('2')
      expect(await page.locator('[data-testid="cart-line"] .line-thumb img').count()).toBeGreaterThan(0)
      await saveScreenshot(page, path.join(root, 'docs/screenshots', 'cart-thumbnails-1280.png'))
    }, 90_000)

    it('should reach every top-level category from the header, on a wide screen and on a phone', async () => {
      const top = (await cms.get<{ docs: { title: string }[] }>('/api/categories?where[parent][exists]=false&limit=100&depth=0')).docs.map((c) => c.title)
      expect(top.length).toBeGreaterThan(8)
      const wide = await newPage()
      await wide.goto('/', { waitUntil: 'networkidle' })
      await wide.getByTestId('category-menu').locator('summary').click()
      const reachable = async (page: Page) =>
        new Set(
          (
            await page.locator('.category-nav [data-testid="category-link"]:visible, .category-nav [data-testid="category-menu-link"]:visible').allInnerTexts()
          ).map((t) => t.trim()),
        )
      expect([...(await reachable(wide))].sort()).toEqual([...top].sort())
      const phone = await newPage({ width: 390, height: 844 })
      await phone.goto('/', { waitUntil: 'networkidle' })
      await phone.getByTestId('category-menu').locator('summary').click()
      expect([...(await reachable(phone))].sort()).toEqual([...top].sort())
      await saveScreenshot(phone, path.join(root, 'docs/screenshots', 'category-menu-390.png'))
    }, 60_000)

    it('should put the add-to-cart, the first products and the order total on a phone’s first screen', async () => {
      const page = await newPage({ width: 390, height: 844 })
      await page.goto(`/products/${catalogue.variantProduct.product.slug}`, { waitUntil: 'networkidle' })
      const button = await page.getByTestId('add-to-cart').boundingBox()
      expect(button!.y + button!.height).toBeLessThanOrEqual(844)

      await page.goto(catalogue.variantProduct.categoryPath, { waitUntil: 'networkidle' })
      expect(await page.getByTestId('filter-panel').getAttribute('open')).toBeNull()
      const card = await page.getByTestId('product-card').first().boundingBox()
      expect(card!.y).toBeLessThan(844)
      await page.getByTestId('filter-toggle').click()
      await page.getByTestId('filter-in-stock').waitFor({ state: 'visible' })

      await addToCart(page, catalogue.simpleProduct.product.slug)
      await page.goto('/checkout', { waitUntil: 'networkidle' })
      const summary = await page.locator('aside.summary').boundingBox()
      const placeOrder = await page.getByTestId('place-order').boundingBox()
      const payTotal = await page.getByTestId('pay-total').boundingBox()
      expect(summary!.y).toBeLessThan(placeOrder!.y)
      expect(payTotal!.y).toBeLessThan(placeOrder!.y)
      expect(placeOrder!.y - (payTotal!.y + payTotal!.height)).toBeLessThan(100)
      await saveScreenshot(page, path.join(root, 'docs/screenshots', 'checkout-order-390.png'))
    }, 90_000)

    it('should find a guest’s order by number and email, say the same for a wrong email, and thank only after checkout', async () => {
      const page = await newPage()
      await addToCart(page, catalogue.simpleProduct.product.slug)
      await page.goto('/checkout')
      await submitCheckout(page, { card: APPROVED_CARD, email: 'lookup-guest@example.com' })
      await page.waitForURL(/\/orders\/IR-/)
      expect(await page.getByTestId('order-heading').textContent()).toBe('Thank you for your order')
      const orderNumber = (await page.getByTestId('order-number').textContent())!.trim()
      // The emailed link (no `placed`) names the order instead of thanking again.
      await page.goto(page.url().replace('&placed=1', ''))
      expect(await page.getByTestId('order-heading').textContent()).toBe(`Order ${orderNumber}`)

      await page.goto('/')
      await page.getByTestId('order-lookup-link').click()
      await page.waitForURL('**/orders/lookup')
      // Each look-up is a server action: wait for its answer, or React's reset of the form after it would undo the next fill.
      const lookUp = async (number: string, email: string) => {
        await page.getByTestId('order-lookup-number').fill(number)
        await page.getByTestId('order-lookup-email').fill(email)
        const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/orders/lookup')
        await page.getByTestId('order-lookup-submit').click()
        await answered
        await page.getByTestId('order-lookup-submit').and(page.locator(':enabled')).waitFor()
      }
      await lookUp(orderNumber, 'someone-else@example.com')
      const wrong = (await page.getByTestId('order-lookup-error').textContent())!
      await lookUp('IR-999999', 'lookup-guest@example.com')
      await page.getByTestId('order-lookup-error').filter({ hasText: wrong }).waitFor()
      await lookUp(orderNumber.toLowerCase(), 'Lookup-Guest@Example.com')
      await page
        .getByTestId('order-lookup-result')
        .waitFor()
        .catch(async (error: Error) => {
          throw new Error(`${error.message}\nThe page said: ${await page.locator('main').innerText()}`)
        })
      expect((await page.getByTestId('order-lookup-result').getByTestId('order-number').textContent())!.trim()).toBe(orderNumber)
      const violations = await axeViolations(page)
      console.log(`axe on the order look-up result: ${describeViolations(violations)}`)
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
      await saveScreenshot(page, path.join(root, 'docs/screenshots', 'order-lookup-1280.png'))
    }, 90_000)
  })

  it('should email a shopper who asked to be told, once a merchandiser restocks the sold-out item in the admin (back-in-stock plugin)', async () => {
    const staff = await cms.logIn('users', DEMO_MERCHANDISER)
    const { product } = catalogue.simpleProduct
    const sku = product.sku!
    const row = (await cms.get<{ docs: { id: number; available: number }[] }>(`/api/inventory?where[sku][equals]=${sku}&depth=0`, staff)).docs[0]
    await cms.post('/api/inventory/adjust', { sku, delta: -row.available, reason: 'e2e: sold out for back-in-stock' }, staff)

    const page = await newPage()
    const shown = await pollFor(
      15_000,
      async () => {
        await page.goto(`/products/${product.slug}`, { waitUntil: 'networkidle' })
        return page.getByTestId('notify-me').isVisible()
      },
      500,
    )
    expect(shown.value).toBe(true)
    const email = `back-in-stock-${Date.now()}@example.com`
    await page.getByTestId('notify-me-email').fill(email)
    await page.getByTestId('notify-me-submit').click()
    await page.getByTestId('notify-me-done').waitFor()

    // A merchandiser puts the stock back through the inventory row's stock panel, as they would after a delivery.
    const admin = await newPage()
    await admin.goto(`${stack.cmsUrl}/admin/login`, { waitUntil: 'networkidle' })
    await admin.locator('input[name="email"]').fill(DEMO_MERCHANDISER.email)
    await admin.locator('input[name="password"]').fill(DEMO_MERCHANDISER.password)
    await admin.locator('button[type="submit"]').click()
    await admin.waitForURL((url) => url.pathname === '/admin')
    await admin.goto(`${stack.cmsUrl}/admin/collections/inventory/${row.id}`, { waitUntil: 'networkidle' })
    await admin.locator('#field-adjustAmount').fill(String(row.available + 5))
    await admin.locator('#field-adjustReason').fill('Delivery from supplier')
    expect((await nextToast(admin, () => admin.getByRole('button', { name: 'Apply', exact: true }).click())).kind).toBe('success')

    const mail = await pollFor(30_000, () => stack.smtp.mails.find((m) => JSON.stringify(m.to).includes(email)))
    expect(mail.value?.subject).toBe(`Back in stock: ${product.title}`)
    expect(mail.value?.text).toContain(`/products/${product.slug}`)
    expect(stack.smtp.mails.filter((m) => JSON.stringify(m.to).includes(email))).toHaveLength(1)
  }, 120_000)

  describe('with an item in the cart', () => {
    const names = ['home', 'category', 'product', 'cart', 'checkout', 'lookup'] as const
    const pathOf = (name: (typeof names)[number]) =>
      ({
        home: '/',
        category: catalogue.variantProduct.categoryPath,
        product: `/products/${catalogue.variantProduct.product.slug}`,
        cart: '/cart',
        checkout: '/checkout',
        lookup: '/orders/lookup',
      })[name]

    it.each(names)(
      'should have no serious or critical accessibility violations on the %s page',
      async (name) => {
        const page = await newPage()
        await addToCart(page, catalogue.simpleProduct.product.slug)
        await page.goto(pathOf(name), { waitUntil: 'networkidle' })
        const violations = await axeViolations(page)
        const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        console.log(`axe on the ${name} page: ${describeViolations(violations)}`)
        expect(blocking).toEqual([])
      },
      60_000,
    )

    it.each(
      names.flatMap(
        (name) =>
          [
            [name, 390, 844],
            [name, 1280, 800],
          ] as const,
      ),
    )(
      'should lay out the %s page without sideways scrolling at %i px wide (screenshot in docs/screenshots)',
      async (name, width, height) => {
        const page = await newPage({ width, height })
        await addToCart(page, catalogue.simpleProduct.product.slug)
        await page.goto(pathOf(name), { waitUntil: 'networkidle' })
        await saveScreenshot(page, path.join(root, 'docs/screenshots', `${name}-${width}.png`))
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      },
      60_000,
    )
  })
})

import type { Browser, BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'

import { DEMO_CUSTOMER, DEMO_MERCHANDISER } from '../../src/seed/seedUsers'
import { describeWith } from '../helpers/services'
import { listenOnLoopback } from '../helpers/listen'
import { fillMoney } from './admin/money'
import { seededCatalogue, type Catalogue } from './catalogue'
import { cmsClient } from './cmsClient'
import { logInToAdmin, saveWith, staffToken } from './merchandiser'
import { addToCart, logIn } from './shopper'
import { launchBrowser, startStack, type Stack } from './stack'

const BUILD_AND_START_MS = 25 * 60_000

/** Every CSP violation the page reports, from the DOM event and from Chromium's console. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text())
  })
  await page.exposeFunction('__reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __reportViolation: (t: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  return violations
}

const scriptSources = (policy: string | null) => (policy ?? '').split(';').find((d) => d.trim().startsWith('script-src')) ?? ''

// Issue 18, item 5: framing, the admin's and the storefront's CSP, the open redirect and the polyglot, in Chromium
// against the built CMS (its production server) and storefront (standalone), as `npm start` gives a newcomer.
describeWith('chromium', 'security headers and redirects in Chromium', () => {
  let stack: Stack
  let browser: Browser
  let catalogue: Catalogue
  let framer: { url: string; close: () => Promise<void> }
  const contexts: BrowserContext[] = []
  let cmsBase: string

  beforeAll(async () => {
    stack = await startStack({ quickStart: true, storefront: true })
    cmsBase = `http://localhost:${stack.cmsPort}`
    browser = await launchBrowser()
    catalogue = await seededCatalogue(cmsClient(stack.cmsUrl))
    // A page on another origin that frames whatever ?src= names, beside a frame of its own that nothing refuses.
    framer = await listenOnLoopback((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src')
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(src ? `<iframe id="target" src="${src}"></iframe><iframe id="control" src="/plain"></iframe>` : '<p id="plain">framed fine</p>')
    })
  }, BUILD_AND_START_MS)

  afterAll(async () => {
    await framer?.close()
    await browser?.close()
    await stack?.stop()
  }, 30_000)

  async function newPage(baseURL?: string): Promise<Page> {
    const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    return context.newPage()
  }

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
  })

  /** Loads the other origin's page framing `src`; says whether the target frame shows `selector` and whether the control frame loaded. */
  async function frame(src: string, selector: string): Promise<{ targetShows: boolean; controlShows: boolean; targetUrl: string }> {
    const page = await newPage()
    await page.goto(`${framer.url}/?src=${encodeURIComponent(src)}`, { waitUntil: 'load' })
    const target = await (await page.$('#target'))!.contentFrame()
    const control = await (await page.$('#control'))!.contentFrame()
    await control!.waitForSelector('#plain')
    return {
      targetShows: (await target!.$(selector)) !== null,
      controlShows: (await control!.$('#plain')) !== null,
      targetUrl: target!.url(),
    }
  }

  it('should refuse to let another origin frame the admin (and the storefront)', async () => {
    const admin = await frame(`${cmsBase}/admin/login`, 'input[name="email"]')
    const shop = await frame(`${stack.storefrontUrl}/`, 'main')
    expect([admin.controlShows, admin.targetShows, shop.controlShows, shop.targetShows]).toEqual([true, false, true, false])
    expect(admin.targetUrl).not.toMatch(/\/admin\/login$/)
  }, 120_000)

  it('should send X-Frame-Options, nosniff, Referrer-Policy and a nonce CSP without unsafe-inline with the admin', async () => {
    const res = await fetch(`${cmsBase}/admin/login`)
    const policy = res.headers.get('content-security-policy')
    expect([res.headers.get('x-frame-options'), res.headers.get('x-content-type-options'), res.headers.get('referrer-policy')]).toEqual([
      'DENY',
      'nosniff',
      'same-origin',
    ])
    expect(policy).toContain("frame-ancestors 'none'")
    expect(scriptSources(policy)).toMatch(/'nonce-[A-Za-z0-9+/=]+'/)
    expect(scriptSources(policy)).not.toContain('unsafe-inline')
    const api = await fetch(`${cmsBase}/api/products?limit=1`)
    expect(api.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
  })

  it('should let a merchandiser log in, open the dashboard, and edit and save a product under the admin CSP with no violation', async () => {
    const page = await newPage()
    const violations = await watchViolations(page)
    await logInToAdmin(page, cmsBase, DEMO_MERCHANDISER)
    await page.goto(`${cmsBase}/admin`, { waitUntil: 'networkidle' })
    const product = catalogue.simpleProduct.product
    await page.goto(`${cmsBase}/admin/collections/products/${product.id}`, { waitUntil: 'networkidle' })
    await fillMoney(page, 'field-price', product.price + 1)
    await saveWith(page, 'action-save')
    expect(violations).toEqual([])
  }, 180_000)

  it('should hydrate storefront pages under a nonce CSP with no unsafe-inline: add to cart works, nothing is refused', async () => {
    const url = `${stack.storefrontUrl}/products/${catalogue.simpleProduct.product.slug}`
    const first = await fetch(url)
    const second = await fetch(url)
    const [a, b] = [first, second].map((r) => scriptSources(r.headers.get('content-security-policy')))
    expect(a).toMatch(/'nonce-[A-Za-z0-9+/=]+'/)
    expect(a).not.toContain('unsafe-inline')
    expect(a).not.toBe(b)
    // The second is answered from the page cache (storefront/lib/pageCache): its scripts carry its own new nonce.
    expect(second.headers.get('x-page-cache')).toBe('hit')
    const nonce = /'nonce-([^']+)'/.exec(b)?.[1]
    const scriptNonces = [...(await second.text()).matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map((m) => m[1])
    expect(scriptNonces.length).toBeGreaterThan(0)
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]))

    const page = await newPage(stack.storefrontUrl)
    const violations = await watchViolations(page)
    const opened = await page.goto(`/products/${catalogue.simpleProduct.product.slug}`, { waitUntil: 'networkidle' })
    expect(opened?.headers()['x-page-cache']).toBe('hit')
    // The header's account link says "Log in" only once React has hydrated the kept page (HeaderSession).
    await page.getByTestId('account-link').filter({ hasText: 'Log in' }).waitFor()
    await addToCart(page, catalogue.simpleProduct.product.slug)
    await page.goto('/cart', { waitUntil: 'networkidle' })
    await page.getByText(catalogue.simpleProduct.product.title).first().waitFor()
    expect(violations).toEqual([])
  }, 120_000)

  it('should keep a logged-in shopper on the storefront whatever next says, and answer a non-ASCII next without a 500', async () => {
    const page = await newPage(stack.storefrontUrl)
    await logIn(page, DEMO_CUSTOMER)
    const storefront = new URL(stack.storefrontUrl).host
    await page.goto('/account/login?next=/%09/evil.example/')
    expect([new URL(page.url()).host, new URL(page.url()).pathname]).toEqual([storefront, '/account'])
    const nonAscii = await page.goto('/account/login?next=/caf%C3%A9')
    expect(nonAscii!.status()).toBeLessThan(500)
    expect([new URL(page.url()).host, new URL(page.url()).pathname]).toEqual([storefront, '/caf%C3%A9'])
  }, 120_000)

  it('should store a PNG/HTML polyglot sent as poly.html as poly.png, served so Chromium shows an image and runs nothing', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer()
    const polyglot = Buffer.concat([png, Buffer.from('<html><body><script>alert(document.domain)</script></body></html>')])
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(polyglot)], { type: 'text/html' }), 'poly.html')
    form.append('_payload', JSON.stringify({ alt: 'Polyglot' }))
    const token = await staffToken(cmsBase, DEMO_MERCHANDISER)
    const created = await fetch(`${cmsBase}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
    const doc = ((await created.json()) as { doc: { filename: string; url: string } }).doc
    expect([created.status, doc.filename]).toEqual([201, 'poly.png'])

    const fileUrl = `${cmsBase}/api/media/file/${doc.filename}`
    const served = await fetch(fileUrl)
    expect([served.headers.get('content-type'), served.headers.get('x-content-type-options')]).toEqual(['image/png', 'nosniff'])
    expect(served.headers.get('content-security-policy')).toContain('sandbox')

    const page = await newPage()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(fileUrl, { waitUntil: 'load' })
    expect([await page.evaluate(() => document.contentType), dialogs]).toEqual(['image/png', []])
  }, 120_000)
})

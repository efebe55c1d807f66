import { generate } from 'otplib'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { formatGBP } from '../../src/commerce/money'
import { DEMO_MERCHANDISER } from '../../src/seed/seedUsers'
import { describeWith } from '../helpers/services'
import { fillMoney } from './admin/money'
import { logInToAdmin, saveWith } from './merchandiser'
import { launchBrowser, startStack, type Stack } from './stack'

const BUILD_AND_START_MS = 25 * 60_000
const ADMIN = { email: 'admin-2fa@ipswich-retail.test', password: 'e2e-admin-password-0123' }

// Staff two-factor through the admin's own login screen, and the audit log as an admin reads it, on the quick start.
// The steps run in order on one stack: the admin enrolled by the first is the one the others log in as.
describeWith('chromium', 'two-factor and the audit log in the admin (Chromium)', () => {
  let stack: Stack
  let browser: Browser
  let base: string
  const contexts: BrowserContext[] = []
  const enrolled = { secret: '', recoveryCodes: [] as string[] }

  beforeAll(async () => {
    stack = await startStack({ quickStart: true, storefront: false, admin: ADMIN })
    base = `http://localhost:${stack.cmsPort}`
    browser = await launchBrowser()
  }, BUILD_AND_START_MS)

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  }, 30_000)

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
  })

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })
    contexts.push(context)
    return context.newPage()
  }

  // The password on the real login form; an enrolled account is then sent on to the code step.
  async function passwordStep(page: Page) {
    await page.goto(`${base}/admin/login`, { waitUntil: 'networkidle' })
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin/two-factor')
  }

  async function codeStep(page: Page, code: string) {
    await page.locator('#two-factor-code').fill(code)
    await page.getByRole('button', { name: 'Verify' }).click()
  }

  const nextCode = () => generate({ secret: enrolled.secret, epoch: Math.floor(Date.now() / 1000) + 30 })

  it('should let an admin enrol from the account page, log out, and log in again with a code', async () => {
    const page = await newPage()
    await page.goto(`${base}/admin/login`, { waitUntil: 'networkidle' })
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin')

    await page.goto(`${base}/admin/account`, { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click()
    enrolled.secret = (await page.locator('.two-factor__secret').textContent())!.trim()
    await expect(page.locator('.two-factor__qr svg').count()).resolves.toBe(1)
    await page.locator('#two-factor-code').fill(await generate({ secret: enrolled.secret }))
    await page.getByRole('button', { name: 'Turn on two-factor' }).click()
    await page.locator('.two-factor__recovery-codes code, .two-factor__problem').first().waitFor()
    expect(await page.locator('.two-factor__problem').count()).toBe(0)
    enrolled.recoveryCodes = await page.locator('.two-factor__recovery-codes code').allTextContents()
    await page.getByRole('button', { name: 'Done' }).click()
    await page.waitForLoadState('networkidle')
    expect([enrolled.recoveryCodes.length, await page.locator('.two-factor-panel__state').textContent()]).toEqual([10, 'On'])

    await page.goto(`${base}/admin/logout`, { waitUntil: 'networkidle' })
    await page.waitForURL((url) => url.pathname === '/admin/login')
    await passwordStep(page)
    await codeStep(page, await nextCode())
    await page.waitForURL((url) => url.pathname === '/admin')
    await page.goto(`${base}/admin/account`, { waitUntil: 'networkidle' })
    expect(await page.locator('input#field-email').inputValue()).toBe(ADMIN.email)
  })

  it('should take a recovery code on the login screen once and refuse it the second time', async () => {
    const code = enrolled.recoveryCodes[0]
    const first = await newPage()
    await passwordStep(first)
    await codeStep(first, code)
    await first.waitForURL((url) => url.pathname === '/admin')

    const second = await newPage()
    await passwordStep(second)
    await codeStep(second, code)
    const problem = second.locator('.two-factor__problem')
    await problem.waitFor()
    expect([await problem.textContent(), new URL(second.url()).pathname]).toEqual(['The code is wrong or was already used', '/admin/two-factor'])
  })

  it('should show the admin the merchandiser’s price change in the audit log', async () => {
    const listed = (await (await fetch(`${base}/api/products?limit=100&depth=0&sort=title`)).json()) as {
      docs: { id: number; title: string; price: number; sku?: string; variants?: unknown[] }[]
    }
    const product = listed.docs.find((p) => !p.variants?.length && p.sku)!
    const merch = await newPage()
    await logInToAdmin(merch, base, DEMO_MERCHANDISER)
    await merch.goto(`${base}/admin/collections/products/${product.id}`, { waitUntil: 'networkidle' })
    await fillMoney(merch, 'field-price', product.price + 250)
    await saveWith(merch, 'action-save')

    const admin = await newPage()
    await passwordStep(admin)
    await codeStep(admin, enrolled.recoveryCodes[1])
    await admin.waitForURL((url) => url.pathname === '/admin')
    await admin.goto(`${base}/admin/collections/audit-log`, { waitUntil: 'networkidle' })
    const row = admin.locator('table tbody tr', { hasText: 'product.price_changed' }).first()
    await row.waitFor()
    const text = (await row.textContent()) ?? ''
    expect(text).toContain(DEMO_MERCHANDISER.email)
    expect(text).toContain(`${formatGBP(product.price)} → ${formatGBP(product.price + 250)}`)
    expect(await row.locator('a.audit-target').getAttribute('href')).toBe(`/admin/collections/products/${product.id}`)
  })

  it("should let the admin reset another admin's two-factor with the button on their record", async () => {
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${base}/api${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      const answer = (await res.json()) as Record<string, any>
      if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(answer)}`)
      return answer
    }
    // A second admin with two-factor on, made over the API by the enrolled admin.
    const adminToken = (await post('/users/login', { ...ADMIN, code: enrolled.recoveryCodes[2] })).token as string
    const colleague = { email: 'lost-phone-admin@ipswich-retail.test', password: 'e2e-colleague-password-0123' }
    const created = await post('/users', { ...colleague, roles: ['admin'] }, adminToken)
    const colleagueToken = (await post('/users/login', colleague)).token as string
    const setup = await post('/users/two-factor/setup', {}, colleagueToken)
    await post('/users/two-factor/enable', { code: await generate({ secret: setup.secret }) }, colleagueToken)

    const admin = await newPage()
    await passwordStep(admin)
    await codeStep(admin, enrolled.recoveryCodes[3])
    await admin.waitForURL((url) => url.pathname === '/admin')
    await admin.goto(`${base}/admin/collections/users/${created.doc.id}`, { waitUntil: 'networkidle' })
    expect(await admin.locator('.two-factor-panel__state').textContent()).toBe('On')
    await admin.getByRole('button', { name: 'Reset two-factor' }).click()
    await admin.getByRole('button', { name: 'Confirm reset' }).click()
    await admin.locator('.two-factor-panel__state', { hasText: 'Off' }).waitFor()
    const nextLogin = await post('/users/login', colleague)
    expect([nextLogin.twoFactor ?? 'none', Boolean(nextLogin.token)]).toEqual(['none', true])
  })
})

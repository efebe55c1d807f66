import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'

import { describeWith } from '../helpers/services'
import { cmsClient } from './cmsClient'
import { logIn } from './shopper'
import { launchBrowser, startStack, type Stack } from './stack'

const BUILD_AND_START_MS = 25 * 60_000
const SHOPPER = { email: 'privacy-shopper@example.com', password: 'privacy-password-123', name: 'Priya Shopper' }

// Issue 18, item 6: a customer downloads their data and deletes their account from the storefront.
describeWith('chromium', 'a customer’s data and account deletion on the storefront in Chromium', () => {
  let stack: Stack
  let browser: Browser

  beforeAll(async () => {
    stack = await startStack()
    browser = await launchBrowser()
    await cmsClient(stack.cmsUrl).post('/api/customers', SHOPPER)
  }, BUILD_AND_START_MS)

  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  }, 30_000)

  it('should download the customer’s data as JSON, then delete the account so it can no longer log in', async () => {
    const context = await browser.newContext({ baseURL: stack.storefrontUrl, viewport: { width: 1280, height: 800 }, acceptDownloads: true })
    const page = await context.newPage()
    await logIn(page, SHOPPER)
    await page.getByRole('link', { name: 'Your data' }).click()
    await page.waitForURL((url) => url.pathname === '/account/privacy')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-data').click()])
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect([data.account.email, data.account.name, JSON.stringify(data).includes('"hash"')]).toEqual([SHOPPER.email, SHOPPER.name, false])

    await page.locator('#confirmEmail').fill('not-me@example.com')
    await page.getByTestId('delete-account').click()
    await expect(page.getByTestId('privacy-error').textContent()).resolves.toContain('not the email address of this account')

    await page.locator('#confirmEmail').fill(SHOPPER.email)
    await page.getByTestId('delete-account').click()
    await page.waitForURL((url) => url.pathname === '/account/deleted')
    const login = await fetch(`${stack.cmsUrl}/api/customers/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: SHOPPER.email, password: SHOPPER.password }),
    })
    expect(login.status).toBe(401)
    await context.close()
  })
})

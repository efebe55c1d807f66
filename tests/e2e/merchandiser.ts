import type { Cookie, Page, Request } from 'playwright-core'

// A merchandiser at work in Payload's admin: the form controls they use, and what the admin shows after each save.

export type CapturedRequest = { method: string; url: string; headers: Record<string, string>; body?: string }

// The headers the request guard reads (besides Content-Length, which the replay recomputes).
const GUARD_HEADERS = ['content-type', 'x-payload-http-method-override', 'x-http-method-override', 'transfer-encoding']

/** Records every request the admin page sends to the API (path, query, the headers the guard reads, body), in order. */
export function captureApiRequests(page: Page): CapturedRequest[] {
  const captured: CapturedRequest[] = []
  page.on('request', (req: Request) => {
    const url = new URL(req.url())
    if (!url.pathname.startsWith('/api/')) return
    const all = req.headers()
    const headers = Object.fromEntries(GUARD_HEADERS.filter((name) => all[name] !== undefined).map((name) => [name, all[name]]))
    const body = req.postDataBuffer()
    captured.push({ method: req.method(), url: url.pathname + url.search, headers, ...(body ? { body: body.toString('utf8') } : {}) })
  })
  return captured
}

/**
 * Answers the request guard (src/guard) and our endpoints gave: `{ error: { code } }` alone. Payload's own errors carry
 * the same `error` with Payload's `errors` array beside it (docs/errors.md), and are the admin's business, not refusals.
 */
export function captureGuardRefusals(page: Page): string[] {
  const refusals: string[] = []
  page.on('response', async (res) => {
    if (res.status() < 400 || !new URL(res.url()).pathname.startsWith('/api/')) return
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string }; errors?: unknown } | null
    if (body?.error?.code && !Array.isArray(body.errors)) refusals.push(`${res.request().method()} ${res.url()} → ${res.status()} ${body.error.message}`)
  })
  return refusals
}

// The quick start limits logins to RATE_LIMIT_LOGIN (10) a minute from one address, as a shop should; a suite that
// logged in afresh for every step would meet that limit. So each person logs in through the form once per address
// and later pages reuse that session's cookie, as a browser would; API calls reuse one token per person.
const sessions = new Map<string, Cookie[]>()
const tokens = new Map<string, Promise<string>>()

/** Logs in through the admin's login form (or reuses this person's session at this address) and waits for the dashboard. */
export async function logInToAdmin(page: Page, baseUrl: string, who: { email: string; password: string }) {
  const key = `${baseUrl} ${who.email}`
  const cookies = sessions.get(key)
  if (cookies) {
    await page.context().addCookies(cookies)
    await page.goto(`${baseUrl}/admin`, { waitUntil: 'networkidle' })
    if (new URL(page.url()).pathname === '/admin') return
  }
  await page.goto(`${baseUrl}/admin/login`, { waitUntil: 'networkidle' })
  await page.locator('input[name="email"]').fill(who.email)
  await page.locator('input[name="password"]').fill(who.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin')
  sessions.set(key, await page.context().cookies(baseUrl))
}

/** A JWT for API calls as this person (logged in once per address). */
export function staffToken(base: string, who: { email: string; password: string }): Promise<string> {
  const key = `${base} ${who.email}`
  if (!tokens.has(key)) {
    const login = fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) }).then(
      async (res) => {
        const text = await res.text()
        if (!res.ok) throw new Error(`POST /api/users/login answered ${res.status}: ${text.slice(0, 300)}`)
        return (JSON.parse(text) as { token: string }).token
      },
    )
    login.catch(() => tokens.delete(key))
    tokens.set(key, login)
  }
  return tokens.get(key)!
}

/** Clicks a save button and waits for the admin's toast: the text of a success toast, or throws with an error toast's text. */
export async function saveWith(page: Page, buttonId: 'action-save' | 'action-save-draft'): Promise<string> {
  // Toasts already on screen are marked first: counting them raced with an earlier toast fading out (the new one then
  // took its place in the list and the count waited for one more that never came).
  const toasts = '.payload-toast-container :is(.toast-success, .toast-error)'
  await page.locator(toasts).evaluateAll((els) => els.forEach((el) => el.setAttribute('data-seen', '')))
  await page.locator(`#${buttonId}`).click()
  const toast = page.locator(`${toasts}:not([data-seen])`).first()
  await toast.waitFor()
  const text = (await toast.textContent()) ?? ''
  if (await toast.evaluate((el) => el.classList.contains('toast-error'))) throw new Error(`The admin showed an error toast: ${text}`)
  return text
}

/** Reloads the edit page and reads a field's input as the admin shows it. */
export async function reloadAndRead(page: Page, fieldId: string): Promise<string> {
  await page.reload({ waitUntil: 'networkidle' })
  const input = page.locator(`#${fieldId}`)
  await input.waitFor()
  return input.inputValue()
}

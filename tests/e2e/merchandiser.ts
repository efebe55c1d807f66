import type { Page, Request } from 'playwright-core'

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

/** Answers the request guard (src/guard) gave: `{ error: { code } }`; Payload's own errors are `{ errors: [...] }`. */
export function captureGuardRefusals(page: Page): string[] {
  const refusals: string[] = []
  page.on('response', async (res) => {
    if (res.status() < 400 || !new URL(res.url()).pathname.startsWith('/api/')) return
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
    if (body?.error?.code) refusals.push(`${res.request().method()} ${res.url()} → ${res.status()} ${body.error.message}`)
  })
  return refusals
}

export async function logInToAdmin(page: Page, baseUrl: string, who: { email: string; password: string }) {
  await page.goto(`${baseUrl}/admin/login`, { waitUntil: 'networkidle' })
  await page.locator('input[name="email"]').fill(who.email)
  await page.locator('input[name="password"]').fill(who.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin')
}

/** Clicks a save button and waits for the admin's toast: the text of a success toast, or throws with an error toast's text. */
export async function saveWith(page: Page, buttonId: 'action-save' | 'action-save-draft'): Promise<string> {
  const toasts = page.locator('.payload-toast-container .toast-success, .payload-toast-container .toast-error')
  const before = await toasts.count()
  await page.locator(`#${buttonId}`).click()
  const toast = toasts.nth(before)
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

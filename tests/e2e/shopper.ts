import type { Page } from 'playwright-core'

/** A link text matched whole, so "Garden" does not also match "Garden Tools". */
export const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

export async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/account/login?next=/account', { waitUntil: 'networkidle' })
  await page.getByTestId('login-email').fill(who.email)
  await page.getByTestId('login-password').fill(who.password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => url.pathname === '/account')
}

export async function addToCart(page: Page, slug: string) {
  await page.goto(`/products/${slug}`, { waitUntil: 'networkidle' })
  await page.getByTestId('add-to-cart').click()
  await page.getByTestId('add-to-cart-status').filter({ hasText: 'Added' }).waitFor()
}

/** Fills the checkout form on the current page with a UK address and pays by test card, or by bank transfer without a card. */
export async function submitCheckout(page: Page, { card, email }: { card: string | null; email: string }) {
  await page.waitForLoadState('networkidle')
  await page.getByTestId('checkout-email').fill(email)
  await page.getByTestId('checkout-name').fill('Harriet Cobbold')
  await page.getByTestId('checkout-line1').fill('1 Tavern Street')
  await page.getByTestId('checkout-city').fill('Ipswich')
  await page.getByTestId('checkout-postcode').fill('IP1 3AA')
  await page.getByTestId('checkout-country').selectOption('GB')
  if (card === null) {
    await page.getByTestId('payment-manual').check()
  } else {
    await page.getByTestId('payment-test-card').check()
    await page.getByTestId('checkout-card-number').fill(card)
  }
  await page.getByTestId('place-order').click()
}

/** Calls `probe` until it returns something truthy or `timeoutMs` passes; says how long it took. */
export async function pollFor<T>(timeoutMs: number, probe: () => T | Promise<T>, intervalMs = 100): Promise<{ value: T | undefined; elapsedMs: number }> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    const elapsedMs = Date.now() - started
    if (value || elapsedMs >= timeoutMs) return { value: value || undefined, elapsedMs }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** Picks a variant on a product page the way a shopper does: one option at a time (Size, then Colour), then checks the SKU. */
export async function chooseVariant(page: Page, variant: { sku: string; options?: { name: string; value: string }[] | null }) {
  for (const option of variant.options ?? []) {
    await page.locator(`[data-testid="option-picker"][data-option="${option.name}"] [data-testid="option-value"][data-value="${option.value}"]`).click()
  }
  await page.locator(`[data-testid="chosen-sku"][data-sku="${variant.sku}"]`).waitFor()
}

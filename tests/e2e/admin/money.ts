import type { Page } from 'playwright-core'

// Money as the admin shows and takes it. Every step that types a price goes through here, so the unit the admin
// uses (pounds with two decimals) is written once for the whole suite.

/** "12.50" for 1250: what a merchandiser types into a money field. */
export const pounds = (pence: number) => (pence / 100).toFixed(2)

/** Types an amount of money into a money field of the open edit form (e.g. `field-price`). */
export async function fillMoney(page: Page, fieldId: string, pence: number) {
  await page.locator(`#${fieldId}`).fill(pounds(pence))
}

/** Reads a money field of the open edit form back as pence. */
export async function readMoney(page: Page, fieldId: string): Promise<number> {
  const text = await page.locator(`#${fieldId}`).inputValue()
  return Math.round(Number(text.replace(/[£,\s]/g, '')) * 100)
}

import { DEFAULT_CARRIERS } from '../commerce/carriers'
import type { SeedContext } from './context'
import { SEED_CONTEXT } from './context'

export const DEMO_SETTINGS = {
  storeName: 'Ipswich Retail',
  currency: 'GBP' as const,
  vatRate: 20,
  shipping: { flatRate: 395, freeOver: 5000, countries: ['GB', 'IE'] },
  reservationMinutes: 30,
  manualPaymentHoldDays: 7,
  // Demo details (not a real account) so the quick start's bank-transfer orders show how to pay.
  bankDetails: { accountName: 'Ipswich Retail Ltd', sortCode: '12-34-56', accountNumber: '12345678' },
  lowStockRecipients: [{ email: 'stock@ipswich-retail.test' }],
  carriers: DEFAULT_CARRIERS.map((c) => ({ ...c })),
}

/** Writes the store settings once; a global that has been saved before (by anyone) is kept. */
export async function seedSettings(ctx: SeedContext): Promise<void> {
  const current = await ctx.payload.findGlobal({ slug: 'store-settings', depth: 0, overrideAccess: true })
  if (current.updatedAt) {
    ctx.log('  store settings: already saved, kept')
    return
  }
  await ctx.payload.updateGlobal({ slug: 'store-settings', data: DEMO_SETTINGS, overrideAccess: true, context: SEED_CONTEXT })
  ctx.tally.settings += 1
  ctx.log('  store settings: saved')
}

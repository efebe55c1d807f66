import { cmsGet } from '../cms/client'
import type { StoreSettings } from '../cms/types'

export { countryName } from './countryName'

export const DEFAULT_SETTINGS: Required<Pick<StoreSettings, 'storeName' | 'vatRate'>> & { countries: string[] } = {
  storeName: 'Ipswich Retail',
  vatRate: 20,
  countries: ['GB'],
}

export async function getStoreSettings(): Promise<StoreSettings> {
  return cmsGet<StoreSettings>('/api/globals/store-settings?depth=0', { endpoint: 'store-settings', tags: ['settings'] })
}

export async function shippingCountries(): Promise<string[]> {
  const settings = await getStoreSettings().catch(() => null)
  const countries = settings?.shipping?.countries?.filter((c) => /^[A-Z]{2}$/.test(c))
  return countries && countries.length > 0 ? countries : DEFAULT_SETTINGS.countries
}

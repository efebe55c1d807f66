// The price facet's bands, in pence (VAT included, as shelf prices are). A product falls in the band of its
// lowest price ("from £x"), the price a listing shows.

export const PRICE_BANDS = [
  { key: 'under-10', label: 'Under £10', min: 0, max: 999 },
  { key: '10-25', label: '£10 to £25', min: 1000, max: 2499 },
  { key: '25-50', label: '£25 to £50', min: 2500, max: 4999 },
  { key: '50-100', label: '£50 to £100', min: 5000, max: 9999 },
  { key: '100-plus', label: '£100 and over', min: 10000, max: null },
] as const

export type PriceBand = (typeof PRICE_BANDS)[number]
export type PriceBandKey = PriceBand['key']

export const PRICE_BAND_KEYS = PRICE_BANDS.map((band) => band.key) as [PriceBandKey, ...PriceBandKey[]]

export function priceBandOf(pence: number): PriceBandKey {
  const band = PRICE_BANDS.find((b) => pence >= b.min && (b.max === null || pence <= b.max))
  return (band ?? PRICE_BANDS[0]).key
}

/** The lowest price a product sells at: its own, or the cheapest variant's (a variant without a price uses the product's). */
export function fromPrice(productPrice: number, variantPrices: readonly (number | null | undefined)[]): number {
  if (variantPrices.length === 0) return productPrice
  return Math.min(...variantPrices.map((p) => p ?? productPrice))
}

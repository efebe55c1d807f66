/** A carrier the shop ships with, as kept in the store settings: its name and its public tracking page. */
export interface Carrier {
  name: string
  /** The tracking page with `{tracking}` where the tracking number goes. */
  trackingUrlTemplate: string
}

export const TRACKING_PLACEHOLDER = '{tracking}'

/** The carriers a new shop starts with: their public tracking pages. */
export const DEFAULT_CARRIERS: readonly Carrier[] = [
  { name: 'Royal Mail', trackingUrlTemplate: 'https://www.royalmail.com/track-your-item#/tracking-results/{tracking}' },
  { name: 'DPD', trackingUrlTemplate: 'https://track.dpd.co.uk/parcels/{tracking}' },
  { name: 'Evri', trackingUrlTemplate: 'https://www.evri.com/track/parcel/{tracking}/details' },
]

/** Why a tracking URL template cannot be used, or null when it can. */
export function trackingTemplateProblem(template: string | null | undefined): string | null {
  const value = (template ?? '').trim()
  if (!value) return 'is required'
  if (!value.includes(TRACKING_PLACEHOLDER)) return `must contain ${TRACKING_PLACEHOLDER} where the tracking number goes`
  let url: URL
  try {
    url = new URL(value.replaceAll(TRACKING_PLACEHOLDER, 'X'))
  } catch {
    return 'must be a full web address, such as https://carrier.example/track/{tracking}'
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'must start with https:// or http://'
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * The carrier's tracking page for this parcel: the template of the carrier with that name (any case), with the
 * tracking number (URL-encoded) in place of `{tracking}`. Null without a carrier, a number or a usable template.
 */
export function trackingUrl(
  carriers: readonly Partial<Carrier>[] | null | undefined,
  carrier: string | null | undefined,
  trackingNumber: string | null | undefined,
): string | null {
  const number = trackingNumber?.trim()
  if (!carrier?.trim() || !number) return null
  const found = (carriers ?? []).find((c) => typeof c.name === 'string' && sameName(c.name, carrier))
  const template = found?.trackingUrlTemplate?.trim()
  if (!template || trackingTemplateProblem(template)) return null
  return template.replaceAll(TRACKING_PLACEHOLDER, encodeURIComponent(number))
}

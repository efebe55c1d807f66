/** The promotions plugin's public options; every one is optional. */
export interface PromotionsOptions {
  /** False keeps the collections (so the schema and migrations stay put) but prices no code: every code is unknown. */
  enabled?: boolean
  /** The admin group the discount codes appear under. */
  adminGroup?: string
}

export interface SanitizedPromotionsOptions {
  enabled: boolean
  adminGroup: string
}

/** Fills the defaults once, so the rest of the plugin never asks "was this given?". */
export function sanitizePromotionsOptions(options: PromotionsOptions = {}): SanitizedPromotionsOptions {
  return {
    enabled: options.enabled ?? true,
    adminGroup: options.adminGroup?.trim() || 'Shop',
  }
}

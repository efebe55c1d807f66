// "Spend £12.50 more for free delivery": how far the goods total (after discounts) is from the free-shipping threshold.

export interface FreeShippingProgress {
  reached: boolean
  /** Pence still to spend; 0 once reached. */
  remaining: number
  /** 0–100, for the progress bar. */
  percent: number
}

/** Null when the shop never ships free (no threshold set). */
export function freeShippingProgress(goodsTotal: number, freeOver: number | null | undefined): FreeShippingProgress | null {
  if (freeOver === null || freeOver === undefined || freeOver <= 0) return null
  const remaining = Math.max(0, freeOver - Math.max(0, goodsTotal))
  return { reached: remaining === 0, remaining, percent: Math.min(100, Math.floor((Math.max(0, goodsTotal) / freeOver) * 100)) }
}

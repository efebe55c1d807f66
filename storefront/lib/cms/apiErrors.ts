// Reads the two error shapes the CMS answers with:
//   commerce endpoints: { error: { code, message, details?: [{ field, message }] | [{ sku, requested, available }] } }
//   Payload's own REST: { errors: [{ message, data?: { errors: [{ path, message }] } }] }

export type FieldErrors = { [field: string]: string }

export interface StockShortage {
  sku: string
  requested: number
  available: number
}

type Loose = { [key: string]: unknown }

function asObject(value: unknown): Loose | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : null
}

function asList(value: unknown): Loose[] {
  return Array.isArray(value) ? (value.map(asObject).filter(Boolean) as Loose[]) : []
}

export function apiErrorCode(data: unknown): string | null {
  const code = asObject(asObject(data)?.error)?.code
  return typeof code === 'string' ? code : null
}

export function apiErrorMessage(data: unknown, fallback = 'Something went wrong'): string {
  const body = asObject(data)
  const commerce = asObject(body?.error)?.message
  if (typeof commerce === 'string' && commerce) return commerce
  const payload = asList(body?.errors)[0]?.message
  return typeof payload === 'string' && payload ? payload : fallback
}

/** One message per field path, e.g. { 'shippingAddress.postcode': 'must be a valid UK postcode' }. */
export function apiFieldErrors(data: unknown): FieldErrors {
  const body = asObject(data)
  const fromCommerce = asList(asObject(body?.error)?.details).map((d) => [d.field, d.message])
  const fromPayload = asList(body?.errors).flatMap((e) => asList(asObject(e.data)?.errors).map((d) => [d.path ?? d.field, d.message]))
  const errors: FieldErrors = {}
  for (const [field, message] of [...fromCommerce, ...fromPayload]) {
    if (typeof field === 'string' && typeof message === 'string' && !(field in errors)) errors[field] = message
  }
  return errors
}

export function stockShortages(data: unknown): StockShortage[] {
  return asList(asObject(asObject(data)?.error)?.details)
    .filter((d) => typeof d.sku === 'string' && typeof d.available === 'number')
    .map((d) => ({ sku: d.sku as string, requested: Number(d.requested) || 0, available: d.available as number }))
}

/** "Only 2 left" / "Out of stock": how a shopper reads a stock count. */
export function shortageMessage(available: number): string {
  return available <= 0 ? 'Out of stock' : `Only ${available} left`
}

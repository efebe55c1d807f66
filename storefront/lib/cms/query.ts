// Payload's REST API reads qs-style bracket parameters: where[price][greater_than]=100.

export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue }

export type Where = { [key: string]: QueryValue }

function pairs(prefix: string, value: QueryValue): [string, string][] {
  if (value === undefined) return []
  if (value === null) return [[prefix, 'null']]
  if (Array.isArray(value)) return value.flatMap((item, i) => pairs(`${prefix}[${i}]`, item))
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => pairs(`${prefix}[${key}]`, item))
  }
  return [[prefix, String(value)]]
}

/** `{ where: { slug: { equals: 'x' } }, limit: 1 }` → `where%5Bslug%5D%5Bequals%5D=x&limit=1`. */
export function toQueryString(params: { [key: string]: QueryValue }): string {
  return Object.entries(params)
    .flatMap(([key, value]) => pairs(key, value))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
}

/** `in` lists as one comma-joined value: qs turns arrays over 20 items into objects. */
export function inList(values: readonly (string | number)[]): string {
  return values.map(String).join(',')
}

/** Payload's `select`: only the named fields come back. */
export function selectFields(fields: readonly string[]): { [key: string]: true } {
  return Object.fromEntries(fields.map((f) => [f, true]))
}

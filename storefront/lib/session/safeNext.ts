const BASE = 'http://storefront.invalid'

/**
 * Where to go after logging in: a path on this site only. Anything a browser could read as another host
 * (`//host`, `/\host`, a tab or newline inside `/\t/host`, a full URL) falls back; the path comes back
 * percent-encoded, so a non-ASCII `next` is a valid Location header rather than a 500.
 */
export function safeNext(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2048) return fallback
  // Browsers drop tabs and newlines from URLs and read a backslash as a slash: refuse them all, and any control character.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith('//')) return fallback
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

/** Where to go after logging in: a path on this site only (never //host or a full URL). */
export function safeNext(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback
  if (value.startsWith('//') || value.startsWith('/\\') || /[\r\n]/.test(value)) return fallback
  return value
}

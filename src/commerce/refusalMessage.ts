type Problem = { message?: unknown; data?: { errors?: { path?: unknown; message?: unknown }[] } }
type RefusalBody = { error?: { message?: unknown }; errors?: Problem[]; message?: unknown }

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null)

/**
 * The sentence to show for a refused request, in the server's own words: our endpoints answer
 * `{ error: { code, message } }`, Payload's `{ errors: [{ message, data: { errors: [{ path, message }] } }] }`.
 * Only a body with neither falls back to the status.
 */
export function refusalMessage(body: unknown, status: number): string {
  const b = (body && typeof body === 'object' ? body : {}) as RefusalBody
  const ours = text(b.error?.message)
  if (ours) return ours
  const first = Array.isArray(b.errors) ? b.errors[0] : undefined
  const fields = (first?.data?.errors ?? []).map((e) => [text(e.path), text(e.message)].filter(Boolean).join(': ')).filter(Boolean)
  if (fields.length > 0) return fields.join('; ')
  return text(first?.message) ?? text(b.message) ?? `The server refused this (HTTP ${status})`
}

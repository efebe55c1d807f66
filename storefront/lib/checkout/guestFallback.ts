/** What sending a checkout returns: the CMS's status and parsed body. */
export type CheckoutAnswer = { status: number; data: unknown }

/**
 * Sends the checkout with the shopper's session token; when the CMS answers 401 (the session expired or was
 * revoked) it is sent once more without the token, so the shopper still checks out, as a guest. `onExpired` lets
 * the caller end the stale session.
 */
export async function withGuestFallback(
  token: string | null,
  send: (token: string | null) => Promise<CheckoutAnswer>,
  onExpired: () => Promise<void> = async () => {},
): Promise<CheckoutAnswer> {
  const first = await send(token)
  if (first.status !== 401 || !token) return first
  await onExpired()
  return send(null)
}

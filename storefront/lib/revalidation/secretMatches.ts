import { createHash, timingSafeEqual } from 'node:crypto'

/** Constant-time comparison (of digests, so lengths never leak); false when no secret is configured. */
export function secretMatches(given: string | null, expected: string | null): boolean {
  if (!given || !expected) return false
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

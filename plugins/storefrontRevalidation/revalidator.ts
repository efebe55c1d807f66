import type { Logger } from 'pino'

export interface RevalidatorOptions {
  storefrontUrl: string
  secret: string
  /** Tags arriving within this window go out in one request. */
  batchMs?: number
  fetchImpl?: typeof fetch
  logger?: Pick<Logger, 'warn'>
}

/** The most tags the storefront's /api/revalidate takes in one request (storefront/lib/revalidation/parseRevalidateBody.ts). */
export const TAGS_PER_REQUEST = 200

/** Collects tags for a moment, then asks the storefront to revalidate them; retries once, never throws. */
export function createRevalidator(options: RevalidatorOptions) {
  const { storefrontUrl, secret, batchMs = 50, fetchImpl = fetch, logger } = options
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<void> = Promise.resolve()

  async function send(tags: string[]) {
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const res = await fetchImpl(`${storefrontUrl}/api/revalidate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-revalidate-secret': secret },
          body: JSON.stringify({ tags }),
          signal: AbortSignal.timeout(3000),
        })
        if (res.ok) return
        logger?.warn({ status: res.status, tags }, 'Storefront refused a revalidation')
        return
      } catch (err) {
        if (attempt === 2) logger?.warn({ err: { message: (err as Error).message }, tags }, 'Storefront revalidation failed')
      }
    }
  }

  function flush() {
    timer = undefined
    const tags = [...pending]
    pending = new Set()
    // A burst (a CSV import's thousands of products and SKUs) goes out in requests the storefront accepts.
    for (let i = 0; i < tags.length; i += TAGS_PER_REQUEST) {
      const part = tags.slice(i, i + TAGS_PER_REQUEST)
      inFlight = inFlight.then(() => send(part))
    }
  }

  return {
    revalidate(tags: string[]) {
      tags.forEach((t) => pending.add(t))
      timer ??= setTimeout(flush, batchMs)
    },
    /** Resolves once everything asked for so far has been sent (for tests and shutdown). */
    async settle() {
      if (timer) {
        clearTimeout(timer)
        flush()
      }
      await inFlight
    },
  }
}

import type { PayloadRequest } from 'payload'

type Session = { resolve: () => Promise<unknown>; [callbacks]?: (() => Promise<void>)[] }
const callbacks = Symbol.for('ipswich-retail.afterCommit')

/**
 * Runs `fn` once the request's transaction has committed, or now when there is none. Work that tells the
 * outside world about a change (cache versions, storefront revalidation) must not run before readers can see
 * it. The drizzle adapters keep each open transaction's session, whose `resolve` commits it.
 */
export async function afterCommit(req: PayloadRequest, fn: () => Promise<void>): Promise<void> {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const sessions = (req.payload.db as unknown as { sessions?: Record<string | number, Session> }).sessions
  const session = id !== undefined && id !== null ? sessions?.[id] : undefined
  if (!session) return fn()
  if (!session[callbacks]) {
    const queue: (() => Promise<void>)[] = []
    session[callbacks] = queue
    const commit = session.resolve
    session.resolve = async () => {
      const result = await commit()
      for (const callback of queue) await callback().catch(() => undefined)
      return result
    }
  }
  session[callbacks]!.push(fn)
}

import type { PayloadRequest } from 'payload'

type Session = { resolve: () => Promise<unknown>; [pending]?: Set<string> }
const pending = Symbol.for('ipswich-retail.cache.pendingBumps')

/**
 * Runs `bump` once the request's transaction has committed (or now, when there is none). Bumping inside the
 * transaction would let a reader fetch the old rows under the new version and keep them until the next change.
 * The drizzle adapters keep each open transaction's session, whose `resolve` commits it.
 */
export async function bumpAfterCommit(req: PayloadRequest, collections: readonly string[], bump: (c: readonly string[]) => Promise<void>): Promise<void> {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const sessions = (req.payload.db as unknown as { sessions?: Record<string | number, Session> }).sessions
  const session = id !== undefined && id !== null ? sessions?.[id] : undefined
  if (!session) return bump(collections)
  const queued = session[pending]
  if (queued) {
    collections.forEach((c) => queued.add(c))
    return
  }
  const names = new Set(collections)
  session[pending] = names
  const commit = session.resolve
  session.resolve = async () => {
    const result = await commit()
    await bump([...names])
    return result
  }
}

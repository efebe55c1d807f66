/**
 * Every place this app reaches into Payload's database adapters or their drivers past the public API, kept
 * together so an upgrade has one file to check. tests/int/frameworkPatches.int.spec.ts asserts each shape read
 * here still exists and each patch still takes effect, on SQLite and on Postgres: it fails loudly if a Payload,
 * drizzle or libsql upgrade changes them.
 *
 * 1. transactionSession: the drizzle adapters keep each open transaction in `adapter.sessions[transactionID]`
 *    as `{ db, resolve, reject }`. Payload offers no other way to run raw SQL on a request's transaction.
 * 2. afterCommit: `commitTransaction` calls that session's `resolve`; wrapping it is the only hook on commit.
 * 3. withOneWriterAtATime: SQLite's libsql client, patched when the adapter connects, so one writer runs at a time.
 * 4. commitOrThrow: on PostgreSQL the COMMIT is `execute(sql\`commit\`)` on the session's drizzle transaction (`db`);
 *    Payload's `commitTransaction` catches its failure and returns as if it had committed.
 */
import { commitTransaction, type DatabaseAdapterObj, type Payload, type PayloadRequest } from 'payload'

import { processKey } from './processSingleton'

export type TransactionSession = { db: unknown; resolve: () => Promise<unknown>; reject: () => Promise<unknown> }
type AdapterWithSessions = { sessions?: Record<string | number, TransactionSession | undefined> }

/** The drizzle session of the request's open transaction, or undefined when it has none (any more). */
export async function transactionSession(payload: Payload, req: PayloadRequest | undefined): Promise<TransactionSession | undefined> {
  const id = req?.transactionID instanceof Promise ? await req.transactionID : req?.transactionID
  if (id === undefined || id === null) return undefined
  return (payload.db as unknown as AdapterWithSessions).sessions?.[id]
}

const commitCallbacks = processKey('afterCommit')
type CommitSession = TransactionSession & { [commitCallbacks]?: (() => Promise<void>)[] }

/**
 * Runs `fn` once the request's transaction has committed, or now when there is none. Work that tells the
 * outside world about a change (cache versions, storefront revalidation) must not run before readers can see
 * it. A rolled-back transaction never runs its callbacks.
 */
export async function afterCommit(req: PayloadRequest, fn: () => Promise<void>): Promise<void> {
  const session = (await transactionSession(req.payload, req)) as CommitSession | undefined
  if (!session) return fn()
  if (!session[commitCallbacks]) {
    const queue: (() => Promise<void>)[] = []
    session[commitCallbacks] = queue
    const commit = session.resolve
    session.resolve = async () => {
      const result = await commit()
      for (const callback of queue) await callback().catch(() => undefined)
      return result
    }
  }
  session[commitCallbacks]!.push(fn)
}

/** Thrown when the database did not confirm a COMMIT: the change may not have been kept. */
export class CommitFailedError extends Error {
  constructor(readonly cause: unknown) {
    super(`The database did not confirm the commit: ${(cause as Error)?.message ?? String(cause)}`)
    this.name = 'CommitFailedError'
  }
}

/**
 * Commits the request's transaction, and throws CommitFailedError when PostgreSQL refused or never answered the
 * COMMIT (a connection lost at that moment, a deferred constraint). Payload's own `commitTransaction` swallows that
 * failure, so a change the database rolled back would be answered as done (an accepted order that is not stored).
 * SQLite commits through libsql's own transaction object, not watched here.
 */
export async function commitOrThrow(req: PayloadRequest): Promise<void> {
  const db = (await transactionSession(req.payload, req))?.db as { execute?: (query: unknown) => Promise<unknown> } | undefined
  let failure: unknown = null
  if (db && typeof db.execute === 'function' && (req.payload.db as unknown as { name: string }).name === 'postgres') {
    const execute = db.execute
    db.execute = async (query: unknown) => {
      try {
        return await execute.call(db, query)
      } catch (error) {
        failure = error
        throw error
      }
    }
  }
  await commitTransaction(req)
  if (failure) throw new CommitFailedError(failure)
}

type Tx = { commit(): Promise<void>; rollback(): Promise<void>; close(): void }
export type LibsqlClient = {
  transaction(mode?: string): Promise<Tx>
  execute(stmt: unknown, args?: unknown): Promise<unknown>
  batch(stmts: unknown, mode?: unknown): Promise<unknown>
  executeMultiple(sql: string): Promise<unknown>
}

/** Set on a libsql client once it queues its writers; shared by every copy of this module in the process. */
export const sqliteWriteLockKey = processKey('sqliteWriteLock')
// A write outside any transaction that waits longer than this is let through (and may fail as busy) rather than hang.
const WRITE_WAIT_LIMIT_MS = 15_000

/** One writer at a time, in promise order. */
function createWriteLock() {
  let tail: Promise<void> = Promise.resolve()
  return {
    async acquire(): Promise<() => void> {
      let release!: () => void
      const previous = tail
      tail = new Promise<void>((resolve) => (release = resolve))
      await previous
      let released = false
      return () => {
        if (!released) {
          released = true
          release()
        }
      }
    },
    /** Waits until no writer holds the lock (bounded), without taking it: for single autocommit statements. */
    async idle(): Promise<void> {
      await Promise.race([tail, new Promise((resolve) => setTimeout(resolve, WRITE_WAIT_LIMIT_MS).unref())])
    },
  }
}

const isRead = (stmt: unknown): boolean => {
  const text = typeof stmt === 'string' ? stmt : ((stmt as { sql?: string })?.sql ?? '')
  return /^\s*(select|pragma|explain|with\s[\s\S]*\)\s*select)\b/i.test(text)
}

// A transaction holds the lock from BEGIN to COMMIT/ROLLBACK (or close).
function queueTransactions(client: LibsqlClient, lock: ReturnType<typeof createWriteLock>): void {
  const transaction = client.transaction.bind(client)
  client.transaction = async (mode?: string) => {
    const release = await lock.acquire()
    let tx: Tx
    try {
      tx = await transaction(mode)
    } catch (error) {
      release()
      throw error
    }
    const { commit, rollback, close } = tx
    tx.commit = async () => {
      try {
        await commit.call(tx)
      } finally {
        release()
      }
    }
    tx.rollback = async () => {
      try {
        await rollback.call(tx)
      } finally {
        release()
      }
    }
    tx.close = () => {
      try {
        close.call(tx)
      } finally {
        release()
      }
    }
    return tx
  }
}

/**
 * SQLite has one writer, and libsql's driver is synchronous: a connection waiting for the write lock
 * (busy_timeout) blocks the whole event loop, including the transaction it waits for. Worse, a write that
 * fails as "database is locked" stays open on its connection, libsql then hands that connection to the next
 * transaction, and that transaction's COMMIT fails — which Payload swallows, rolling it back silently.
 * So this process queues its writers in JavaScript instead: a transaction holds the lock from BEGIN to
 * COMMIT/ROLLBACK, and a write outside a transaction waits until no transaction is open. Reads never wait (WAL).
 * The adapter creates its client in `connect`, so the patch goes on there.
 */
export function withOneWriterAtATime(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  const init = adapter.init
  return {
    ...adapter,
    init: (args) => {
      const instance = init(args) as ReturnType<typeof init> & { client?: LibsqlClient; connect?: (...a: unknown[]) => Promise<void> }
      const connect = instance.connect!
      instance.connect = async function (this: typeof instance, ...connectArgs: unknown[]) {
        await connect.apply(this, connectArgs)
        const client = this.client as (LibsqlClient & { [sqliteWriteLockKey]?: boolean }) | undefined
        if (!client || client[sqliteWriteLockKey]) return
        client[sqliteWriteLockKey] = true
        const lock = createWriteLock()
        queueTransactions(client, lock)
        for (const method of ['execute', 'batch', 'executeMultiple'] as const) {
          const original = (client[method] as (...a: unknown[]) => Promise<unknown>).bind(client)
          ;(client as unknown as Record<string, unknown>)[method] = async (...callArgs: unknown[]) => {
            if (!(method === 'execute' && isRead(callArgs[0]))) await lock.idle()
            return original(...callArgs)
          }
        }
      }
      return instance
    },
  }
}

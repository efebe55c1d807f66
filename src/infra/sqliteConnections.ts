import type { DatabaseAdapterObj } from 'payload'

type Tx = { commit(): Promise<void>; rollback(): Promise<void>; close(): void }
type LibsqlClient = {
  transaction(mode?: string): Promise<Tx>
  execute(stmt: unknown, args?: unknown): Promise<unknown>
  batch(stmts: unknown, mode?: unknown): Promise<unknown>
  executeMultiple(sql: string): Promise<unknown>
}

const patched = Symbol.for('ipswich-retail.sqliteWriteLock')
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

/**
 * SQLite has one writer, and libsql's driver is synchronous: a connection waiting for the write lock
 * (busy_timeout) blocks the whole event loop, including the transaction it waits for. Worse, a write that
 * fails as "database is locked" stays open on its connection, libsql then hands that connection to the next
 * transaction, and that transaction's COMMIT fails — which Payload swallows, rolling it back silently.
 * So this process queues its writers in JavaScript instead: a transaction holds the lock from BEGIN to
 * COMMIT/ROLLBACK, and a write outside a transaction waits until no transaction is open. Reads never wait (WAL).
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
        const client = this.client as (LibsqlClient & { [patched]?: boolean }) | undefined
        if (!client || client[patched]) return
        client[patched] = true
        const lock = createWriteLock()
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

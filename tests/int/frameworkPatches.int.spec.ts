import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { afterCommit, sqliteWriteLockKey, transactionSession, type LibsqlClient } from '../../src/infra/frameworkPatches'
import { dialect, queryRows, sql } from '../../src/infra/sql'
import { bootPayload, type TestPayload } from '../helpers/payload'

// What src/infra/frameworkPatches.ts relies on inside Payload's drizzle adapters and the libsql driver. A failure
// here after an upgrade means a patch no longer takes effect: fix the patch before shipping the upgrade.

let app: TestPayload
let payload: Payload

beforeAll(async () => {
  app = await bootPayload()
  payload = app.payload
})

afterAll(async () => {
  await app?.close()
})

async function openTransaction(): Promise<PayloadRequest> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  return req
}

const createCategory = (title: string, req: PayloadRequest) => payload.create({ collection: 'categories', data: { title }, req, overrideAccess: true })

const countCategories = async (title: string, req?: PayloadRequest) => {
  const rows = await queryRows<{ n: number | string }>(payload, req, sql`SELECT count(*) AS n FROM categories WHERE title = ${title}`)
  return Number(rows[0].n)
}

const sqliteOnly = process.env.TEST_DATABASE_URL ? describe.skip : describe

describe('the adapter’s transaction sessions, read by transactionSession and queryRows', () => {
  it('should keep each open transaction under its id as { db, resolve, reject }', async () => {
    const req = await openTransaction()
    const id = (await req.transactionID) as string
    const sessions = (payload.db as unknown as { sessions: Record<string, unknown> }).sessions
    const seen = { stored: sessions[id], found: await transactionSession(payload, req) }
    await commitTransaction(req)
    expect(seen.stored).toEqual({ db: expect.anything(), resolve: expect.any(Function), reject: expect.any(Function) })
    expect(seen.found).toBe(seen.stored)
    expect(await transactionSession(payload, req)).toBeUndefined()
  })

  it('should run raw SQL on the request’s transaction, so it sees the uncommitted write and rolls back with it', async () => {
    const req = await openTransaction()
    await createCategory('Patch rollback', req)
    const inside = await countCategories('Patch rollback', req)
    const outside = await countCategories('Patch rollback')
    await killTransaction(req)
    expect({ inside, outside, afterRollback: await countCategories('Patch rollback') }).toEqual({ inside: 1, outside: 0, afterRollback: 0 })
  })

  it('should find the adapter named by one of the two dialects raw SQL is written for', () => {
    expect(dialect(payload)).toBe((payload.db as unknown as { name: string }).name)
  })
})

describe('afterCommit, which wraps the session’s resolve', () => {
  it('should run its callback once the transaction has committed, when readers can see the change', async () => {
    const req = await openTransaction()
    const ran: string[] = []
    await afterCommit(req, async () => void ran.push(`callback sees ${await countCategories('Patch commit')}`))
    await createCategory('Patch commit', req)
    ran.push('before commit')
    await commitTransaction(req)
    expect(ran).toEqual(['before commit', 'callback sees 1'])
  })

  it('should never run the callback of a transaction that rolls back', async () => {
    const req = await openTransaction()
    const ran: string[] = []
    await afterCommit(req, async () => void ran.push('ran'))
    await killTransaction(req)
    expect(ran).toEqual([])
  })

  it('should run the callback at once when the request has no transaction', async () => {
    const req = await createLocalReq({}, payload)
    const ran: string[] = []
    await afterCommit(req, async () => void ran.push('ran'))
    expect(ran).toEqual(['ran'])
  })
})

sqliteOnly('withOneWriterAtATime, which patches the libsql client the SQLite adapter connects', () => {
  const client = () => (payload.db as unknown as { client: LibsqlClient & Record<symbol, unknown> }).client

  it('should have patched the client the adapter created on connect', () => {
    expect(client()[sqliteWriteLockKey]).toBe(true)
    expect(client()).toEqual(
      expect.objectContaining({
        transaction: expect.any(Function),
        execute: expect.any(Function),
        batch: expect.any(Function),
        executeMultiple: expect.any(Function),
      }),
    )
  })

  it('should begin a second write transaction only once the first has committed', async () => {
    const first = await client().transaction('write')
    const order: string[] = []
    const second = client()
      .transaction('write')
      .then((tx) => (order.push('second began'), tx))
    await new Promise((resolve) => setTimeout(resolve, 100))
    order.push('first commits')
    await first.commit()
    await (await second).commit()
    expect(order).toEqual(['first commits', 'second began'])
  })
})
